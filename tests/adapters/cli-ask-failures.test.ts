// `lede ask` as a real child process when lines or answers fail: every non-blank input line gets
// exactly one output line, in order, with the caller's id; a failed answer is an answer, not a crash.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_FAILED } from '../../src/core/ask.ts';
import { Lede } from '../../src/core/lede.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';
import { scratchFolders } from '../scratch.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'lede.mjs');
const scratchDir = scratchFolders('lede-ask-failures-');
const FAILING = 'What happened to the blossom at Hillcrest orchard?';

function lede(args: string[], input: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lede ask when a line or an answer fails', () => {
  let data: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const dir = scratchDir();
    data = join(dir, 'articles');
    mkdirSync(data);
    writeFileSync(join(data, 'orchard.json'), JSON.stringify({
      id: 'orchard', title: 'Orchard frost', published: '2024-03-02', url: null,
      text: '"The frost took half the blossom in one night," said grower Tomas Reyes of Hillcrest orchard.\n\nThe Hillcrest cider press will open a week late, on April 9.',
    }));
    env = { LEDE_SQLITE: join(dir, 'state.sqlite'), LOG_LEVEL: 'error' };
    // The archive holds what a faulty extractor wrote for this article (a speaker "name" that
    // is a number), read from the facts cache when it was loaded: every answerer that reads
    // attribution fails on it.
    const seed = await Lede.open({ store: { sqlitePath: env.LEDE_SQLITE } });
    const [article] = loadArticles(data).articles;
    const facts = extractFacts(article);
    const spoiled = { ...facts, quotes: facts.quotes.map((q) => ({ ...q, speaker: q.speaker && { ...q.speaker, name: 42 } })) };
    await seed.store.ns('facts').set(seed.library.cacheKey(article), spoiled);
    await seed.load(data);
    await seed.close();
  });

  it('ask --jsonl: one line per non-blank input line, the caller ids in order, whatever fails', () => {
    const input = [
      JSON.stringify({ id: 'good-1', question: 'When will the cider press open?' }),
      JSON.stringify({ id: 'fails', question: FAILING }),
      '',
      'this line is not JSON',
      '   ',
      'null',
      '[1, 2]',
      JSON.stringify({ id: 7, question: 42 }),
      JSON.stringify({ question: 'When will the cider press open?' }),
      JSON.stringify({ id: { caller: 'x' }, question: FAILING, conversation: 'c' }),
      JSON.stringify({ id: 'good-2', question: 'Where is the cider press?', conversation: 'c' }),
    ].join('\n');
    const r = lede(['ask', '--jsonl', '--data', data], input + '\n', env);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['good-1', 'fails', null, null, null, 7, null, { caller: 'x' }, 'good-2']);
    expect(out[0].answer).toMatch(/April 9/);
    expect(out[0]).not.toHaveProperty('line');
    expect(out[1]).toMatchObject({ answer: null, confidence: 0, citations: [], error: ANSWER_FAILED, line: 2 });
    expect(out[2]).toMatchObject({ line: 4, error: expect.stringMatching(/^not JSON/) });
    expect(out[3]).toMatchObject({ line: 6, error: expect.stringMatching(/JSON object/) });
    expect(out[4]).toMatchObject({ line: 7, error: expect.stringMatching(/JSON object/) });
    expect(out[5]).toMatchObject({ line: 8, error: 'question must be a string' });
    expect(out[6]).toMatchObject({ line: 9, type: 'when' });
    expect(out[7]).toMatchObject({ line: 10, error: ANSWER_FAILED });
    expect(out[8].error).toBeUndefined();
    // The operator log says what failed and for which kind of question.
    expect(r.stderr).toMatch(/"kind":"what-happened"/);
  });

  it('ask --json prints the error answer and exits 0; plain ask says it could not answer', () => {
    const json = lede(['ask', FAILING, '--data', data, '--json'], '', env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ answer: null, type: 'what-happened', citations: [], error: ANSWER_FAILED });
    const plain = lede(['ask', FAILING, '--data', data], '', env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/could not answer/i);
  });

  it('only a usage error exits non-zero', () => {
    expect(lede(['ask', '   ', '--data', data], '', env).code).toBe(2);
  });
});
