// Leases: "this instance, and no other, does X for the next N ms". With Redis they are the
// single-instance lock pattern documented with the SET command (SET key token NX PX ttl; release
// and renewal only by the holder's token, checked in one Lua script so the check and the change
// are atomic). A holder that crashes stops renewing and its lease expires, so another instance
// takes over. On a SQLite file, which several processes may open at once (two `lede digest
// --once` runs, or a bot and a cron job), a lease is a row of its own table, taken and given
// up by single statements: SQLite runs each statement atomically across processes.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RedisClientType } from 'redis';

export interface Lease {
  readonly name: string;
  /** True once the lease could not be renewed: another instance may hold it now. */
  readonly lost: boolean;
  /** Gives the lease up (only if still ours) and stops renewing it. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** How long the lease lasts without renewal (default 30 s). */
  ttlMs?: number;
  /** Renew every ttl/3 until released (for work whose length is not known). */
  renew?: boolean;
}

export interface Leases {
  /** One attempt: the lease, or null when another holder has it. */
  tryAcquire(name: string, options?: AcquireOptions): Promise<Lease | null>;
  /** Runs `work` holding the lease, waiting for it when another holder has it. */
  exclusive<T>(name: string, work: () => Promise<T>, options?: AcquireOptions & { waitMs?: number }): Promise<T>;
  /** The time to live of a lease taken without one. */
  readonly defaultTtlMs: number;
}

/** How long a lease lives without renewal, unless the store was opened with another (LEDE_LEASE_MS). */
export const DEFAULT_LEASE_MS = 30_000;

// Delete / extend only when the value is still our token (from the SET command documentation).
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

interface Backend {
  set(key: string, token: string, ttlMs: number): Promise<boolean>;
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function makeLeases(backend: Backend, keyOf: (name: string) => string, defaultTtl: number): Leases {
  async function tryAcquire(name: string, options: AcquireOptions = {}): Promise<Lease | null> {
    const ttl = options.ttlMs ?? defaultTtl;
    const key = keyOf(name);
    const token = randomUUID();
    if (!(await backend.set(key, token, ttl))) return null;
    let lost = false;
    let released = false;
    let timer: NodeJS.Timeout | null = null;
    if (options.renew) {
      const renew = async () => {
        if (released) return;
        try {
          lost = !(await backend.renew(key, token, ttl));
        } catch {
          lost = true;
        }
        if (!lost && !released) {
          timer = setTimeout(renew, ttl / 3);
          timer.unref();
        }
      };
      timer = setTimeout(renew, ttl / 3);
      timer.unref();
    }
    return {
      name,
      get lost() {
        return lost;
      },
      async release() {
        if (released) return;
        released = true;
        if (timer) clearTimeout(timer);
        if (!lost) await backend.release(key, token).catch(() => undefined);
      },
    };
  }

  async function exclusive<T>(name: string, work: () => Promise<T>, options: AcquireOptions & { waitMs?: number } = {}): Promise<T> {
    const deadline = Date.now() + (options.waitMs ?? 60_000);
    let wait = 5;
    for (;;) {
      const lease = await tryAcquire(name, options);
      if (lease) {
        try {
          return await work();
        } finally {
          await lease.release();
        }
      }
      if (Date.now() > deadline) throw new Error(`lease ${name}: still held by another instance after ${options.waitMs ?? 60_000} ms`);
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 200);
    }
  }

  return { tryAcquire, exclusive, defaultTtlMs: defaultTtl };
}

/** Leases in Redis, keys `${prefix}lease:${name}`. */
export function redisLeases(client: RedisClientType, prefix: string, defaultTtl = DEFAULT_LEASE_MS): Leases {
  const backend: Backend = {
    async set(key, token, ttlMs) {
      return (await client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: Math.round(ttlMs) } })) === 'OK';
    },
    async renew(key, token, ttlMs) {
      return Number(await client.eval(RENEW_SCRIPT, { keys: [key], arguments: [token, String(Math.round(ttlMs))] })) === 1;
    },
    async release(key, token) {
      await client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] });
    },
  };
  return makeLeases(backend, (name) => `${prefix}lease:${name}`, defaultTtl);
}

/** Runs one SQL statement and gives its rows (keyv's SQLite adapter's `query`). */
export type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;

const LEASE_TABLE = 'lede_leases';

/** Who holds a SQLite lease: host and process id, so a holder killed on this host is noticed. */
const HOLDER = `${hostname()}:${process.pid}`;

/**
 * Whether the holder is a process of this host that no longer runs (e.g. a `digest --once`
 * killed with SIGKILL): its lease is taken over at once instead of after the lease time, so the
 * next run completes its pending post. Holders on other hosts are trusted until their time is up.
 */
function holderIsGone(holder: unknown): boolean {
  if (typeof holder !== 'string') return false;
  const at = holder.lastIndexOf(':');
  const pid = Number(holder.slice(at + 1));
  if (holder.slice(0, at) !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Leases in a SQLite table, shared by every process that opens the file. */
export function sqliteLeases(query: SqlQuery, defaultTtl = DEFAULT_LEASE_MS): Leases {
  const ready = query(`CREATE TABLE IF NOT EXISTS ${LEASE_TABLE}(name TEXT PRIMARY KEY, token TEXT NOT NULL, holder TEXT NOT NULL, until INTEGER NOT NULL)`);
  // Insert, or take over a row whose time is up; RETURNING gives a row only when ours was written.
  async function take(key: string, token: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const rows = await query(
      `INSERT INTO ${LEASE_TABLE}(name, token, holder, until) VALUES(?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET token = excluded.token, holder = excluded.holder, until = excluded.until WHERE ${LEASE_TABLE}.until <= ?
       RETURNING token`,
      key, token, HOLDER, now + Math.round(ttlMs), now,
    );
    return rows.length === 1 && rows[0].token === token;
  }
  const backend: Backend = {
    async set(key, token, ttlMs) {
      await ready;
      if (await take(key, token, ttlMs)) return true;
      const [row] = await query(`SELECT token, holder FROM ${LEASE_TABLE} WHERE name = ?`, key);
      if (!row || !holderIsGone(row.holder)) return false;
      // Deleted only if that dead holder's row is still there: two takers cannot both win.
      await query(`DELETE FROM ${LEASE_TABLE} WHERE name = ? AND token = ?`, key, row.token);
      return take(key, token, ttlMs);
    },
    async renew(key, token, ttlMs) {
      await ready;
      const rows = await query(`UPDATE ${LEASE_TABLE} SET until = ? WHERE name = ? AND token = ? RETURNING name`, Date.now() + Math.round(ttlMs), key, token);
      return rows.length === 1;
    },
    async release(key, token) {
      await ready;
      await query(`DELETE FROM ${LEASE_TABLE} WHERE name = ? AND token = ?`, key, token);
    },
  };
  return makeLeases(backend, (name) => name, defaultTtl);
}
