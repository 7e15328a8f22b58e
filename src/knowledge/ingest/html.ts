// HTML pages: the article body through Mozilla Readability over a linkedom DOM, with the
// page's metadata (Open Graph, article:published_time, JSON-LD-free fallbacks).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseText, type ArticleDraft } from './text.ts';

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Block text with paragraphs kept apart by blank lines. */
function blockText(root: Element): string {
  const blocks = Array.from(root.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre'));
  const texts = blocks
    .filter((el) => !blocks.some((other) => other !== el && other.contains(el)))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return texts.length ? texts.join('\n\n') : (root.textContent ?? '');
}

export function readHtml(raw: string, url: string | null = null): ArticleDraft {
  const { document } = parseHTML(raw);
  const title = meta(document, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim() ?? null;
  const published = meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const author = meta(document, 'author', 'article:author');
  const outlet = meta(document, 'og:site_name', 'application-name');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  let text = '';
  if (parsed?.content) {
    const { document: inner } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    text = blockText(inner.body as unknown as Element);
  }
  if (!text.trim()) text = blockText(document.body as unknown as Element);
  return {
    title: parsed?.title?.trim() || title,
    published,
    url: canonical ?? url,
    author: parsed?.byline?.trim() || author,
    outlet: parsed?.siteName?.trim() || outlet,
    text: normaliseText(text),
  };
}
