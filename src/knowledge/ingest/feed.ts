// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → entries → article drafts.
// fast-xml-parser directly rather than @extractus/feed-extractor's extractFromXml (same parser
// underneath, see docs/digests.md for the measurement): the extractor derives the id of a
// guid-less item from its date (a re-dated item would look new), prefers the teaser
// <description> over <content:encoded>, cuts descriptions to 250 characters and rejects an
// Atom feed with no entries — all things a digest must not do.
import { createRequire } from 'node:module';
import { checkDocument } from '../limits.ts';
import { htmlFragmentText } from './html.ts';
import { normaliseText, type ArticleDraft } from './text.ts';

export interface FeedEntry {
  /** <guid> / <id>, as given. */
  guid: string | null;
  /** Absolute link to the article page. */
  link: string | null;
  title: string | null;
  /** ISO date-time, or null when absent or unreadable. */
  published: string | null;
  author: string | null;
  /** The best body the feed carries: full content over summary, as plain text. */
  text: string;
  /** True when the body is only a teaser and the page should be read for the article. */
  teaser: boolean;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** A body shorter than this is taken as a teaser (news articles run to thousands of characters). */
export const TEASER_CHARS = 600;

const PARSER_OPTIONS: import('fast-xml-parser').X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep "0042" and "true" as text: guids must not turn into numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
};

const require = createRequire(import.meta.url);

/** The XML library, loaded with the first feed read rather than at start (the terminal chat over files never reads one). */
let xml: { parser: import('fast-xml-parser').XMLParser; validator: typeof import('fast-xml-parser').XMLValidator } | null = null;

function xmlLibrary(): NonNullable<typeof xml> {
  if (xml) return xml;
  const { XMLParser, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  xml = { parser: new XMLParser(PARSER_OPTIONS), validator: XMLValidator };
  return xml;
}

type Node = Record<string, unknown>;

/** Text of an element parsed as a string, {#text}, or {#text, @_type}. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return null;
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function absolute(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).toString();
  } catch {
    return null;
  }
}

/** A tag or an entity: `[^<>]*` stops at the next angle bracket, so "<a<a<a…" is scanned once, not once per "<". */
const MARKUP = /<[a-z!/][^<>]*>|&[a-z#0-9]+;/i;

/** Plain text of a field that may hold HTML (escaped or CDATA). */
function bodyText(raw: string | null): string {
  if (!raw) return '';
  return MARKUP.test(raw) ? htmlFragmentText(raw) : normaliseText(raw);
}

/** An ellipsis among the marks that end a teaser ("…", "...", "[…]"). */
const TEASER_MARK = /\.\.\.|…/;
/** Words that end a teaser, before any closing marks ("Read more »"). */
const TEASER_WORDS = /(?:read more|continue reading|read the full (?:story|article))$/i;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Whether a feed body is only a lead-in to the article on the page: short, or ending in an
 * ellipsis or a "read more" line. The trailing marks are found by one backward scan (a
 * pattern ending in \W*$ retries from every mark of a long run of them).
 */
export function looksLikeTeaser(text: string): boolean {
  const t = text.trim();
  if (t.length < TEASER_CHARS) return true;
  let end = t.length;
  while (end > 0 && !isWordChar(t.charCodeAt(end - 1))) end--;
  return TEASER_MARK.test(t.slice(end)) || TEASER_WORDS.test(t.slice(Math.max(0, end - 32), end));
}

function entry(fields: Omit<FeedEntry, 'teaser'>): FeedEntry {
  return { ...fields, teaser: looksLikeTeaser(fields.text) };
}

function rssItem(item: Node, base: string | null): FeedEntry {
  const full = bodyText(textOf(item['content:encoded']));
  const summary = bodyText(textOf(item.description));
  const guid = textOf(item.guid);
  const guidIsLink = typeof item.guid === 'object' && (item.guid as Node)['@_isPermaLink'] !== 'false';
  const link = textOf(item.link) ?? (guid && guidIsLink && /^https?:/i.test(guid) ? guid : null);
  return entry({
    guid,
    link: absolute(link, base),
    title: bodyText(textOf(item.title)) || null,
    published: isoDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
    author: textOf(item['dc:creator']) ?? textOf(item.author),
    text: full.length >= summary.length ? full : summary,
  });
}

function atomLink(links: unknown, base: string | null): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as Node[];
  const alternate = list.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? list[0];
  return alternate ? absolute(textOf(alternate['@_href']) ?? textOf(alternate), base) : null;
}

function atomEntry(item: Node, base: string | null): FeedEntry {
  const full = bodyText(textOf(item.content));
  const summary = bodyText(textOf(item.summary));
  const authors = (item.author as Node[] | undefined) ?? [];
  return entry({
    guid: textOf(item.id),
    link: atomLink(item.link, base),
    title: bodyText(textOf(item.title)) || null,
    published: isoDate(textOf(item.published) ?? textOf(item.updated)),
    author: authors.map((a) => textOf(a?.name)).filter(Boolean).join(', ') || null,
    text: full.length >= summary.length ? full : summary,
  });
}

/** Parses a feed document; throws FeedError naming the problem for malformed or unknown XML. */
export function parseFeed(xml: string, baseUrl: string | null = null): ParsedFeed {
  checkDocument(xml, 'the feed');
  const body = xml.replace(/^\uFEFF/, '').trim();
  if (!body) throw new FeedError('the feed is empty');
  // Feeds never need entity declarations; refusing them rules out entity-expansion bombs.
  if (/<!ENTITY/i.test(body)) throw new FeedError('the feed declares XML entities, which are not accepted');
  const { parser, validator } = xmlLibrary();
  const valid = validator.validate(body);
  if (valid !== true) throw new FeedError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = parser.parse(body) as Node;
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss.channel === 'object') {
    const channel = rss.channel as Node;
    const link = absolute(textOf(channel.link), baseUrl);
    const items = (channel.item as Node[] | undefined) ?? [];
    return { format: 'rss', title: bodyText(textOf(channel.title)) || null, link, entries: items.map((i) => rssItem(i, link ?? baseUrl)) };
  }
  const feed = doc.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    const link = atomLink(feed.link, baseUrl);
    const items = (feed.entry as Node[] | undefined) ?? [];
    return { format: 'atom', title: bodyText(textOf(feed.title)) || null, link, entries: items.map((i) => atomEntry(i, baseUrl)) };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = (rdf.channel ?? {}) as Node;
    const link = absolute(textOf(channel.link), baseUrl);
    const items = (rdf.item as Node[] | undefined) ?? [];
    return { format: 'rdf', title: bodyText(textOf(channel.title)) || null, link, entries: items.map((i) => rssItem(i, link ?? baseUrl)) };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? '(none)';
  throw new FeedError(`not an RSS or Atom feed (root element <${root}>)`);
}

/** Name of the site a feed belongs to: its title, else its host. */
export function feedOutlet(feed: ParsedFeed, feedUrl: string | null): string | null {
  if (feed.title) return feed.title;
  try {
    return feedUrl ? new URL(feedUrl).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** An entry as an article draft; `text` may be replaced by the page's body for teasers. */
export function draftFromEntry(e: FeedEntry, outlet: string | null, text: string = e.text): ArticleDraft {
  return { title: e.title, published: e.published, url: e.link, author: e.author, outlet, text: normaliseText(text) };
}
