// Structured operator logs (pino, JSON lines on stderr so stdout stays free for answers).
// Secrets never reach a log line: every logged value is walked at any depth (errors too: message,
// stack, cause, extra fields such as a URL error's `input`), secret fields are replaced, URL
// credentials are cut out of every string, and the secret values the process was given
// (DISCORD_TOKEN, SLACK_*_TOKEN, SLACK_SIGNING_SECRET, the REDIS_URL password, …) are replaced
// wherever they appear. `safeUrl` shows a URL without its credentials.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

const require = createRequire(import.meta.url);

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field names whose values are secrets, at any depth (compared without case). */
const SECRET_FIELDS = new Set(['token', 'bottoken', 'apptoken', 'signingsecret', 'clientsecret', 'secret', 'password', 'authorization', 'cookie', 'redisurl']);
const CENSOR = '[secret]';
/** Environment variables holding secrets: the value itself, and any password inside a URL value. */
const SECRET_ENV = /(TOKEN|SECRET|PASSWORD)$|^REDIS_URL$/;
/** Shorter values are not looked for: replacing "1" or "abc" everywhere would garble the log. */
const MIN_SECRET_CHARS = 6;
/** Credentials in any URL: "redis://user:pw@host" → "redis://***@host". */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
/** How deep a logged value is walked; below this it is replaced, not logged unread. */
const MAX_DEPTH = 12;

const secrets = new Set<string>();

/** Adds a value that must never be logged (e.g. a token passed in code rather than the environment). */
export function addSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET_CHARS) secrets.add(value);
}

/** Registers the secrets of an environment: secret-named variables, and passwords in URL values. */
export function addSecretsFrom(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_ENV.test(name)) addSecret(value.trim());
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      try {
        const url = new URL(value.trim());
        addSecret(decodeURIComponent(url.password));
        addSecret(url.password);
      } catch {
        // Not a URL after all: nothing inside it to register.
      }
    }
  }
}

/** A string as it may be logged: URL credentials cut, known secret values replaced. */
export function scrubText(text: string): string {
  let out = text.replace(URL_CREDENTIALS, '$1***@');
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  return out;
}

/** Any value as it may be logged, walked at any depth (errors become plain, scrubbed objects). */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  const walk = (v: unknown) => scrub(v, depth + 1, seen);
  if (Array.isArray(value)) return value.map(walk);
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    // name, message, stack and cause are not enumerable: copied by hand.
    out.type = value.name;
    out.message = walk(value.message);
    if (value.stack) out.stack = walk(value.stack);
    if (value.cause !== undefined) out.cause = walk(value.cause);
  }
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_FIELDS.has(key.toLowerCase()) ? CENSOR : walk(v);
  return out;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default stderr); tests pass a stream to read them. */
  destination?: NodeJS.WritableStream;
  /** Extra fields on every line, e.g. { instance: 'a' }. */
  base?: Record<string, unknown>;
  /** Where the secret values to keep out of the log come from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level && isLogLevel(options.level) ? options.level : 'info';
  addSecretsFrom(options.env ?? process.env);
  // Required here, not imported: a process that never logs (a one-off `lede ask`) never loads pino.
  const { pino } = require('pino') as typeof import('pino');
  return pino(
    {
      level,
      base: { pid: process.pid, ...options.base },
      // Every logged object, and the message (also when pino takes it from an error).
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      serializers: {
        msg: (message: unknown) => (typeof message === 'string' ? scrubText(message) : message),
        // Errors are already plain objects from `scrub` (type, message, stack, cause, fields).
        err: (error: unknown) => error,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    (options.destination ?? pino.destination({ fd: 2, sync: true })) as import('pino').DestinationStream,
  );
}

/** A URL as it may be shown: user and password replaced, the rest kept. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username) u.username = '***';
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

let shared: Logger | null = null;
let sharedOptions: LoggerOptions = {};

/** The process logger, made on first use: at "info" until src/main.ts configures it from the validated LOG_LEVEL. */
export function log(): Logger {
  shared ??= createLogger(sharedOptions);
  return shared;
}

/** How the process logger is made when something first logs (main passes the validated config). */
export function configureLogger(options: LoggerOptions): void {
  sharedOptions = options;
  shared = null;
}

/** Replaces the process logger (tests pass one writing to a stream they read). */
export function setLogger(logger: Logger): void {
  shared = logger;
}
