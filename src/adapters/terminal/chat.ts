// The terminal chat: questions and /commands read line by line, answers printed as text. While
// it runs it also polls the subscriptions (the same digest loop the bots run) and prints each
// new article's post between answers, so "/subscribe data/inbox" in the chat posts here.
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Lede } from '../../core/lede.ts';
import { terminalPoster } from './poster.ts';
import { renderText } from './render.ts';

const CONTEXT = { platform: 'cli', channel: 'terminal', conversation: 'cli:terminal' };

function helpText(lede: Lede): string {
  return lede.commands.map((c) => `  /${c.name}${c.options.map((o) => (o.required ? ` <${o.name}>` : ` [${o.name}]`)).join('')} — ${c.description}`).join('\n');
}

/** Runs until /quit or the end of input; returns the exit code. */
export async function runChat(lede: Lede, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: { journal?: string } = {}): Promise<number> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  output.write(`Lede — ${lede.library.size} article${lede.library.size === 1 ? '' : 's'} loaded. Ask a question, /help for commands, /quit to leave.\n`);
  const rl = createInterface({ input, output: interactive ? output : undefined, prompt: '> ', terminal: interactive });
  const prompt = () => interactive && rl.prompt();

  lede.registerPoster('cli', terminalPoster((text) => {
    if (!interactive) return void output.write(text);
    // The post replaces the prompt line; the prompt comes back below it with what was typed.
    clearLine(output, 0);
    cursorTo(output, 0);
    output.write(text);
    rl.prompt(true);
  }, options));
  lede.digests.start();

  try {
    prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (/^\/(quit|exit|q)$/.test(line)) break;
      if (line === '/help') output.write(helpText(lede) + '\n');
      else if (line) output.write(renderText(await answer(lede, line)) + '\n\n');
      prompt();
    }
  } finally {
    rl.close();
    // A post in flight finishes; no poll starts after /quit.
    await lede.digests.stop();
  }
  return 0;
}

async function answer(lede: Lede, line: string) {
  const command = /^\/(\w+)\s*(.*)$/.exec(line);
  if (!command) return lede.run('ask', { question: line }, CONTEXT);
  const spec = lede.commands.find((c) => c.name === command[1]);
  const first = spec?.options[0]?.name ?? 'question';
  return lede.run(command[1], { [first]: command[2] || undefined }, CONTEXT);
}
