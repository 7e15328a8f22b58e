// The test Redis: .ci/run starts a real redis-server and exports LEDE_TEST_REDIS_URL. Outside CI
// without one, the Redis suites are skipped with a message; in CI a missing server fails.
// Every test uses its own key prefix and deletes only keys under it.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

export const TEST_REDIS_URL = process.env.LEDE_TEST_REDIS_URL?.trim() || null;

if (!TEST_REDIS_URL) {
  if (process.env.CI) throw new Error('CI is set but LEDE_TEST_REDIS_URL is not: .ci/run must start redis-server for the Redis tests');
  console.warn('Redis tests SKIPPED: set LEDE_TEST_REDIS_URL=redis://127.0.0.1:PORT (e.g. after `redis-server --port 6399 --save "" --daemonize yes`)');
}

/** A key prefix no other test uses. */
export function testPrefix(name: string): string {
  return `lede-test:${name}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes the keys under one prefix (never FLUSHDB: the server may be shared). */
export async function deleteKeys(prefix: string): Promise<number> {
  if (!TEST_REDIS_URL) return 0;
  const client = createClient({ url: TEST_REDIS_URL });
  await client.connect();
  let n = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length) n += await client.del(keys);
    }
  } finally {
    await client.close();
  }
  return n;
}
