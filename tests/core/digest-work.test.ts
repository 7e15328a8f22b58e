// A hostile digest item (a 300,000-character article in a subscribed folder) is read and its
// facts extracted in the work pool: while it is processed, this process still answers others.
import { writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';
import type { Reply } from '../../src/core/reply.ts';
import { sharedPool, type WorkEvent } from '../../src/core/work/pool.ts';
import { scratchFolders } from '../scratch.ts';
import { FAULT_MARKER, longText, withFaultMarker } from './work-inputs.ts';

withFaultMarker();

const scratch = scratchFolders('lede-digest-work-');

describe('a digest of a long item', () => {
  let server: Server;
  let url: string;
  // Digests read their sources in the process's shared pool; the Lede extracts in it too.
  const work = sharedPool();
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A Lede on the shared pool, its terminal channel subscribed to a new empty folder; posts are collected. */
  async function subscribedFolder() {
    const folder = scratch();
    const lede = await Lede.open({ store: { sqlitePath: ':memory:' }, work });
    const posts: Reply[] = [];
    lede.registerPoster('cli', { post: async (_channel, message) => void posts.push(message) });
    const ctx = { platform: 'cli', channel: 'news', conversation: 'news' };
    expect((await lede.run('subscribe', { source: folder }, ctx)).kind).toBe('info');
    return { folder, lede, posts, ctx };
  }

  it('keeps the event loop answering while the item is read and its facts extracted', async () => {
    const { folder, lede, posts, ctx } = await subscribedFolder();
    try {
      writeFileSync(join(folder, 'long.txt'), `Harbour news in depth\n\n${longText(300_000)}`);
      // The slow part, the facts of the long article (seconds): a request started when it starts
      // must be answered before it ends (the old, in-thread way answered only after). Reading
      // the file is quick, so for it only where it ran is checked.
      const checks: Array<Promise<boolean>> = [];
      const started: string[] = [];
      const ended = new Set<string>();
      const onStart = (e: WorkEvent) => {
        started.push(e.task);
        if (e.task !== 'extract') return;
        checks.push(
          new Promise((resolve, reject) => {
            get(url, { agent: false }, (res) => {
              res.resume();
              res.on('end', () => resolve(!ended.has(e.label)));
            }).on('error', reject);
          }),
        );
      };
      const onEnd = (e: WorkEvent) => void ended.add(e.label);
      work.on('start', onStart).on('end', onEnd);
      const result = await lede.digests.pollOnce();
      work.off('start', onStart).off('end', onEnd);
      expect(result).toEqual({ posted: 1, errors: 0 });
      expect(posts).toHaveLength(1);
      // The long file was read, and its article's facts extracted, in the pool.
      expect(started).toEqual(expect.arrayContaining(['file', 'extract']));
      expect(await Promise.all(checks)).toEqual(checks.map(() => true));
    } finally {
      await lede.close();
    }
  }, 120_000);

  it('skips for good an item that cannot be read, says so once, and posts the rest', async () => {
    const { folder, lede, posts, ctx } = await subscribedFolder();
    try {
      // Its extraction throws, every time (the test fault marker stands for any such article).
      writeFileSync(join(folder, 'broken.txt'), `Council report\n\nThe council met again on Monday. ${FAULT_MARKER}`);
      writeFileSync(join(folder, 'short.txt'), 'Ferry back on time\n\nThe harbour ferry ran on time on Monday, the operator said.');
      const first = await lede.digests.pollOnce();
      expect(first).toEqual({ posted: 1, errors: 1 });
      expect(posts).toHaveLength(1);
      const listing = await lede.run('subscriptions', {}, ctx);
      expect(JSON.stringify(listing)).toMatch(/could not be read and were skipped: .*test fault/);
      // Not retried on the next poll: no error, nothing posted twice.
      expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
      expect(posts).toHaveLength(1);
    } finally {
      await lede.close();
    }
  }, 120_000);
});
