// Marking a feed's back catalogue seen in one go: every item reads as seen afterwards, on the
// embedded SQLite file (multi-row statements on keyv's table) and on a real Redis (setMany).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DigestState } from '../../src/core/digest/state.ts';
import { openStore, type StoreOptions } from '../../src/core/store.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';

const dir = mkdtempSync(join(tmpdir(), 'lede-digest-state-'));
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteKeys(p);
});

const backends: Array<{ name: string; options: () => StoreOptions }> = [
  { name: 'sqlite', options: () => ({ sqlitePath: join(dir, 'state.sqlite') }) },
  {
    name: 'redis',
    options: () => {
      const prefix = testPrefix('digest-state');
      prefixes.push(prefix);
      return { redisUrl: TEST_REDIS_URL, keyPrefix: prefix };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.name === 'redis' && !TEST_REDIS_URL)(`seen items on ${backend.name}`, () => {
    it('marks 1,001 items seen at once, and no others', async () => {
      const options = backend.options();
      const keys = Array.from({ length: 1001 }, (_, i) => `g:item-${i}`);
      const store = await openStore(options);
      try {
        const state = new DigestState(store);
        await state.markSeenMany('sub1', keys, 'existing');
        await state.markSeenMany('sub1', [], 'existing');
        for (const k of [keys[0], keys[399], keys[400], keys[1000]]) expect(await state.isSeen('sub1', k)).toBe(true);
        expect(await state.isSeen('sub1', 'g:item-1001')).toBe(false);
        expect(await state.isSeen('sub2', keys[0])).toBe(false);
      } finally {
        await store.close();
      }
      // What was written survives a restart.
      const again = await openStore(options);
      try {
        expect(await new DigestState(again).isSeen('sub1', keys[777])).toBe(true);
      } finally {
        await again.close();
      }
    });
  });
}
