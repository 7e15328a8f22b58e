// "Has anyone handled this yet?" for requests that may arrive twice (a Slack retry reaching
// another instance, a replayed signed request, a delivery after a restart): the first caller
// to claim a key within its time-to-live wins, in every instance and across restarts, because
// the claim lives in the store. Redis: SET key 1 NX PX ttl. SQLite: one INSERT … ON CONFLICT …
// RETURNING statement on the store's table, atomic even between processes sharing the file.
import type { SqliteHandle, Store } from './store.ts';

export interface Claims {
  /** True for the first claim of `key` within `ttlMs`; false while an earlier claim holds. */
  first(key: string, ttlMs: number): Promise<boolean>;
}

/** SQLite rows of claims; kept apart from every keyv namespace ("facts:", "seen:", …). */
const SQLITE_PREFIX = 'claims:';
/** Expired claim rows are swept after this many claims. */
const SWEEP_EVERY = 200;

function redisClaims(redis: NonNullable<Store['redis']>): Claims {
  return {
    async first(key, ttlMs) {
      const set = await redis.client.set(`${redis.prefix}claim:${key}`, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
      return set === 'OK';
    },
  };
}

function sqliteClaims({ query, table }: SqliteHandle): Claims {
  let claims = 0;
  return {
    async first(key, ttlMs) {
      const now = Date.now();
      // The value is keyv's own format ({value, expires}), so the row reads like any stored key.
      const value = JSON.stringify({ value: true, expires: now + ttlMs });
      // Inserted, or taken over from an expired claim: a row comes back. A live claim: none.
      const rows = (await query(
        `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE json_extract(${table}.value, '$.expires') <= ? RETURNING key`,
        `${SQLITE_PREFIX}${key}`,
        value,
        now,
      )) as unknown[];
      if (++claims % SWEEP_EVERY === 0) {
        await query(`DELETE FROM ${table} WHERE key LIKE '${SQLITE_PREFIX}%' AND json_extract(value, '$.expires') <= ?`, now);
      }
      return rows.length > 0;
    },
  };
}

/** Claims held in this process only, for callers with no store (tests of one instance). */
export function memoryClaims(): Claims {
  const until = new Map<string, number>();
  return {
    async first(key, ttlMs) {
      const now = Date.now();
      for (const [k, at] of until) if (at <= now) until.delete(k);
      if (until.has(key)) return false;
      until.set(key, now + ttlMs);
      return true;
    },
  };
}

/** The claims of a store: in Redis, or in the SQLite file. */
export function claimsFor(store: Store): Claims {
  if (store.redis) return redisClaims(store.redis);
  return store.sqlite ? sqliteClaims(store.sqlite) : memoryClaims();
}
