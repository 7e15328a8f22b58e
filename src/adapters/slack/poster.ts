// Posting digests for core, exactly once across crashes: each digest post carries its core post
// id in Slack message metadata (invisible to people), and `hasPosted` looks for it among the
// channel's recent messages from this bot. Core asks `hasPosted` only when it completes a post
// an earlier run left pending, i.e. one that may or may not have reached Slack.
import type { Logger, webApi } from '@slack/bolt';
import type { ChannelPoster } from '../../core/lede.ts';
import type { Reply } from '../../core/reply.ts';
import { describeSlackError, slackErrorCode } from './errors.ts';
import { renderReply, type SlackMessage } from './render.ts';

/** The metadata event type of a Lede digest post. */
export const POST_EVENT_TYPE = 'lede_post';

/** How many recent messages `hasPosted` looks through when it is not told when the post was made. */
export const RECENT_MESSAGES = 50;

/** Page size when reading the history since a post was recorded (Slack suggests at most 200). */
const HISTORY_PAGE = 200;
/** Pages read at most (2,000 messages): a post buried deeper in a busy channel is taken as not sent. */
const MAX_HISTORY_PAGES = 10;
/** History is read from this long before the post was recorded: Slack's clock and ours may differ. */
const CLOCK_MARGIN_S = 300;

export interface PostMetadata {
  event_type: typeof POST_EVENT_TYPE;
  event_payload: { post_id: string };
}

/** A rendered message, possibly carrying the post's metadata. */
export type MarkedMessage = SlackMessage & { metadata?: PostMetadata };

/** The bot's own ids (from auth.test): its messages carry one or both. */
export interface BotIdentity {
  botId: string;
  userId: string;
}

/** The fields of a conversations.history message that tell who posted it and which post it is. */
export interface SeenMessage {
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** A poster that can also tell whether a post id is already in a channel (exactly-once recovery). */
export type SlackPoster = ChannelPoster & { hasPosted(channel: string, postId: string, since?: string): Promise<boolean> };

export function postMetadata(postId: string): PostMetadata {
  return { event_type: POST_EVENT_TYPE, event_payload: { post_id: postId } };
}

/** Marks the first message of a post with its id: a post found at all counts as sent (as on Discord). */
export function markPost(messages: SlackMessage[], postId: string | undefined): MarkedMessage[] {
  if (!postId || messages.length === 0) return messages;
  return [{ ...messages[0], metadata: postMetadata(postId) }, ...messages.slice(1)];
}

/** Whether a message is this bot's post with this id (another app's or a person's never counts). */
export function carriesPost(message: SeenMessage, bot: BotIdentity, postId: string): boolean {
  const fromBot = message.bot_id === bot.botId || message.user === bot.userId;
  return fromBot && message.metadata?.event_type === POST_EVENT_TYPE && message.metadata.event_payload?.post_id === postId;
}

/** History errors after which Lede cannot tell, and posts again rather than not at all. */
const UNREADABLE_HISTORY: Record<string, string> = {
  missing_scope: 'the app lacks channels:history (public channels) or groups:history (private channels); reinstall it from slack-manifest.yml',
  not_in_channel: 'invite @Lede to the channel',
};

export interface SlackPosterInput {
  client: webApi.WebClient;
  bot: BotIdentity;
  /** Posts messages to a channel in order (rate limits handled by the caller's sender). */
  send(channel: string, messages: MarkedMessage[]): Promise<void>;
  logger: Logger;
}

export function slackPoster(input: SlackPosterInput): SlackPoster {
  const { client, bot, send, logger } = input;
  const warned = new Set<string>();
  return {
    async post(channel: string, reply: Reply, meta?: { postId: string }) {
      try {
        await send(channel, markPost(renderReply(reply), meta?.postId));
      } catch (error) {
        logger.error(`slack: could not post to ${channel}: ${describeSlackError(error)}`);
        throw error;
      }
    },
    // With `since` (when core recorded the post), every message from then on is read, page by
    // page: in a busy channel the post may be far more than one page back. Without it, the
    // latest RECENT_MESSAGES.
    async hasPosted(channel: string, postId: string, since?: string) {
      const from = since ? Date.parse(since) / 1000 - CLOCK_MARGIN_S : NaN;
      const bounds = Number.isFinite(from) ? { oldest: from.toFixed(6), limit: HISTORY_PAGE } : { limit: RECENT_MESSAGES };
      try {
        let cursor: string | undefined;
        for (let page = 0; page < (bounds.oldest ? MAX_HISTORY_PAGES : 1); page++) {
          const res = await client.conversations.history({ channel, include_all_metadata: true, ...bounds, ...(cursor ? { cursor } : {}) });
          if (((res.messages ?? []) as SeenMessage[]).some((m) => carriesPost(m, bot, postId))) return true;
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!res.has_more || !cursor) return false;
        }
        return false;
      } catch (error) {
        const code = slackErrorCode(error);
        const why = code ? UNREADABLE_HISTORY[code] : undefined;
        // Thrown, the post stays pending and is retried later; only a lasting inability to read
        // the channel falls back to posting again (at least once, as without this check).
        if (!why) throw new Error(`slack: could not read the recent messages of ${channel} to see whether a digest post was sent: ${describeSlackError(error, 'the post stays pending and is checked again at the next poll')}`);
        // One warning per channel and cause: the fallback repeats on every recovery.
        const key = `${code}:${channel}`;
        if (!warned.has(key)) {
          warned.add(key);
          logger.warn(`slack: cannot read the recent messages of ${channel} (${code}: ${why}); a digest post interrupted by a crash may appear twice there`);
        }
        return false;
      }
    },
  };
}
