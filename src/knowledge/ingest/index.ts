// Files and folders → Articles. One reader per format; a file that cannot be read gets a
// problem naming the file and why, and never stops the others from loading.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { Article } from '../facts.ts';
import { articleTooLong, fileTooLarge } from '../limits.ts';
import { readHtml } from './html.ts';
import { readJson, readJsonLines, type DraftOrError } from './json.ts';
import { readMarkdown } from './markdown.ts';
import { readText, type ArticleDraft } from './text.ts';

export interface LoadProblem {
  source: string;
  message: string;
}

export interface LoadResult {
  articles: Article[];
  problems: LoadProblem[];
}

const READERS: Record<string, (raw: string, name: string) => DraftOrError[]> = {
  '.txt': (raw) => [{ draft: readText(raw) }],
  '.text': (raw) => [{ draft: readText(raw) }],
  '.md': (raw) => [{ draft: readMarkdown(raw) }],
  '.markdown': (raw) => [{ draft: readMarkdown(raw) }],
  '.json': (raw) => readJson(raw),
  '.jsonl': (raw) => readJsonLines(raw),
  '.ndjson': (raw) => readJsonLines(raw),
  '.html': (raw) => [{ draft: readHtml(raw) }],
  '.htm': (raw) => [{ draft: readHtml(raw) }],
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Text that is mostly control characters or replacement characters is not an article. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const text = sample.toString('utf8');
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad > text.length * 0.05;
}

export function articleFromDraft(draft: ArticleDraft, fallbackId: string, source: string): Article {
  return {
    id: draft.id ?? fallbackId,
    title: draft.title,
    published: draft.published,
    url: draft.url,
    author: draft.author,
    outlet: draft.outlet,
    text: draft.text,
    source,
  };
}

function checkDraft(draft: ArticleDraft): string | null {
  if (!draft.text.trim()) return 'the article is empty';
  return articleTooLong(draft.text);
}

/** Reads articles from the bytes of one file; `name` gives the format (by extension) and the default id. */
export function readArticleBytes(bytes: Buffer, name: string, source = name): LoadResult {
  const ext = extname(name).toLowerCase();
  const reader = READERS[ext];
  const problem = (message: string): LoadResult => ({ articles: [], problems: [{ source, message }] });
  if (!reader) return problem(`unsupported file type "${ext || '(none)'}" (Lede reads ${SUPPORTED_EXTENSIONS.join(' ')})`);
  if (bytes.length === 0) return problem('the file is empty');
  const tooLarge = fileTooLarge(bytes.length);
  if (tooLarge) return problem(tooLarge);
  if (looksBinary(bytes)) return problem('the file is binary, not text');
  let items: DraftOrError[];
  try {
    items = reader(bytes.toString('utf8'), name);
  } catch (e) {
    return problem((e as Error).message);
  }
  const stem = basename(name, extname(name));
  const result: LoadResult = { articles: [], problems: [] };
  items.forEach((item, i) => {
    const where = item.at ? `${source} (${item.at})` : source;
    if (!item.draft) {
      result.problems.push({ source: where, message: item.error ?? 'unreadable' });
      return;
    }
    const bad = checkDraft(item.draft);
    if (bad) {
      result.problems.push({ source: where, message: bad });
      return;
    }
    const fallbackId = items.length > 1 ? `${stem}#${i + 1}` : stem;
    result.articles.push(articleFromDraft(item.draft, fallbackId, source));
  });
  return result;
}

/**
 * Every file below a folder, in name order, hidden files and folders left out, one at a time:
 * a walk over a million files holds one folder's names at a time, never the whole tree.
 */
export function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every file below a folder, as walkFiles orders them. */
export function listFiles(dir: string): string[] {
  return [...walkFiles(dir)];
}

/** Ids unique across one load: the second "a" (notes/a.txt and old/a.txt) becomes "a-2". */
export function uniqueIds(): (id: string) => string {
  const seen = new Set<string>();
  return (id) => {
    let free = id;
    for (let n = 2; seen.has(free); n++) free = `${id}-${n}`;
    seen.add(free);
    return free;
  };
}

/** Every article under a file or folder path. Ids are made unique across the whole load. */
export function loadArticles(path: string, onProgress?: (done: number, total: number) => void): LoadResult {
  const result: LoadResult = { articles: [], problems: [] };
  let files: string[];
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
    files = isFolder ? listFiles(path) : [path];
  } catch (e) {
    return { articles: [], problems: [{ source: path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  const unique = uniqueIds();
  files.forEach((file, i) => {
    const name = isFolder ? relative(path, file) : basename(file);
    let bytes: Buffer;
    try {
      const tooLarge = fileTooLarge(statSync(file).size);
      if (tooLarge) {
        result.problems.push({ source: file, message: tooLarge });
        return;
      }
      bytes = readFileSync(file);
    } catch (e) {
      result.problems.push({ source: file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    const one = readArticleBytes(bytes, name, file);
    result.problems.push(...one.problems);
    for (const article of one.articles) result.articles.push({ ...article, id: unique(article.id) });
    onProgress?.(i + 1, files.length);
  });
  return result;
}
