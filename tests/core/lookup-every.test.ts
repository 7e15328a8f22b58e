// Looking up a name, role or speaker of several words: the SQLite archive probes its index for
// entries filed under every word; the in-memory one walks the rarest word's list and tests each
// entry's words. Both must find the same entries, in the same order.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryArchive } from '../../src/core/archive/memory.ts';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { Library, lookupKey } from '../../src/core/library.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { scratchFolders } from '../scratch.ts';
import { FIXTURES } from './archive-fixtures.ts';

const scratch = scratchFolders('lede-lookup-every-');

const more: Article[] = [
  ['court-appeal', 'TRENTON, N.J. — A state appeals judge, Maria del Carmen Ruiz, ruled on Friday that the port authority must reopen the north terminal. "The closure was never lawful," Judge Ruiz wrote. Port authority spokesman J. Ruiz Ortega said the agency would appeal.'],
  ['club-vote', 'Members of the Hillcrest Rowing Club voted to admit juniors. Club secretary Ada Okafor said the vote was close. "We argued for a year," said former club secretary Tomas Reyes Okafor.'],
  ['wire-storm', 'NEWARK, N.J. (Coastline Wire) — Storm damage closed two bridges, New Jersey transit officials said. The deputy transit director, Ines Varga, said crews worked overnight. "Every bridge will be inspected," Varga said.'],
].map(([id, text]) => ({ id, title: null, published: '2026-03-04', url: null, author: null, outlet: null, text }));

describe('lookups of several words', () => {
  const libs: Library[] = [];
  afterEach(() => libs.splice(0).forEach((l) => l.close()));

  it('find the same entries, in the same order, in memory and in SQLite', () => {
    const articles = [...FIXTURES, ...more];
    const memory = new Library(null, undefined, undefined, new MemoryArchive());
    const sqlite = new Library(null, undefined, undefined, new SqliteArchive(join(scratch(), 'state.sqlite.archive')));
    libs.push(memory, sqlite);
    // Every article several times over, so a word's list runs over several articles.
    for (let copy = 0; copy < 3; copy++) {
      for (const lib of [memory, sqlite]) lib.insertMany(articles.map((a) => ({ article: { ...a, id: `${a.id}-${copy}` }, facts: extractFacts(a) })));
    }
    const phrases = new Set<string>();
    for (const a of articles) {
      const facts = extractFacts(a);
      for (const e of facts.entities) for (const text of [e.name, ...e.aliases, ...e.roles]) phrases.add(text);
      for (const q of facts.quotes) if (q.speaker) phrases.add(`${q.speaker.name ?? ''} ${q.speaker.text}`.trim());
    }
    const several = [...phrases].filter((p) => lookupKey(p).split(' ').length > 1);
    expect(several.length).toBeGreaterThan(10);
    const asked = [...several, 'N.J.', 'Ruiz Judge', 'club secretary', 'transit director', 'Reyes Okafor'];
    let found = 0;
    for (const phrase of asked) {
      const entities = (lib: Library) => lib.findEntities(phrase).map((r) => [r.article, r.keys, r.entity.name]);
      const roles = (lib: Library) => lib.findByRole(phrase).map((r) => [r.article, r.entity.name]);
      const quotes = (lib: Library) => lib.findQuotes(phrase);
      expect(entities(sqlite), phrase).toEqual(entities(memory));
      expect(roles(sqlite), phrase).toEqual(roles(memory));
      expect(quotes(sqlite), phrase).toEqual(quotes(memory));
      found += entities(sqlite).length + roles(sqlite).length + quotes(sqlite).length;
    }
    expect(found).toBeGreaterThan(30);
  });

  it('read a name too common to read whole from its latest articles, in memory and in SQLite', () => {
    // More articles quoting one speaker than a lookup reads (2,000): the oldest fall out, not the newest.
    const story = more[2];
    const facts = extractFacts(story);
    const copies = 2100;
    const memory = new Library(null, undefined, undefined, new MemoryArchive());
    const sqlite = new Library(null, undefined, undefined, new SqliteArchive(join(scratch(), 'many.sqlite.archive')));
    libs.push(memory, sqlite);
    for (const lib of [memory, sqlite]) {
      for (let from = 0; from < copies; from += 500) {
        lib.insertMany(Array.from({ length: Math.min(500, copies - from) }, (_, k) => ({ article: { ...story, id: `storm-${from + k}` }, facts })));
      }
    }
    const newest = sqlite.size - 1;
    for (const lib of [memory, sqlite]) {
      for (const found of [lib.findQuotes('Varga'), lib.findQuotes('Ines Varga'), lib.findEntities('Varga', 5000), lib.findEntities('Ines Varga', 5000)]) {
        const articles = new Set(found.map((r) => r.article));
        expect(articles.has(newest)).toBe(true);
        expect(articles.has(0)).toBe(false);
        expect(articles.size).toBeLessThan(copies);
      }
    }
    expect(sqlite.findQuotes('Ines Varga')).toEqual(memory.findQuotes('Ines Varga'));
  });
});
