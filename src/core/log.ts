// Structured operator logs (pino, JSON lines on stderr so stdout stays free for answers).
// Secrets never reach a log line: known secret fields are redacted by pino, and URLs that
// may carry a password (REDIS_URL) go through `safeUrl` before they are logged or shown.
import { pino, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field names whose values are secrets, at the top level or one object down. */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'signingSecret', 'password', 'authorization', 'redisUrl'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]);

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default stderr); tests pass a stream to read them. */
  destination?: NodeJS.WritableStream;
  /** Extra fields on every line, e.g. { instance: 'a' }. */
  base?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level && isLogLevel(options.level) ? options.level : 'info';
  return pino(
    {
      level,
      base: { pid: process.pid, ...options.base },
      redact: { paths: REDACT_PATHS, censor: '[secret]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    (options.destination ?? pino.destination({ fd: 2, sync: true })) as pino.DestinationStream,
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

/** The process logger: at "info" until src/main.ts sets it from the validated LOG_LEVEL. */
export function log(): Logger {
  shared ??= createLogger();
  return shared;
}

/** Replaces the process logger (main sets it from the validated config). */
export function setLogger(logger: Logger): void {
  shared = logger;
}
