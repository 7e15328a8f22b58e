// `lede ingest` as a real process: killed half-way (SIGKILL), a re-run loses nothing already
// parsed (the facts cache) or written (the archive), adds no duplicate, and a third run finds
// everything in. A bad line is reported with its line number and counted every time it is read.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch.ts';
import { newsLines, personOf } from '../core/ingest-inputs.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const scratch = scratchFolders('lede-cli-ingest-');

interface Summary {
  added: number;
  already: number;
  failed: number;
  parsed: number;
  cached: number;
  articles: number;
}

/** The last line of an ingest: "lede: 3 added, 0 already in, 1 failed; facts 3 parsed, 0 from the cache; 3 articles in …". */
function summary(stderr: string): Summary {
  const m = stderr.match(/lede: (\d+) added, (\d+) already in, (\d+) failed; facts (\d+) parsed, (\d+) from the cache; (\d+) articles in/);
  if (!m) throw new Error(`no summary in: ${stderr}`);
  const [added, already, failed, parsed, cached, articles] = m.slice(1).map(Number);
  return { added, already, failed, parsed, cached, articles };
}

function ingest(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, 'ingest', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: r.status, stderr: r.stderr };
}

/** Starts an ingest and kills it (SIGKILL) as soon as its stderr matches `when`. */
function ingestKilledWhen(args: string[], env: Record<string, string>, when: RegExp): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'ingest', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      if (when.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('lede ingest', () => {
  it('killed half-way, resumes without re-parsing or duplicating; a third run finds everything in', async () => {
    const dir = scratch();
    const lines = newsLines(200, 'wire');
    lines[119] = '{"id": "wire-120", "text": '; // line 120 is broken
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const env = { LEDE_SQLITE: join(dir, 'state.sqlite') };

    // Lines are finished in order: when line 120 is reported, lines 1–100 are written (two batches
    // of 50) and 101–119 are parsed (their facts cached) but not yet written.
    const killed = await ingestKilledWhen(['--batch', '50', file], env, /wire\.jsonl \(line 120\)/);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).not.toMatch(/articles in/);

    const resumed = ingest(['--batch', '50', file], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/lede: skipped .*wire\.jsonl \(line 120\): .*JSON/);
    const second = summary(resumed.stderr);
    if (second.cached < 19) console.log(second, killed.stderr, resumed.stderr); // (a failure's evidence)
    expect(second.articles).toBe(199);
    expect(second.failed).toBe(1);
    expect(second.added + second.already).toBe(199);
    expect(second.already).toBeGreaterThanOrEqual(100);
    // What the killed run parsed and did not write comes from the facts cache: at most lines 121–200 are parsed.
    expect(second.cached).toBeGreaterThanOrEqual(19);
    expect(second.parsed).toBeLessThanOrEqual(80);

    // The file is unchanged since: its stamp skips it unread (the bad line is not met again).
    const third = summary(ingest([file], env).stderr);
    expect(third).toMatchObject({ added: 0, already: 200, failed: 0, parsed: 0, articles: 199 });

    // So does a start with --data: the answer comes from the archive, the file is not read again.
    const ask = spawnSync(process.execPath, [bin, 'ask', '--json', '--data', file, `Who is ${personOf(200)}?`], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    expect(ask.status).toBe(0);
    expect(ask.stderr).not.toMatch(/line 120/);
    expect(JSON.parse(ask.stdout).citations[0]?.articleId).toMatch(/^wire-/);
  }, 600_000);

  it('says how to use it without a path', () => {
    const r = ingest([], { LEDE_SQLITE: join(scratch(), 'state.sqlite') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: lede ingest PATH/);
  });
});
