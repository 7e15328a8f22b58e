import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const articles = join(root, 'tests', 'fixtures', 'articles');

/** Folders this file writes state and inputs into, removed when it ends. */
const scratchDir = scratchFolders('lede-cli-');

function lede(args: string[], input = '', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the lede command', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite') };
  });

  it('ask --json prints the answer object with citations into the article text', () => {
    const r = lede(['ask', 'When did the warehouse fire happen?', '--data', articles, '--json'], '', env);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ type: 'when' });
    expect(answer.answer).toMatch(/Thursday/);
    expect(answer.citations[0]).toMatchObject({ articleId: 'harbor-fire' });
    expect(typeof answer.citations[0].start).toBe('number');
  });

  it('ask --jsonl answers every line in order and shares context within a conversation', () => {
    const input = [
      { id: 'a', question: 'Who is Marcus Okafor?', conversation: 'one' },
      { id: 'b', question: 'What did he say?', conversation: 'one' },
      { id: 'c', question: 'What did he say?' },
      'not json',
    ].map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
    const r = lede(['ask', '--jsonl', '--data', articles], input, env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', null]);
    expect(lines[0].answer).toMatch(/chief/i);
    expect(lines[1].answer).toMatch(/fuel depot|loading bay/);
    expect(lines[2].answer).toBeNull();
    expect(lines[3]).toMatchObject({ line: 4, error: expect.stringMatching(/^not JSON/) });
  });

  it('extract follows the eval contract: one facts line per article, errors per line, offsets into the text', () => {
    const text = 'The mayor said on Monday that the bridge would reopen.';
    const input = [JSON.stringify({ id: 'x1', title: null, published: '2024-06-05', url: null, text }), '{"id": "bad"', JSON.stringify({ id: 'x2', text: '' })].join('\n');
    const r = lede(['extract'], input, env);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].id).toBe('x1');
    for (const t of out[0].times) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(out[0].times.some((t: { value: string }) => t.value === '2024-06-03')).toBe(true);
    expect(out[1].error).toBeTruthy();
    expect(out[2]).toMatchObject({ id: 'x2', error: expect.any(String) });
  });

  it('facts prints the facts of one file and explains a file it cannot read', () => {
    const ok = lede(['facts', join(articles, 'harbor-fire.txt')], '', env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Marcus Okafor/);
    const dir = scratchDir();
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    const bad = lede(['facts', join(dir, 'blob.txt')], '', env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/binary/);
  });

  it('chat answers lines from standard input and runs slash commands', () => {
    const r = lede(['chat', '--data', articles], 'Who said "the most important safety vote"?\n/articles bike\n/quit\n', env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 articles loaded/);
    expect(r.stdout).toMatch(/Natarajan/);
    expect(r.stdout).toMatch(/bike lanes/i);
  });

  it('reports a bad configuration value clearly', () => {
    const r = lede(['ask', 'x'], '', { ...env, REDIS_URL: 'http://nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/REDIS_URL/);
  });

  it('npm start without tokens is the terminal chat over data/', () => {
    // A store of its own: the others' store keeps every article they loaded (the archive).
    const fresh = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite') };
    const out = execFileSync(process.execPath, [bin, 'start'], { cwd: root, input: 'Who was shot?\n', encoding: 'utf8', env: { ...process.env, ...fresh, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' } });
    expect(out).toMatch(/1 article loaded/);
    expect(out).toMatch(/Villegas-Gonzalez/);
  });
});
