// Posting for core (digests): through a logged-in client, or through REST alone — the sharded
// mode's manager process has no gateway connection but can still post with the bot token.
import { REST, Routes, type Client } from 'discord.js';
import type { ChannelPoster } from '../../core/lede.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReply, type DiscordEmbed, type DiscordMessage } from './render.ts';

/** A poster that can also tell whether a post id is already in a channel (exactly-once recovery). */
export type DiscordPoster = ChannelPoster & { hasPosted(channelId: string, postId: string): Promise<boolean> };

/** How many recent messages `hasPosted` looks through (one page of the channel history). */
const RECENT_MESSAGES = 50;

function marker(postId: string): string {
  return `#lede-${postId}`;
}

/** Marks a digest post with its core post id, invisibly: a fragment on the title link. */
export function markPost(messages: DiscordMessage[], postId: string): DiscordMessage[] {
  const first = messages[0]?.embeds[0];
  if (!first?.url || first.url.includes('#')) return messages;
  const marked = { ...first, url: first.url + marker(postId) };
  return [{ ...messages[0], embeds: [marked, ...messages[0].embeds.slice(1)] }, ...messages.slice(1)];
}

function rendered(message: Reply, postId: string | undefined): DiscordMessage[] {
  const parts = renderReply(message);
  return postId ? markPost(parts, postId) : parts;
}

function carriesMarker(embeds: ReadonlyArray<{ url?: string | null }>, postId: string): boolean {
  return embeds.some((e) => e.url?.endsWith(marker(postId)) ?? false);
}

/** Through the logged-in client (the normal, single-process bot). */
export function clientPoster(client: Client): DiscordPoster {
  async function sendable(channelId: string) {
    const channel = await client.channels.fetch(channelId);
    if (!channel || !channel.isSendable()) throw new Error(`Discord channel ${channelId} cannot receive messages`);
    return channel;
  }
  return {
    async post(channelId, message, meta) {
      const channel = await sendable(channelId);
      for (const part of rendered(message, meta?.postId)) await channel.send(part);
    },
    async hasPosted(channelId, postId) {
      const channel = await sendable(channelId);
      if (!('messages' in channel)) return false;
      const recent = await channel.messages.fetch({ limit: RECENT_MESSAGES });
      return recent.some((m) => m.author.id === client.user?.id && carriesMarker(m.embeds, postId));
    },
  };
}

/** A rendered message as Discord's REST body (snake_case). */
export function restBody(message: DiscordMessage): { content?: string; embeds: DiscordEmbed[]; allowed_mentions: { parse: []; replied_user: false } } {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowed_mentions: { parse: [], replied_user: false },
  };
}

/** Through REST only, with the bot token (the sharding manager's process). */
export function restPoster(input: { token: string; api?: string }): DiscordPoster {
  const rest = new REST(input.api ? { api: input.api } : {}).setToken(input.token);
  let botId: string | null = null;
  return {
    async post(channelId, message, meta) {
      for (const part of rendered(message, meta?.postId)) await rest.post(Routes.channelMessages(channelId), { body: restBody(part) });
    },
    async hasPosted(channelId, postId) {
      botId ??= ((await rest.get(Routes.user('@me'))) as { id: string }).id;
      const recent = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }) })) as Array<{
        author: { id: string };
        embeds: Array<{ url?: string }>;
      }>;
      return recent.some((m) => m.author.id === botId && carriesMarker(m.embeds, postId));
    },
  };
}
