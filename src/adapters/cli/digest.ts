// `lede subscribe | unsubscribe | subscriptions | digest`: digests from the command line, posted
// to the terminal. Subscriptions made here belong to the "cli" platform (channel "terminal"
// unless --channel says otherwise); --platform lets an operator manage a Discord or Slack
// channel's subscriptions from the shell.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { storeOptions, type Config } from '../../core/config.ts';
import type { DigestOptions, DigestPoster, PostMeta } from '../../core/digest.ts';
import { Lede } from '../../core/lede.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from './render.ts';

export const DIGEST_USAGE = `  lede subscribe <feed URL | folder> [--channel NAME] [--keywords a,b] [--post-newest N]
  lede unsubscribe [<feed URL | folder>] [--channel NAME]
  lede subscriptions [--channel NAME]       all terminal channels when --channel is not given
  lede subscribe <feed URL | folder> --platform slack|discord --channel ID
                                            a chat channel's subscription (posted by that bot)
  lede digest --once [--data PATH]          poll every subscription once, post new articles here
  lede digest                               keep polling (Ctrl-C stops)`;

type Flags = Record<string, string | true>;

function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** How much of the journal's end `hasPosted` reads: ids of pending posts are among the last ones. */
const JOURNAL_TAIL_BYTES = 256 * 1024;

/** Where the terminal poster keeps the ids of the posts it printed: next to the SQLite file. */
export function terminalJournalPath(config: Pick<Config, 'sqlitePath'>): string {
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
 * The terminal poster: one block per post, written synchronously. With a journal, each post's id
 * is appended to it (and fsynced) right after the block, in the same synchronous step — no await
 * between them — so `hasPosted` can tell a post printed before a crash from one never printed.
 * The only window left is a kill landing between those two system calls (microseconds wide):
 * the post is then printed again on the next run (at least once, never lost).
 */
export function terminalPoster(options: { fd?: number; journal?: string } = {}): DigestPoster & { post(channel: string, message: Reply, meta?: PostMeta): Promise<void> } {
  const fd = options.fd ?? 1;
  const journal = options.journal;
  const entry = (channel: string, postId: string) => `${channel}\t${postId}`;
  let journalFd: number | null = null;
  return {
    async post(channel: string, message: Reply, meta?: PostMeta): Promise<void> {
      const head = `── ${channel} ── ${message.kind === 'digest' ? 'new article' : 'notice'}${meta ? ` [post ${meta.postId}]` : ''}`;
      const block = `${head}\n${renderText(message)}\n\n`;
      if (!journal || !meta) {
        writeSync(fd, block);
        return;
      }
      // Opened before printing, so nothing but the two writes stands between print and record.
      if (journalFd === null) {
        mkdirSync(dirname(journal), { recursive: true });
        journalFd = openSync(journal, 'a');
      }
      const line = Buffer.from(`${entry(channel, meta.postId)}\n`);
      writeSync(fd, block);
      writeSync(journalFd, line);
      fsyncSync(journalFd);
    },
    ...(journal ? { async hasPosted(channel: string, postId: string) { return journalTail(journal).includes(entry(channel, postId)); } } : {}),
  };
}

/** Digest settings from the validated configuration (allowed hosts) and the environment. */
export function digestOptions(config: Pick<Config, 'allowHosts'>, env: NodeJS.ProcessEnv = process.env): DigestOptions {
  const poll = Number(env.LEDE_POLL_SECONDS);
  return {
    allowHosts: config.allowHosts,
    pollSeconds: Number.isFinite(poll) && poll >= 10 ? poll : undefined,
    folderRoots: (env.LEDE_DIGEST_FOLDERS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

export async function runDigestCommand(command: string, positional: string[], flags: Flags, config: Config): Promise<number> {
  const platform = str(flags, 'platform') ?? 'cli';
  const channel = str(flags, 'channel') ?? (command === 'subscribe' ? 'terminal' : '*');
  if (command === 'subscribe' && platform !== 'cli' && !str(flags, 'channel')) {
    process.stderr.write(`lede subscribe: with --platform ${platform}, give the channel: --channel <channel id>\n`);
    return 2;
  }
  const ctx = { platform, channel, conversation: `${platform}:${channel}` };
  const lede = await Lede.open({ store: storeOptions(config), digest: digestOptions(config) });
  const digests = lede.digests;
  lede.registerPoster('cli', terminalPoster({ journal: terminalJournalPath(config) }));
  try {
    if (command === 'subscribe' || command === 'unsubscribe' || command === 'subscriptions') {
      const args = { source: positional.join(' ') || undefined, keywords: str(flags, 'keywords'), 'post-newest': str(flags, 'post-newest') };
      // The shell is the operator's: any folder may be subscribed, for any platform's channel.
      const r = await digests.command(command, args, ctx, { operator: true });
      process.stdout.write(renderText(r) + '\n');
      return r.kind === 'error' ? 1 : 0;
    }
    // digest
    const data = str(flags, 'data');
    if (data) {
      const { problems } = await lede.load(data);
      for (const p of problems) process.stderr.write(`lede: skipped ${p.source}: ${p.message}\n`);
    }
    if (flags.once) {
      const { posted, errors } = await digests.pollOnce();
      process.stderr.write(`lede digest: ${posted} posted, ${errors} subscription${errors === 1 ? '' : 's'} failing\n`);
      if (errors) {
        const list = await digests.command('subscriptions', {}, { ...ctx, channel: '*' });
        process.stderr.write(renderText(list) + '\n');
      }
      return errors ? 1 : 0;
    }
    digests.start();
    process.stderr.write('lede digest: polling subscriptions; Ctrl-C stops\n');
    // The scheduler's timer does not hold the process open; this does, until a signal.
    const keepAlive = setInterval(() => {}, 1 << 30);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    clearInterval(keepAlive);
    await digests.stop();
    return 0;
  } finally {
    await lede.close();
  }
}
