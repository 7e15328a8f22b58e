// One bad article never stops a load: an article whose extraction throws and one that
// overruns its time budget are reported with their source and why; the others load.
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';
import { WorkPool } from '../../src/core/work/pool.ts';
import { scratchFolders } from '../scratch.ts';
import { FAULT_MARKER, longText, withFaultMarker } from './work-inputs.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'articles');
const scratch = scratchFolders('lede-isolation-');

/** A folder with the two good fixture articles, one that throws in extraction and one far too slow for a 1 s budget. */
function folder(): string {
  const dir = scratch();
  copyFileSync(join(fixtures, 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
  copyFileSync(join(fixtures, 'council-vote.md'), join(dir, 'council-vote.md'));
  writeFileSync(join(dir, 'throws.txt'), `2025-03-01 (Staff, Test Wire) The ferry was late again on Tuesday. ${FAULT_MARKER}\n`);
  writeFileSync(join(dir, 'slow.txt'), longText());
  return dir;
}

describe('loading a folder with a throwing and an overrunning article', () => {
  withFaultMarker();
  const pools: WorkPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('Lede.load adds the good ones and reports each bad one with its source and reason; cached facts are reused', async () => {
    const dir = folder();
    const sqlite = join(scratch(), 'state.sqlite');
    const work = new WorkPool({ budgetMs: 1000 });
    pools.push(work);
    const lede = await Lede.open({ store: { sqlitePath: sqlite }, work });
    try {
      const { added, problems } = await lede.load(dir);
      expect(added).toBe(2);
      expect([...lede.library.all()].map((a) => a.article.id).sort()).toEqual(['council-vote', 'harbor-fire']);
      expect(problems).toHaveLength(2);
      const throws = problems.find((p) => p.source.includes('throws.txt'));
      expect(throws?.message).toMatch(/test fault/);
      const slow = problems.find((p) => p.source.includes('slow.txt'));
      expect(slow?.message).toBe('took longer than 1 s to read; skipped');
      expect(lede.problems).toEqual(problems);
      expect(lede.library.stats).toEqual({ parsed: 2, cached: 0 });
      expect((await lede.answer('When did the warehouse fire happen?', 'c1')).answer).toMatch(/Thursday/);
    } finally {
      await lede.close();
    }
    // A second start does not read the good articles' files again (unchanged, in the archive); the bad ones are tried again.
    const again = await Lede.open({ store: { sqlitePath: sqlite }, work });
    try {
      const { added, problems } = await again.load(dir);
      expect(added).toBe(2);
      expect(problems.map((p) => p.source).sort()).toEqual([expect.stringContaining('slow.txt'), expect.stringContaining('throws.txt')]);
      expect(again.library.stats).toEqual({ parsed: 0, cached: 0 });
    } finally {
      await again.close();
    }
  }, 120_000);

  it('`lede ask --data` answers from the good articles and names the bad one (a real process)', () => {
    const dir = scratch();
    copyFileSync(join(fixtures, 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
    writeFileSync(join(dir, 'throws.txt'), `2025-03-01 (Staff, Test Wire) The ferry was late again on Tuesday. ${FAULT_MARKER}\n`);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'lede.mjs'), 'ask', '--data', dir, 'When did the warehouse fire happen?'], {
      encoding: 'utf8',
      env: { ...process.env, LEDE_SQLITE: join(scratch(), 'state.sqlite'), LEDE_TEST_EXTRACT_FAULT: FAULT_MARKER },
      timeout: 120_000,
    });
    expect(r.stderr).toMatch(/skipped .*throws\.txt.*test fault/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Thursday/);
  }, 120_000);
});
