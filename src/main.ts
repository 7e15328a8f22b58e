// The `lede` program: reads the configuration once (validated: a wrong or partial setting stops
// here, naming the variable), parses the arguments, wires Lede to the adapters and the digest
// loop, and dispatches the subcommands. main imports adapters, core and knowledge; nothing
// imports main except bin/lede.mjs.
import { randomUUID } from 'node:crypto';
import { delimiter } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, describeConfig, digestOptions, loadConfig, startProblems, storeOptions, type Config } from './core/config.ts';
import { configureLogger, log } from './core/log.ts';
import { Lede } from './core/lede.ts';
// discord.js and Bolt take about a second to load, which the terminal never needs: the modules
// that import them (discord/cli, discord/index, slack/index, slack/log) are imported where
// their adapter starts. The ones imported here load neither.
import { describeDiscordStartError } from './adapters/discord/errors.ts';
import { discordLog } from './adapters/discord/log.ts';
import { slackCli } from './adapters/slack/cli.ts';
import { runChat } from './adapters/terminal/chat.ts';
import { terminalJournalPath } from './adapters/terminal/poster.ts';
import { DIGEST_USAGE, runDigestCommand } from './commands/digest.ts';
import { runExtract } from './commands/extract.ts';
import { runFacts } from './commands/facts.ts';
import { INGEST_USAGE, runIngest } from './commands/ingest.ts';
import { runStatus } from './commands/status.ts';
import { renderText } from './adapters/terminal/render.ts';
import { progressPrinter } from './adapters/terminal/progress.ts';

const USAGE = `lede — answers questions about news articles

  lede chat [--data PATH]...              chat in the terminal (default when no tokens are set)
  lede ask "question" [--data PATH]... [--json]
  lede ask --jsonl [--data PATH]...       stdin {id, question, conversation?} → stdout answers
  lede extract                            stdin JSONL articles → stdout JSONL facts
  lede facts FILE                         the facts of one article file
${INGEST_USAGE}
  lede start                              Discord and/or Slack when their tokens are set, else chat
  lede status                             store backend, articles, facts cache, subscriptions and their errors
  lede discord register [--guild ID]      register the Discord slash commands (lede discord help)
  lede slack manifest [--prefix P]        print the Slack app manifest
${DIGEST_USAGE}

--data may be repeated; without it, $LEDE_DATA (paths separated by "${delimiter}") or data/.`;

export interface ParsedArgs {
  positional: string[];
  /** The last value of each flag (true for a flag without a value). */
  flags: Record<string, string | true>;
  /** Every value of each flag, in order: `--data a --data b` gives data: [a, b]. */
  all: Record<string, string[]>;
}

/** Flags that never take a value, so `--json "question"` keeps the question positional. */
const SWITCHES = new Set(['json', 'jsonl', 'once', 'help']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const all: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    const value = v ?? (i + 1 < argv.length && !argv[i + 1].startsWith('--') && !SWITCHES.has(k) ? argv[++i] : true);
    flags[k] = value;
    if (value !== true) (all[k] ??= []).push(value);
  }
  return { positional, flags, all };
}

/** Lede over the configured store, with every configured article path loaded. */
async function openLede(config: Config): Promise<Lede> {
  const lede = await Lede.open({ store: storeOptions(config), digest: digestOptions(config), rateLimits: config.rateLimits });
  let added = 0;
  for (const path of config.dataPaths) {
    // A terminal sees the progress of a big load; a script's stderr stays quiet.
    const progress = process.stderr.isTTY ? progressPrinter(process.stderr, { label: `reading ${path}` }) : null;
    const loaded = await lede.load(path, progress ? (p) => progress.update(p) : undefined);
    progress?.end();
    added += loaded.added;
    for (const p of loaded.problems) process.stderr.write(`lede: skipped ${p.source}: ${p.message}\n`);
  }
  // A restart over unchanged files adds nothing, yet answers from the archive: only an empty one is worth a word.
  if (added === 0 && lede.library.size === 0) process.stderr.write(`lede: no articles loaded from ${config.dataPaths.join(', ')}\n`);
  return lede;
}

async function askJsonl(lede: Lede): Promise<number> {
  const run = randomUUID();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // One output line per non-blank input line, in order, with the caller's id whatever fails; `line`
  // (the input's line number) says which line it was when there is no id or the line failed.
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let req: unknown;
    try {
      req = JSON.parse(line);
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, line: n, error: `not JSON: ${(e as Error).message}` }) + '\n');
      continue;
    }
    const fields = (req !== null && typeof req === 'object' && !Array.isArray(req) ? req : {}) as { id?: unknown; question?: unknown; conversation?: unknown };
    const id = fields.id ?? null;
    let out: Record<string, unknown>;
    try {
      // A line without a conversation starts empty: its key is this run's own, never an earlier run's line n.
      const conversation = fields.conversation === undefined || fields.conversation === null ? `jsonl:${run}:${n}` : `jsonl-c:${String(fields.conversation)}`;
      if (fields !== req) out = { id, error: 'each line must be a JSON object {id, question, conversation?}' };
      else if (typeof fields.question !== 'string') out = { id, error: 'question must be a string' };
      else out = { id, ...(await lede.answer(fields.question, conversation)) };
    } catch (e) {
      out = { id, error: `could not answer: ${(e as Error).message}` };
    }
    if (id === null || out.error !== undefined) out.line = n;
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return 0;
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/** The bots whose tokens are set, and the digest loop; without tokens, the terminal chat. */
async function start(config: Config): Promise<number> {
  const lede = await openLede(config);
  if (!config.discord && !config.slack) {
    try {
      return await runChat(lede, process.stdin, process.stdout, { journal: terminalJournalPath(config) });
    } finally {
      await lede.close();
    }
  }
  log().info({ config: describeConfig(config) }, 'starting');
  // Before any platform connects: an older archive's one-off upgrade blocks while it runs.
  lede.prepareWrites();
  const running: Array<{ stop(): Promise<void> }> = [];
  try {
    if (config.discord) {
      const { token, shards, ...options } = config.discord;
      const starting = shards
        ? import('./adapters/discord/cli.ts').then(({ startDiscordSharded }) => startDiscordSharded(lede, { token, log: (line) => log().info({ adapter: 'discord' }, line) }))
        : import('./adapters/discord/index.ts').then(({ startDiscord }) => startDiscord(lede, { token, ...options, applicationId: config.discordApplicationId, log: discordLog(log()) }));
      running.push(await starting.catch((e: unknown) => Promise.reject(new Error(describeDiscordStartError(e)))));
    }
    if (config.slack) {
      const [{ startSlack }, { boltLogger }] = await Promise.all([import('./adapters/slack/index.ts'), import('./adapters/slack/log.ts')]);
      running.push(await startSlack(lede, { ...config.slack, logger: boltLogger(log()) }));
    }
    // Posters are registered now: subscribed feeds and folders start polling.
    lede.digests.start();
    const signal = await untilSignal();
    log().info({ signal }, 'stopping: finishing in-flight posts');
    return 0;
  } catch (e) {
    log().error({ err: (e as Error).message }, 'could not start');
    return 1;
  } finally {
    for (const r of running.reverse()) await r.stop().catch(() => undefined);
    await lede.close();
  }
}

/** Exit code 2 and one line per problem, each naming its variable. */
function configurationError(message: string): number {
  process.stderr.write(`lede: configuration error: ${message.replace(/\n/g, '\n  ')}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) return configurationError(e.message);
    throw e;
  }
  // Command-line paths replace the configured ones: `--data a --data b` loads a and b.
  if (args.all.data) config = { ...config, dataPaths: args.all.data };
  configureLogger({ level: config.logLevel });
  switch (command) {
    case 'extract':
      return runExtract(process.stdin, process.stdout);
    case 'facts':
      return runFacts(args.positional[0]);
    case 'ingest':
      return runIngest(args.positional, args.flags, config);
    case 'ask': {
      const lede = await openLede(config);
      try {
        if (args.flags.jsonl) return await askJsonl(lede);
        const question = args.positional.join(' ');
        if (!question.trim()) {
          process.stderr.write('usage: lede ask "question" [--data PATH] [--json]\n');
          return 2;
        }
        if (args.flags.json) {
          process.stdout.write(JSON.stringify(await lede.answer(question, 'cli:ask'), null, 2) + '\n');
        } else {
          process.stdout.write(renderText(await lede.run('ask', { question }, { platform: 'cli', channel: 'terminal', conversation: 'cli:ask' })) + '\n');
        }
        return 0;
      } finally {
        await lede.close();
      }
    }
    case 'chat': {
      const lede = await openLede(config);
      try {
        return await runChat(lede, process.stdin, process.stdout, { journal: terminalJournalPath(config) });
      } finally {
        await lede.close();
      }
    }
    case 'start':
    case undefined: {
      const problems = startProblems(config);
      if (problems.length) return configurationError(problems.join('\n'));
      return start(config);
    }
    case 'status':
      return runStatus(config);
    case 'discord':
      return (await import('./adapters/discord/cli.ts')).discordCli(rest, { config, openLede: () => openLede(config), log: discordLog(log()) });
    case 'slack':
      return slackCli(rest, process.stdout, process.stderr, config.slack?.commandPrefix);
    case 'subscribe':
    case 'unsubscribe':
    case 'subscriptions':
    case 'digest':
      return runDigestCommand(command, args.positional, args.flags, config);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return 0;
    default:
      process.stderr.write(`lede: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}
