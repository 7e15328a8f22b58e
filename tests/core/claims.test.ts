// Claims ("first to handle this wins") on both backends: exactly one winner among concurrent
// claimers, including two stores opened on one SQLite file or one Redis; a claim lapses after
// its time-to-live.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/core/claims.ts';
import { openStore, type Store, type StoreOptions } from '../../src/core/store.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';
import { scratchFolders } from '../scratch.ts';

const folder = scratchFolders('lede-claims-');
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteKeys(p);
});

const backends: Array<{ name: string; skip: boolean; options: () => StoreOptions }> = [
  { name: 'sqlite', skip: false, options: () => ({ sqlitePath: join(folder(), 'state.sqlite') }) },
  {
    name: 'redis',
    skip: !TEST_REDIS_URL,
    options: () => {
      const keyPrefix = testPrefix('claims');
      prefixes.push(keyPrefix);
      return { redisUrl: TEST_REDIS_URL, keyPrefix };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`claims on ${backend.name}`, () => {
    it('gives a key to exactly one of many concurrent claimers in two stores', async () => {
      const options = backend.options();
      const stores: Store[] = [await openStore(options), await openStore(options)];
      try {
        const [a, b] = stores.map(claimsFor);
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).first('sig:abc', 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await a.first('sig:other', 60_000)).toBe(true);
      } finally {
        for (const s of stores) await s.close();
      }
    });

    it('lets a key be claimed again once its claim has lapsed', async () => {
      const store = await openStore(backend.options());
      try {
        const claims = claimsFor(store);
        expect(await claims.first('held', 60_000)).toBe(true);
        expect(await claims.first('held', 60_000)).toBe(false);
        // A claim of 1 ms has lapsed after any wait longer than that, however busy the machine.
        expect(await claims.first('brief', 1)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await claims.first('brief', 60_000)).toBe(true);
        expect(await claims.first('brief', 60_000)).toBe(false);
      } finally {
        await store.close();
      }
    });
  });
}
