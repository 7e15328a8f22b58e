// One suite, run against both backends: the embedded SQLite file and a real Redis server.
// The same code paths must give the same answers, keep the facts cache warm across restarts,
// re-parse everything after an extractor upgrade, and keep digest state and leases.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DigestPoster } from '../../src/core/digest.ts';
import { Lede } from '../../src/core/lede.ts';
import { Library } from '../../src/core/library.ts';
import type { Reply } from '../../src/core/reply.ts';
import { NAMESPACES, openStore, type StoreOptions } from '../../src/core/store.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';

const ARTICLES = join(import.meta.dirname, '..', 'fixtures', 'articles');
const QUESTIONS = [
  'When did the warehouse fire happen?',
  'What did Okafor say?',
  'Who said "the most important safety vote we have taken"?',
  'How many people does Tidewater Grain Cooperative employ?',
  'Who is Priya Natarajan?',
];

const dir = mkdtempSync(join(tmpdir(), 'lede-store-'));
const prefixes: string[] = [];
/** Answers per backend, compared once both have run. */
const answers = new Map<string, unknown[]>();

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const p of prefixes) await deleteKeys(p);
});

interface Backend {
  name: 'sqlite' | 'redis';
  /** Options for a store that a later open() of the same name sees again. */
  options(name: string): StoreOptions;
}

const sqlite: Backend = { name: 'sqlite', options: (name) => ({ sqlitePath: join(dir, `${name}.sqlite`) }) };
const redisPrefixes = new Map<string, string>();
const redis: Backend = {
  name: 'redis',
  options(name) {
    let prefix = redisPrefixes.get(name);
    if (!prefix) {
      redisPrefixes.set(name, (prefix = testPrefix(`store-${name}`)));
      prefixes.push(prefix);
    }
    return { redisUrl: TEST_REDIS_URL, keyPrefix: prefix };
  },
};

function recordingPoster(): DigestPoster & { posts: Array<{ channel: string; message: Reply; postId?: string }> } {
  const posts: Array<{ channel: string; message: Reply; postId?: string }> = [];
  return { posts, post: async (channel, message, meta) => void posts.push({ channel, message, postId: meta?.postId }) };
}

const articleCount = loadArticles(ARTICLES).articles.length;

for (const backend of [sqlite, redis]) {
  describe.skipIf(backend.name === 'redis' && !TEST_REDIS_URL)(`store on ${backend.name}`, () => {
    it('keeps namespaces apart and values intact', async () => {
      const store = await openStore(backend.options('namespaces'));
      try {
        expect(store.backend).toBe(backend.name);
        for (const ns of NAMESPACES) await store.ns(ns).set('same-key', { ns, list: [1, 2, 3], text: 'ünïcødé “quotes”' });
        for (const ns of NAMESPACES) expect(await store.ns(ns).get('same-key')).toEqual({ ns, list: [1, 2, 3], text: 'ünïcødé “quotes”' });
        await store.ns('seen').delete('same-key');
        expect(await store.ns('seen').get('same-key')).toBeUndefined();
        expect(await store.ns('digest').get('same-key')).toEqual({ ns: 'digest', list: [1, 2, 3], text: 'ünïcødé “quotes”' });
        // Expiring entries (conversation context) are gone after their time.
        await store.ns('conversations').set('short', { topic: 'x' }, 30);
        await new Promise((r) => setTimeout(r, 150));
        expect(await store.ns('conversations').get('short')).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    it('answers the same questions with the same answers', async () => {
      const lede = await Lede.open({ dataPath: ARTICLES, store: backend.options('answers') });
      try {
        const got = [];
        for (const [i, q] of QUESTIONS.entries()) got.push(await lede.answer(q, `store-${i}`));
        expect(got[0].answer).toMatch(/March 7, 2024/);
        expect(got[2].answer).toMatch(/Natarajan/);
        // A follow-up uses the context the store kept for the conversation.
        const follow = await lede.answer('What did she say?', 'store-4');
        expect(follow.answer).toMatch(/Natarajan|lanes/);
        got.push(follow);
        answers.set(backend.name, got);
        const other = answers.get(backend.name === 'sqlite' ? 'redis' : 'sqlite');
        if (other) expect(got).toEqual(other);
      } finally {
        await lede.close();
      }
    });

    it('restarts with a warm cache without parsing, and re-parses everything after an upgrade', async () => {
      const options = backend.options('cache');
      const first = await Lede.open({ dataPath: ARTICLES, store: options });
      expect(first.library.stats).toEqual({ parsed: articleCount, cached: 0 });
      await first.close();

      // Nothing is parsed again. Beside a stored archive (SQLite) the unchanged files are not even
      // read (their stamps say so); an archive a restart empties (memory, on Redis) takes the facts from the cache.
      const second = await Lede.open({ dataPath: ARTICLES, store: options });
      expect(second.library.stats).toEqual({ parsed: 0, cached: backend.name === 'sqlite' ? 0 : articleCount });
      expect((await second.answer(QUESTIONS[0], 'c')).answer).toMatch(/March 7, 2024/);
      await second.close();

      // A new extractor version: every article is parsed again, once.
      const store = await openStore(options);
      try {
        const upgraded = new Library(store.ns('facts'), 'next-extractor-version');
        await upgraded.addAll(loadArticles(ARTICLES).articles);
        expect(upgraded.stats).toEqual({ parsed: articleCount, cached: 0 });
        const again = new Library(store.ns('facts'), 'next-extractor-version');
        await again.addAll(loadArticles(ARTICLES).articles);
        expect(again.stats).toEqual({ parsed: 0, cached: articleCount });
      } finally {
        await store.close();
      }
    });

    it('keeps digest state: a new file in a subscribed folder is posted once, across restarts', async () => {
      const folder = join(dir, `feed-${backend.name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'old.txt'), 'An old story about the harbour.\n\nThe harbour opened in 1901, officials said.');
      const options = backend.options('digest');
      const ctx = { platform: 'test', channel: 'news', conversation: 'test:news' };

      const a = await Lede.open({ store: options, digest: { folderRoots: [dir] } });
      const posterA = recordingPoster();
      a.registerPoster('test', posterA);
      const sub = await a.run('subscribe', { source: folder }, ctx);
      expect(sub.text).toMatch(/1 item already there was marked as seen/);
      writeFileSync(join(folder, 'new.txt'), 'Bridge reopens after repairs\n\nThe Elm Street bridge reopened on Monday after six weeks of repairs, the city said.');
      expect(await a.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
      expect(posterA.posts.map((p) => p.channel)).toEqual(['news']);
      await a.close();

      const b = await Lede.open({ store: options, digest: { folderRoots: [dir] } });
      const posterB = recordingPoster();
      b.registerPoster('test', posterB);
      expect(await b.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
      expect(posterB.posts).toEqual([]);
      const list = await b.run('subscriptions', {}, ctx);
      expect(list.text).toMatch(/ok, 1 posted/);
      await b.close();
    });

    it('gives a lease to one holder at a time, and again after release or expiry', async () => {
      const one = await openStore(backend.options('leases'));
      // Redis: a second connection stands for a second instance. SQLite: one process.
      const two = backend.name === 'redis' ? await openStore(backend.options('leases')) : one;
      try {
        const held = await one.leases.tryAcquire('x', { ttlMs: 10_000 });
        expect(held).not.toBeNull();
        expect(await two.leases.tryAcquire('x', { ttlMs: 10_000 })).toBeNull();
        await held!.release();
        const again = await two.leases.tryAcquire('x', { ttlMs: 10_000 });
        expect(again).not.toBeNull();
        await again!.release();

        // A holder that stops renewing (a crash) loses the lease when it expires.
        const crashed = await one.leases.tryAcquire('y', { ttlMs: 100 });
        expect(crashed).not.toBeNull();
        await new Promise((r) => setTimeout(r, 300));
        const taken = await two.leases.tryAcquire('y', { ttlMs: 10_000 });
        expect(taken).not.toBeNull();
        // The old holder's release does not free the new holder's lease.
        await crashed!.release();
        expect(await one.leases.tryAcquire('y', { ttlMs: 10_000 })).toBeNull();
        await taken!.release();

        // A renewed lease outlives its time to live.
        // (A time to live of a second leaves a busy 2-core machine room to renew; three of them pass.)
        const renewed = await one.leases.tryAcquire('z', { ttlMs: 1000, renew: true });
        await new Promise((r) => setTimeout(r, 3000));
        expect(renewed!.lost).toBe(false);
        expect(await two.leases.tryAcquire('z')).toBeNull();
        await renewed!.release();
      } finally {
        if (two !== one) await two.close();
        await one.close();
      }
    });
  });
}
