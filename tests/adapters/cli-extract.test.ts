// `lede extract` keeps every id in order: a line whose extraction throws or overruns its time
// budget gets {id, error}, and the lines after it are still extracted.
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/commands/extract.ts';
import { WorkPool } from '../../src/core/work/pool.ts';
import { FAULT_MARKER, longText, withFaultMarker } from '../core/work-inputs.ts';

describe('lede extract with bad lines', () => {
  withFaultMarker();
  const work = new WorkPool({ budgetMs: 1000 });
  afterAll(() => work.close());

  it('answers every line in order, with {id, error} for the one that throws and the one that overruns', async () => {
    const lines = [
      { id: 'first', text: 'The mayor resigned on Monday, the council said.' },
      { id: 'throws', text: `The ferry was late again on Tuesday. ${FAULT_MARKER}` },
      { id: 'slow', text: longText() },
      'not json',
      { id: 'last', text: 'Police closed the bridge on Friday after the storm.' },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    input.end(lines.join('\n') + '\n');
    expect(await runExtract(input, output, work)).toBe(0);
    const out = written.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['first', 'throws', 'slow', 'line-4', 'last']);
    expect(out[0].sentences).toHaveLength(1);
    expect(out[1].error).toMatch(/test fault/);
    expect(out[2].error).toBe('took longer than 1 s to read; skipped');
    expect(out[3].error).toMatch(/JSON/);
    expect(out[4].sentences).toHaveLength(1);
  }, 120_000);
});
