// The terminal's digest poster: one block per post, headed by the channel and the post id.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChannelPoster } from '../../core/lede.ts';
import type { PostMeta } from '../../core/digest.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from './render.ts';

/** How much of the journal's end `hasPosted` reads: ids of pending posts are among the last ones. */
const JOURNAL_TAIL_BYTES = 256 * 1024;

/** Where the terminal poster keeps the ids of the posts it printed: next to the SQLite file. */
export function terminalJournalPath(config: { sqlitePath: string }): string {
  return join(dirname(config.sqlitePath), 'terminal-posts.journal');
}

/** The last `JOURNAL_TAIL_BYTES` of the journal as lines (none when there is no journal yet). */
function journalTail(path: string): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, JOURNAL_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').split('\n');
  } finally {
    closeSync(fd);
  }
}

/**
 * `write` must have the text out before it returns (the digest records "posted" right after):
 * `lede digest` writes synchronously to fd 1; the chat writes to its output between prompts.
 * With a journal, each post's id is appended to it (and fsynced) right after the block, in the
 * same synchronous step — no await between them — so `hasPosted` can tell a post printed before
 * a crash from one never printed. The only window left is a kill landing between those two
 * system calls: the post is then printed again on the next run (at least once, never lost).
 */
export function terminalPoster(write: (text: string) => void, options: { journal?: string } = {}): ChannelPoster & { post(channel: string, message: Reply, meta?: PostMeta): Promise<void> } {
  const journal = options.journal;
  const entry = (channel: string, postId: string) => `${channel}\t${postId}`;
  let journalFd: number | null = null;
  return {
    async post(channel: string, message: Reply, meta?: PostMeta): Promise<void> {
      const head = `── ${channel} ── ${message.kind === 'digest' ? 'new article' : 'notice'}${meta ? ` [post ${meta.postId}]` : ''}`;
      const block = `${head}\n${renderText(message)}\n\n`;
      if (!journal || !meta) return write(block);
      // Opened before printing, so nothing but the two writes stands between print and record.
      if (journalFd === null) {
        mkdirSync(dirname(journal), { recursive: true });
        journalFd = openSync(journal, 'a');
      }
      write(block);
      writeSync(journalFd, `${entry(channel, meta.postId)}\n`);
      fsyncSync(journalFd);
    },
    ...(journal ? { async hasPosted(channel: string, postId: string) { return journalTail(journal).includes(entry(channel, postId)); } } : {}),
  };
}
