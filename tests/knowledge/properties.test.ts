// Property tests: every reader and extractFacts, over random and mutated articles, never throws
// (but for LimitError, the documented refusal) and every offset in the facts indexes the text.
// Fixed seed and bounded runs, so a failure is reproducible and the file stays quick.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article, ArticleFacts, TextSpan } from '../../src/knowledge/facts.ts';
import { parseFeed } from '../../src/knowledge/ingest/feed.ts';
import { htmlFragmentText, readHtml } from '../../src/knowledge/ingest/html.ts';
import { readArticleBytes } from '../../src/knowledge/ingest/index.ts';
import { readJson, readJsonLines } from '../../src/knowledge/ingest/json.ts';
import { readMarkdown } from '../../src/knowledge/ingest/markdown.ts';
import { readText } from '../../src/knowledge/ingest/text.ts';
import { LimitError } from '../../src/knowledge/limits.ts';

// LEDE_PROPERTY_SEED explores other inputs; the default keeps every run the same.
const SEED = Number(process.env.LEDE_PROPERTY_SEED ?? 20261207);
const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** The repository's own small articles: the bodies the mutations start from. */
function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const dir of ['articles', 'slack-news', 'answers']) {
    for (const f of readdirSync(join(fixtures, dir))) texts.push(readFileSync(join(fixtures, dir, f), 'utf8'));
  }
  for (const a of JSON.parse(readFileSync(join(fixtures, 'discord', 'articles.json'), 'utf8')) as Array<{ text: string }>) texts.push(a.text);
  return texts;
}
const BASES = fixtureTexts();

/** Any UTF-16 code units, lone surrogates and control characters included. */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
/** Any code points, as a user might paste them. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });

/** Pieces hostile inputs are made of: marks, brackets, fractional durations, very long tokens. */
const piece = fc.oneof(
  fc.constantFrom('"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '{', '}', '<', '>', '&lt;a', '<div>', '</p>', '\n\n', '   ', '\t', '…', '...', ' said ', ' Mr. ', ': '),
  fc.constantFrom('2.5 weeks', '3.5 quarters', '2.5 seconds', '1.5 decades', '0.75 centuries', 'every 2.5 weeks', 'for 0.5 hours', '2.5-week', 'the past 4.5 years'),
  fc.record({ unit: fc.constantFrom('x', 'QUJD', 'A', "A'", 'https://a.example/', '-', '.', '9'), times: fc.integer({ min: 50, max: 4000 }) }).map(({ unit, times }) => unit.repeat(times)),
  anyUnicode,
);

/** One edit of a text, at a place given as a fraction of its length. */
type Edit = { op: 'delete' | 'duplicate'; at: number; length: number } | { op: 'insert'; at: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: piece }),
);

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  if (e.op === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  const end = Math.min(text.length, at + e.length);
  return e.op === 'delete' ? text.slice(0, at) + text.slice(end) : text.slice(0, end) + text.slice(at);
}

/** A fixture article with a few edits, or random text, or random pieces run together. */
const articleText = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...BASES), fc.array(edit, { maxLength: 6 })).map(([base, edits]) => edits.reduce(applyEdit, base)) },
  { weight: 1, arbitrary: anyUnits },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' ')) },
);

const RUNS = { seed: SEED, numRuns: 100 };

/** Runs fn; a LimitError (the documented refusal) is accepted, any other error fails the property. */
function allowingLimits<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LimitError) return null;
    throw e;
  }
}

function expectSpan(text: string, span: { start: number; end: number }, what: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    throw new Error(`${what} [${span.start}, ${span.end}) is outside a text of ${text.length}`);
  }
}

function expectTextSpan(text: string, span: TextSpan, what: string): void {
  expectSpan(text, span, what);
  expect(text.slice(span.start, span.end), what).toBe(span.text);
}

/** Every offset of the facts lies in the text, and every span that reports its text reports the text there. */
function expectOffsetsValid(text: string, facts: ArticleFacts): void {
  for (const s of facts.sentences) expectSpan(text, s, 'sentence');
  for (const e of facts.entities) for (const m of e.mentions) expectSpan(text, m, `mention of ${e.name}`);
  for (const t of facts.times) expectTextSpan(text, t, 'time');
  for (const q of facts.quotes) {
    expectTextSpan(text, q, 'quote');
    if (q.speaker) expectTextSpan(text, q.speaker, 'speaker');
    if (q.cue) expectTextSpan(text, q.cue, 'cue');
  }
}

const article = (text: string): Article => ({ id: 'p', title: null, published: '2025-09-13', url: null, author: null, outlet: null, text });

/** Characters XML 1.0 forbids, removed so that a generated feed is well-formed. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
const escapeXml = (text: string) => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('extractFacts over random and mutated articles', () => {
  it('never throws and keeps every offset inside the text', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const facts = allowingLimits(() => extractFacts(article(text)));
        if (facts) expectOffsetsValid(text, facts);
      }),
      RUNS,
    );
  });
});

describe('readers over random and mutated input', () => {
  it('reads text, markdown and HTML without throwing, and their text extracts with valid offsets', () => {
    const readers: Array<(raw: string) => string> = [
      (raw) => readText(raw).text,
      (raw) => readMarkdown(raw).text,
      (raw) => readMarkdown(`---\ntitle: ${raw.slice(0, 40)}\n---\n${raw}`).text,
      (raw) => readHtml(raw).text,
      (raw) => readHtml(`<html><body><article><p>${raw.split('\n\n').join('</p><p>')}</p></article></body></html>`).text,
      (raw) => htmlFragmentText(raw),
    ];
    fc.assert(
      fc.property(articleText, fc.integer({ min: 0, max: readers.length - 1 }), (raw, which) => {
        const text = allowingLimits(() => readers[which](raw));
        if (text === null) return;
        expect(typeof text).toBe('string');
        if (text.trim()) {
          const facts = allowingLimits(() => extractFacts(article(text)));
          if (facts) expectOffsetsValid(text, facts);
        }
      }),
      RUNS,
    );
  });

  it('reads JSON and JSON Lines articles, reporting a bad item as a problem rather than throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ maxLength: 8 }), text: articleText }), { minLength: 1, maxLength: 3 }), (items) => {
        for (const out of [readJson(JSON.stringify(items)), readJsonLines(items.map((i) => JSON.stringify(i)).join('\n'))]) {
          expect(out).toHaveLength(items.length);
          for (const item of out) expect(item.draft !== undefined || typeof item.error === 'string').toBe(true);
        }
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('loads any bytes as a file of any type with articles or problems, never an exception', () => {
    fc.assert(
      fc.property(articleText, fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.json', 'a.jsonl'), (raw, name) => {
        const { articles, problems } = readArticleBytes(Buffer.from(raw), name);
        expect(articles.length + problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.message).toMatch(/\w/);
      }),
      RUNS,
    );
  });

  it('reads feeds whose bodies are escaped, CDATA or plain, without throwing', () => {
    const feedOf = (body: string, kind: number) => {
      const field = kind === 0 ? `<description>${escapeXml(body)}</description>` : kind === 1
        ? `<content:encoded><![CDATA[${xmlSafe(body).replace(/]]>/g, '')}]]></content:encoded>`
        : `<description>${escapeXml(`<p>${body}</p>`)}</description>`;
      return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>` +
        `<item><title>${escapeXml(body.slice(0, 60))}</title><guid>g</guid>${field}</item></channel></rss>`;
    };
    fc.assert(
      fc.property(articleText, fc.integer({ min: 0, max: 2 }), (body, kind) => {
        const feed = allowingLimits(() => parseFeed(feedOf(body, kind)));
        if (!feed) return;
        expect(feed.entries).toHaveLength(1);
        expect(typeof feed.entries[0].text).toBe('string');
      }),
      RUNS,
    );
  });
});
