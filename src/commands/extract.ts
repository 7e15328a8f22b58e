// `lede extract`: the batch contract of ../shared/eval — JSONL articles on stdin, one JSONL
// facts object per line on stdout, same order; a line that fails gets {id, error}. Every line
// runs in the work pool under its time budget, so a line that throws or never ends costs only
// itself ({id, error: "took longer than 20 s to read; skipped"}), and two lines run at once.
import { createInterface } from 'node:readline';
import { draftFromObject } from '../knowledge/ingest/json.ts';
import type { Article } from '../knowledge/facts.ts';
import { sharedPool, type WorkPool } from '../core/work/pool.ts';

/** Lines in flight at once: enough to keep every thread busy, few enough to bound memory. */
const WINDOW = 8;

function extractLine(line: string, n: number, pool: WorkPool): Promise<unknown> {
  let id = `line-${n}`;
  try {
    const raw = JSON.parse(line) as Record<string, unknown>;
    if (typeof raw.id === 'string') id = raw.id;
    // The eval contract keeps the text exactly as sent: offsets must index it unchanged.
    const draft = draftFromObject(raw);
    const text = typeof raw.text === 'string' ? raw.text : draft.text;
    const article: Article = { ...draft, id, text };
    return pool.run('extract', { article }, { label: id }).catch((e: Error) => ({ id, error: e.message }));
  } catch (e) {
    return Promise.resolve({ id, error: (e as Error).message });
  }
}

export async function runExtract(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, pool: WorkPool = sharedPool()): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const inFlight: Array<Promise<unknown>> = [];
  const writeUntil = async (left: number) => {
    while (inFlight.length > left) {
      if (!output.write(JSON.stringify(await inFlight.shift()) + '\n')) await new Promise((r) => output.once('drain', r));
    }
  };
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    inFlight.push(extractLine(line, ++n, pool));
    await writeUntil(WINDOW);
  }
  await writeUntil(0);
  return 0;
}
