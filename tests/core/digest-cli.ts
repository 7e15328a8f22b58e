// Runs the real `lede` program as a child process on a given SQLite file, for the digest tests
// that kill processes or run several at once, and counts the posts the terminal poster printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const LEDE = join(import.meta.dirname, '../../bin/lede.mjs');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Run>;
}

/** Starts `lede ARGS` on the SQLite file; `crashAfter` sets the injected crash point. */
export function startLede(sqlite: string, args: string[], options: { crashAfter?: string | null; env?: NodeJS.ProcessEnv } = {}): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, LEDE_SQLITE: sqlite, LEDE_ALLOW_HOSTS: '127.0.0.1', REDIS_URL: '', ...options.env };
  delete env.LEDE_TEST_CRASH_AFTER;
  if (options.crashAfter) env.LEDE_TEST_CRASH_AFTER = options.crashAfter;
  const child = spawn(process.execPath, [LEDE, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runLede(sqlite: string, args: string[], options: { crashAfter?: string | null; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return startLede(sqlite, args, options).done;
}

/** How many times each title was posted, over all outputs (a post starts with "── channel ──"). */
export function postCounts(outputs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const out of outputs) {
    for (const block of out.split(/^── /m).slice(1)) {
      const title = (block.split('\n')[1] ?? '').replace(/ <http[^>]*>$/, '');
      counts.set(title, (counts.get(title) ?? 0) + 1);
    }
  }
  return counts;
}
