// The `lede` command line: argument parsing and dispatch to the subcommands.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, describeConfig, loadConfig, storeOptions, type Config } from '../../core/config.ts';
import { createLogger, log, setLogger } from '../../core/log.ts';
import { Lede } from '../../core/lede.ts';
import { extractFacts } from '../../knowledge/extract.ts';
import { readArticleBytes } from '../../knowledge/ingest/index.ts';
import { discordCli, startDiscordSharded } from '../discord/cli.ts';
import { startDiscord } from '../discord/index.ts';
import { slackCli } from '../slack/cli.ts';
import { startSlack } from '../slack/index.ts';
import { DIGEST_USAGE, digestOptions, runDigestCommand } from './digest.ts';
import { runExtract } from './extract.ts';
import { runStatus } from './status.ts';
import { renderText } from './render.ts';

const USAGE = `lede — answers questions about news articles

  lede chat [--data PATH]                 chat in the terminal (default when no tokens are set)
  lede ask "question" [--data PATH] [--json]
  lede ask --jsonl [--data PATH]          stdin {id, question, conversation?} → stdout answers
  lede extract                            stdin JSONL articles → stdout JSONL facts
  lede facts FILE                         the facts of one article file
  lede start                              Discord and/or Slack when their tokens are set, else chat
  lede status                             store backend, articles, facts cache, subscriptions and their errors
  lede discord register [--guild ID]      register the Discord slash commands (lede discord help)
  lede slack manifest [--prefix P]        print the Slack app manifest
${DIGEST_USAGE}

--data defaults to $LEDE_DATA or data/.`;

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && !['json', 'jsonl', 'once', 'help'].includes(k)) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

function progress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (total < 20 || (now - last < 200 && done < total)) return;
    last = now;
    process.stderr.write(`\rreading articles ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

async function openLede(config: Config, flags: ParsedArgs['flags']): Promise<Lede> {
  const dataPath = typeof flags.data === 'string' ? flags.data : config.dataPath;
  const lede = await Lede.open({ store: storeOptions(config), digest: digestOptions(config) });
  const { added, problems } = await lede.load(dataPath, progress());
  for (const p of problems) process.stderr.write(`lede: skipped ${p.source}: ${p.message}\n`);
  if (added === 0) process.stderr.write(`lede: no articles loaded from ${dataPath}\n`);
  return lede;
}

async function chat(lede: Lede, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  output.write(`Lede — ${lede.library.size} article${lede.library.size === 1 ? '' : 's'} loaded. Ask a question, /help for commands, /quit to leave.\n`);
  const rl = createInterface({ input, output: interactive ? output : undefined, prompt: '> ', terminal: interactive });
  if (interactive) rl.prompt();
  const ctx = { platform: 'cli', channel: 'terminal', conversation: 'cli:terminal' };
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      if (interactive) rl.prompt();
      continue;
    }
    if (/^\/(quit|exit|q)$/.test(line)) break;
    let r;
    if (line === '/help') {
      output.write(lede.commands.map((c) => `  /${c.name}${c.options.map((o) => (o.required ? ` <${o.name}>` : ` [${o.name}]`)).join('')} — ${c.description}`).join('\n') + '\n');
      if (interactive) rl.prompt();
      continue;
    }
    const command = /^\/(\w+)\s*(.*)$/.exec(line);
    if (command) {
      const spec = lede.commands.find((c) => c.name === command[1]);
      const first = spec?.options[0]?.name ?? 'question';
      r = await lede.run(command[1], { [first]: command[2] || undefined }, ctx);
    } else r = await lede.run('ask', { question: line }, ctx);
    output.write(renderText(r) + '\n\n');
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}

async function askJsonl(lede: Lede): Promise<number> {
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
      const conversation = fields.conversation === undefined || fields.conversation === null ? `jsonl:${n}` : `jsonl-c:${String(fields.conversation)}`;
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

function facts(file: string | undefined): number {
  if (!file) {
    process.stderr.write('usage: lede facts FILE\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`lede: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const { articles, problems } = readArticleBytes(bytes, basename(file), file);
  for (const p of problems) process.stderr.write(`lede: ${p.source}: ${p.message}\n`);
  for (const article of articles) {
    const f = extractFacts(article);
    const out = [`# ${article.id}${article.title ? ` — ${article.title}` : ''}`, `published: ${article.published ?? '-'}  author: ${article.author ?? '-'}  outlet: ${article.outlet ?? '-'}`, ''];
    out.push('## Summary', ...f.summary.map((s) => `- ${s}`), '');
    if (f.event) out.push('## Event', ...Object.entries(f.event).filter(([, v]) => v).map(([k, v]) => `- ${k}: ${v}`), '');
    out.push('## Entities', ...f.entities.map((e) => `- ${e.name} [${e.kind}]${e.roles.length ? ` roles: ${e.roles.join('; ')}` : ''}${e.aliases.length ? ` aka: ${e.aliases.join(', ')}` : ''} (${e.mentions.length}×)`), '');
    out.push('## Times', ...f.times.map((t) => `- "${t.text}" ${t.type} = ${t.value ?? '?'}`), '');
    out.push('## Quotes', ...f.quotes.map((q) => `- [${q.kind}] ${q.speaker ? `${q.speaker.name ?? q.speaker.text}` : '(unattributed)'}${q.cue ? ` ${q.cue.text}` : ''}: ${q.text.replace(/\s+/g, ' ').slice(0, 200)}`), '');
    process.stdout.write(out.join('\n') + '\n');
  }
  return articles.length > 0 ? 0 : 1;
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

async function start(config: Config): Promise<number> {
  const lede = await openLede(config, {});
  if (!config.discord && !config.slack) {
    try {
      return await chat(lede, process.stdin, process.stdout);
    } finally {
      await lede.close();
    }
  }
  log().info({ config: describeConfig(config) }, 'starting');
  const running: Array<{ stop(): Promise<void> }> = [];
  try {
    if (config.discord) {
      running.push(
        config.discord.shards
          ? await startDiscordSharded(lede, { token: config.discord.token })
          : await startDiscord(lede, {
              token: config.discord.token,
              applicationId: config.discord.applicationId,
              listenChannels: config.discord.listenChannels,
              messageContent: config.discord.messageContent,
            }),
      );
    }
    if (config.slack) {
      running.push(
        await startSlack(lede, {
          botToken: config.slack.botToken,
          signingSecret: config.slack.signingSecret,
          appToken: config.slack.appToken,
          port: config.slack.port,
          commandPrefix: config.slack.commandPrefix,
          inChannel: config.slack.inChannel,
          logLevel: config.logLevel,
        }),
      );
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`lede: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  setLogger(createLogger({ level: config.logLevel }));
  switch (command) {
    case 'extract':
      return runExtract(process.stdin, process.stdout);
    case 'facts':
      return facts(args.positional[0]);
    case 'ask': {
      const lede = await openLede(config, args.flags);
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
      const lede = await openLede(config, args.flags);
      try {
        return await chat(lede, process.stdin, process.stdout);
      } finally {
        await lede.close();
      }
    }
    case 'start':
    case undefined:
      return start(config);
    case 'status':
      return runStatus(config);
    case 'discord':
      return discordCli(rest, { openLede: () => openLede(config, args.flags) });
    case 'slack':
      return slackCli(rest);
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
