// The Discord adapter's log over the process logger (pino, src/core/log.ts), `adapter: "discord"`.
import type { Logger as Pino } from '../../core/log.ts';
import type { DiscordLog } from './index.ts';

export function discordLog(logger: Pino): DiscordLog {
  const child = logger.child({ adapter: 'discord' });
  return {
    info: (m) => child.info(m),
    warn: (m) => child.warn(m),
    error: (m, e) => child.error(e === undefined ? {} : { err: e instanceof Error ? e.message : String(e) }, m),
  };
}
