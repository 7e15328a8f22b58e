// Ranking evidence over a stored archive: the best sentences for a question, a caption or
// credit line weighing less, found by reading the sentences of only the articles that can place.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { retrieve, type Ranked } from '../../src/core/ask/evidence.ts';
import { Library, terms } from '../../src/core/library.ts';
import type { Article, ArticleFacts, Sentence } from '../../src/knowledge/facts.ts';
import { scratchFolders } from '../scratch.ts';

const scratch = scratchFolders('lede-retrieve-');

/** An article of sentences (one paragraph each), with the given ones marked as page furniture. */
function story(i: number, lines: string[], furniture: number[]): { article: Article; facts: ArticleFacts } {
  const sentences: Sentence[] = [];
  let text = '';
  lines.forEach((line, k) => {
    if (k > 0) text += '\n\n';
    sentences.push({ start: text.length, end: text.length + line.length, paragraph: k, ...(furniture.includes(k) ? { furniture: true as const } : {}) });
    text += line;
  });
  const article: Article = { id: `port-${i}`, title: null, published: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}`, url: null, author: null, outlet: null, text };
  return { article, facts: { schema: 4, id: article.id, sentences, entities: [], times: [], quotes: [], event: null, summary: [] } };
}

/** Sixty stories in three styles; in every third one the matching line is a photo caption. */
function stories(): Array<{ article: Article; facts: ArticleFacts }> {
  return Array.from({ length: 60 }, (_, i) => {
    const crane = i % 2 === 0 ? 'A crane collapsed at the harbor on Monday.' : 'The harbor crane collapsed onto a cargo ship.';
    if (i % 3 === 0) return story(i, [`Photo: the harbor crane after it collapsed (Pier ${i} Images).`, 'Workers were cleared from the dock.', crane], [0]);
    if (i % 3 === 1) return story(i, ['Dock workers walked out on Tuesday.', `Officials said the crane at berth ${i} had been inspected.`, crane], []);
    return story(i, [crane, 'Nobody was hurt, the port authority said.', 'Share this story'], [2]);
  });
}

/** The ranking with every hit's sentences read: what retrieve must return, however little it reads. */
function everyHitRead(lib: Library, words: string[], limit: number): Ranked[] {
  const hits = lib.search(words, { limit: limit * 3 });
  for (const h of hits) {
    if (h.sentence !== 4095) h.score *= 1 + 0.2 * Math.exp(-h.sentence / 6);
    if (lib.article(h.article).facts.sentences[h.sentence]?.furniture) h.score *= 0.6;
  }
  return hits.sort((a, b) => b.score - a.score || a.article - b.article || a.sentence - b.sentence).slice(0, limit);
}

describe('retrieve over a stored archive', () => {
  const open: Library[] = [];
  afterEach(() => open.splice(0).forEach((l) => l.close()));

  /** The stories stored, then the archive opened again (nothing read yet). */
  function stored(): { lib: Library; archive: SqliteArchive } {
    const path = join(scratch(), 'state.sqlite.archive');
    const writer = new Library(null, undefined, undefined, new SqliteArchive(path));
    writer.insertMany(stories());
    writer.close();
    const archive = new SqliteArchive(path);
    const lib = new Library(null, undefined, undefined, archive);
    open.push(lib);
    return { lib, archive };
  }

  it('ranks as if every hit were read, captions weighing less', () => {
    const { lib } = stored();
    for (const question of ['crane collapsed harbor', 'harbor crane', 'crane inspected', 'photo crane images']) {
      for (const limit of [1, 5, 20]) {
        const words = terms(question);
        const got = retrieve(lib, words, {}, limit);
        expect(got.length).toBeGreaterThan(0);
        expect(got).toEqual(everyHitRead(lib, words, limit));
      }
    }
  });

  it('reads the sentences of fewer articles than it ranks, and no article whole', () => {
    const { lib, archive } = stored();
    const hits = lib.search(terms('crane collapsed harbor'), { limit: 15 });
    const ranked = new Set(hits.map((h) => h.article)).size;
    expect(ranked).toBeGreaterThan(8);
    retrieve(lib, terms('crane collapsed harbor'), {}, 5);
    expect(archive.held.articles).toBe(0);
    expect(archive.held.sentences).toBeGreaterThanOrEqual(5);
    expect(archive.held.sentences).toBeLessThan(ranked);
  });
});
