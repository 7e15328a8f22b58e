// Exactly once across crashes: real child processes sharing a real SQLite file are SIGKILLed at
// deterministic points (LEDE_TEST_CRASH_AFTER, read only by src/core/digest.ts) and restarted;
// every post they print is counted. Zero lost, zero duplicated.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fullItem, storyTitle } from '../fakes/feeds/articles.ts';
import { FeedServer } from '../fakes/feeds/server.ts';

const LEDE = join(import.meta.dirname, '../../bin/lede.mjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let server: FeedServer;
let dir: string;

beforeAll(async () => {
  server = await FeedServer.start();
  dir = mkdtempSync(join(tmpdir(), 'lede-crash-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function lede(args: string[], crashAfter: string | null = null): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LEDE_SQLITE: join(dir, 'state.sqlite'), LEDE_ALLOW_HOSTS: '127.0.0.1', REDIS_URL: '' };
  delete env.LEDE_TEST_CRASH_AFTER;
  if (crashAfter) env.LEDE_TEST_CRASH_AFTER = crashAfter;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LEDE, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** How many times each story title was posted, over all runs. */
function postCounts(outputs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const out of outputs) {
    for (const block of out.split(/^── /m).slice(1)) {
      const title = block.split('\n')[1].replace(/ <http[^>]*>$/, '');
      counts.set(title, (counts.get(title) ?? 0) + 1);
    }
  }
  return counts;
}

it('loses and duplicates nothing over repeated kill/restart cycles', async () => {
  server.rssItems = [fullItem(100, '2025-05-01T08:00:00Z')];
  const sub = await lede(['subscribe', `${server.url}/rss.xml`, '--channel', 'desk']);
  expect(sub.code, sub.stderr).toBe(0);
  expect(sub.stdout).toMatch(/1 item already there was marked as seen/);

  const outputs: string[] = [];
  const expected: string[] = [];
  let n = 101;
  let kills = 0;
  let restarts = 0;
  // Each cycle adds new items, then runs `digest --once` until it finishes: a run killed after
  // "pending" (nothing sent yet) leaves a post the next run must complete; a run killed after
  // building a post but before "pending" leaves an unseen item the next run must post.
  const plans: Array<Array<string | null>> = [
    ['pending', 'built', null],
    ['built', 'pending', null],
    ['pending', 'pending', 'built', null],
  ];
  for (const plan of plans) {
    // One new item per crash in the plan, so every crash point is reached.
    for (let k = 0; k < plan.filter(Boolean).length; k++, n++) {
      server.rssItems.unshift(fullItem(n, `2025-05-${String(n - 90).padStart(2, '0')}T08:00:00Z`));
      expected.push(storyTitle(n));
    }
    for (const crash of plan) {
      const run = await lede(['digest', '--once'], crash);
      outputs.push(run.stdout);
      if (crash) {
        expect(run.signal, `plan ${plans.indexOf(plan)}, ${crash}: ${run.stderr}`).toBe('SIGKILL');
        kills++;
      } else {
        expect(run.code, run.stderr).toBe(0);
        restarts++;
      }
    }
  }
  const counts = postCounts(outputs);
  const lost = expected.filter((t) => !counts.has(t));
  const duplicated = [...counts].filter(([, c]) => c > 1);
  console.log(`kill/restart: ${kills} kills, ${kills + restarts} runs, ${expected.length} new items, ${[...counts.values()].reduce((a, b) => a + b, 0)} posts, ${lost.length} lost, ${duplicated.length} duplicated`);
  expect(lost).toEqual([]);
  expect(duplicated).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
  // The old item present at subscription time was never posted.
  expect(counts.has(storyTitle(100))).toBe(false);

  // And the state agrees: nothing pending, a final run posts nothing.
  const last = await lede(['digest', '--once']);
  expect(last.stdout).toBe('');
  expect(last.stderr).toMatch(/0 posted, 0 subscriptions failing/);
  const list = await lede(['subscriptions']);
  expect(list.stdout).toMatch(/ok, \d+ posted/);
}, 180_000);
