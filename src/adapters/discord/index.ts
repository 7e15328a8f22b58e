// Discord wiring: discord.js events → Lede.run → rendered messages. No question logic here;
// this file only decides whether a message is addressed to the bot, which conversation it
// belongs to, and how to deliver (and recover from failed deliveries of) the reply.
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import type { CommandContext } from '../../core/commands.ts';
import { MANAGE_PERMISSION } from './commands.ts';
import type { Lede } from '../../core/lede.ts';
import { addSecret, log as processLog } from '../../core/log.ts';
import { discordLog } from './log.ts';
import { reply, type Reply } from '../../core/reply.ts';
import { clientPoster } from './poster.ts';
import { noMentions, renderReply, textMessages, type DiscordMessage } from './render.ts';

export interface DiscordLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface DiscordOptions {
  /** Bot token (DISCORD_TOKEN). Never logged. */
  token: string;
  /** Application id (DISCORD_APPLICATION_ID); needed only to register commands. */
  applicationId?: string | null;
  /** Channels where the bot answers every message, without a mention (needs messageContent). */
  listenChannels?: string[];
  /** Whether the privileged Message Content intent is enabled for this bot. */
  messageContent?: boolean;
  /** REST base URL, e.g. a loopback fake in tests (default: Discord's). The gateway URL comes from GET /gateway/bot. */
  api?: string;
  log?: DiscordLog;
}

export interface DiscordBot {
  client: Client;
  stop(): Promise<void>;
}

/** What users see when the answer cannot be delivered or produced. */
export const APOLOGY = 'Sorry, something went wrong while sending the answer. Please try again in a moment.';

export function intentsFor(options: Pick<DiscordOptions, 'messageContent'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  // Without this privileged intent Discord still delivers the content of mentions and DMs.
  if (options.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export interface IncomingText {
  content: string;
  channelId: string;
  /** null in a DM. */
  guildId: string | null;
  mentionsBot: boolean;
}

/**
 * The question in a message, or null when the message is not addressed to the bot.
 * `botRoleId` is the bot's own managed role: people often pick it from the mention list.
 */
export function questionIn(message: IncomingText, bot: { id: string; roleId?: string | null }, listenChannels: readonly string[]): string | null {
  const addressed = message.guildId === null || message.mentionsBot || listenChannels.includes(message.channelId);
  if (!addressed) return null;
  const mention = bot.roleId ? `<@!?${bot.id}>|<@&${bot.roleId}>` : `<@!?${bot.id}>`;
  return message.content.replace(new RegExp(mention, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Follow-up context is each asker's own, per channel: in a shared channel Ana's "she" is the
 * person Ana asked about, not the one Ben asked about a message later. A thread is a channel of
 * its own on Discord (its own id), so a new thread starts without context.
 */
export function conversationKey(where: { guildId: string | null; channelId: string; userId: string }): string {
  return where.guildId === null ? `discord:dm:${where.userId}` : `discord:channel:${where.channelId}:user:${where.userId}`;
}

/** Slash command options as the string arguments core commands take. */
export function commandArgs(interaction: Pick<ChatInputCommandInteraction, 'options'>): Record<string, string> {
  const args: Record<string, string> = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) args[option.name] = String(option.value);
  }
  return args;
}

/**
 * Whether the member may manage the channel the command came from. Discord sends the member's
 * permissions in that channel (overwrites applied) with the interaction; in a DM there are none.
 */
export function mayManage(interaction: Pick<ChatInputCommandInteraction, 'memberPermissions'>): boolean {
  return interaction.memberPermissions?.has(MANAGE_PERMISSION) ?? false;
}

/** Core reports its own failures as error replies; this also covers a rejected promise. */
async function runCommand(lede: Lede, name: string, args: Record<string, string>, ctx: CommandContext, log: DiscordLog): Promise<Reply> {
  try {
    return await lede.run(name, args, ctx);
  } catch (e) {
    log.error(`/${name} failed`, e);
    return reply('error', APOLOGY);
  }
}

function apologyMessage(): DiscordMessage {
  return textMessages(APOLOGY)[0];
}

async function answerMessage(lede: Lede, message: Message, botId: string, listenChannels: readonly string[], log: DiscordLog): Promise<void> {
  // Bots (including this one) never get answers: two bots could otherwise talk forever.
  if (message.author.bot || message.author.id === botId || message.webhookId || message.system) return;
  const botRoleId = message.guild?.members.me?.roles.botRole?.id ?? null;
  const mentionsBot = message.mentions.users.has(botId) || (botRoleId !== null && message.mentions.roles.has(botRoleId));
  const question = questionIn(
    { content: message.content, channelId: message.channelId, guildId: message.guildId, mentionsBot },
    { id: botId, roleId: botRoleId },
    listenChannels,
  );
  if (question === null) return;
  const channel = message.channel;
  if ('sendTyping' in channel) channel.sendTyping().catch(() => undefined);

  const answer = await runCommand(
    lede,
    'ask',
    { question },
    {
      platform: 'discord',
      channel: message.channelId,
      conversation: conversationKey({ guildId: message.guildId, channelId: message.channelId, userId: message.author.id }),
      user: message.author.id,
      // A message only ever asks; managing a channel is a slash command.
      mayManage: async () => false,
    },
    log,
  );
  const [first, ...rest] = renderReply(answer);
  try {
    await message.reply(first);
    for (const part of rest) {
      if (!('send' in channel)) break;
      await channel.send(part);
    }
  } catch (e) {
    log.error(`could not send the answer in channel ${message.channelId}`, e);
    await message.reply(apologyMessage()).catch((e2) => log.error('could not send the apology either', e2));
  }
}

async function answerCommand(lede: Lede, interaction: ChatInputCommandInteraction, log: DiscordLog): Promise<void> {
  // Defer first: answering can take longer than the 3 seconds Discord allows for a response.
  try {
    await interaction.deferReply();
  } catch (e) {
    log.error(`could not acknowledge /${interaction.commandName}`, e);
    return;
  }
  const answer = await runCommand(
    lede,
    interaction.commandName,
    commandArgs(interaction),
    {
      platform: 'discord',
      channel: interaction.channelId,
      conversation: conversationKey({ guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id }),
      user: interaction.user.id,
      mayManage: async () => mayManage(interaction),
    },
    log,
  );
  const [first, ...rest] = renderReply(answer);
  try {
    await interaction.editReply(first);
    for (const part of rest) await interaction.followUp(part);
  } catch (e) {
    log.error(`could not send the answer to /${interaction.commandName}`, e);
    const apology = apologyMessage();
    await interaction
      .editReply({ ...apology, embeds: [] })
      .catch(() => interaction.followUp(apology))
      .catch((e2) => log.error('could not send the apology either', e2));
  }
}

/** Logs in, answers mentions, DMs and slash commands, and registers the digest poster. */
export async function startDiscord(lede: Lede, options: DiscordOptions): Promise<DiscordBot> {
  // One logger: the process's (pino, redacted), unless the caller gives its own.
  const log = options.log ?? discordLog(processLog());
  addSecret(options.token);
  const listenChannels = options.listenChannels ?? [];
  if (listenChannels.length && !options.messageContent) {
    log.warn('listen channels need the Message Content intent; without it only mentions, DMs and slash commands are answered');
  }
  const client = new Client({
    intents: intentsFor(options),
    // DM channels are not cached until used; without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: noMentions(),
    rest: options.api ? { api: options.api } : {},
  });
  client.on(Events.Error, (e) => log.error('client error', e));
  client.on(Events.Warn, (m) => log.warn(m));

  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (!botId) return;
    answerMessage(lede, message, botId, listenChannels, log).catch((e) => log.error('message handler failed', e));
  });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!interaction.isChatInputCommand()) return;
    answerCommand(lede, interaction, log).catch((e) => log.error('command handler failed', e));
  });
  lede.registerPoster('discord', clientPoster(client));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(options.token);
    await ready;
  } catch (e) {
    await client.destroy();
    throw e;
  }
  log.info(`logged in as ${client.user?.tag ?? 'bot'}${options.messageContent ? '' : ' (without Message Content: mentions, DMs and slash commands only)'}`);
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
