// Digests: watch feeds and folders, and post each new article to every channel subscribed to
// it, exactly once. The order of writes is what makes "exactly once" hold across crashes:
//   1. the post is built and recorded as pending in the store (with a deterministic post id);
//   2. the platform poster is called;
//   3. the post is marked posted and the item seen, and the pending record removed.
// A crash before 1 leaves the item unseen (it is posted on the next run); a crash between 1
// and 3 leaves a pending record that the next run sends before anything else. All sending goes
// through `send()`. Several processes on one store (Redis, or one SQLite file) share the work
// without doubling it: a subscription is polled by one process at a time (a renewed lease per
// subscription), and each post is sent under a lease of its own, re-checking "posted" once the
// lease is held. A crashed process's leases expire (or, on SQLite, are taken over as soon as
// its process id is gone) and another one completes its pending posts.
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Article, ArticleFacts } from '../knowledge/facts.ts';
import type { CommandContext } from './commands.ts';
import { FETCH_DEFAULTS, FetchError, parseWebUrl, type FetchOptions } from './fetch.ts';
import { digestReply } from './digest/post.ts';
import { describeProblem, readFeedSource, readFolderSource, type Candidate, type SourceProblem, type SourceSnapshot } from './digest/sources.ts';
import { DigestState, postIdFor, shortHash, subscriptionId, type OutboxPost, type Subscription } from './digest/state.ts';
import type { Lease } from './lease.ts';
import { WorkFailure } from './work/pool.ts';
import { log as processLog } from './log.ts';
import { reply, type Reply } from './reply.ts';
import { escapeRegExp } from './wording.ts';
import type { Store } from './store.ts';

export type { Subscription, OutboxPost } from './digest/state.ts';

export interface PostMeta {
  /** Stable across retries: a poster that can look up its own messages may use it to skip a repeat. */
  postId: string;
}

/** What an adapter gives core to post into a channel (Lede's ChannelPoster fits). */
export interface DigestPoster {
  post(channel: string, message: Reply, meta?: PostMeta): Promise<unknown>;
  /**
   * Optional: whether a post with this id is already in the channel (e.g. found in the recent
   * messages by the id the poster put in them). Asked only when completing a post left pending
   * by an earlier run, which closes the window between "sent" and "marked posted". `since` is
   * when the post was recorded (ISO): it cannot be in the channel from before then.
   */
  hasPosted?(channel: string, postId: string, since?: string): Promise<boolean>;
}

export interface DigestOptions {
  /** Hosts or IPs that may be fetched although loopback/private/link-local (tests: 127.0.0.1). */
  allowHosts?: string[];
  /** Base interval between polls of one subscription (default 900 s). */
  pollSeconds?: number;
  /** ± fraction of the interval added at random so subscriptions do not poll in lockstep (default 0.1). */
  jitter?: number;
  /** Longest back-off after repeated failures (default 6 h). */
  maxBackoffSeconds?: number;
  /** How often the scheduler looks for due subscriptions (default 30 s). */
  tickSeconds?: number;
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
  /** Folders chat users may subscribe to (anything under them). The CLI may subscribe any folder. */
  folderRoots?: string[];
  /** Most items `--post-newest` may post at once (default 10). */
  maxPostNewest?: number;
}

export interface DigestDeps {
  store: Store;
  addArticle(article: Article): Promise<void>;
  /** Facts of an added article (Lede: `(id) => lede.library.get(id)?.facts`). */
  factsOf(id: string): ArticleFacts | undefined | Promise<ArticleFacts | undefined>;
  poster(platform: string): DigestPoster | undefined;
  options?: DigestOptions;
  /** Operator log (errors of background polls); default the process logger. */
  log?: (message: string) => void;
}

export interface PollResult {
  posted: number;
  errors: number;
}

/** Platforms whose users are the operator: they may subscribe any folder on this machine. */
const LOCAL_PLATFORMS = new Set(['cli']);

/** Who runs a command: the operator at the shell may subscribe any channel to any folder. */
export interface CommandSource {
  operator?: boolean;
}

// Test hook: a deterministic crash point for the kill/restart tests. Read here only.
const CRASH_AT = process.env.LEDE_TEST_CRASH_AFTER ?? null;
function crashPoint(name: 'built' | 'pending' | 'posted'): void {
  if (CRASH_AT !== name) return;
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is immediate, but make sure not one more instruction of ours runs meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}

/** Keywords from "a, b c" → ["a", "b c"]; a comma separates, a lone list of words is split on spaces. */
export function parseKeywords(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  const parts = raw.includes(',') ? raw.split(',') : raw.split(/\s+/);
  return [...new Set(parts.map((k) => k.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
}

/** Whether an article mentions any keyword as a word (or word start: "elect" matches "election"). */
export function matchesKeywords(article: Article, keywords: string[]): boolean {
  if (!keywords.length) return true;
  const haystack = `${article.title ?? ''}\n${article.text}`;
  return keywords.some((k) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}`, 'iu').test(haystack));
}

/** Newest first by date; undated items keep their place in the source (feeds list newest first). */
export function newestFirst<T extends { published: string | null }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : b.t - a.t || a.i - b.i))
    .map((x) => x.item);
}

function minutes(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 1) return 'under a minute';
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}

function isInside(folder: string, root: string): boolean {
  const rel = relative(resolve(root), folder);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class Digests {
  private readonly state: DigestState;
  private readonly options: Required<Omit<DigestOptions, 'fetch' | 'allowHosts' | 'folderRoots'>> & Pick<DigestOptions, 'fetch' | 'allowHosts' | 'folderRoots'>;
  private running: Promise<PollResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /**
   * The configuration that decides whether a source can be read (allowed hosts, fetch limits,
   * folder roots), as a hash. A back-off stored under another one is not waited out: after an
   * operator adds the feed's host to LEDE_ALLOW_HOSTS and restarts, it is checked at once.
   */
  private readonly configKey: string;

  constructor(private readonly deps: DigestDeps) {
    this.state = new DigestState(deps.store);
    const o = deps.options ?? {};
    this.options = {
      ...o,
      pollSeconds: o.pollSeconds ?? 900,
      jitter: o.jitter ?? 0.1,
      maxBackoffSeconds: o.maxBackoffSeconds ?? 6 * 3600,
      tickSeconds: o.tickSeconds ?? 30,
      maxPostNewest: o.maxPostNewest ?? 10,
    };
    const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
    this.configKey = shortHash(JSON.stringify({ allowHosts: sorted(o.allowHosts), fetch: o.fetch ?? {}, folderRoots: sorted(o.folderRoots) }));
  }

  /** Due by its schedule, or failing under a configuration that has changed since. */
  private isDue(sub: Subscription, now: number): boolean {
    return sub.status.nextPollAt <= now || (sub.status.failures > 0 && sub.status.failedUnder !== this.configKey);
  }

  private get fetchOptions(): FetchOptions {
    return { ...FETCH_DEFAULTS, ...this.options.fetch, allowHosts: this.options.allowHosts ?? [] };
  }

  private log(message: string): void {
    (this.deps.log ?? ((m: string) => processLog().error(m)))(message);
  }

  /** Next poll time: the interval doubled per consecutive failure (capped), with jitter. */
  private nextPollAt(failures: number, now = Date.now()): number {
    const base = Math.min(this.options.pollSeconds * 2 ** failures, Math.max(this.options.maxBackoffSeconds, this.options.pollSeconds));
    const jitter = 1 + (Math.random() * 2 - 1) * this.options.jitter;
    return now + base * jitter * 1000;
  }

  async subscriptions(): Promise<Subscription[]> {
    return this.state.subscriptions();
  }

  // ── commands ───────────────────────────────────────────────────────────────────────────

  async command(name: 'subscribe' | 'unsubscribe' | 'subscriptions' | string, args: Record<string, string | undefined>, ctx: CommandContext, from: CommandSource = {}): Promise<Reply> {
    switch (name) {
      case 'subscribe':
        return this.subscribe(args, ctx, Boolean(from.operator) || LOCAL_PLATFORMS.has(ctx.platform));
      case 'unsubscribe':
        return this.unsubscribe(args, ctx);
      case 'subscriptions':
        return this.list(ctx);
      default:
        return reply('error', `Unknown digest command "${String(name).slice(0, 40)}".`);
    }
  }

  /** A feed URL (normalised) or a folder (absolute), or a message saying why not. */
  private parseSource(raw: string, operator: boolean): { kind: 'feed' | 'folder'; source: string } | { error: string } {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      try {
        return { kind: 'feed', source: parseWebUrl(raw).toString() };
      } catch (e) {
        return { error: (e as Error).message };
      }
    }
    const folder = resolve(raw);
    if (!operator) {
      const roots = this.options.folderRoots ?? [];
      // Chat users must not be able to read arbitrary files of the machine the bot runs on.
      if (!roots.some((root) => isInside(folder, root))) {
        return { error: 'Folders can be subscribed from chat only inside the folders the operator allows (LEDE_DIGEST_FOLDERS).' };
      }
    }
    try {
      if (!statSync(folder).isDirectory()) return { error: `${raw} is not a folder (give a feed URL or a folder).` };
    } catch {
      return { error: `No such folder: ${raw}` };
    }
    return { kind: 'folder', source: folder };
  }

  private async readSource(sub: Pick<Subscription, 'kind' | 'source' | 'status'>): Promise<SourceSnapshot> {
    if (sub.kind === 'folder') return readFolderSource(sub.source);
    return readFeedSource(sub.source, { etag: sub.status.etag, lastModified: sub.status.lastModified }, this.fetchOptions);
  }

  private async subscribe(args: Record<string, string | undefined>, ctx: CommandContext, operator: boolean): Promise<Reply> {
    const raw = (args.source ?? '').trim();
    if (!raw) return reply('info', 'Give a feed URL or a folder, e.g. subscribe https://example.org/feed.xml');
    const parsed = this.parseSource(raw, operator);
    if ('error' in parsed) return reply('error', parsed.error);
    const keywords = parseKeywords(args.keywords);
    const postNewest = Math.max(0, Math.min(this.options.maxPostNewest, Number.parseInt(args['post-newest'] ?? args.postNewest ?? '0', 10) || 0));
    const id = subscriptionId(ctx.platform, ctx.channel, parsed.source);
    const existing = await this.state.getSubscription(id);
    if (existing) {
      if (args.keywords !== undefined) await this.state.changeSubscription(id, (sub) => ({ ...sub, keywords }));
      const kw = args.keywords !== undefined ? ` Keywords are now: ${keywords.join(', ') || '(none: every article)'}.` : '';
      return reply('info', `This channel is already subscribed to ${existing.name ?? existing.source}.${kw}`);
    }
    const status = { nextPollAt: 0, failures: 0, lastError: null, lastErrorAt: null, lastOkAt: null, etag: null, lastModified: null, posted: 0 };
    let snapshot: SourceSnapshot;
    try {
      snapshot = await this.readSource({ kind: parsed.kind, source: parsed.source, status });
    } catch (e) {
      return reply('error', `Could not subscribe to ${parsed.source}: ${(e as Error).message}`);
    }
    // The back catalogue is marked seen, except the newest N the user asked for.
    const ordered = newestFirst(snapshot.candidates);
    const old = ordered.slice(postNewest);
    // Unreadable files already there were named in this reply: no notice for them in the channel.
    await this.state.markSeenMany(id, [...old.map((c) => c.key), ...snapshot.problems.map((p) => p.key)], 'existing');
    const now = Date.now();
    const sub: Subscription = {
      id,
      platform: ctx.platform,
      channel: ctx.channel,
      source: parsed.source,
      kind: parsed.kind,
      name: snapshot.name,
      keywords,
      createdAt: new Date(now).toISOString(),
      status: {
        ...status,
        lastOkAt: new Date(now).toISOString(),
        // Items left to post must come back on the first poll, so no validators then.
        etag: postNewest ? null : snapshot.etag,
        lastModified: postNewest ? null : snapshot.lastModified,
        // With items to post, the first poll is due at once.
        nextPollAt: ordered.length > old.length ? now : this.nextPollAt(0, now),
        problems: snapshot.problems.map(describeProblem),
      },
    };
    await this.state.putSubscription(sub);
    const name = snapshot.name ? `“${snapshot.name}” (${parsed.source})` : parsed.source;
    const lines = [
      `Subscribed ${ctx.channel} to ${name}.`,
      `${old.length} item${old.length === 1 ? '' : 's'} already there ${old.length === 1 ? 'was' : 'were'} marked as seen; new articles will be posted ${operator && !LOCAL_PLATFORMS.has(ctx.platform) ? `there when the ${ctx.platform} bot runs` : 'here'}` +
        (postNewest ? `, starting with the newest ${Math.min(postNewest, ordered.length)}.` : '.'),
    ];
    if (keywords.length) lines.push(`Only articles mentioning: ${keywords.join(', ')}.`);
    if (snapshot.problems.length) lines.push(`Skipped ${snapshot.problems.length} unreadable file(s): ${snapshot.problems.slice(0, 3).map(describeProblem).join('; ')}`);
    return reply('info', lines.join('\n'));
  }

  private async unsubscribe(args: Record<string, string | undefined>, ctx: CommandContext): Promise<Reply> {
    const raw = (args.source ?? '').trim();
    const mine = (await this.state.subscriptions()).filter((s) => s.platform === ctx.platform && (ctx.channel === '*' || s.channel === ctx.channel));
    let targets = mine;
    if (raw) {
      const parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? (() => { try { return parseWebUrl(raw).toString(); } catch { return raw; } })() : resolve(raw);
      targets = mine.filter((s) => s.source === parsed || s.source === raw);
    }
    if (!targets.length) return reply('info', raw ? `This channel is not subscribed to ${raw}.` : 'This channel has no subscriptions.');
    for (const s of targets) await this.state.removeSubscription(s.id);
    return reply('info', `Unsubscribed ${ctx.channel === '*' ? 'all channels' : ctx.channel} from ${targets.map((s) => s.name ?? s.source).join(', ')}.`);
  }

  /** One line per subscription; a failing one says so, with its last error and next try. */
  private async list(ctx: CommandContext): Promise<Reply> {
    const now = Date.now();
    const mine = (await this.state.subscriptions()).filter((s) => s.platform === ctx.platform && (ctx.channel === '*' || s.channel === ctx.channel));
    if (!mine.length) return reply('info', 'No subscriptions here. Add one with: subscribe <feed URL | folder>');
    const lines = mine.map((s, i) => {
      const head = `${i + 1}. ${s.name ? `${s.name} — ` : ''}${s.source} (${s.kind}${ctx.channel === '*' ? `, channel ${s.channel}` : ''})` +
        (s.keywords.length ? ` · keywords: ${s.keywords.join(', ')}` : '');
      const next = s.status.nextPollAt <= now ? 'next check: due now' : `next check in ${minutes(s.status.nextPollAt - now)}`;
      const st = s.status;
      const state = st.failures > 0
        ? `FAILING (${st.failures} in a row): ${st.lastError} — ${next}`
        : `ok, ${st.posted} posted${st.lastOkAt ? `, last checked ${minutes(now - Date.parse(st.lastOkAt))} ago` : ''}; ${next}` +
          (st.lastError ? ` (earlier error: ${st.lastError})` : '');
      const bad = st.problems ?? [];
      const unreadable = bad.length ? `\n   ${bad.length} unreadable file${bad.length === 1 ? '' : 's'}: ${bad.slice(0, 3).join('; ')}${bad.length > 3 ? '; …' : ''}` : '';
      return `${head}\n   ${state}${unreadable}`;
    });
    return reply('info', lines.join('\n'));
  }

  // ── polling and posting ─────────────────────────────────────────────────────────────────

  /** Polls every subscription whose platform can post here (or only the due ones), after finishing pending posts. */
  pollOnce(options: { dueOnly?: boolean } = {}): Promise<PollResult> {
    // One poll at a time per instance: the scheduler and `digest --once` never overlap.
    if (this.running) return this.running;
    this.running = this.pollAll(options.dueOnly ?? false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pollAll(dueOnly: boolean): Promise<PollResult> {
    const result = await this.completePending();
    const now = Date.now();
    for (const listed of await this.state.subscriptions()) {
      if (this.stopped) break;
      if (!this.deps.poster(listed.platform)) continue;
      if (dueOnly && !this.isDue(listed, now)) continue;
      // Another instance polling this subscription now has it; it is skipped here.
      const lease = await this.deps.store.leases.tryAcquire(`digest:poll:${listed.id}`, { renew: true });
      if (!lease) continue;
      try {
        // Read again under the lease: another instance may just have polled it.
        const sub = await this.state.getSubscription(listed.id);
        if (!sub || (dueOnly && !this.isDue(sub, now))) continue;
        try {
          const { posted, complete, skipped } = await this.pollSubscription(sub, lease);
          result.posted += posted;
          if (complete) await this.state.updateStatus(sub.id, { failures: 0, lastOkAt: new Date().toISOString(), nextPollAt: this.nextPollAt(0) });
          // The source works (no back-off), but what was skipped is said in `subscriptions`.
          if (skipped.length) {
            result.errors++;
            await this.state.updateStatus(sub.id, { lastError: `${skipped.length} new item(s) could not be read and were skipped: ${skipped.slice(0, 2).join('; ')}`, lastErrorAt: new Date().toISOString() });
          }
        } catch (e) {
          result.errors++;
          const message = (e as Error).message || String(e);
          const failures = sub.status.failures + 1;
          await this.state.updateStatus(sub.id, { failures, failedUnder: this.configKey, lastError: message, lastErrorAt: new Date().toISOString(), nextPollAt: this.nextPollAt(failures) });
          this.log(`lede digest: ${sub.source} (${sub.platform}/${sub.channel}) failed: ${message}`);
        }
      } finally {
        await lease.release();
      }
    }
    return result;
  }

  /** Sends posts recorded as pending by an earlier run (or an earlier failed send). */
  private async completePending(): Promise<PollResult> {
    const result: PollResult = { posted: 0, errors: 0 };
    for (const postId of await this.state.pendingIds()) {
      if (this.stopped) break;
      const post = await this.state.pending(postId);
      if (!post) {
        await this.state.dropPending(postId);
        continue;
      }
      if (!(await this.state.getSubscription(post.subscriptionId))) {
        await this.state.dropPending(postId);
        continue;
      }
      try {
        if (await this.send(post, true)) result.posted++;
      } catch (e) {
        result.errors++;
        this.log(`lede digest: posting to ${post.platform}/${post.channel} failed (will retry): ${(e as Error).message}`);
      }
    }
    return result;
  }

  /**
   * New items of one subscription, oldest first, each built, added to the library and posted.
   * Stopping (or losing the lease) ends it after the post in flight: `complete` is then false
   * and the rest of the items stay unseen for the next poll, here or on another instance.
   */
  private async pollSubscription(sub: Subscription, lease: Lease): Promise<{ posted: number; complete: boolean; skipped: string[] }> {
    const snapshot = await this.readSource(sub);
    if (!snapshot.notModified) await this.reportProblems(sub, snapshot.problems);
    const fresh: Candidate[] = [];
    for (const c of snapshot.candidates) if (!(await this.state.isSeen(sub.id, c.key))) fresh.push(c);
    let posted = 0;
    const failed: string[] = [];
    const skipped: string[] = [];
    let complete = true;
    for (const c of newestFirst(fresh).reverse()) {
      if (this.stopped || lease.lost) {
        complete = false;
        break;
      }
      try {
        if (await this.postCandidate(sub, c)) posted++;
      } catch (e) {
        const what = `${c.title ?? c.key}: ${(e as Error).message}`;
        // An item that could not be read (over a limit, over its time budget, or it made the
        // extractor throw) fails the same way every time: it is skipped for good, with a word in
        // the log and in this poll's status, instead of being retried on every poll forever.
        if (e instanceof WorkFailure && !e.message.includes('pool is closed')) {
          await this.state.markSeen(sub.id, c.key, 'unreadable');
          this.log(`lede digest: ${sub.source} (${sub.platform}/${sub.channel}): skipped an item that could not be read: ${what}`);
          skipped.push(what);
        } else failed.push(what);
      }
    }
    if (failed.length) throw new Error(`${failed.length} new item(s) could not be posted: ${failed.slice(0, 2).join('; ')}`);
    // Validators are kept only once every item of this version is handled: saved earlier, a
    // crash mid-way would make the next poll a 304 and the rest of the items would be lost.
    if (complete && !snapshot.notModified) await this.state.updateStatus(sub.id, { etag: snapshot.etag, lastModified: snapshot.lastModified });
    return { posted, complete, skipped };
  }

  /**
   * Unreadable files of a folder: the status names them (until they are fixed or gone), and each
   * version of a file is logged and announced in the channel once, through the outbox like a post.
   */
  private async reportProblems(sub: Subscription, problems: SourceProblem[]): Promise<void> {
    const shown = problems.map(describeProblem);
    if (JSON.stringify(shown) !== JSON.stringify(sub.status.problems ?? [])) await this.state.updateStatus(sub.id, { problems: shown });
    for (const p of problems) {
      if (this.stopped || (await this.state.isSeen(sub.id, p.key))) continue;
      const postId = postIdFor(sub.id, p.key);
      if (!(await this.state.pending(postId))) this.log(`lede digest: ${sub.source} (${sub.platform}/${sub.channel}): cannot read ${describeProblem(p)}`);
      const notice: OutboxPost = {
        postId,
        subscriptionId: sub.id,
        itemKey: p.key,
        platform: sub.platform,
        channel: sub.channel,
        message: reply('error', `Could not read ${p.where} in ${sub.name ?? sub.source}: ${p.message}. It is posted once it can be read (replace the file).`),
        createdAt: new Date().toISOString(),
        notice: true,
      };
      try {
        await this.recordAndSend(notice);
      } catch (e) {
        this.log(`lede digest: posting to ${notice.platform}/${notice.channel} failed (will retry): ${(e as Error).message}`);
      }
    }
  }

  private async postCandidate(sub: Subscription, c: Candidate): Promise<boolean> {
    const { article, note } = await c.build();
    if (!matchesKeywords(article, sub.keywords)) {
      await this.state.markSeen(sub.id, c.key, 'filtered');
      return false;
    }
    // Askable at once, before it is announced.
    await this.deps.addArticle(article);
    const facts = await this.deps.factsOf(article.id);
    const post: OutboxPost = {
      postId: postIdFor(sub.id, c.key),
      subscriptionId: sub.id,
      itemKey: c.key,
      platform: sub.platform,
      channel: sub.channel,
      message: digestReply(article, facts, note),
      createdAt: new Date().toISOString(),
    };
    crashPoint('built');
    return this.recordAndSend(post);
  }

  /** Steps 1 and 2 of a new post: recorded as pending, then sent. */
  private async recordAndSend(post: OutboxPost): Promise<boolean> {
    // A record left by an earlier attempt means it may have been sent: ask the poster first.
    const earlier = await this.state.pending(post.postId);
    // Kept from the first attempt: a poster looks for the post from that time on.
    const recorded = earlier ? { ...post, createdAt: earlier.createdAt } : post;
    await this.state.recordPending(recorded);
    crashPoint('pending');
    return this.send(recorded, Boolean(earlier));
  }

  /**
   * The one posting step: sends a recorded pending post and marks it posted. Returns false when
   * it was already posted or no poster for its platform runs in this process (it stays pending).
   */
  private async send(post: OutboxPost, recovering = false): Promise<boolean> {
    const poster = this.deps.poster(post.platform);
    if (!poster && !(await this.state.isPosted(post.postId))) return false;
    // Another instance sending this post now has the lease; it is not sent here.
    const lease = await this.deps.store.leases.tryAcquire(`digest:post:${post.postId}`, { renew: true });
    if (!lease) return false;
    try {
      // Checked under the lease: a holder before us may have sent it and released.
      if (await this.state.isPosted(post.postId)) {
        await this.state.recordPosted(post);
        return false;
      }
      if (!poster) return false;
      if (recovering && poster.hasPosted && (await poster.hasPosted(post.channel, post.postId, post.createdAt))) {
        await this.state.recordPosted(post);
        return false;
      }
      await poster.post(post.channel, post.message, { postId: post.postId });
      crashPoint('posted');
      await this.state.recordPosted(post);
      return true;
    } finally {
      await lease.release();
    }
  }

  // ── scheduler ───────────────────────────────────────────────────────────────────────────

  /** Polls due subscriptions in the background until stop(). */
  start(): void {
    if (this.timer || this.stopped) return;
    const tick = async () => {
      try {
        await this.pollOnce({ dueOnly: true });
      } catch (e) {
        this.log(`lede digest: poll failed: ${(e as Error).message}`);
      }
      if (!this.stopped) {
        this.timer = setTimeout(tick, this.options.tickSeconds * 1000);
        this.timer.unref();
      }
    };
    this.timer = setTimeout(tick, 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => undefined);
  }
}

export { FetchError };
