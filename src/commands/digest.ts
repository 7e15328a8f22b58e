// `lede subscribe | unsubscribe | subscriptions | digest`: digests from the command line, posted
// to the terminal. Subscriptions made here belong to the "cli" platform (channel "terminal"
// unless --channel says otherwise); --platform lets an operator manage a Discord or Slack
// channel's subscriptions from the shell.
import { writeSync } from 'node:fs';
import { digestOptions, storeOptions, type Config } from '../core/config.ts';
import { Lede } from '../core/lede.ts';
import { terminalJournalPath, terminalPoster } from '../adapters/terminal/poster.ts';
import { renderText } from '../adapters/terminal/render.ts';

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
  // Synchronous, so each post is out (and journalled) before the digest records it as posted.
  lede.registerPoster('cli', terminalPoster((text) => writeSync(1, text), { journal: terminalJournalPath(config) }));
  try {
    if (command === 'subscribe' || command === 'unsubscribe' || command === 'subscriptions') {
      const args = { source: positional.join(' ') || undefined, keywords: str(flags, 'keywords'), 'post-newest': str(flags, 'post-newest') };
      // The shell is the operator's: any folder may be subscribed, for any platform's channel.
      const r = await digests.command(command, args, ctx, { operator: true });
      process.stdout.write(renderText(r) + '\n');
      return r.kind === 'error' ? 1 : 0;
    }
    // digest
    // --data (each one given: main puts them in config.dataPaths) adds articles to ask about.
    if (flags.data) {
      for (const path of config.dataPaths) {
        const { problems } = await lede.load(path);
        for (const p of problems) process.stderr.write(`lede: skipped ${p.source}: ${p.message}\n`);
      }
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
