// `lede extract`: the batch contract of ../shared/eval — JSONL articles on stdin, one JSONL
// facts object per line on stdout, same order; a line that fails gets {id, error}.
import { createInterface } from 'node:readline';
import { extractFacts } from '../knowledge/extract.ts';
import { draftFromObject } from '../knowledge/ingest/json.ts';
import type { Article } from '../knowledge/facts.ts';

export async function runExtract(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    n++;
    let id = `line-${n}`;
    let out: unknown;
    try {
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (typeof raw.id === 'string') id = raw.id;
      // The eval contract keeps the text exactly as sent: offsets must index it unchanged.
      const draft = draftFromObject(raw);
      const text = typeof raw.text === 'string' ? raw.text : draft.text;
      const article: Article = { ...draft, id, text };
      out = extractFacts(article);
    } catch (e) {
      out = { id, error: (e as Error).message };
    }
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return 0;
}
