// Bolt's Logger over the process logger (pino, src/core/log.ts): Bolt's own lines and ours
// become JSON lines with `adapter: "slack"`, at the level LOG_LEVEL sets, redacted like the rest.
import { LogLevel, type Logger } from '@slack/bolt';
import type { Logger as Pino } from '../../core/log.ts';

const TO_PINO: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error'> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

function text(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
}

export function boltLogger(logger: Pino): Logger {
  let child = logger.child({ adapter: 'slack' });
  let level = Object.entries(TO_PINO).find(([, name]) => name === logger.level)?.[0] as LogLevel | undefined;
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    // Bolt asks for a level of its own; LOG_LEVEL stays the one that decides what is written.
    setLevel: (l) => void (level = l),
    getLevel: () => level ?? LogLevel.INFO,
    setName: (name) => void (child = logger.child({ adapter: 'slack', component: name })),
  };
}
