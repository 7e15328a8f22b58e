// The terminal's digest poster: one block per post, headed by the channel and the post id.
import type { ChannelPoster } from '../../core/lede.ts';
import type { PostMeta } from '../../core/digest.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from './render.ts';

/**
 * `write` must have the text out before it returns (the digest records "posted" right after):
 * `lede digest` writes synchronously to fd 1; the chat writes to its output between prompts.
 */
export function terminalPoster(write: (text: string) => void): ChannelPoster & { post(channel: string, message: Reply, meta?: PostMeta): Promise<void> } {
  return {
    async post(channel: string, message: Reply, meta?: PostMeta): Promise<void> {
      const head = `── ${channel} ── new article${meta ? ` [post ${meta.postId}]` : ''}`;
      write(`${head}\n${renderText(message)}\n\n`);
    },
  };
}
