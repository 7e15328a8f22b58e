// Configuration from the environment, validated once at start-up. Secrets are read here and
// never logged: `describeConfig` shows only whether they are set.

export interface Config {
  dataPath: string;
  sqlitePath: string;
  redisUrl: string | null;
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  redisPrefix: string;
  discord: { token: string; applicationId: string | null; listenChannels: string[]; messageContent: boolean; shards: boolean } | null;
  slack: { botToken: string; signingSecret: string | null; appToken: string | null; port: number; commandPrefix: string; inChannel: boolean } | null;
  /** Hosts that feed/page fetches may reach even though they are private or loopback. */
  allowHosts: string[];
  logLevel: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.SLACK_PORT ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`SLACK_PORT must be a port number, not "${env.SLACK_PORT ?? env.PORT}"`);
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const slackToken = env.SLACK_BOT_TOKEN?.trim();
  if (slackToken && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  }
  const discordToken = env.DISCORD_TOKEN?.trim();
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  return {
    dataPath: env.LEDE_DATA?.trim() || 'data',
    sqlitePath: env.LEDE_SQLITE?.trim() || '.lede/lede.sqlite',
    redisUrl,
    redisPrefix: env.LEDE_REDIS_PREFIX?.trim() || 'lede:',
    discord: discordToken
      ? {
          token: discordToken,
          applicationId: env.DISCORD_APPLICATION_ID?.trim() || null,
          listenChannels: list(env.DISCORD_LISTEN_CHANNELS),
          messageContent: flag('DISCORD_MESSAGE_CONTENT', env.DISCORD_MESSAGE_CONTENT, false),
          shards: flag('DISCORD_SHARDS', env.DISCORD_SHARDS, false),
        }
      : null,
    slack: slackToken
      ? {
          botToken: slackToken,
          signingSecret: env.SLACK_SIGNING_SECRET?.trim() || null,
          appToken: env.SLACK_APP_TOKEN?.trim() || null,
          port,
          commandPrefix: env.SLACK_COMMAND_PREFIX?.trim() ?? '',
          inChannel: flag('SLACK_IN_CHANNEL', env.SLACK_IN_CHANNEL, false),
        }
      : null,
    allowHosts: list(env.LEDE_ALLOW_HOSTS),
    logLevel,
  };
}

/** Where state lives, as the store opens it. */
export function storeOptions(c: Config): { sqlitePath: string; redisUrl: string | null; keyPrefix: string } {
  return { sqlitePath: c.sqlitePath, redisUrl: c.redisUrl, keyPrefix: c.redisPrefix };
}

/** The configuration as it may be logged: secrets reduced to "set". */
export function describeConfig(c: Config): string {
  const parts = [`data=${c.dataPath}`, c.redisUrl ? 'store=redis' : `store=sqlite:${c.sqlitePath}`];
  if (c.discord) parts.push(`discord=on${c.discord.shards ? ' (sharded)' : ''}`);
  if (c.slack) parts.push(`slack=on (${c.slack.appToken ? 'socket mode' : `http :${c.slack.port}`})`);
  return parts.join(' ');
}
