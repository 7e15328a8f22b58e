// Hostile inputs: each stage of knowledge refuses what is over its limits with a reason, and
// never recurses or tokenises without bound (speed itself is measured by `npm run bench`).
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { looksLikeTeaser, parseFeed } from '../../src/knowledge/ingest/feed.ts';
import { htmlFragmentText, readHtml } from '../../src/knowledge/ingest/html.ts';
import { readArticleBytes } from '../../src/knowledge/ingest/index.ts';
import { draftFromObject } from '../../src/knowledge/ingest/json.ts';
import { readMarkdown } from '../../src/knowledge/ingest/markdown.ts';
import { normaliseText } from '../../src/knowledge/ingest/text.ts';
import { LIMITS, LimitError } from '../../src/knowledge/limits.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { extractTimes } from '../../src/knowledge/times/index.ts';

const article = (text: string): Article => ({ id: 'a', title: null, published: '2025-09-13', url: null, author: null, outlet: null, text });

function durationOf(text: string, phrase: string): string | null {
  const hit = extractTimes(analyse(text), '2025-09-13').find((t) => t.text === phrase);
  if (!hit) throw new Error(`no time "${phrase}" in ${text}`);
  return hit.value;
}

describe('fractional durations', () => {
  it('writes a fraction of a unit with no smaller unit as a decimal amount, as TimeML allows', () => {
    expect(durationOf('The strike lasted 2.5 weeks.', '2.5 weeks')).toBe('P2.5W');
    expect(durationOf('Sales fell for 3.5 quarters.', '3.5 quarters')).toBe('P3.5Q');
    expect(durationOf('The flash lasted 2.5 seconds.', '2.5 seconds')).toBe('PT2.5S');
    expect(durationOf('The flash lasted 0.25 seconds.', '0.25 seconds')).toBe('PT0.25S');
  });

  it('still splits a fraction into the next smaller unit where there is one', () => {
    expect(durationOf('The meeting ran 1.5 hours.', '1.5 hours')).toBe('PT1H30M');
    expect(durationOf('He served 2.5 years in office.', '2.5 years')).toBe('P2Y6M');
    expect(durationOf('The search took 1.5 days.', '1.5 days')).toBe('P1DT12H');
    expect(durationOf('The search took 2.5 minutes.', '2.5 minutes')).toBe('PT2M30S');
  });
});

describe('one very long token', () => {
  it('hands the tagger no token longer than the limit, and every offset still indexes the original text', () => {
    const run = 'QUJD'.repeat(5_000);
    const text = `Officials said the file was ${run} and nothing more. Mayor Ann Lee spoke on Friday.`;
    const doc = analyse(text);
    expect(doc.text).toBe(text);
    for (const t of doc.tokens) {
      expect(t.end - t.start).toBeLessThanOrEqual(LIMITS.tokenChars);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    // The words after the run are tokenised where they are.
    const friday = doc.tokens.find((t) => t.text === 'Friday')!;
    expect(friday.start).toBe(text.indexOf('Friday'));
  });

  it('keeps an ordinary text tokenised exactly as before', () => {
    const text = 'See https://example.org/a/b?c=d for the report, Lee said.';
    expect(analyse(text).tokens.map((t) => t.text)).toContain('https://example.org/a/b?c=d');
  });
});

describe('size limits', () => {
  it('refuses an over-long article in extractFacts with a typed error naming the limit', () => {
    const text = 'word '.repeat(LIMITS.articleChars / 5 + 1);
    let error: unknown;
    try {
      extractFacts(article(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limit).toBe('articleChars');
    expect((error as Error).message).toMatch(/too long .*at most 1,000,000/);
  });

  it('checks a document before normalising it', () => {
    const spaces = ' '.repeat(LIMITS.documentChars) + '\nword';
    const { problems } = readArticleBytes(Buffer.from(spaces), 'spaces.txt');
    expect(problems[0].message).toMatch(/too long \(8,000,005 characters; at most 8,000,000\)/);
    expect(() => draftFromObject({ text: 'x'.repeat(LIMITS.documentChars + 1) })).toThrow(LimitError);
    expect(() => readHtml(`<p>${'x'.repeat(LIMITS.documentChars)}</p>`)).toThrow(/too long/);
  });
});

describe('HTML bounds', () => {
  it('refuses a page nested deeper than the limit with a clear reason', () => {
    const depth = LIMITS.htmlDepth + 50;
    const page = `<html><body>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(() => readHtml(page)).toThrow(/nested .* deep; at most 256/);
  });

  it('refuses a page with more elements than the limit', () => {
    const page = `<html><body>${'<span>a</span>'.repeat(LIMITS.htmlElements + 1)}</body></html>`;
    expect(() => readHtml(page)).toThrow(LimitError);
  });

  it('reads a feed body over the limits as plain text rather than refusing the feed', () => {
    const depth = LIMITS.htmlDepth + 50;
    const text = htmlFragmentText(`${'<div>'.repeat(depth)}<p>Deep &amp; wide text.</p>${'</div>'.repeat(depth)}`);
    expect(text).toBe('Deep & wide text.');
  });

  it('refuses a page with more character references than the limit, and reads such a feed body without a DOM', () => {
    const many = '&lt;a '.repeat(LIMITS.htmlReferences + 1);
    expect(() => readHtml(`<html><body><p>${many}</p></body></html>`)).toThrow(/too many character references/);
    const text = htmlFragmentText(`<p>Caf&#233; &amp; bar &#x2014; ${many}</p>`);
    expect(text.startsWith('Café & bar — <a <a')).toBe(true);
  });

  it('keeps only outermost blocks, once each', () => {
    const text = htmlFragmentText('<blockquote><p>One.</p><p>Two.</p></blockquote><p>Three.</p><ul><li><p>Four.</p></li></ul>');
    expect(text).toBe('One.Two.\n\nThree.\n\nFour.');
  });
});

describe('feed and text patterns', () => {
  it('recognises teasers by their endings', () => {
    const long = 'The council met for hours. '.repeat(30);
    expect(looksLikeTeaser(long)).toBe(false);
    expect(looksLikeTeaser(`${long}Read more »`)).toBe(true);
    expect(looksLikeTeaser(`${long}Continue reading...`)).toBe(true);
    expect(looksLikeTeaser(`${long}It went on […]`)).toBe(true);
    expect(looksLikeTeaser(`${long}The end…  `)).toBe(true);
    expect(looksLikeTeaser(`${long}It is read more often.`)).toBe(false);
  });

  it('normalises spaces before line breaks and runs of blank lines', () => {
    expect(normaliseText('\uFEFFa  \t\r\nb \n\n\n\n c\r\rd   ')).toBe('a\nb\n\n c\n\nd');
    expect(normaliseText(`a${' '.repeat(1000)}b`)).toBe(`a${' '.repeat(1000)}b`);
  });

  it('reads an item body of escaped markup as its text', () => {
    const feed = `<rss version="2.0"><channel><title>T</title><item><title>x</title><description>${'&lt;a'.repeat(2000)}</description></item></channel></rss>`;
    const [entry] = parseFeed(feed).entries;
    expect(entry.text.length).toBeGreaterThan(0);
  });
});

describe('markdown patterns', () => {
  it('reads headings, links and images as their text', () => {
    const draft = readMarkdown('## Bridge   reopens ##  \n\nSee [the plan](https://x.example/a_(b)) and ![a map](m.png) or [](empty) [x] (y).\n');
    expect(draft.title).toBe('Bridge   reopens');
    expect(draft.text).toBe('See the plan and a map or [](empty) [x] (y).');
  });

  it('leaves unclosed brackets as they are', () => {
    const text = '[a]('.repeat(2000) + ' end';
    expect(readMarkdown(`Title\n${text}`).text).toBe(text.trim());
  });
});
