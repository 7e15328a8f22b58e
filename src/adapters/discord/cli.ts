// `lede discord …`: register slash commands, and run the bot sharded through discord.js's own
// ShardingManager (one child process per group of shards, each running `lede discord shard`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OAuth2Scopes, PermissionFlagsBits, REST, ShardingManager } from 'discord.js';
import type { Config } from '../../core/config.ts';
import type { Lede } from '../../core/lede.ts';
import { commandsRoute, slashCommands } from './commands.ts';
import { startDiscord, type DiscordLog } from './index.ts';
import { restPoster } from './poster.ts';

const USAGE = `lede discord — Discord commands

  lede discord register [--guild ID]   register the slash commands (in one guild: instant, for
                                       development; without --guild: global, for production)
  lede discord invite                  print the URL that adds the bot to a server
  lede discord shards [--count N]      run the bot sharded (discord.js ShardingManager); N
                                       defaults to Discord's recommendation
  lede discord shard                   one shard process (started by "lede discord shards")

Environment: DISCORD_TOKEN, DISCORD_APPLICATION_ID (register), DISCORD_LISTEN_CHANNELS,
DISCORD_MESSAGE_CONTENT (see docs/discord.md).`;

export interface DiscordCliDeps {
  /** Opens the Lede a shard process answers from (the CLI's usual data/store options). */
  openLede?: () => Promise<Lede>;
  /** The validated configuration (src/main.ts reads it once). */
  config: Pick<Config, 'discord' | 'discordApplicationId'>;
  /** REST base URL (tests point it at the loopback fake). */
  api?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** The operator log of a shard process's bot (default: stderr lines). */
  log?: DiscordLog;
}

/** `--name value` or `--name=value`. */
export function flagValue(argv: string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : null;
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return null;
}

const SNOWFLAKE = /^\d{15,22}$/;

/** What the bot needs in a channel: read it, answer (also in threads), show embeds, reply to messages. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The OAuth2 URL that adds the bot with its slash commands and exactly those permissions. */
export function inviteUrl(applicationId: string): string {
  // Spaces as %20, as Discord's own URL generator writes them (URLSearchParams would write "+").
  const scope = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].map(encodeURIComponent).join('%20');
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(applicationId)}&scope=${scope}&permissions=${BOT_PERMISSIONS.toString()}`;
}

/** Registers (overwrites) the command set in one guild or globally; returns how many Discord accepted. */
export async function registerCommands(input: { token: string; applicationId: string; guildId?: string | null; api?: string }): Promise<number> {
  const rest = new REST(input.api ? { api: input.api } : {}).setToken(input.token);
  const created = (await rest.put(commandsRoute(input.applicationId, input.guildId), { body: slashCommands() })) as unknown[];
  return created.length;
}

/**
 * The bin script: shard processes run `lede discord shard` through it. Found by walking up to
 * the package root, as this code runs from src/adapters/discord/ or from the compiled dist/.
 */
function ledeBin(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'bin', 'lede.mjs')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'bin', 'lede.mjs');
}

/** Starts the sharding manager; resolves once every shard is ready. */
export async function startDiscordShards(input: {
  token: string;
  totalShards?: number | 'auto';
  /** The script each shard process runs, and its arguments (default: `lede discord shard`). */
  file?: string;
  shardArgs?: string[];
  execArgv?: string[];
  /** Pause between starting shards; Discord allows one IDENTIFY per 5 s (discord.js default 5.5 s). */
  spawnDelayMs?: number;
  log?: (line: string) => void;
}): Promise<{ manager: ShardingManager; stop(): Promise<void> }> {
  const manager = new ShardingManager(input.file ?? ledeBin(), {
    token: input.token,
    totalShards: input.totalShards ?? 'auto',
    shardArgs: input.shardArgs ?? ['discord', 'shard'],
    execArgv: input.execArgv ?? [],
    mode: 'process',
  });
  const log = input.log ?? ((line: string) => process.stderr.write(line + '\n'));
  manager.on('shardCreate', (shard) => log(`discord: shard ${shard.id} starting`));
  await manager.spawn(input.spawnDelayMs === undefined ? {} : { delay: input.spawnDelayMs });
  return {
    manager,
    async stop() {
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => child.once('exit', () => resolve()));
      });
      for (const shard of manager.shards.values()) shard.kill();
      await Promise.all(exits);
    },
  };
}

/**
 * Sharded mode inside `lede start`: the shard processes answer questions; this process keeps
 * the digests and posts them through REST with the bot token (it has no gateway connection).
 */
export async function startDiscordSharded(
  lede: Lede,
  input: Parameters<typeof startDiscordShards>[0] & { api?: string },
): Promise<{ manager: ShardingManager; stop(): Promise<void> }> {
  lede.registerPoster('discord', restPoster({ token: input.token, api: input.api }));
  return startDiscordShards(input);
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    // A shard process also ends when its manager goes away.
    process.once('disconnect', done);
  });
}

export async function discordCli(argv: string[], deps: DiscordCliDeps): Promise<number> {
  const out = deps.out ?? ((l: string) => process.stdout.write(l + '\n'));
  const err = deps.err ?? ((l: string) => process.stderr.write(l + '\n'));
  const [sub, ...rest] = argv;
  if (!sub || sub === 'help' || sub === '--help') {
    out(USAGE);
    return sub ? 0 : 2;
  }
  if (sub === 'invite') {
    // Needs only the public application id, not the token.
    const applicationId = deps.config.discordApplicationId;
    if (!applicationId) {
      err('lede discord: set DISCORD_APPLICATION_ID (General Information → Application ID)');
      return 2;
    }
    out(inviteUrl(applicationId));
    return 0;
  }
  const discord = deps.config.discord;
  if (!discord) {
    err('lede discord: set DISCORD_TOKEN (the bot token from the Developer Portal, see docs/discord.md)');
    return 2;
  }

  switch (sub) {
    case 'register': {
      const applicationId = deps.config.discordApplicationId;
      if (!applicationId) {
        err('lede discord: set DISCORD_APPLICATION_ID (General Information → Application ID)');
        return 2;
      }
      const guildId = flagValue(rest, 'guild');
      if (rest.includes('--guild') && !guildId) {
        err('lede discord: --guild needs a server id');
        return 2;
      }
      if (guildId && !SNOWFLAKE.test(guildId)) {
        err(`lede discord: --guild must be a numeric server id, not "${guildId}"`);
        return 2;
      }
      try {
        const count = await registerCommands({ token: discord.token, applicationId, guildId, api: deps.api });
        out(guildId ? `Registered ${count} commands in guild ${guildId} (available now).` : `Registered ${count} global commands (may take up to an hour to appear).`);
        return 0;
      } catch (e) {
        err(`lede discord: registering commands failed: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
    }
    case 'shards': {
      const countText = flagValue(rest, 'count');
      const count = countText === null ? 'auto' : Number(countText);
      if (count !== 'auto' && (!Number.isInteger(count) || count < 1)) {
        err(`lede discord: --count must be a whole number of shards, not "${countText}"`);
        return 2;
      }
      const shards = await startDiscordShards({ token: discord.token, totalShards: count, log: deps.log && ((line) => deps.log!.info(line)) });
      await untilSignal();
      await shards.stop();
      return 0;
    }
    case 'shard': {
      if (!deps.openLede) {
        err('lede discord: shard needs the CLI to open the articles');
        return 2;
      }
      const lede = await deps.openLede();
      // discord.js reads the shard ids and count from the environment the manager set.
      const bot = await startDiscord(lede, { ...discord, applicationId: deps.config.discordApplicationId, api: deps.api, log: deps.log });
      await untilSignal();
      await bot.stop();
      await lede.close();
      return 0;
    }
    default:
      err(`lede discord: unknown command "${sub}"\n\n${USAGE}`);
      return 2;
  }
}
