// The Who / Where / When lines and the summary of a digest post, on every feed fixture the
// digest tests use and on our own articles in several house styles: whole names, places in
// their usual case, dates written out and resolved against the publication date; a line the
// facts cannot fill well is left out.
import { describe, expect, it } from 'vitest';
import { digestReply } from '../../src/core/digest/post.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import { htmlFragmentText } from '../../src/knowledge/ingest/html.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';
import { fullItem } from '../fakes/feeds/articles.ts';

const FIXTURES = 'tests/fixtures';

function load(path: string): Article[] {
  const { articles, problems } = loadArticles(path);
  expect(problems).toEqual([]);
  return articles;
}

/** The fake feed's stories as the digest reads them (published on successive days). */
function feedArticles(): Article[] {
  return Array.from({ length: 8 }, (_, n) => {
    const item = fullItem(n, `2024-03-${String(n + 10).padStart(2, '0')}T09:00:00Z`);
    return { id: item.guid ?? `story-${n}`, title: item.title, published: item.published, url: null, author: null, outlet: null, text: htmlFragmentText(item.body) };
  });
}

function post(article: Article): Reply {
  return digestReply(article, extractFacts(article));
}

function field(r: Reply, name: string): string | undefined {
  return r.fields?.find((f) => f.name === name)?.value;
}

const FUNCTION_WORD = /\b(?:to|of|the|a|an|and|or|for|in|on|at|by|with|from|as|that|who)$/i;
const WRITTEN_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/;

/** Every quotation mark opened is closed, and the text does not open inside a quote. */
function balancedQuotes(text: string): boolean {
  const curly = (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
  return curly && (text.match(/"/g)?.length ?? 0) % 2 === 0 && !/^["”’]/.test(text);
}

/** What every post line must be, whatever the article. */
function expectWholeLines(article: Article, r: Reply): void {
  const source = `${article.title ?? ''}\n${article.text}`;
  const who = field(r, 'Who');
  for (const name of who ? who.split('; ') : []) {
    expect(name, `Who of ${article.id}`).not.toMatch(FUNCTION_WORD);
    expect(balancedQuotes(name), `Who of ${article.id}: ${name}`).toBe(true);
    // A name starts with a capital; a lone word the text also writes in lower case is generic ("State", "Council").
    expect(name, `Who of ${article.id}`).toMatch(/^\p{Lu}/u);
    if (!name.includes(' ')) expect(source.includes(name.toLowerCase()), `Who of ${article.id}: lone generic "${name}"`).toBe(false);
    // A fragment of a longer name ("Corran" of "Corran Falls") is followed by the rest of it wherever it occurs.
    const occurrences = source.split(name).slice(1);
    expect(occurrences.length > 0 && occurrences.every((after) => /^ \p{Lu}\p{Ll}/u.test(after)), `Who of ${article.id}: fragment "${name}"`).toBe(false);
  }
  const where = field(r, 'Where');
  if (where) {
    // A dateline's capitals are typography: "Augusta", not "AUGUSTA" (an acronym such as "UK" stays).
    for (const word of where.split(/[\s,]+/)) if (word.length > 3) expect(word, `Where of ${article.id}`).not.toMatch(/^\p{Lu}+$/u);
    expect(where).not.toMatch(FUNCTION_WORD);
  }
  const when = field(r, 'When');
  if (when) expect(when, `When of ${article.id}`).toMatch(WRITTEN_DATE);
  expect(balancedQuotes(r.text), `summary of ${article.id}: ${r.text}`).toBe(true);
  expect(r.text, `summary of ${article.id}`).toMatch(/^["“‘]?\p{Lu}/u);
}

describe('digest post lines on the digest tests’ fixtures', () => {
  const articles = [...load(`${FIXTURES}/slack-news`), ...load(`${FIXTURES}/discord/articles.json`), ...feedArticles()];

  it.each(articles.map((a) => [a.id, a] as const))('%s has whole, dated Who / Where / When lines', (_, article) => {
    const r = post(article);
    expectWholeLines(article, r);
    expect(field(r, 'Who'), article.id).toBeTruthy();
    expect(field(r, 'Where'), article.id).toBeTruthy();
    expect(field(r, 'When'), article.id).toMatch(WRITTEN_DATE);
  });

  it('dates the act against the publication date', () => {
    const bridge = load(`${FIXTURES}/slack-news/harbour-bridge.md`)[0];
    expect(field(post(bridge), 'When')).toBe('Saturday, March 14, 2026');
    // The fake feed's story 3 is published on Wednesday, March 13, 2024: its "on Tuesday" is the day before.
    const tram = feedArticles()[3];
    expect(field(post(tram), 'When')).toBe('Tuesday, March 12, 2024');
    expect(field(post(tram), 'Who')).toContain('Corran Falls');
    expect(field(post(tram), 'Where')).toBe('Corran Falls');
  });
});

describe('digest post lines in several house styles', () => {
  const [augusta] = load(`${FIXTURES}/digest-lines/augusta-dateline.json`);
  const uk = load(`${FIXTURES}/digest-lines/council-uk.md`)[0];
  const levee = load(`${FIXTURES}/digest-lines/levee-weekday.md`)[0];
  const tabloid = load(`${FIXTURES}/digest-lines/tabloid-marathon.md`)[0];

  it('a wire dateline ("AUGUSTA, Maine (AP) —"): the governor by name, the town in its usual case, the night resolved', () => {
    const r = post(augusta);
    expectWholeLines(augusta, r);
    expect(field(r, 'Who')?.split('; ')[0]).toMatch(/Janet Mills$/);
    expect(field(r, 'Where')).toMatch(/^Augusta\b/);
    expect(field(r, 'When')).toMatch(/^Saturday, March 9, 2024/);
  });

  it('a UK council story: the council by its full name, the town, "Tuesday 19 March" written out', () => {
    const r = post(uk);
    expectWholeLines(uk, r);
    expect(field(r, 'Who')?.split('; ')[0]).toBe('Wealdshire District Council');
    expect(field(r, 'Where')).toBe('Ashby Marsh');
    expect(field(r, 'When')).toBe('Tuesday, March 19, 2024');
  });

  it('the first weekday named is a meeting before the event: the act’s own day is the When', () => {
    const r = post(levee);
    expectWholeLines(levee, r);
    expect(field(r, 'When')).toMatch(/^Thursday, June 13, 2024/);
    expect(field(r, 'Where')).toBe('Halvard');
  });

  it('a tabloid page: byline, kicker, captions, promos and stats panels stay out of the post', () => {
    const r = post(tabloid);
    expectWholeLines(tabloid, r);
    expect(r.text).toMatch(/^A pensioner from Kettering/);
    expect(r.text).not.toMatch(/GWEN TARROW|EXCLUSIVE|Scroll down|Record breaker|Proud moment|Risky regimen|Share this|Read more/);
    expect(field(r, 'When')).toBe('Sunday, April 21, 2024');
    expect(field(r, 'Who')).toContain('Edna Pargeter');
  });

  it('leaves a line out rather than fill it badly', () => {
    const bare: Article = {
      id: 'bare', title: 'Rain expected', published: '2024-05-02', url: null, author: null, outlet: null,
      text: 'Rain is expected across the region, forecasters said. Umbrellas are advised for anyone heading out.',
    };
    const r = post(bare);
    expectWholeLines(bare, r);
    expect(field(r, 'When')).toBeUndefined();
    expect(field(r, 'Where')).toBeUndefined();
  });
});
