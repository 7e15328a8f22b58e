// Exactly once across crashes: real child processes sharing a real SQLite file are SIGKILLed at
// deterministic points (LEDE_TEST_CRASH_AFTER, read only by src/core/digest.ts) and restarted;
// every post they print is counted. Zero lost, zero duplicated.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fullItem, storyParagraphs, storyTitle } from '../fakes/feeds/articles.ts';
import { FeedServer } from '../fakes/feeds/server.ts';
import { postCounts, runLede, startLede } from './digest-cli.ts';

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

const lede = (args: string[], crashAfter: string | null = null) => runLede(join(dir, 'state.sqlite'), args, { crashAfter });

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
  // building a post but before "pending" leaves an unseen item the next run must post; a run
  // killed after "posted" (printed, not yet marked posted) leaves a pending post the next run
  // must find in the terminal's journal and not print again.
  const plans: Array<Array<string | null>> = [
    ['pending', 'built', null],
    ['built', 'pending', 'posted', null],
    ['posted', 'pending', 'posted', 'built', null],
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
  // Every post counted once, also those completed by a later run.
  const list = await lede(['subscriptions']);
  expect(list.stdout).toMatch(new RegExp(`ok, ${expected.length} posted`));
}, 300_000);

/** Writes a story elsewhere and moves it into the folder (as docs/digests.md asks). */
function drop(inbox: string, n: number): void {
  const tmp = join(dir, `.story-${n}.md`);
  writeFileSync(tmp, `# ${storyTitle(n)}\n\n${storyParagraphs(n).join('\n\n')}\n`);
  renameSync(tmp, join(inbox, `story-${n}.md`));
}

it('loses, duplicates and miscounts nothing when digest --once is killed at random moments', async () => {
  const sqlite = join(dir, 'random.sqlite');
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  expect((await runLede(sqlite, ['subscribe', inbox, '--channel', 'desk'])).code).toBe(0);
  const TRIALS = 12;
  const PER_TRIAL = 3;
  const outputs: string[] = [];
  const expected: string[] = [];
  let kills = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    for (let k = 0; k < PER_TRIAL; k++) {
      const n = 300 + PER_TRIAL * trial + k;
      drop(inbox, n);
      expected.push(storyTitle(n));
    }
    // Killed at a random moment of its run (start-up, reading, building, posting, marking), as
    // an operator's kill -9 or an OOM kill would; the `posted` crash point above covers the
    // moment right after a post is printed deterministically.
    const run = startLede(sqlite, ['digest', '--once']);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 300 + Math.random() * 3000);
    const result = await run.done;
    clearTimeout(timer);
    if (result.signal === 'SIGKILL') kills++;
    outputs.push(result.stdout);
  }
  const last = await runLede(sqlite, ['digest', '--once']);
  expect(last.code, last.stderr).toBe(0);
  outputs.push(last.stdout);
  const counts = postCounts(outputs);
  const duplicated = [...counts].filter(([, c]) => c > 1);
  console.log(`random kills: ${kills} of ${TRIALS} runs killed, ${expected.length} items, ${[...counts.values()].reduce((a, b) => a + b, 0)} posts, ${duplicated.length} duplicated`);
  expect(duplicated).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
  const list = await runLede(sqlite, ['subscriptions']);
  expect(list.stdout).toMatch(new RegExp(`ok, ${expected.length} posted`));
}, 240_000);
