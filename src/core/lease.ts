// Leases: "this instance, and no other, does X for the next N ms". With Redis they are the
// single-instance lock pattern documented with the SET command (SET key token NX PX ttl; release
// and renewal only by the holder's token, checked in one Lua script so the check and the change
// are atomic). A holder that crashes stops renewing and its lease expires, so another instance
// takes over. Without Redis (one process on a SQLite file) leases are kept in memory.
import { randomUUID } from 'node:crypto';
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
}

const DEFAULT_TTL_MS = 30_000;

/** Lease time from the environment, for tests that crash a holder and wait for expiry. */
export function defaultLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.LEDE_LEASE_MS);
  return Number.isFinite(ms) && ms >= 200 ? ms : DEFAULT_TTL_MS;
}

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

  return { tryAcquire, exclusive };
}

/** Leases in Redis, keys `${prefix}lease:${name}`. */
export function redisLeases(client: RedisClientType, prefix: string, defaultTtl = defaultLeaseMs()): Leases {
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

/** Leases in this process only: enough for one instance on a SQLite file. */
export function memoryLeases(defaultTtl = defaultLeaseMs()): Leases {
  const held = new Map<string, { token: string; until: number }>();
  const live = (key: string) => {
    const h = held.get(key);
    if (h && h.until <= Date.now()) held.delete(key);
    return held.get(key);
  };
  const backend: Backend = {
    async set(key, token, ttlMs) {
      if (live(key)) return false;
      held.set(key, { token, until: Date.now() + ttlMs });
      return true;
    },
    async renew(key, token, ttlMs) {
      const h = live(key);
      if (h?.token !== token) return false;
      h.until = Date.now() + ttlMs;
      return true;
    },
    async release(key, token) {
      if (live(key)?.token === token) held.delete(key);
    },
  };
  return makeLeases(backend, (name) => name, defaultTtl);
}
