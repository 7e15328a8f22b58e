// Per-user and per-channel request limits for every chat adapter (Lede.run applies them), with
// rate-limiter-flexible: counted in memory, or in Redis when the store is Redis so that every
// instance shares one count (a user spreading requests over three instances still gets 10).
// The terminal and scripts pass no user and are not limited: they are the operator.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandContext } from './commands.ts';
import type { Store } from './store.ts';

/** At most `points` requests in any window of `seconds` (e.g. 10 per 60 s). */
export interface Rate {
  points: number;
  seconds: number;
}

export interface RateLimitOptions {
  /** Per platform user (default 10 per 60 s). */
  user?: Rate;
  /** Per platform channel, all its users together (default 30 per 60 s). */
  channel?: Rate;
}

export const RATE_DEFAULTS = { user: { points: 10, seconds: 60 }, channel: { points: 30, seconds: 60 } } as const satisfies Required<RateLimitOptions>;

/** Who ran over a limit, and how long until they may ask again. */
export interface OverLimit {
  scope: 'user' | 'channel';
  retryInSeconds: number;
}

type Scope = OverLimit['scope'];

type Library = typeof import('rate-limiter-flexible');

function limiter({ RateLimiterMemory, RateLimiterRedis }: Library, store: Store, scope: Scope, rate: Rate): RateLimiterAbstract {
  const base = { points: rate.points, duration: rate.seconds };
  if (!store.redis) return new RateLimiterMemory(base);
  return new RateLimiterRedis({
    ...base,
    storeClient: store.redis.client,
    useRedisPackage: true,
    keyPrefix: `${store.redis.prefix}rate:${scope}`,
    // Redis unreachable: count in this process rather than refuse everyone or no one.
    insuranceLimiter: new RateLimiterMemory(base),
  });
}

export class RateLimits {
  /**
   * Made with the first request that has a user: the terminal and scripts never have one, so a
   * one-off `lede ask` does not load rate-limiter-flexible (its index loads every backend it has).
   */
  private limiters: Promise<{ library: Library; byScope: Record<Scope, RateLimiterAbstract> }> | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: RateLimitOptions = {},
  ) {}

  private load(): Promise<{ library: Library; byScope: Record<Scope, RateLimiterAbstract> }> {
    this.limiters ??= import('rate-limiter-flexible').then((library) => ({
      library,
      byScope: {
        user: limiter(library, this.store, 'user', this.options.user ?? RATE_DEFAULTS.user),
        channel: limiter(library, this.store, 'channel', this.options.channel ?? RATE_DEFAULTS.channel),
      },
    }));
    return this.limiters;
  }

  /** Counts one request; null when it is within every limit. */
  async take(ctx: CommandContext): Promise<OverLimit | null> {
    if (!ctx.user) return null;
    const { library, byScope } = await this.load();
    const keys: [Scope, string][] = [
      ['user', `${ctx.platform}:${ctx.user}`],
      ['channel', `${ctx.platform}:${ctx.channel}`],
    ];
    for (const [scope, key] of keys) {
      try {
        await byScope[scope].consume(key);
      } catch (e) {
        if (!(e instanceof library.RateLimiterRes)) throw e;
        return { scope, retryInSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      }
    }
    return null;
  }
}

/** The short, polite answer to a request over a limit (it names no one, so it pings no one). */
export function overLimitText(over: OverLimit): string {
  const who = over.scope === 'user' ? "You're" : 'This channel is';
  const when = over.retryInSeconds === 1 ? '1 second' : `${over.retryInSeconds} seconds`;
  return `${who} sending requests faster than I can answer. Please try again in ${when}.`;
}
