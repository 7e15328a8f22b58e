import { describe, expect, it } from 'vitest';
import { Library, nameKey, stem, terms } from '../../src/core/library.ts';
import type { Article } from '../../src/knowledge/facts.ts';

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
    expect(nameKey('  Zoë  Ñúñez-Díaz ')).toBe('zoe nunez diaz');
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
