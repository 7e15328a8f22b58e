// The SQLite archive: the contract on real files, and what only a stored archive does: a restart
// answers from it without --data, the LRUs stay bounded, a killed writer loses nothing committed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/core/archive/lru.ts';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { SLOTS } from '../../src/core/archive/types.ts';
import { Lede } from '../../src/core/lede.ts';
import { scratchFolders } from '../scratch.ts';
import { archiveContract } from './archive-contract.ts';
import { entriesOf, FIXTURES } from './archive-fixtures.ts';

const scratch = scratchFolders('lede-archive-');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'articles');

const paths = new WeakMap<SqliteArchive, string>();
archiveContract('SQLite', {
  open: () => {
    const path = join(scratch(), 'state.sqlite');
    const archive = new SqliteArchive(path);
    paths.set(archive, path);
    return archive;
  },
  reopen: (archive) => {
    const path = paths.get(archive as SqliteArchive)!;
    archive.close();
    const again = new SqliteArchive(path);
    paths.set(again, path);
    return again;
  },
});

/** Articles written by one archive, and a second one opened on the file (nothing of theirs parsed yet). */
function storedThenReopened(articles: Parameters<typeof entriesOf>[0]): { stored: ReturnType<SqliteArchive['putMany']>; archive: SqliteArchive } {
  const path = join(scratch(), 'state.sqlite');
  const writer = new SqliteArchive(path);
  const stored = writer.putMany(entriesOf(articles));
  writer.close();
  return { stored, archive: new SqliteArchive(path) };
}

describe('a stored archive', () => {
  it('answers after a restart without --data, and a reload of the same content parses nothing', async () => {
    const sqlitePath = join(scratch(), 'state.sqlite');
    const first = await Lede.open({ dataPath: fixtures, store: { sqlitePath } });
    const question = 'When did the warehouse fire happen?';
    let answer: string | null;
    try {
      answer = (await first.answer(question, 'c1')).answer;
      expect(answer).toMatch(/Thursday/);
    } finally {
      await first.close();
    }
    const again = await Lede.open({ store: { sqlitePath } });
    try {
      expect(again.library.size).toBe(2);
      expect((await again.answer(question, 'c2')).answer).toBe(answer);
      await again.load(fixtures);
      expect(again.library.size).toBe(2);
      // The files are unchanged since they were read (their stamps say so): not read again at all.
      expect(again.library.stats).toEqual({ parsed: 0, cached: 0 });
    } finally {
      await again.close();
    }
  });

  it('keeps at most its bound of parsed articles and bytes of postings', () => {
    const archive = new SqliteArchive(join(scratch(), 'state.sqlite'), { articles: 3, postingsBytes: 320 });
    try {
      const entries = entriesOf(FIXTURES);
      for (let i = 0; i < 5; i++) archive.putMany(entries.map((e) => ({ ...e, article: { ...e.article, id: `${e.article.id}-${i}` } })));
      for (const i of archive.indexes(-1, 100)) archive.article(i);
      for (const t of new Set(entries.flatMap((e) => [...e.terms.keys()]))) archive.postings(t);
      expect(archive.held.articles).toBe(3);
      expect(archive.held.postingsBytes).toBeLessThanOrEqual(320);
      // What fell out is read again, the same.
      expect(archive.article(0)!.article.id).toBe('wire-ferry-0');
    } finally {
      archive.close();
    }
  });

  it('reads an article\'s sentences alone, the same as its whole facts, whatever its text holds', () => {
    // Texts that look like the stored document's own keys, escaped or not.
    const tricky = [
      'The log read "sentences":[1,2] at the end of the file. Nothing else was found.',
      'A backslash \\"sentences":[ and a bracket ] appear here. The council met on Monday.',
      'Quoted: \\\\"sentences":[{"start":0}] in a code sample. The report was filed.',
    ];
    const { stored, archive } = storedThenReopened([...FIXTURES, ...tricky.map((text, i) => ({ ...FIXTURES[0], id: `tricky "sentences":[ ${i}`, title: '"sentences":[', text }))]);
    try {
      for (const s of stored) expect(archive.sentencesOf(s.index)).toEqual(s.facts.sentences);
      expect(archive.held.articles).toBe(0);
      expect(archive.sentencesOf(9999)).toBeUndefined();
      for (const s of stored) expect(archive.article(s.index)!.facts.sentences).toEqual(s.facts.sentences);
    } finally {
      archive.close();
    }
  });

  it('reads an article\'s sentences, entities and quotes alone, the same as its whole facts, whatever its quotes hold', () => {
    // Quotes and names that look like the stored document's keys and brackets, escaped or not.
    const tricky = [
      '“The file said "quotes":[ and then ] twice,” the clerk, Nora Quist, said on Monday. “Nothing] else [was found.”',
      'Engineer Pavel Dunn said \\"entities\\":[{"id":"e0"}] was the bug. “A backslash \\\\ ends it,” Dunn said.',
    ];
    const { stored, archive } = storedThenReopened([...FIXTURES, ...tricky.map((text, i) => ({ ...FIXTURES[0], id: `tricky "quotes":[ ${i}`, title: '"entities":[', text }))]);
    expect(stored.some((s) => s.facts.quotes.some((q) => q.text.includes('"quotes":['))), 'a quote holds the key').toBe(true);
    try {
      for (const s of stored) expect(archive.speakersOf(s.index)).toEqual({ sentences: s.facts.sentences, entities: s.facts.entities, quotes: s.facts.quotes });
      expect(archive.held.articles).toBe(0);
      expect(archive.speakersOf(9999)).toBeUndefined();
      // Read whole first, the same again.
      for (const s of stored) archive.article(s.index);
      for (const s of stored) expect(archive.speakersOf(s.index)).toEqual({ sentences: s.facts.sentences, entities: s.facts.entities, quotes: s.facts.quotes });
    } finally {
      archive.close();
    }
  });

  it('reads many articles\' publication moments at once, the same as one at a time', () => {
    const { stored, archive } = storedThenReopened(FIXTURES);
    try {
      // Some parsed (read from memory), the rest not, an unknown position, one asked twice.
      archive.article(stored[1].index);
      const asked = [9999, ...stored.map((s) => s.index).reverse(), stored[0].index];
      const one = asked.map((i) => archive.published(i));
      expect(one.filter((t) => t === null)).toHaveLength(2);
      expect(archive.publishedOf(asked)).toEqual(one);
      expect(archive.publishedOf([])).toEqual([]);
    } finally {
      archive.close();
    }
  });

  it('counts a word\'s lookup entries exactly, or up to a bound when given one', () => {
    const archive = new SqliteArchive(join(scratch(), 'state.sqlite'));
    try {
      const entries = entriesOf(FIXTURES);
      for (let i = 0; i < 6; i++) archive.putMany(entries.map((e) => ({ ...e, article: { ...e.article, id: `${e.article.id}-${i}` } })));
      const all = archive.lookupCount('name', 'reyes');
      expect(all).toBeGreaterThanOrEqual(12);
      expect(archive.lookupCount('name', 'reyes', 5)).toBe(5);
      expect(archive.lookupCount('name', 'reyes', all + 10)).toBe(all);
      expect(archive.lookupCount('name', 'nobody-by-this-name', 5)).toBe(0);
    } finally {
      archive.close();
    }
  });

  it('a writer killed in the middle of a batch loses nothing it committed, and leaves no half batch', async () => {
    const path = join(scratch(), 'state.sqlite');
    const writer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'archive-writer.ts'), path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = 0;
    await new Promise<void>((resolve) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        committed = Number(lines[lines.length - 1]);
        // Killed while it writes its next batches.
        if (committed >= 3) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => writer.on('exit', resolve));
    const archive = new SqliteArchive(path);
    try {
      const batch = FIXTURES.length;
      expect(archive.size).toBeGreaterThanOrEqual(committed * batch);
      expect(archive.size % batch).toBe(0);
      const positions = archive.indexes(-1, 1_000_000);
      expect(positions).toHaveLength(archive.size);
      for (const i of positions) expect(archive.article(i)!.index).toBe(i);
      const live = new Set(positions);
      const refs = Array.from(archive.postings('said'));
      expect(refs.every((p) => live.has(Math.floor(p / SLOTS)))).toBe(true);
      expect(archive.df('said')).toBe(refs.length);
      expect(archive.lookupCount('name', 'reyes')).toBe((archive.size / batch) * 2);
    } finally {
      archive.close();
    }
  });
});

describe('the LRU', () => {
  it('drops the least recently used first, by weight', () => {
    const lru = new Lru<string, number[]>(5, (v) => v.length);
    lru.set('a', [1, 2]);
    lru.set('b', [1, 2]);
    lru.get('a');
    lru.set('c', [1, 2]);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([[1, 2], undefined, [1, 2]]);
    expect(lru.weight).toBe(4);
  });
});
