// The one object adapters talk to: load articles, run commands, answer questions, post digests.
// Adapters translate platform events into `run()` calls and render the Reply they get back.
import type { Article } from '../knowledge/facts.ts';
import type { LoadProblem } from '../knowledge/ingest/index.ts';
import { ask, type Answer } from './ask/index.ts';
import { clusterFor, type Cluster } from './cluster.ts';
import { COMMANDS, commandSpec, type CommandContext, type CommandName } from './commands.ts';
import { Digests, type DigestOptions, type DigestPoster } from './digest.ts';
import { Conversations, type ConversationContext } from './conversation.ts';
import { openArchive } from './archive/index.ts';
import { Library } from './library.ts';
import { overLimitText, RateLimits, type RateLimitOptions } from './limits.ts';
import { answerReply, articleListReply, summaryReply } from './replies.ts';
import { reply, type Reply } from './reply.ts';
import { log } from './log.ts';
import { openStore, type Store, type StoreOptions } from './store.ts';
import { sharedPool, type WorkPool } from './work/pool.ts';
import { ingest, type IngestOptions, type IngestResult } from './ingest/index.ts';
import { storedSources, type SourceLog } from './ingest/sources.ts';
import { MemoryArchive } from './archive/memory.ts';
import { extractorVersion } from '../knowledge/extract.ts';

/** How core posts to a channel on a platform (digests); each adapter registers one. */
export type ChannelPoster = DigestPoster;

export interface LedeOptions {
  /** File or folder of articles to load at start (default: none). */
  dataPath?: string | null;
  store?: StoreOptions;
  /** An already opened store (tests share one between instances). */
  openedStore?: Store;
  onProgress?: IngestOptions['onProgress'];
  digest?: DigestOptions;
  /** Where files are read and facts extracted (default: the process's shared work pool). */
  work?: WorkPool;
  /** Per-user and per-channel request limits (defaults 10 and 30 per 60 s). */
  rateLimits?: RateLimitOptions;
}

/** What someone who may not manage a channel hears when they try /subscribe or /unsubscribe there. */
export const MANAGE_REFUSAL = 'Only people who can manage this channel can change its subscriptions. Ask a channel manager, or use /subscriptions to see what is posted here.';

/** Longest question we read; longer input is cut, not rejected. */
export const MAX_QUESTION_CHARS = 2000;

export class Lede {
  readonly library: Library;
  readonly store: Store;
  readonly conversations: Conversations;
  readonly problems: LoadProblem[] = [];
  readonly digests: Digests;
  /** Shares added articles with other instances on the same Redis (a no-op on SQLite). */
  readonly cluster: Cluster;
  private readonly posters = new Map<string, ChannelPoster>();
  /** Where files are read and facts extracted; set by open(). */
  private work: WorkPool = sharedPool();
  private readonly limits: RateLimits;
  /**
   * Stamps of the files read, so a restart skips the unchanged ones: only beside an archive a
   * restart keeps (with one that starts empty, a skipped file would be missing).
   */
  private readonly sources: SourceLog | null;

  private constructor(library: Library, store: Store, digestOptions: DigestOptions = {}, rateLimits: RateLimitOptions = {}) {
    this.library = library;
    this.store = store;
    this.limits = new RateLimits(store, rateLimits);
    this.conversations = new Conversations(store.ns('conversations'));
    this.cluster = clusterFor(store);
    this.sources = library.archive instanceof MemoryArchive ? null : storedSources(store.ns('sources'), extractorVersion());
    this.digests = new Digests({
      store,
      addArticle: (a) => this.addArticle(a),
      factsOf: (id) => this.library.get(id)?.facts,
      poster: (platform) => this.poster(platform),
      options: digestOptions,
      log: (m) => log().warn(m),
    });
  }

  static async open(options: LedeOptions = {}): Promise<Lede> {
    const store = options.openedStore ?? (await openStore(options.store));
    const work = options.work ?? sharedPool();
    // The store's archive: every article ever added to this store answers, with or without --data.
    const library = new Library(store.ns('facts'), undefined, (article) => work.run('extract', { article }, { label: article.id, size: article.text.length }), openArchive(store, options.store?.postgresUrl));
    const lede = new Lede(library, store, options.digest, options.rateLimits);
    lede.work = work;
    if (options.dataPath) await lede.load(options.dataPath, options.onProgress);
    // Articles other instances added before this one started; later ones arrive as they come.
    await lede.cluster.start((a) => lede.receiveShared(a));
    return lede;
  }

  get commands() {
    return COMMANDS;
  }

  /**
   * Loads a file or folder. A file that cannot be read and an article whose facts cannot be
   * extracted (an error, or over the time budget) are kept as problems; the rest are added.
   */
  async load(path: string, onProgress?: IngestOptions['onProgress']): Promise<{ added: number; problems: LoadProblem[] }> {
    const result = await this.ingest([path], { onProgress, count: !!onProgress });
    return { added: result.added + result.already, problems: result.problems };
  }

  /** Streams files, folders and JSON Lines into the library (see core/ingest). */
  async ingest(paths: string[], options: IngestOptions = {}): Promise<IngestResult> {
    // Stamps describe what the archive holds: an empty one (new, or deleted beside its store) reads every file.
    const sources = this.sources && this.library.size === 0 ? { get: async () => undefined, set: this.sources.set } : this.sources;
    const result = await ingest(paths, this.library, this.work, { sources, ...options });
    this.problems.push(...result.problems);
    return result;
  }

  async addArticle(article: Article): Promise<void> {
    await this.library.add(article);
    await this.cluster.publish(article);
  }

  /** An article another instance added: its facts come from the shared cache; a copy we have is skipped. */
  private async receiveShared(article: Article): Promise<void> {
    const known = this.library.get(article.id);
    if (known && this.library.cacheKey(known.article) === this.library.cacheKey(article)) return;
    await this.library.add(article);
  }

  registerPoster(platform: string, poster: ChannelPoster): void {
    this.posters.set(platform, poster);
  }

  poster(platform: string): ChannelPoster | undefined {
    return this.posters.get(platform);
  }

  /**
   * The raw answer object (the `--json` form). Never throws: a failed answer carries `error`
   * (see `ask`), and a conversation store that fails only costs the follow-up context (logged).
   */
  async answer(question: string, conversation: string): Promise<Answer> {
    const q = String(question ?? '').slice(0, MAX_QUESTION_CHARS);
    const context = await this.contextOf(conversation);
    const result = ask(this.library, q, context);
    await this.conversations.set(conversation, result.context).catch((e: unknown) => {
      log().error({ err: e instanceof Error ? e.message : String(e) }, 'conversation context not saved');
    });
    return result.answer;
  }

  /** A conversation's follow-up context; a store that fails only costs the context (logged). */
  private async contextOf(conversation: string): Promise<ConversationContext> {
    return this.conversations.get(conversation).catch((e: unknown) => {
      log().error({ err: e instanceof Error ? e.message : String(e) }, 'conversation context unreadable; answering without it');
      return {};
    });
  }

  async run(name: CommandName | string, args: Record<string, string | undefined>, ctx: CommandContext): Promise<Reply> {
    try {
      // Limits first: a refused request must not cost a permission look-up either.
      const over = await this.limits.take(ctx);
      if (over) return reply('info', overLimitText(over));
      if (commandSpec(name)?.manage && ctx.mayManage && !(await ctx.mayManage())) return reply('info', MANAGE_REFUSAL);
      switch (name) {
        case 'ask': {
          const question = (args.question ?? '').trim();
          if (!question) return reply('info', 'Ask me a question about the loaded articles, e.g. "What happened?"');
          return answerReply(this.library, await this.answer(question, ctx.conversation));
        }
        case 'articles':
          return articleListReply(this.library, args.query ?? null);
        case 'summary':
          return summaryReply(this.library, args.article ?? null, await this.contextOf(ctx.conversation));
        case 'who': {
          const name = (args.name ?? '').trim();
          if (!name) return reply('info', 'Give me a name, e.g. /who name: DHS');
          return answerReply(this.library, await this.answer(`Who is ${name.slice(0, 200)}?`, ctx.conversation));
        }
        case 'subscribe':
        case 'unsubscribe':
        case 'subscriptions':
          return await this.digests.command(name, args, ctx);
        default:
          return reply('error', `Unknown command "${String(name).slice(0, 40)}".`);
      }
    } catch (e) {
      // The user gets a short apology; the operator gets the error in the log.
      log().error({ err: e instanceof Error ? e.message : String(e), command: String(name) }, 'command failed');
      return reply('error', 'Sorry, something went wrong while answering. Please try again.');
    }
  }

  /** For a process that will write (a bot, an ingest), before it serves: see Archive.completeSkips. */
  prepareWrites(): void {
    this.library.archive.completeSkips?.();
  }

  async close(): Promise<void> {
    await this.digests.stop();
    await this.cluster.stop();
    this.library.close();
    await this.store.close();
  }
}
