// HTML pages: the article body through Mozilla Readability over a linkedom DOM, with the
// page's metadata (Open Graph, article:published_time, JSON-LD-free fallbacks). Site chrome —
// navigation, cookie and consent banners, newsletter and subscription promos, share bars,
// "related" lists — is removed before Readability scores the page, and leftover boilerplate
// paragraphs are dropped after, because Readability keeps whatever sits inside the main column.
import { createRequire } from 'node:module';
import { checkDocument, LIMITS, LimitError } from '../limits.ts';
import { normaliseText, type ArticleDraft } from './text.ts';

const require = createRequire(import.meta.url);

/**
 * linkedom and Readability load with the first page read, not when this module does: a library
 * of .txt and .md files never needs them, and they were a fifth of a one-off `lede ask`.
 */
let dom: { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof import('@mozilla/readability').Readability } | null = null;

function domLibraries(): NonNullable<typeof dom> {
  dom ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  };
  return dom;
}

function parseHTML(html: string): ReturnType<typeof import('linkedom').parseHTML> {
  return domLibraries().parseHTML(html);
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Elements that are never article text. */
const CHROME_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'select', 'dialog', 'svg',
  'nav', 'aside', 'footer', 'body > header',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]', '[role="alertdialog"]',
  '[aria-hidden="true"]', '[hidden]',
].join(', ');

/** Words in a class or id that mark site chrome (matched as whole words of the name). */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead', 'footer', 'sidebar',
  'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'banner', 'promo', 'promotion', 'newsletter', 'subscribe', 'subscription',
  'paywall', 'signup', 'advert', 'advertisement', 'ad', 'ads', 'sponsored', 'share', 'sharing', 'social', 'related',
  'recommended', 'recommendations', 'popular', 'trending', 'outbrain', 'taboola', 'comments', 'modal', 'popup', 'overlay',
]);

function isChromeName(name: string | null): boolean {
  if (!name) return false;
  return name
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((word) => CHROME_WORDS.has(word));
}

/** Removes site chrome in place, keeping the element that holds the article itself. */
function stripChrome(document: Document): void {
  for (const el of Array.from(document.querySelectorAll(CHROME_SELECTOR))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (!el.parentNode) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') continue;
    if (!isChromeName(el.getAttribute('class')) && !isChromeName(el.getAttribute('id'))) continue;
    // A "banner"-named wrapper around most of the page's text is a layout box, not a banner.
    if (el.querySelectorAll('p').length > 6) continue;
    el.remove();
  }
}

/** Lines that are boilerplate wherever they appear. */
const BOILERPLATE_LINE = new RegExp(
  [
    '^advertisement$', '^(sponsored|promoted)( content)?$', '^(read|see) (more|also)\\b.{0,120}$', '^related( articles| stories| coverage)?:',
    '\\b(we|this (site|website)) uses? cookies\\b', '\\baccept (all )?cookies\\b', '\\bcookie (policy|settings|preferences)\\b',
    '^(sign up|subscribe)\\b.{0,160}(newsletter|inbox|updates|for free|today)', '\\bsubscribe (now|today)\\b.{0,80}$',
    '^share (this|on)\\b', '^(follow us|click here)\\b', '^(already a subscriber|log in to continue)',
  ].join('|'),
  'i',
);

export function isBoilerplateParagraph(text: string): boolean {
  return text.length < 300 && BOILERPLATE_LINE.test(text.trim());
}

/** Whether an element lies inside one of `blocks` (a walk up its ancestors, not a search of every block). */
function insideAny(el: Element, blocks: ReadonlySet<Element>): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) if (blocks.has(up)) return true;
  return false;
}

/** Block text with paragraphs kept apart by blank lines. */
function blockText(root: Element): string {
  const blocks = Array.from(root.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre'));
  const all = new Set(blocks);
  const texts = blocks
    .filter((el) => !insideAny(el, all))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t && !isBoilerplateParagraph(t));
  return texts.length ? texts.join('\n\n') : (root.textContent ?? '');
}

/** Element names whose end tag may be left out (an open <p> or <li> is closed by the next): not counted as nesting. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp']);
/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** One tag; `[^<>]*` stops at the next angle bracket, so a page of "<a<a<a…" is scanned once. */
const TAG = /<(\/?)([A-Za-z][\w:-]*)[^<>]*>/g;

/** Character references ("&lt;", "&#8217;") in markup, counted up to `atMost` + 1. */
function countReferences(html: string, atMost: number): number {
  let n = 0;
  for (let at = html.indexOf('&'); at >= 0 && n <= atMost; at = html.indexOf('&', at + 1)) {
    const c = html.charCodeAt(at + 1) | 32;
    if ((c >= 97 && c <= 122) || c === 35 /* # */) n++;
  }
  return n;
}

/**
 * Why markup is over the element, reference or nesting limits, or null: one scan before any
 * parser sees it (linkedom makes a text node of every reference, and its parse and
 * Readability's scoring grow faster than the depth). The depth is an estimate that can only
 * run high: tags in scripts and comments count too.
 */
export function markupOverLimits(html: string, what: string): LimitError | null {
  const references = countReferences(html, LIMITS.htmlReferences);
  if (references > LIMITS.htmlReferences) {
    return new LimitError('htmlReferences', `${what} has too many character references like &lt; (over ${LIMITS.htmlReferences.toLocaleString('en')})`);
  }
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (m[1]) {
      if (!OPTIONAL_END.has(name) && !VOID.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (OPTIONAL_END.has(name) || VOID.has(name) || m[0].endsWith('/>')) continue;
    if (++depth > deepest) deepest = depth;
  }
  if (elements > LIMITS.htmlElements) {
    return new LimitError('htmlElements', `${what} has too many elements (${elements.toLocaleString('en')}; at most ${LIMITS.htmlElements.toLocaleString('en')})`);
  }
  if (deepest > LIMITS.htmlDepth) {
    return new LimitError('htmlDepth', `${what}'s elements are nested ${deepest} deep; at most ${LIMITS.htmlDepth}`);
  }
  return null;
}

/** The character references the DOM-free fallback decodes: numeric ones and the few names feeds use. */
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name.toLowerCase()];
  const code = decimal ? Number(decimal) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

/** Text of markup read without a DOM, in one pass: tags dropped, references decoded (the fallback for a feed body over the limits). */
function taglessText(html: string): string {
  return normaliseText(html.replace(TAG, ' ').replace(REFERENCE, decodeReference).replace(/\s+/g, ' '));
}

/** Plain text of an HTML fragment (a feed item's description or content). */
export function htmlFragmentText(html: string): string {
  if (markupOverLimits(html, 'the fragment')) return taglessText(html);
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  stripChrome(document as unknown as Document);
  const body = document.body as unknown as Element;
  // Inline-only fragments have no blocks: fall back to the text with tags' spacing kept.
  const hasBlocks = body.querySelector('p, li, blockquote, pre, h1, h2, h3, h4, div, br');
  if (!hasBlocks) return normaliseText((body.textContent ?? '').replace(/\s+/g, ' '));
  for (const br of Array.from(body.querySelectorAll('br'))) br.replaceWith(document.createTextNode('\n'));
  return normaliseText(blockText(body));
}

/** The DOM of a page; a fragment or bare text ("", "Hello") gets the <html><body> linkedom only makes for a whole page. */
function pageDocument(raw: string) {
  const { document } = parseHTML(raw);
  if (document.documentElement && document.body) return document;
  return parseHTML(`<html><body>${raw}</body></html>`).document;
}

/** An HTML page as an article draft; throws LimitError for a page over LIMITS (size, elements, nesting) before parsing it. */
export function readHtml(raw: string, url: string | null = null): ArticleDraft {
  checkDocument(raw, 'the page');
  const over = markupOverLimits(raw, 'the page');
  if (over) throw over;
  const document = pageDocument(raw);
  const doc = document as unknown as Document;
  const title = meta(doc, 'og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim() ?? null;
  const published = meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const author = meta(doc, 'author', 'article:author');
  const outlet = meta(doc, 'og:site_name', 'application-name');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  stripChrome(doc);
  const parsed = new (domLibraries().Readability)(doc, { charThreshold: 200, maxElemsToParse: LIMITS.htmlElements }).parse();
  let text = '';
  if (parsed?.content) {
    const { document: inner } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    text = blockText(inner.body as unknown as Element);
  }
  if (!text.trim()) text = blockText(document.body as unknown as Element);
  return {
    title: parsed?.title?.trim() || title,
    published,
    url: canonical ? absoluteUrl(canonical, url) : url,
    author: parsed?.byline?.trim() || author,
    outlet: parsed?.siteName?.trim() || outlet,
    text: normaliseText(text),
  };
}

function absoluteUrl(link: string, base: string | null): string {
  try {
    return new URL(link, base ?? undefined).toString();
  } catch {
    return link;
  }
}
