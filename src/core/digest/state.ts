// Digest state in the store: subscriptions, the items each subscription has seen, and the
// outbox of posts (pending → posted). Every write is awaited before the next step, so what
// the store says survives a SIGKILL at any point. The two lists (subscriptions, pending posts)
// are read, changed and written back under a lease, so processes sharing a store lose no entry.
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Leases } from '../lease.ts';
import type { Reply } from '../reply.ts';
import type { SqliteHandle, Store } from '../store.ts';

export type SourceKind = 'feed' | 'folder';

export interface SubscriptionStatus {
  /** Epoch ms of the next scheduled poll. */
  nextPollAt: number;
  /** Consecutive failed polls (0 when the last poll worked). */
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  lastOkAt: string | null;
  /** Which configuration the failures happened under (`Digests.configKey`): a changed one retries at once. */
  failedUnder?: string;
  /** Files of a folder source that could not be read at the last poll ("broken.json: …"). */
  problems?: string[];
  /** Conditional-request validators from the last good response. */
  etag: string | null;
  lastModified: string | null;
  /**
   * Posts made before the count moved to its own record (stores written by older versions); the
   * number shown is `DigestState.postedCount`, kept with each "posted" mark.
   */
  posted: number;
}

export interface Subscription {
  id: string;
  platform: string;
  channel: string;
  /** Normalised feed URL or absolute folder path. */
  source: string;
  kind: SourceKind;
  /** Feed title or folder name, for listings. */
  name: string | null;
  /** Lower-case words; empty = everything. */
  keywords: string[];
  createdAt: string;
  status: SubscriptionStatus;
}

/** A digest post recorded before it is sent, so a crash can neither lose nor double it. */
export interface OutboxPost {
  postId: string;
  subscriptionId: string;
  /** The item's identity within the subscription (g:guid, l:link or h:hash). */
  itemKey: string;
  platform: string;
  channel: string;
  message: Reply;
  createdAt: string;
  /** A notice about the source (e.g. an unreadable file), not an article: not counted as posted. */
  notice?: boolean;
}

export type SeenWhy = 'existing' | 'filtered' | 'posted' | 'unreadable';

/** Rows of one INSERT when many items are marked seen (two parameters a row, well under SQLite's limit). */
const SEEN_ROWS_PER_STATEMENT = 400;

export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

export function subscriptionId(platform: string, channel: string, source: string): string {
  return shortHash(platform, channel, source);
}

/** Deterministic: the same item for the same subscription always gets the same post id. */
export function postIdFor(subscriptionId: string, itemKey: string): string {
  return shortHash(subscriptionId, itemKey);
}

const INDEX = 'index';
const PENDING_INDEX = 'pending-index';

/** A subscription's posted count, with the ids of its latest posts so a repeated mark counts once. */
interface PostedCount {
  posted: number;
  recent: string[];
}

/** How many latest post ids the count remembers: a mark is repeated only for a post still pending. */
const COUNT_RECENT = 500;

export class DigestState {
  private readonly subs: Keyv;
  private readonly seen: Keyv;
  /** The SQLite file's statements (many items marked seen in one); null on Redis. */
  private readonly sqlite: SqliteHandle | null;
  private readonly outbox: Keyv;
  private readonly leases: Leases;

  constructor(store: Store) {
    this.leases = store.leases;
    this.subs = store.ns('subscriptions');
    this.seen = store.ns('seen');
    this.sqlite = store.sqlite;
    this.outbox = store.ns('digest');
  }

  async subscriptionIds(): Promise<string[]> {
    return ((await this.subs.get(INDEX)) as string[] | undefined) ?? [];
  }

  /** Every subscription, its status showing the posted count. */
  async subscriptions(): Promise<Subscription[]> {
    const out: Subscription[] = [];
    for (const id of await this.subscriptionIds()) {
      const sub = (await this.subs.get(`sub:${id}`)) as Subscription | undefined;
      if (sub) out.push({ ...sub, status: { ...sub.status, posted: await this.postedCount(sub) } });
    }
    return out;
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    return (await this.subs.get(`sub:${id}`)) as Subscription | undefined;
  }

  /** Saves the record first, then lists it, so the index never names a missing record. */
  async putSubscription(sub: Subscription): Promise<void> {
    await this.subs.set(`sub:${sub.id}`, sub);
    await this.changeList(this.subs, INDEX, (ids) => (ids.includes(sub.id) ? ids : [...ids, sub.id]));
  }

  async removeSubscription(id: string): Promise<void> {
    await this.changeList(this.subs, INDEX, (ids) => ids.filter((x) => x !== id));
    await this.subs.delete(`sub:${id}`);
  }

  /** A short read-change-write of one record, one writer at a time across processes and instances. */
  private locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.leases.exclusive(name, work, { ttlMs: Math.min(5000, this.leases.defaultTtlMs) });
  }

  /** Read-change-write of a list, one writer at a time across instances. */
  private async changeList(ns: Keyv, key: string, change: (ids: string[]) => string[]): Promise<void> {
    await this.locked(`digest:list:${key}`, async () => {
      const ids = ((await ns.get(key)) as string[] | undefined) ?? [];
      const next = change(ids);
      if (next !== ids) await ns.set(key, next);
    });
  }

  /** Read-change-write of one subscription, one writer at a time across processes (a status and a keyword change both land). */
  async changeSubscription(id: string, change: (sub: Subscription) => Subscription): Promise<Subscription | undefined> {
    return this.locked(`digest:sub:${id}`, async () => {
      const sub = await this.getSubscription(id);
      if (!sub) return undefined; // unsubscribed meanwhile
      const next = change(sub);
      await this.subs.set(`sub:${id}`, next);
      return next;
    });
  }

  async updateStatus(id: string, change: Partial<SubscriptionStatus>): Promise<Subscription | undefined> {
    return this.changeSubscription(id, (sub) => ({ ...sub, status: { ...sub.status, ...change } }));
  }

  async isSeen(subId: string, itemKey: string): Promise<boolean> {
    if (await this.seen.get(`${subId}|${itemKey}`)) return true;
    // A posted item counts as seen even if the seen mark is missing. A pending one does not: a
    // crash between writing its record and listing it would otherwise hide it for ever; posting
    // it again is safe, since sending re-checks "posted" under the post's lease.
    return Boolean(await this.outbox.get(`posted:${postIdFor(subId, itemKey)}`));
  }

  async markSeen(subId: string, itemKey: string, why: SeenWhy): Promise<void> {
    await this.seen.set(`${subId}|${itemKey}`, { why, at: new Date().toISOString() });
  }

  /**
   * Many items at once (a feed's back catalogue when it is subscribed): on SQLite a few multi-row
   * statements, each one transaction, instead of one transaction (and one sync to disk) per item —
   * 5,000 items took over a minute one by one on a busy disk. Elsewhere keyv's setMany.
   */
  async markSeenMany(subId: string, itemKeys: string[], why: SeenWhy): Promise<void> {
    const value = { why, at: new Date().toISOString() };
    if (!this.sqlite) {
      if (itemKeys.length) await this.seen.setMany(itemKeys.map((k) => ({ key: `${subId}|${k}`, value })));
      return;
    }
    const { query, table } = this.sqlite;
    // keyv's own row format, so the rows read like any other stored key.
    const row = JSON.stringify({ value });
    for (let i = 0; i < itemKeys.length; i += SEEN_ROWS_PER_STATEMENT) {
      const keys = itemKeys.slice(i, i + SEEN_ROWS_PER_STATEMENT);
      const params = keys.flatMap((k) => [`${this.seen.namespace}:${subId}|${k}`, row]);
      await query(`INSERT INTO ${table} (key, value) VALUES ${keys.map(() => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`, ...params);
    }
  }

  async pendingIds(): Promise<string[]> {
    return ((await this.outbox.get(PENDING_INDEX)) as string[] | undefined) ?? [];
  }

  async pending(postId: string): Promise<OutboxPost | undefined> {
    return (await this.outbox.get(`pending:${postId}`)) as OutboxPost | undefined;
  }

  async isPosted(postId: string): Promise<boolean> {
    return Boolean(await this.outbox.get(`posted:${postId}`));
  }

  /** How many posts this subscription has made (every process's, each counted once). */
  async postedCount(sub: Subscription): Promise<number> {
    const count = (await this.outbox.get(`count:${sub.id}`)) as PostedCount | undefined;
    return count?.posted ?? sub.status.posted;
  }

  /**
   * Counts a post once: under the subscription's count lease, so two processes marking posts of
   * one subscription lose no increment, and by id, so marking the same post again (a run that
   * completes a post an earlier run sent) does not count it twice.
   */
  private async countPosted(post: OutboxPost): Promise<void> {
    if (post.notice) return;
    await this.locked(`digest:count:${post.subscriptionId}`, async () => {
      const key = `count:${post.subscriptionId}`;
      const count = ((await this.outbox.get(key)) as PostedCount | undefined) ?? { posted: (await this.getSubscription(post.subscriptionId))?.status.posted ?? 0, recent: [] };
      if (count.recent.includes(post.postId)) return;
      await this.outbox.set(key, { posted: count.posted + 1, recent: [...count.recent, post.postId].slice(-COUNT_RECENT) });
    });
  }

  /** Step 1 of a post: the record exists before anything is sent. */
  async recordPending(post: OutboxPost): Promise<void> {
    await this.outbox.set(`pending:${post.postId}`, post);
    await this.changeList(this.outbox, PENDING_INDEX, (ids) => (ids.includes(post.postId) ? ids : [...ids, post.postId]));
  }

  /** Step 3 of a post: posted mark first, then the item is seen, then the pending record goes. */
  async recordPosted(post: OutboxPost): Promise<void> {
    await this.outbox.set(`posted:${post.postId}`, { at: new Date().toISOString(), channel: post.channel, platform: post.platform });
    await this.markSeen(post.subscriptionId, post.itemKey, 'posted');
    await this.countPosted(post);
    await this.changeList(this.outbox, PENDING_INDEX, (ids) => ids.filter((x) => x !== post.postId));
    await this.outbox.delete(`pending:${post.postId}`);
  }

  /** A pending post whose subscription is gone is dropped, not sent. */
  async dropPending(postId: string): Promise<void> {
    await this.changeList(this.outbox, PENDING_INDEX, (ids) => ids.filter((x) => x !== postId));
    await this.outbox.delete(`pending:${postId}`);
  }
}
