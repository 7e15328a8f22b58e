// JSON articles: one object, an array of them, or JSON Lines, each
// {id, title, published, url, author, outlet, text} (body/content accepted for text).
import { checkDocument } from '../limits.ts';
import { normaliseText, type ArticleDraft } from './text.ts';

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

export function draftFromObject(value: unknown): ArticleDraft {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an article object');
  const o = value as Record<string, unknown>;
  const text = str(o.text) ?? str(o.body) ?? str(o.content);
  if (!text) throw new Error('article has no text');
  checkDocument(text, 'the article text');
  return {
    id: str(o.id) ?? undefined,
    title: str(o.title),
    published: str(o.published) ?? str(o.date),
    url: str(o.url) ?? str(o.link),
    author: str(o.author),
    outlet: str(o.outlet) ?? str(o.source),
    text: normaliseText(text),
  };
}

export interface DraftOrError {
  draft?: ArticleDraft;
  error?: string;
  /** Where in the file (line number for JSON Lines, index for arrays). */
  at?: string;
}

export function readJson(raw: string): DraftOrError[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new Error(`malformed JSON (${(e as Error).message})`);
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item, i) => {
    try {
      return { draft: draftFromObject(item), at: Array.isArray(parsed) ? `item ${i}` : undefined };
    } catch (e) {
      return { error: (e as Error).message, at: Array.isArray(parsed) ? `item ${i}` : undefined };
    }
  });
}

/** One line of a JSON Lines file (numbered from 1); null for a blank line. */
export function readJsonLine(line: string, lineNumber: number): DraftOrError | null {
  if (!line.trim()) return null;
  const at = `line ${lineNumber}`;
  try {
    return { draft: draftFromObject(JSON.parse(line)), at };
  } catch (e) {
    return { error: (e as Error).message, at };
  }
}

export function readJsonLines(raw: string): DraftOrError[] {
  const out: DraftOrError[] = [];
  raw.split('\n').forEach((line, i) => {
    const item = readJsonLine(line, i + 1);
    if (item) out.push(item);
  });
  return out;
}
