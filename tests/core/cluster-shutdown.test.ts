// Graceful shutdown: stopping while a digest post is in flight lets that post finish and be
// recorded, starts no new one, and leaves the rest for the next run (here or on another instance).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { DigestPoster, PostMeta } from '../../src/core/digest.ts';
import { Lede } from '../../src/core/lede.ts';

const dir = mkdtempSync(join(tmpdir(), 'lede-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('finishes the post in flight on stop, then no more; the next run posts the rest once', async () => {
  const folder = join(dir, 'desk');
  mkdirSync(folder);
  const store = { sqlitePath: join(dir, 'state.sqlite') };
  const ctx = { platform: 'slow', channel: 'news', conversation: 'slow:news' };
  const first = await Lede.open({ store, digest: { folderRoots: [dir] } });
  expect((await first.run('subscribe', { source: folder }, ctx)).kind).toBe('info');
  for (let i = 0; i < 5; i++) {
    writeFileSync(join(folder, `item-${i}.md`), `---\ntitle: Harbour notice ${i}\ndate: 2026-02-0${i + 1}\n---\n\nNotice ${i}: the harbour office changed its opening hours on Monday, a spokesperson said.`);
  }

  // A poster whose send takes a while; the test stops the instance while the first is in flight.
  const sent: string[] = [];
  let inFlight!: () => void;
  const started = new Promise<void>((resolve) => (inFlight = resolve));
  const slow: DigestPoster = {
    async post(_channel, _message, meta?: PostMeta) {
      inFlight();
      await new Promise((r) => setTimeout(r, 200));
      sent.push(meta!.postId);
    },
  };
  first.registerPoster('slow', slow);
  const poll = first.digests.pollOnce();
  await started;
  const closing = first.close(); // what `lede start` does on SIGTERM, after stopping adapters
  const result = await poll;
  await closing;
  expect(sent).toHaveLength(1);
  expect(result.posted).toBe(1);

  const second = await Lede.open({ store, digest: { folderRoots: [dir] } });
  const later: string[] = [];
  second.registerPoster('slow', { post: async (_c, _m, meta) => void later.push(meta!.postId) });
  expect(await second.digests.pollOnce()).toEqual({ posted: 4, errors: 0 });
  expect(new Set([...sent, ...later]).size).toBe(5);
  expect(await second.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
  await second.close();
});
