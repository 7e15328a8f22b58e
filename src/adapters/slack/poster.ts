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

/** How many recent messages `hasPosted` looks through (one page of conversations.history). */
export const RECENT_MESSAGES = 50;

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
export type SlackPoster = ChannelPoster & { hasPosted(channel: string, postId: string): Promise<boolean> };

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
    async hasPosted(channel: string, postId: string) {
      let messages: SeenMessage[];
      try {
        const page = await client.conversations.history({ channel, limit: RECENT_MESSAGES, include_all_metadata: true });
        messages = (page.messages ?? []) as SeenMessage[];
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
      return messages.some((m) => carriesPost(m, bot, postId));
    },
  };
}
