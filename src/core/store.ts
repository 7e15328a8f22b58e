// State through keyv: an embedded SQLite file by default, Redis when REDIS_URL is set.
// Every store (facts cache, conversations, subscriptions, seen items, digest state) is a namespace
// of one backend, reached through the same keyv calls whichever backend it is. With Redis the
// store gives the client the cluster uses. Either backend gives leases that hold across processes
// (digest polling and posting).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { RedisClientType } from 'redis';
import { redisLeases, sqliteLeases, type Leases, type SqlQuery } from './lease.ts';
import { log, safeUrl } from './log.ts';

export interface StoreOptions {
  /** redis://… switches every namespace to Redis. */
  redisUrl?: string | null;
  /** SQLite file path; ':memory:' for a throwaway store. */
  sqlitePath?: string;
  /** Redis only: every key starts with this (default "lede:"), so several deployments or tests share a server. */
  keyPrefix?: string;
  /** How long a lease lives without renewal (default 30 s; tests that crash a holder shorten it). */
  leaseMs?: number;
  /** The archive (articles, facts, index) in this shared Postgres database instead of the store's own (src/core/archive/index.ts). */
  postgresUrl?: string | null;
}

export type Namespace = 'facts' | 'conversations' | 'subscriptions' | 'seen' | 'digest' | 'sources';
export const NAMESPACES: readonly Namespace[] = ['facts', 'conversations', 'subscriptions', 'seen', 'digest', 'sources'];

export interface RedisHandle {
  /** The connection the store's commands use (not for blocking reads: `duplicate()` one). */
  client: RedisClientType;
  /** Prefix of every key of this store. */
  prefix: string;
}

export interface Store {
  ns(name: Namespace): Keyv;
  close(): Promise<void>;
  readonly backend: 'sqlite' | 'redis';
  /** Where the state lives, as it may be shown (no password). */
  readonly location: string;
  readonly leases: Leases;
  /** Set with the Redis backend only. */
  readonly redis: RedisHandle | null;
  /** Set with the SQLite backend only: statements on keyv's own table, on the adapter's connection. */
  readonly sqlite: SqliteHandle | null;
}

export interface SqliteHandle {
  query: SqlQuery;
  /** keyv's table; a row is (key "<namespace>:<key>", value '{"value":…,"expires":…}'). */
  table: string;
}

/** Gives up on the first connection quickly (a wrong REDIS_URL fails at start); later, reconnects for ever. */
function reconnectStrategy(connected: () => boolean) {
  return (retries: number, cause: Error): number | Error => {
    if (!connected() && retries >= 3) return cause;
    return Math.min(100 * 2 ** retries, 2000);
  };
}

async function openRedis(url: string, prefix: string, leaseMs?: number): Promise<Store> {
  const { createClient } = await import('redis');
  const { default: KeyvRedis } = await import('@keyv/redis');
  let connected = false;
  const client = createClient({ url, socket: { reconnectStrategy: reconnectStrategy(() => connected), connectTimeout: 5000 } }) as RedisClientType;
  let lastError = '';
  client.on('error', (e: Error) => {
    // One line per distinct error: a Redis restart must not flood the log.
    if (e.message !== lastError) log().warn({ err: e.message }, 'redis connection error');
    lastError = e.message;
  });
  client.on('ready', () => {
    if (connected && lastError) log().info('redis connection restored');
    lastError = '';
  });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`cannot connect to Redis at ${safeUrl(url)}: ${(e as Error).message}`);
  }
  connected = true;
  const made = new Map<Namespace, Keyv>();
  // One adapter per namespace (an adapter has one namespace), all on one shared connection.
  const ns = (name: Namespace) => {
    let k = made.get(name);
    if (!k) {
      const namespace = `${prefix}${name}`;
      const adapter = new KeyvRedis(client as unknown as ConstructorParameters<typeof KeyvRedis>[0], { namespace, throwOnErrors: true });
      made.set(name, (k = new Keyv({ store: adapter, namespace, useKeyPrefix: false, throwOnErrors: true })));
    }
    return k;
  };
  return {
    backend: 'redis',
    location: safeUrl(url),
    ns,
    leases: redisLeases(client, prefix, leaseMs),
    redis: { client, prefix },
    sqlite: null,
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.redisUrl) return openRedis(options.redisUrl, options.keyPrefix ?? 'lede:', options.leaseMs);
  const path = options.sqlitePath ?? '.lede/lede.sqlite';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: path === ':memory:' ? 'sqlite://:memory:' : `sqlite://${path}`, busyTimeout: 5000 });
  const made = new Map<Namespace, Keyv>();
  const ns = (name: Namespace) => {
    let k = made.get(name);
    if (!k) made.set(name, (k = new Keyv({ store: sqlite, namespace: name, throwOnErrors: true })));
    return k;
  };
  return {
    backend: 'sqlite',
    location: path,
    ns,
    // The adapter's own connection: a lease statement and the keyv writes share one file lock.
    leases: sqliteLeases(sqlite.query as SqlQuery, options.leaseMs),
    redis: null,
    sqlite: { query: sqlite.query as SqlQuery, table: (sqlite.opts as { table?: string }).table ?? 'keyv' },
    close: async () => {
      await sqlite.disconnect();
    },
  };
}
