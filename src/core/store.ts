// State through keyv: an embedded SQLite file by default, Redis when REDIS_URL is set.
// Every store (facts cache, conversations, subscriptions, digest state) is a namespace of one backend.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';

export interface StoreOptions {
  /** redis://… switches every namespace to Redis. */
  redisUrl?: string | null;
  /** SQLite file path; ':memory:' for a throwaway store. */
  sqlitePath?: string;
}

export type Namespace = 'facts' | 'conversations' | 'subscriptions' | 'seen' | 'digest';

export interface Store {
  ns(name: Namespace): Keyv;
  close(): Promise<void>;
  readonly backend: 'sqlite' | 'redis';
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const made = new Map<Namespace, Keyv>();
  if (options.redisUrl) {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const redis = new KeyvRedis(options.redisUrl);
    const ns = (name: Namespace) => {
      let k = made.get(name);
      if (!k) made.set(name, (k = new Keyv({ store: redis, namespace: name, useKeyPrefix: false })));
      return k;
    };
    return { backend: 'redis', ns, close: async () => { await redis.disconnect(); } };
  }
  const path = options.sqlitePath ?? '.lede/lede.sqlite';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: path === ':memory:' ? 'sqlite://:memory:' : `sqlite://${path}`, busyTimeout: 5000 });
  const ns = (name: Namespace) => {
    let k = made.get(name);
    if (!k) made.set(name, (k = new Keyv({ store: sqlite, namespace: name })));
    return k;
  };
  return { backend: 'sqlite', ns, close: async () => { await sqlite.disconnect(); } };
}
