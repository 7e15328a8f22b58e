import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { Library, lookupKey, stem, terms } from '../../src/core/library.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { scratchFolders } from '../scratch.ts';

const scratch = scratchFolders('lede-library-');

function article(id: string, text: string, published: string | null = null, title: string | null = null): Article {
  return { id, title, published, url: null, author: null, outlet: null, text };
}

describe('the library index', () => {
  it('stems irregular and regular forms to one term', () => {
    expect(stem('shot')).toBe(stem('shooting'));
    expect(terms('The arrests were made')).toEqual(terms('arrest making'));
    expect(stem('conceded')).toBe(stem('concede'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('celebs')).toBe(stem('celebrities'));
    expect(stem('grandpa')).toBe(stem('grandfather'));
    expect(stem('added')).toBe(stem('adds'));
    expect(lookupKey('  Zoë  Ñúñez-Díaz ')).toBe('zoe nunez diaz');
  });

  it('finds the sentence holding the rare words of a query among many articles', async () => {
    const lib = new Library(null);
    for (let i = 0; i < 30; i++) await lib.add(article(`filler-${i}`, `The council met on Tuesday. The council said the budget was approved.`));
    await lib.add(article('ferry', 'The council met on Tuesday. A ferry ran aground near the lighthouse, the coast guard said.'));
    const [top] = lib.search(terms('where did the ferry run aground'));
    expect(lib.article(top.article).article.id).toBe('ferry');
    expect(lib.sentenceText(top)).toMatch(/ran aground/);
  });

  it('replaces an article by id and forgets its old sentences', async () => {
    const lib = new Library(null);
    await lib.add(article('a', 'The bridge opened. Crowds cheered the mayor.'));
    await lib.add(article('a', 'The bridge closed for repairs.'));
    expect(lib.size).toBe(1);
    expect(lib.search(terms('crowds cheered'))).toEqual([]);
    expect(lib.search(terms('repairs'))).toHaveLength(1);
  });

  it('lists articles newest first, or those matching a query', async () => {
    const lib = new Library(null);
    await lib.add(article('old', 'A storm hit the coast.', '2024-01-01'));
    await lib.add(article('new', 'The harbour reopened after the storm.', '2024-02-01'));
    await lib.add(article('other', 'Schools closed for the holiday.', '2024-01-15'));
    expect(lib.newestFirst().map((l) => l.article.id)).toEqual(['new', 'other', 'old']);
    expect(lib.articlesMatching('storm').map((l) => l.article.id).sort()).toEqual(['new', 'old']);
  });

  it('finds speakers and entities by name', async () => {
    const lib = new Library(null);
    await lib.add(article('q', 'Her sister-in-law Anna Kowal told reporters: “We are heartbroken.” Police spokesman Tom Reyes said the road would reopen on Friday.'));
    const byName = lib.findQuotes('Reyes');
    expect(byName.length).toBeGreaterThan(0);
    expect(lib.findEntities('Tom Reyes')[0].entity.name).toBe('Tom Reyes');
    expect(lib.findEntities('Nobody Here')).toEqual([]);
  });
});

describe('reading many articles at once', () => {
  // Wire copy filed within one second, a dated brief, an undated notice: recency ties and gaps.
  const articles = [
    article('wire-1', 'Harbour pilot Ines Marlow said the channel was closed. "We wait for the tide," Marlow said.', '2026-04-02T10:15:30.100Z'),
    article('wire-2', 'The harbour reopened at noon, port officials said.', '2026-04-02T10:15:30.900Z'),
    article('brief', 'Mayor Tomas Reyes said the pier repairs would start in May.', '2026-03-30'),
    article('notice', 'The ferry office is closed until further notice, its manager said.'),
  ];
  for (const [kind, open] of [
    ['in memory', () => new Library(null)],
    ['in SQLite', () => new Library(null, undefined, undefined, new SqliteArchive(join(scratch(), 'state.sqlite')))],
  ] as const) {
    it(`gives each article's recency and speakers as one at a time would, ${kind}`, async () => {
      const lib = open();
      try {
        for (const a of articles) await lib.add(a);
        const indexes = [...articles.keys(), 99].reverse();
        expect(lib.recencies(indexes)).toEqual(indexes.map((i) => lib.recency(i)));
        for (const i of articles.keys()) {
          const { sentences, entities, quotes } = lib.article(i).facts;
          expect(lib.speakers(i)).toEqual({ sentences, entities, quotes });
        }
        expect(lib.speakers(0).quotes.map((q) => q.speaker?.name)).toContain('Ines Marlow');
      } finally {
        lib.close();
      }
    });
  }
});
