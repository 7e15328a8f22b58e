// Plain text articles: the seed format `date YYYY-MM-DD (Author, Outlet)` run into the first
// paragraph, or plain text with no header (a short first line is taken as the title).
import type { Article } from '../facts.ts';
import { checkDocument } from '../limits.ts';

export type ArticleDraft = Omit<Article, 'id'> & { id?: string };

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\(([^()\n]*)\)\s*/i;

/**
 * Normalises line endings and trims the whitespace around paragraphs. Spaces before a line
 * break are matched only from the start of their run: from inside a run of 400k spaces with
 * no break after it, each position would rescan the rest of the run.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/(?<![ \t])[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function splitAuthorOutlet(inside: string): { author: string | null; outlet: string | null } {
  const comma = inside.lastIndexOf(',');
  if (comma < 0) return { author: null, outlet: inside.trim() || null };
  return { author: inside.slice(0, comma).trim() || null, outlet: inside.slice(comma + 1).trim() || null };
}

export function readText(raw: string): ArticleDraft {
  checkDocument(raw, 'the text');
  const header = HEADER.exec(raw);
  if (header) {
    const { author, outlet } = splitAuthorOutlet(header[2]);
    return { title: null, published: header[1], url: null, author, outlet, text: normaliseText(raw.slice(header[0].length)) };
  }
  const text = normaliseText(raw);
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak < 0 ? '' : text.slice(0, firstBreak).trim();
  // A headline: short, on a line of its own, not ending like a sentence.
  if (firstLine && firstLine.length <= 200 && !/[.!?:;,"”]$/.test(firstLine)) {
    return { title: firstLine, published: null, url: null, author: null, outlet: null, text: normaliseText(text.slice(firstBreak + 1)) };
  }
  return { title: null, published: null, url: null, author: null, outlet: null, text };
}
