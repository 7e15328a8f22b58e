// A one-off `lede ask` only reads the archive: while another process holds a long write
// transaction on it (an ingest writing a batch), the question is answered and the process exits
// 0, instead of failing after SQLite's busy timeout. With --data over files already in, nothing
// is written either.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archivePath } from '../../src/core/archive/index.ts';
import { scratchFolders } from '../scratch.ts';
import { newsLines, personOf } from '../core/ingest-inputs.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const scratch = scratchFolders('lede-cli-reader-');

// A writer holding the archive's write lock (BEGIN IMMEDIATE) until it is killed; it says "held" once it has it.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO archive_gone (idx) VALUES (-1)").run();
process.stdout.write('held\\n');
setInterval(() => {}, 1000);
`;

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) h.kill('SIGKILL');
});

function holdWriteLock(archive: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', HOLDER, archive], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    holders.push(child);
    child.stdout.on('data', (chunk) => String(chunk).includes('held') && resolve());
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

function lede(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a one-off lede ask beside a writer', () => {
  it('answers from the archive while another process holds its write lock, with and without --data', async () => {
    const dir = scratch();
    const data = scratch();
    writeFileSync(join(data, 'wire.jsonl'), newsLines(6, 'wire').join('\n') + '\n');
    const env = { LEDE_SQLITE: join(dir, 'state.sqlite') };
    const first = spawnSync(process.execPath, [bin, 'ingest', data], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
    expect(first.status).toBe(0);

    await holdWriteLock(archivePath(env.LEDE_SQLITE));
    const question = `Who is ${personOf(2)}?`;
    // No data to load (LEDE_DATA an empty folder): the stored archive alone answers.
    const plain = await lede(['ask', question, '--json'], { ...env, LEDE_DATA: scratch() });
    expect(plain.stderr).not.toMatch(/locked|busy/i);
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as { answer: string | null }).answer).not.toBeNull();
    // The same files again: all of them already in, so nothing to write.
    const withData = await lede(['ask', question, '--json', '--data', data], env);
    expect(withData.stderr).not.toMatch(/locked|busy/i);
    expect(withData.code).toBe(0);
    expect((JSON.parse(withData.stdout) as { answer: string | null }).answer).not.toBeNull();
  }, 300_000);
});
