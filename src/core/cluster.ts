// Sharing new articles between Lede instances. With Redis, every article an instance adds
// (a digest item, say) is appended to one Redis stream; every instance reads that stream from
// the start when it opens (so one started later knows everything added before) and then waits
// on it with a blocking XREAD, so a new article is askable everywhere within milliseconds.
// A stream rather than pub/sub: the same latency, but nothing is lost while an instance is
// down or reconnecting — it resumes from the last entry it read. Facts are not in the stream:
// the receiving instance finds them in the shared facts cache, so it does not parse again.
// Without Redis there is one instance and nothing to share.
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { Article } from '../knowledge/facts.ts';
import { log } from './log.ts';
import type { Store } from './store.ts';

export interface Cluster {
  /** Whether other instances can exist (Redis backend). */
  readonly shared: boolean;
  /** Makes an article this instance added known to the others. */
  publish(article: Article): Promise<void>;
  /**
   * Hands every article already shared to `receive` (awaited: when this resolves, they are all
   * in), then keeps handing over new ones from other instances until stop(). Returns how many
   * came from the backlog.
   */
  start(receive: (article: Article) => Promise<void>): Promise<number>;
  stop(): Promise<void>;
}

interface StreamEntry {
  id: string;
  message: Record<string, string>;
}

/** Reads of the stream go in pages of this many entries. */
const PAGE = 200;
/** A blocking read returns after this long even with nothing new, to notice stop() and reconnects. */
const BLOCK_MS = 2000;

export class RedisCluster implements Cluster {
  readonly shared = true;
  /** Entries this process wrote carry its id, so it does not add its own articles twice. */
  private readonly origin = randomUUID();
  private readonly key: string;
  private reader: RedisClientType | null = null;
  private following: Promise<void> | null = null;
  private stopped = false;
  private lastId = '0-0';

  constructor(private readonly client: RedisClientType, prefix: string) {
    this.key = `${prefix}articles`;
  }

  async publish(article: Article): Promise<void> {
    await this.client.xAdd(this.key, '*', { origin: this.origin, article: JSON.stringify(article) });
  }

  private async handle(entries: StreamEntry[], receive: (article: Article) => Promise<void>): Promise<number> {
    let n = 0;
    for (const entry of entries) {
      this.lastId = entry.id;
      if (entry.message.origin === this.origin) continue;
      try {
        await receive(JSON.parse(entry.message.article) as Article);
        n++;
      } catch (e) {
        log().error({ err: (e as Error).message, entry: entry.id }, 'cluster: could not add a shared article');
      }
    }
    return n;
  }

  async start(receive: (article: Article) => Promise<void>): Promise<number> {
    let backlog = 0;
    // The backlog, page by page; the start of each page is exclusive of the last id read.
    for (;;) {
      const start = this.lastId === '0-0' ? '-' : `(${this.lastId}`;
      const page = (await this.client.xRange(this.key, start, '+', { COUNT: PAGE })) as StreamEntry[];
      backlog += await this.handle(page, receive);
      if (page.length < PAGE) break;
    }
    this.reader = this.client.duplicate() as RedisClientType;
    this.reader.on('error', () => undefined); // the main client logs connection trouble
    await this.reader.connect();
    this.following = this.follow(receive);
    return backlog;
  }

  private async follow(receive: (article: Article) => Promise<void>): Promise<void> {
    while (!this.stopped && this.reader) {
      try {
        const reply = (await this.reader.xRead({ key: this.key, id: this.lastId }, { BLOCK: BLOCK_MS, COUNT: PAGE })) as
          | Array<{ name: string; messages: StreamEntry[] }>
          | null;
        for (const stream of reply ?? []) await this.handle(stream.messages, receive);
      } catch (e) {
        if (this.stopped) return;
        log().warn({ err: (e as Error).message }, 'cluster: reading shared articles failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Closing the reader ends a blocking read at once.
    if (this.reader?.isOpen) this.reader.destroy();
    await this.following;
    this.reader = null;
  }
}

/** One instance: nothing to share, nothing to receive. */
export const LOCAL_CLUSTER: Cluster = {
  shared: false,
  publish: async () => undefined,
  start: async () => 0,
  stop: async () => undefined,
};

export function clusterFor(store: Store): Cluster {
  return store.redis ? new RedisCluster(store.redis.client, store.redis.prefix) : LOCAL_CLUSTER;
}
