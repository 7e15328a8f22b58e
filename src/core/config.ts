// Configuration from the environment, read once at start-up (src/main.ts) and validated with one
// zod schema: a wrong or partial setting stops the start with a message naming the variable,
// e.g. `LEDE_POLL_SECONDS must be a number ≥ 10 (got "abc")`. Nothing else in src reads
// process.env for configuration. Secrets are never echoed, in errors or in `describeConfig`.
import { delimiter } from 'node:path';
import { z } from 'zod';
import type { DigestOptions } from './digest.ts';
import { LOG_LEVELS, safeUrl } from './log.ts';

export interface RateLimit {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  seconds: number;
}

export interface Config {
  /** Files or folders of articles (LEDE_DATA, or every --data). */
  dataPaths: string[];
  sqlitePath: string;
  redisUrl: string | null;
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  redisPrefix: string;
  /** The archive in this shared Postgres database (LEDE_POSTGRES_URL, else DATABASE_URL), or null: the store's own. */
  postgresUrl: string | null;
  logLevel: string;
  /** Hosts that feed/page fetches may reach even though they are private or loopback. */
  allowHosts: string[];
  digest: {
    pollSeconds: number;
    /** How often the scheduler looks for due subscriptions: never longer than the poll interval. */
    tickSeconds: number;
    /** Folders chat users may subscribe to (LEDE_DIGEST_FOLDERS). */
    folderRoots: string[];
  };
  /** Public, so `lede discord invite` can use it without a token. */
  discordApplicationId: string | null;
  discord: { token: string; listenChannels: string[]; messageContent: boolean; shards: boolean } | null;
  slack: {
    botToken: string;
    signingSecret: string | null;
    appToken: string | null;
    port: number;
    commandPrefix: string;
    inChannel: boolean;
    /** Slack user ids who may subscribe and unsubscribe any channel. */
    operators: string[];
  } | null;
  rateLimits: { user: RateLimit; channel: RateLimit };
  /** How long a lease (digest post, list write) lives without renewal (LEDE_LEASE_MS, default 30 s). */
  leaseMs: number;
}

export class ConfigError extends Error {}

/** Values never shown in an error message. */
const SECRETS = new Set(['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'REDIS_URL', 'LEDE_POSTGRES_URL', 'DATABASE_URL']);

export const MIN_POLL_SECONDS = 10;
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_TICK_SECONDS = 30;

// ── value types: each says what a good value looks like, in the words of the error message ──

/** An unset variable and an empty one mean the same: use the default. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const text = z.string();
const commaList = text.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const bool = z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'], case: 'insensitive', error: 'must be true or false' });
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER, what = 'a whole number') =>
  text.regex(/^\d+$/, `must be ${what}`).transform(Number).pipe(z.number().min(min, `must be ${what} ≥ ${min}`).max(max, `must be ${what} ≤ ${max}`));
const port = wholeNumber(1, 65535, 'a port number');
const seconds = (min: number) => text.regex(/^\d+(\.\d+)?$/, `must be a number of seconds ≥ ${min}`).transform(Number).pipe(z.number().min(min, `must be a number of seconds ≥ ${min}`));
const rate = text
  .regex(/^\d+\/\d+$/, 'must be "N/SECONDS", e.g. "10/60" for 10 requests a minute')
  .transform((s) => s.split('/').map(Number))
  .refine(([points, secs]) => points >= 1 && secs >= 1, 'must allow at least 1 request in at least 1 second')
  .transform(([points, secs]): RateLimit => ({ points, seconds: secs }));
const prefixed = (prefix: string, what: string) => text.refine((s) => s.startsWith(prefix) && s.length > prefix.length, `must be ${what} (${prefix}…)`);
const postgresUrl = text.regex(/^postgres(ql)?:\/\/[^\s/]+/, 'must be a postgres:// or postgresql:// URL');
const snowflakes = commaList.refine((ids) => ids.every((id) => /^\d{15,22}$/.test(id)), 'must be comma-separated Discord ids (numbers)');
const slackUserIds = commaList.refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), 'must be comma-separated Slack user ids (U…)');

/** Every variable Lede reads, and what it must look like. */
const SCHEMA = z.object({
  LEDE_DATA: optional(text.transform((s) => s.split(delimiter).map((x) => x.trim()).filter(Boolean))),
  LEDE_SQLITE: optional(text),
  REDIS_URL: optional(text.regex(/^rediss?:\/\/[^\s/]+/, 'must be a redis:// or rediss:// URL')),
  LEDE_REDIS_PREFIX: optional(text),
  LEDE_POSTGRES_URL: optional(postgresUrl),
  DATABASE_URL: optional(postgresUrl),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  LEDE_ALLOW_HOSTS: optional(commaList),
  LEDE_POLL_SECONDS: optional(seconds(MIN_POLL_SECONDS)),
  // Test-only: the terminal-digest test cannot wait 10 s per poll. Any positive number; it
  // overrides LEDE_POLL_SECONDS and the scheduler tick. Never set it in a deployment.
  LEDE_TEST_POLL_SECONDS: optional(seconds(0.05)),
  LEDE_DIGEST_FOLDERS: optional(commaList),
  // Checked here so a wrong value stops the start; src/core/lease.ts still reads it itself.
  LEDE_LEASE_MS: optional(wholeNumber(200, Number.MAX_SAFE_INTEGER, 'a number of milliseconds')),
  LEDE_RATE_USER: optional(rate),
  LEDE_RATE_CHANNEL: optional(rate),
  DISCORD_TOKEN: optional(text),
  DISCORD_APPLICATION_ID: optional(text.regex(/^\d{15,22}$/, 'must be the numeric Application ID (General Information)')),
  DISCORD_LISTEN_CHANNELS: optional(snowflakes),
  DISCORD_MESSAGE_CONTENT: optional(bool),
  DISCORD_SHARDS: optional(bool),
  SLACK_BOT_TOKEN: optional(prefixed('xoxb-', 'a bot token')),
  SLACK_APP_TOKEN: optional(prefixed('xapp-', 'an app-level token with connections:write')),
  SLACK_SIGNING_SECRET: optional(text),
  SLACK_PORT: optional(port),
  PORT: optional(port),
  // Its shape depends on the command names: the Slack adapter checks it (validateCommandPrefix).
  SLACK_COMMAND_PREFIX: optional(text),
  SLACK_IN_CHANNEL: optional(bool),
  SLACK_OPERATORS: optional(slackUserIds),
});

type Env = z.infer<typeof SCHEMA>;

/** Settings that mean nothing without their platform's token: set alone, they are a mistake. */
const NEEDS_TOKEN: Array<{ token: 'DISCORD_TOKEN' | 'SLACK_BOT_TOKEN'; settings: Array<keyof Env> }> = [
  { token: 'DISCORD_TOKEN', settings: ['DISCORD_LISTEN_CHANNELS', 'DISCORD_MESSAGE_CONTENT', 'DISCORD_SHARDS'] },
  { token: 'SLACK_BOT_TOKEN', settings: ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_PORT', 'SLACK_COMMAND_PREFIX', 'SLACK_IN_CHANNEL', 'SLACK_OPERATORS'] },
];

function problem(name: string, message: string, raw: string | undefined): string {
  return `${name} ${message}${raw !== undefined && !SECRETS.has(name) ? ` (got "${raw.slice(0, 80)}")` : ''}`;
}

/** The validated configuration; a ConfigError lists every wrong variable, one per line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = SCHEMA.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => problem(String(i.path[0]), i.message, env[String(i.path[0])])).join('\n'));
  }
  const e = parsed.data;
  const problems: string[] = [];
  for (const { token, settings } of NEEDS_TOKEN) {
    if (e[token] !== undefined) continue;
    for (const name of settings) if (e[name] !== undefined) problems.push(`${name} is set but ${token} is not: set ${token}, or unset ${name}`);
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));

  const pollSeconds = e.LEDE_TEST_POLL_SECONDS ?? e.LEDE_POLL_SECONDS ?? 900;
  return {
    dataPaths: e.LEDE_DATA?.length ? e.LEDE_DATA : ['data'],
    sqlitePath: e.LEDE_SQLITE ?? '.lede/lede.sqlite',
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.LEDE_REDIS_PREFIX ?? 'lede:',
    postgresUrl: e.LEDE_POSTGRES_URL ?? e.DATABASE_URL ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
    allowHosts: e.LEDE_ALLOW_HOSTS ?? [],
    digest: { pollSeconds, tickSeconds: Math.min(DEFAULT_TICK_SECONDS, pollSeconds), folderRoots: e.LEDE_DIGEST_FOLDERS ?? [] },
    discordApplicationId: e.DISCORD_APPLICATION_ID ?? null,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, listenChannels: e.DISCORD_LISTEN_CHANNELS ?? [], messageContent: e.DISCORD_MESSAGE_CONTENT ?? false, shards: e.DISCORD_SHARDS ?? false }
      : null,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET ?? null,
          appToken: e.SLACK_APP_TOKEN ?? null,
          port: e.SLACK_PORT ?? e.PORT ?? 3000,
          commandPrefix: e.SLACK_COMMAND_PREFIX ?? '',
          inChannel: e.SLACK_IN_CHANNEL ?? false,
          operators: e.SLACK_OPERATORS ?? [],
        }
      : null,
    rateLimits: { user: e.LEDE_RATE_USER ?? { points: 10, seconds: 60 }, channel: e.LEDE_RATE_CHANNEL ?? { points: 30, seconds: 60 } },
    leaseMs: e.LEDE_LEASE_MS ?? DEFAULT_LEASE_MS,
  };
}

/** Where state lives, as the store opens it. */
export function storeOptions(c: Config): { sqlitePath: string; redisUrl: string | null; keyPrefix: string; leaseMs: number; postgresUrl: string | null } {
  return { sqlitePath: c.sqlitePath, redisUrl: c.redisUrl, keyPrefix: c.redisPrefix, leaseMs: c.leaseMs, postgresUrl: c.postgresUrl };
}

/** Digest settings: allowed hosts, poll interval and tick, folders chat users may subscribe. */
export function digestOptions(c: Pick<Config, 'allowHosts' | 'digest'>): DigestOptions {
  return { allowHosts: c.allowHosts, ...c.digest };
}

/**
 * What stops `lede start` although every value is valid: a setting only `lede discord invite`
 * may use alone, set without the token that would start the bot (the start would otherwise
 * fall back to the terminal chat without a word).
 */
export function startProblems(c: Config): string[] {
  return c.discordApplicationId && !c.discord ? ['DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not: set DISCORD_TOKEN to start the Discord bot, or unset DISCORD_APPLICATION_ID'] : [];
}

/** The configuration as it may be logged: secrets reduced to "set". */
export function describeConfig(c: Config): string {
  const parts = [`data=${c.dataPaths.join(delimiter)}`, c.redisUrl ? 'store=redis' : `store=sqlite:${c.sqlitePath}`];
  if (c.postgresUrl) parts.push(`archive=${safeUrl(c.postgresUrl)}`);
  if (c.discord) parts.push(`discord=on${c.discord.shards ? ' (sharded)' : ''}`);
  if (c.slack) parts.push(`slack=on (${c.slack.appToken ? 'socket mode' : `http :${c.slack.port}`})`);
  return parts.join(' ');
}
