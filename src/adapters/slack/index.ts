// The Slack adapter: @slack/bolt 5 unchanged, over HTTP (HTTPReceiver, signed requests) or
// Socket Mode (SocketModeReceiver, app-level token). It translates slash commands and
// @mentions into `core.run()` calls and renders the Replies as Block Kit; no question logic.
// Every request is acknowledged first; the answer follows through response_url or
// chat.postMessage, so Slack's 3-second deadline holds however slow answering is.
import { App, HTTPReceiver, SocketModeReceiver, LogLevel, webApi, type Logger, type RespondFn } from '@slack/bolt';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { claimsFor, memoryClaims } from '../../core/claims.ts';
import { COMMANDS, type CommandContext, type CommandSpec } from '../../core/commands.ts';
import type { Lede } from '../../core/lede.ts';
import { addSecret, log as processLog } from '../../core/log.ts';
import { boltLogger } from './log.ts';
import { escapeRegExp } from '../../core/wording.ts';
import { conversationKey, parseCommandText, questionFromMention, slashName, validateCommandPrefix } from './commands.ts';
import { describeSlackError, describeSlackStartError } from './errors.ts';
import { hostOfUrl } from '../shared/network.ts';
import { channelManagers } from './permissions.ts';
import { slackPoster, type MarkedMessage } from './poster.ts';
import { escapeMrkdwn, renderReply } from './render.ts';
import { refuseFutureRequests, replayGuard, signedRequestProperties } from './replays.ts';

export { describeSlackError } from './errors.ts';

/** What the adapter needs from core (a Lede satisfies it); without a store, repeats are caught per process. */
export type SlackCore = Pick<Lede, 'run' | 'registerPoster'> & Partial<Pick<Lede, 'store'>>;

export interface SlackOptions {
  /** Bot token (xoxb-…): posting messages. */
  botToken: string;
  /** HTTP mode: verifies that requests come from Slack. */
  signingSecret?: string | null;
  /** Socket Mode (xapp-…, scope connections:write); when set, Socket Mode is used. */
  appToken?: string | null;
  /** Put before every command name: "lede-" gives /lede-ask. Default "". */
  commandPrefix?: string;
  /** HTTP mode: port to listen on (default 3000; 0 picks a free one). */
  port?: number;
  /** HTTP mode: address to listen on (default: all interfaces). */
  host?: string;
  /** Web API base URL (tests point it at a fake Slack). */
  slackApiUrl?: string;
  /** Slack user ids who may change any channel's subscriptions (SLACK_OPERATORS); channel creators and workspace admins may too. */
  operators?: readonly string[];
  /** Slash command answers visible to the whole channel (default: only to the asker). */
  inChannel?: boolean;
  /** Retries of failed Web API calls (network errors, 5xx); rate limits are handled separately. Default 2. */
  webApiRetries?: number;
  /** Bolt's and our log lines; default: the process logger (LOG_LEVEL decides what is written). */
  logger?: Logger;
}

export interface SlackHandle {
  mode: 'http' | 'socket';
  /** HTTP mode: the port actually listened on. */
  port: number | null;
  stop(): Promise<void>;
}

/** Longest wait we honour from a Retry-After before giving up on a message. */
const MAX_RATE_LIMIT_WAIT_S = 30;

export async function startSlack(core: SlackCore, options: SlackOptions): Promise<SlackHandle> {
  for (const secret of [options.botToken, options.appToken, options.signingSecret]) addSecret(secret);
  // One logger: the process's (pino, redacted), unless the caller gives its own.
  const logger = options.logger ?? boltLogger(processLog());
  const prefix = validateCommandPrefix(options.commandPrefix ?? '');
  const mode = chooseMode(options);
  const clientOptions = {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: options.webApiRetries ?? 2 },
    // We want the Retry-After ourselves, to log it and retry once, not a silent long wait.
    rejectRateLimitedCalls: true,
  };
  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: options.appToken!,
          logger,
          installerOptions: { clientOptions: { slackApiUrl: options.slackApiUrl, ...(options.webApiRetries !== undefined ? { retryConfig: { retries: options.webApiRetries } } : {}) } },
        })
      : new HTTPReceiver({ signingSecret: options.signingSecret!, logger, endpoints: ['/slack/events'], customPropertiesExtractor: signedRequestProperties });
  if (receiver instanceof HTTPReceiver) refuseFutureRequests(receiver, logger);
  // Checking the token ourselves gives a clear start-up error (Bolt would only fail at the
  // first event) and hands Bolt the bot's ids so it never calls auth.test in the background.
  const bot = await whoAmI(new webApi.WebClient(options.botToken, { ...clientOptions, logger }));
  const app = new App({ token: options.botToken, botId: bot.botId, botUserId: bot.userId, tokenVerificationEnabled: false, receiver, logger, clientOptions });

  const inflight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    void work.finally(() => inflight.delete(work)).catch(() => {});
    return work;
  };
  // Before any listener: a retry or a replay is acknowledged and dropped, in every instance.
  app.use(replayGuard(core.store ? claimsFor(core.store) : memoryClaims(), logger));
  const managers = channelManagers({ client: app.client, operators: options.operators, logger });
  // Cuts rate-limit waits short on stop(), so shutting down never waits out a Retry-After.
  const stopping = new AbortController();
  const post = (where: { channel: string; thread_ts?: string }, messages: MarkedMessage[]) => postMessages(app.client, where, messages, logger, stopping.signal);
  const responseType = options.inChannel ? 'in_channel' : 'ephemeral';

  for (const spec of COMMANDS) {
    app.command(slashName(spec, prefix), async ({ command, ack, respond }) => {
      // Ack first, always: Slack gives up after 3 seconds; the answer follows via response_url.
      await ack();
      const ctx: CommandContext = {
        platform: 'slack',
        channel: command.channel_id,
        conversation: conversationKey({ team: command.team_id, channel: command.channel_id, user: command.user_id }),
        user: command.user_id,
        mayManage: () => managers.mayManage(command.user_id, command.channel_id),
      };
      await track(answerCommand(core, spec, command.text, ctx, respond, responseType, logger));
    });
  }

  // A command routed to this app that it does not know (usually a manifest made with another
  // prefix): say which names it listens to, instead of letting Slack report a timeout.
  const known = COMMANDS.map((spec) => slashName(spec, prefix));
  app.command(unknownCommandPattern(known), async ({ command, ack }) => {
    logger.warn(`slack: received unknown command ${command.command.slice(0, 40)}; listening to ${known.join(', ')} (check SLACK_COMMAND_PREFIX against the app manifest)`);
    await ack({ response_type: 'ephemeral', text: unknownCommandText(command.command, known) });
  });

  app.event('app_mention', async ({ event, body, context }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const ctx: CommandContext = {
      platform: 'slack',
      channel: event.channel,
      conversation: conversationKey({ team: body.team_id ?? '', channel: event.channel, thread: threadTs, user: event.user ?? '' }),
      user: event.user,
      // A mention only ever asks; managing a channel is a slash command.
      mayManage: async () => false,
    };
    const question = questionFromMention(event.text, context.botUserId);
    await track(answerMention(core, question, ctx, threadTs, post, logger));
  });

  app.error(async (error) => {
    logger.error(`slack: unhandled error: ${describeSlackError(error)}`);
  });

  // Digests: each post marked with its id, so a post interrupted by a crash is not sent twice.
  core.registerPoster('slack', slackPoster({ client: app.client, bot, send: (channel, messages) => post({ channel }, messages), logger }));

  let port: number | null = null;
  try {
    if (mode === 'http') {
      const server = (await app.start({ port: options.port ?? 3000, host: options.host })) as Server;
      port = (server.address() as AddressInfo).port;
      logger.info(`slack: listening for Slack requests on port ${port} at /slack/events (HTTP mode)`);
    } else {
      await app.start();
      logger.info('slack: connected to Slack (Socket Mode)');
    }
  } catch (error) {
    if (mode === 'socket') throw new Error(`Slack could not start in Socket Mode: ${describeSlackStartError(error, 'SLACK_APP_TOKEN', hostOfUrl(options.slackApiUrl, 'slack.com'), 'check SLACK_APP_TOKEN: xapp-…, scope connections:write, Socket Mode on')}`);
    throw new Error(`Slack could not start in HTTP mode: ${describeSlackError(error)} (check that port ${options.port ?? 3000} is free)`);
  }

  return {
    mode,
    port,
    stop: async () => {
      stopping.abort();
      await app.stop();
      // Answers already under way finish (or fail) before we report stopped.
      await Promise.allSettled([...inflight]);
    },
  };
}

/** Matches any slash command except the known ones. */
export function unknownCommandPattern(known: readonly string[]): RegExp {
  const escaped = known.map(escapeRegExp);
  return new RegExp(`^(?!(?:${escaped.join('|')})$)/`);
}

function unknownCommandText(command: string, known: readonly string[]): string {
  return `Lede doesn't know ${escapeMrkdwn(command.slice(0, 40))} here. Its commands are ${known.join(', ')}.`;
}

async function whoAmI(client: webApi.WebClient): Promise<{ botId: string; userId: string }> {
  try {
    const auth = await client.auth.test();
    if (!auth.bot_id || !auth.user_id) throw new Error('SLACK_BOT_TOKEN is not a bot token (use the xoxb-… "Bot User OAuth Token").');
    return { botId: auth.bot_id, userId: auth.user_id };
  } catch (error) {
    throw new Error(describeSlackStartError(error, 'SLACK_BOT_TOKEN', hostOfUrl(client.slackApiUrl, 'slack.com')));
  }
}

function chooseMode(options: SlackOptions): 'http' | 'socket' {
  if (!options.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN (xoxb-…).');
  if (options.appToken) {
    if (!options.appToken.startsWith('xapp-')) throw new Error('SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write.');
    return 'socket';
  }
  if (options.signingSecret) return 'http';
  throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).');
}

async function answerCommand(core: SlackCore, spec: CommandSpec, text: string, ctx: CommandContext, respond: RespondFn, responseType: 'in_channel' | 'ephemeral', logger: Logger): Promise<void> {
  try {
    const reply = await core.run(spec.name, parseCommandText(spec, text), ctx);
    // One message after another, in order; response_url takes at most 5 uses.
    for (const message of renderReply(reply)) await respond({ response_type: responseType, replace_original: false, ...message });
  } catch (error) {
    logger.error(`slack: could not answer /${spec.name} in ${ctx.channel}: ${describeSlackError(error)}`);
  }
}

type Post = (where: { channel: string; thread_ts?: string }, messages: MarkedMessage[]) => Promise<void>;

async function answerMention(core: SlackCore, question: string, ctx: CommandContext, threadTs: string, post: Post, logger: Logger): Promise<void> {
  try {
    const reply = await core.run('ask', { question }, ctx);
    await post({ channel: ctx.channel, thread_ts: threadTs }, renderReply(reply));
  } catch (error) {
    logger.error(`slack: could not answer a mention in ${ctx.channel}: ${describeSlackError(error)}`);
  }
}

/** Posts messages in order; a rate limit is waited out once (per its Retry-After), then it fails. */
async function postMessages(client: webApi.WebClient, where: { channel: string; thread_ts?: string }, messages: MarkedMessage[], logger: Logger, signal: AbortSignal): Promise<void> {
  for (const message of messages) {
    const send = () => client.chat.postMessage({ ...where, ...message, unfurl_links: false, unfurl_media: false });
    try {
      await send();
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === null) throw error;
      logger.warn(`slack: rate-limited on chat.postMessage to ${where.channel}; retrying once in ${wait}s`);
      await sleep(wait * 1000, undefined, { signal }).catch(() => {
        throw new Error('Slack adapter stopping; message dropped while waiting out a rate limit');
      });
      await send();
    }
  }
}

function rateLimitWait(error: unknown): number | null {
  const e = error as { code?: string; retryAfter?: number };
  if (e?.code !== webApi.ErrorCode.RateLimitedError) return null;
  const seconds = Number(e.retryAfter);
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_RATE_LIMIT_WAIT_S ? seconds : null;
}

