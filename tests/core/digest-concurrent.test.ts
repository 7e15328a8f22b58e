// Two `lede digest --once` processes on one SQLite file at the same moment: every new article is
// posted once, not once per process, and the posted count `lede subscriptions` shows is the
// number of posts (no update lost between the two processes).
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storyParagraphs, storyTitle } from '../fakes/feeds/articles.ts';
import { openStore } from '../../src/core/store.ts';
import { postCounts, runLede } from './digest-cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-two-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the story elsewhere and moves it in, as docs/digests.md asks of folder sources. */
function drop(inbox: string, n: number): void {
  const tmp = join(dir, `.story-${n}.md`);
  writeFileSync(tmp, `# ${storyTitle(n)}\n\n${storyParagraphs(n).join('\n\n')}\n`);
  renameSync(tmp, join(inbox, `story-${n}.md`));
}

it('posts each item once when two processes poll one SQLite file together', async () => {
  const TRIALS = 4;
  const ITEMS = 8;
  for (let trial = 0; trial < TRIALS; trial++) {
    const sqlite = join(dir, `state-${trial}.sqlite`);
    const inbox = join(dir, `inbox-${trial}`);
    mkdirSync(inbox);
    const sub = await runLede(sqlite, ['subscribe', inbox, '--channel', 'desk']);
    expect(sub.code, sub.stderr).toBe(0);
    const titles: string[] = [];
    for (let k = 0; k < ITEMS; k++) {
      const n = 200 + trial * ITEMS + k;
      drop(inbox, n);
      titles.push(storyTitle(n));
    }
    const runs = await Promise.all([runLede(sqlite, ['digest', '--once']), runLede(sqlite, ['digest', '--once'])]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const counts = postCounts(runs.map((r) => r.stdout));
    expect([...counts].filter(([, c]) => c > 1), `trial ${trial}: duplicated`).toEqual([]);
    expect([...counts.keys()].sort(), `trial ${trial}: posted`).toEqual([...titles].sort());
    const list = await runLede(sqlite, ['subscriptions']);
    expect(list.stdout, `trial ${trial}`).toMatch(new RegExp(`ok, ${ITEMS} posted`));
  }
}, 240_000);

it('a lease on a SQLite file is held against another connection to it until released', async () => {
  const sqlite = join(dir, 'leases.sqlite');
  const [a, b] = [await openStore({ sqlitePath: sqlite }), await openStore({ sqlitePath: sqlite })];
  try {
    const held = await a.leases.tryAcquire('digest:poll:x');
    expect(held).not.toBeNull();
    expect(await b.leases.tryAcquire('digest:poll:x')).toBeNull();
    await held!.release();
    const next = await b.leases.tryAcquire('digest:poll:x');
    expect(next).not.toBeNull();
    await next!.release();
  } finally {
    await a.close();
    await b.close();
  }
});

