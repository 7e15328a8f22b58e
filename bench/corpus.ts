// The bench's corpus: the articles of ../shared/eval/data/dev (read in place, never copied) when
// that folder is there, else the repository's own, grown to any size by variants whose
// capitalised words (and a third of the longer lower-case ones) are letter-shifted: same length,
// so facts' offsets stay valid, and the facts are shifted alike, so a variant needs no extraction.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article, ArticleFacts } from '../src/knowledge/facts.ts';
import { loadArticles } from '../src/knowledge/ingest/index.ts';
import type { Library } from '../src/core/library.ts';

export const root = join(import.meta.dirname, '..');
// Beside the repository, or beside the folder of worktrees it was checked out into.
const evalDir = [join(root, '..', 'shared', 'eval', 'data', 'dev'), join(root, '..', '..', 'shared', 'eval', 'data', 'dev')].find(existsSync) ?? '';

export function baseArticles(): { articles: Article[]; from: string } {
  if (evalDir) {
    const articles: Article[] = [];
    for (const file of readdirSync(evalDir).filter((f) => /^(when|quotes|fivew|summary)\.jsonl$/.test(f))) {
      for (const line of readFileSync(join(evalDir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const o = JSON.parse(line) as { id: string; title: string | null; published: string | null; url: string | null; text: string };
        articles.push({ id: o.id, title: o.title, published: o.published, url: o.url, author: null, outlet: null, text: o.text });
      }
    }
    return { articles, from: relative(root, evalDir) };
  }
  return { articles: loadArticles(join(root, 'data')).articles.concat(loadArticles(join(root, 'tests', 'fixtures', 'articles')).articles), from: 'data/ + tests/fixtures' };
}

/**
 * Shifts the letters of a word by amounts depending on the copy and the letter's place: same
 * length. The shift of letter i is (7c + (3 + m) i + q i²) mod 26 with m and q the copy's higher
 * digits in base 26, so 26³ copies differ (a million articles from 500 need about 2,000).
 */
function shiftWord(word: string, copy: number): string {
  const m = Math.floor(copy / 26) % 26;
  const q = Math.floor(copy / 676) % 26;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = (copy * 7 + i * (3 + m) + i * i * q) % 26;
    if (c >= 65 && c <= 90) out += String.fromCharCode(65 + ((c - 65 + k) % 26));
    else if (c >= 97 && c <= 122) out += String.fromCharCode(97 + ((c - 97 + k) % 26));
    else out += word[i];
  }
  return out;
}

/** A third of the longer lower-case words vary between copies too: topics differ, "said" does not. */
function varies(word: string): boolean {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (h * 31 + word.charCodeAt(i)) | 0;
  return (h >>> 0) % 3 === 0;
}

function variantText(text: string, copy: number): string {
  if (copy === 0) return text;
  return text.replace(/\b([A-Z][a-z]{2,}|[a-z]{5,})\b/g, (w) => (w[0] >= 'a' && !varies(w) ? w : shiftWord(w, copy)));
}

/** Facts fields that are labels, not text. */
const KEEP = new Set(['id', 'entity', 'kind', 'type', 'value', 'schema']);

/** The same variant applied to every string inside facts, so names stay consistent with the text. */
export function variantFacts<T>(value: T, copy: number): T {
  if (copy === 0) return value;
  if (typeof value === 'string') return variantText(value, copy) as T;
  if (Array.isArray(value)) return value.map((v) => variantFacts(v, copy)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = KEEP.has(k) ? v : variantFacts(v, copy);
    return out as T;
  }
  return value;
}

export function variant(article: Article, copy: number): Article {
  return copy === 0 ? article : { ...article, id: `${article.id}~${copy}`, title: article.title && variantText(article.title, copy), text: variantText(article.text, copy) };
}

export function corpus(base: Article[], minArticles: number, minTokens: number): Article[] {
  const out: Article[] = [];
  let tokens = 0;
  for (let copy = 0; out.length < minArticles || tokens < minTokens; copy++) {
    for (const a of base) {
      const v = variant(a, copy);
      out.push(v);
      tokens += v.text.split(/\s+/).length;
    }
  }
  return out;
}

/** The k-th article (from 0) of the endless synthetic corpus, with its facts: no extraction. */
export function synthetic(base: Article[], baseFacts: ArticleFacts[], k: number): { article: Article; facts: ArticleFacts } {
  const copy = Math.floor(k / base.length);
  const i = k % base.length;
  const article = variant(base[i], copy);
  return { article, facts: { ...variantFacts(baseFacts[i], copy), id: article.id } };
}

/** n questions of the five common shapes about the library's articles (spread over it). */
export function questionsFor(lib: Library, n: number): string[] {
  const qs: string[] = [];
  for (let i = 0; qs.length < n && i < lib.size * 4; i++) {
    const { facts, article } = lib.article((i * 7919) % lib.size);
    const e = facts.entities[i % Math.max(1, facts.entities.length)];
    const quote = facts.quotes.find((q) => q.kind === 'direct');
    const s = facts.sentences[i % Math.max(1, facts.sentences.length)];
    switch (i % 5) {
      case 0: if (e) qs.push(`Who is ${e.name}?`); break;
      case 1: if (e) qs.push(`What did ${e.name} say?`); break;
      case 2: if (quote) qs.push(`Who said "${quote.text.replace(/["“”]/g, '').split(/\s+/).slice(0, 10).join(' ')}"?`); break;
      case 3: if (s) qs.push(`When did ${article.text.slice(s.start, s.end).split(/\s+/).slice(2, 8).join(' ')} happen?`); break;
      default: if (s) qs.push(`What happened ${article.text.slice(s.start, s.end).split(/\s+/).slice(0, 5).join(' ')}`); break;
    }
  }
  return qs;
}
