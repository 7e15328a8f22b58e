// What every Archive does, whatever holds it: one suite, run against each implementation
// (archive-memory.test.ts, archive-sqlite.test.ts; the shared engine's runs it too).
// `open` makes a fresh archive; `reopen`, when the archive is stored, closes it and opens the
// same storage again.
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library.ts';
import { SLOTS, TITLE, type Archive, type ArticleEntry } from '../../src/core/archive/types.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import { entriesOf, FIXTURES } from './archive-fixtures.ts';

export { entriesOf, FIXTURES };

export interface ArchiveMaker {
  open: () => Archive | Promise<Archive>;
  reopen?: (archive: Archive) => Archive | Promise<Archive>;
}

/** The refs an archive must hold for a term, given the entries stored at each position. */
function expectedRefs(byPosition: Map<number, ArticleEntry>, term: string): number[] {
  const refs: number[] = [];
  for (const [index, entry] of byPosition) for (const s of entry.terms.get(term) ?? []) refs.push(index * SLOTS + s);
  return refs.sort((a, b) => a - b);
}

export function archiveContract(name: string, maker: ArchiveMaker): void {
  describe(`the ${name} archive`, () => {
    let archives: Archive[] = [];
    const open = async () => {
      const a = await maker.open();
      archives.push(a);
      return a;
    };
    const reopen = async (a: Archive) => {
      if (!maker.reopen) return a;
      const b = await maker.reopen(a);
      archives.push(b);
      return b;
    };
    afterEach(() => {
      for (const a of archives) a.close();
      archives = [];
    });

    it('stores articles and reads them back by position and id, after reopening too', async () => {
      const entries = entriesOf(FIXTURES);
      let archive = await open();
      const stored = archive.putMany(entries.slice(0, 2)).concat([archive.put(entries[2]), archive.put(entries[3])]);
      archive = await reopen(archive);
      expect(archive.size).toBe(4);
      expect(archive.sentences).toBe(entries.reduce((n, e) => n + e.sentences, 0));
      stored.forEach((s, i) => {
        expect(archive.indexOf(FIXTURES[i].id)).toBe(s.index);
        expect(archive.article(s.index)).toEqual({ index: s.index, article: FIXTURES[i], facts: entries[i].facts });
        expect(archive.keyAt(s.index)).toBe(entries[i].key);
        expect(archive.published(s.index)).toBe(entries[i].published);
      });
      expect(archive.indexOf('no-such-article')).toBeUndefined();
      expect(archive.article(9999)).toBeUndefined();
    });

    it('gives every live sentence holding a term, ascending, and counts them without reading them', async () => {
      const entries = entriesOf(FIXTURES);
      let archive = await open();
      const byPosition = new Map(archive.putMany(entries).map((s, i) => [s.index, entries[i]]));
      archive = await reopen(archive);
      const all = new Set(entries.flatMap((e) => [...e.terms.keys()]));
      expect(all.size).toBeGreaterThan(40);
      for (const term of all) {
        expect(Array.from(archive.postings(term)), term).toEqual(expectedRefs(byPosition, term));
        expect(archive.df(term), term).toBe(expectedRefs(byPosition, term).length);
      }
      // The title is sentence TITLE of its article.
      const ferry = byPosition.entries().next().value![0];
      expect(Array.from(archive.postings('aground'))).toContain(ferry * SLOTS + TITLE);
      expect(Array.from(archive.postings('zeppelin'))).toEqual([]);
      expect(archive.df('zeppelin')).toBe(0);
    });

    it('keeps a term whole and in order through many small writes and batches', async () => {
      const archive = await open();
      const byPosition = new Map<number, ArticleEntry>();
      const copy = (i: number) => ({ ...entriesOf(FIXTURES.slice(i % 2, (i % 2) + 1))[0], article: { ...FIXTURES[i % 2], id: `copy-${i}` } });
      for (let i = 0; i < 37; i++) {
        const e = copy(i);
        byPosition.set(archive.put(e).index, e);
      }
      const batch = Array.from({ length: 50 }, (_, i) => copy(100 + i));
      archive.putMany(batch).forEach((s, i) => byPosition.set(s.index, batch[i]));
      for (const term of ['ferry', 'budget', 'said', 'council']) {
        expect(Array.from(archive.postings(term)), term).toEqual(expectedRefs(byPosition, term));
        expect(archive.df(term)).toBe(expectedRefs(byPosition, term).length);
      }
      expect(archive.size).toBe(87);
    });

    it('replaces an article by id: a new position, the old one gone from every read', async () => {
      let archive = await open();
      const [ferry, budget] = entriesOf(FIXTURES.slice(0, 2));
      const first = archive.put(ferry);
      archive.put(budget);
      const rewritten = { ...FIXTURES[0], text: 'A cargo barge drifted past the breakwater on Wednesday, harbour staff said.', title: 'Barge adrift' };
      const [barge] = entriesOf([rewritten]);
      const second = archive.put({ ...barge, replaces: ferry });
      archive = await reopen(archive);
      expect(second.index).not.toBe(first.index);
      expect(archive.size).toBe(2);
      expect(archive.indexOf('wire-ferry')).toBe(second.index);
      expect(archive.article(first.index)).toBeUndefined();
      expect(archive.article(second.index)!.article.text).toMatch(/cargo barge/);
      expect(archive.sentences).toBe(budget.sentences + barge.sentences);
      expect(Array.from(archive.postings('aground'))).toEqual([]);
      expect(archive.df('aground')).toBe(0);
      expect(Array.from(archive.postings('barge')).every((p) => Math.floor(p / SLOTS) === second.index)).toBe(true);
      expect(archive.df('barge')).toBe(archive.postings('barge').length);
      expect(archive.lookupCount('name', 'varga')).toBe(0);
      expect(archive.lookup('name', 'varga', 0, 10)).toEqual([]);
      expect(archive.indexes(-1, 10)).not.toContain(first.index);
      expect(archive.newest(0, 10)).not.toContain(first.index);
    });

    it('keeps the stored article when the same content comes again under its id (another writer got there first)', async () => {
      const archive = await open();
      const [ferry] = entriesOf(FIXTURES.slice(0, 1));
      const first = archive.put(ferry);
      const again = archive.putMany([{ ...ferry }]);
      expect(again.map((s) => s.index)).toEqual([first.index]);
      expect(archive.size).toBe(1);
      expect(archive.df('aground')).toBe(ferry.terms.get('aground')!.length);
    });

    it('finds names, roles and speakers as rows, the latest added first, with what ranking needs', async () => {
      let archive = await open();
      const entries = entriesOf(FIXTURES);
      const stored = archive.putMany(entries);
      archive = await reopen(archive);
      const rows = archive.lookup('name', 'reyes', 0, 100);
      expect(rows.map((r) => r.article)).toEqual([stored[2].index, stored[1].index]);
      for (const r of rows) {
        const entity = archive.article(r.article)!.facts.entities[r.item];
        expect(r.keys).toContain('tomas reyes');
        expect(r.words).toEqual(r.keys);
        expect(r.mentions).toBe(entity.mentions.length);
      }
      expect(archive.lookupCount('name', 'reyes')).toBe(2);
      expect(archive.lookup('name', 'reyes', 1, 1)).toEqual([rows[1]]);
      const mayor = archive.lookup('role', 'mayor', 0, 10);
      expect(mayor).toHaveLength(1);
      expect(mayor[0].keys).toContain('tomas reyes');
      const speakers = archive.lookup('speaker', 'varga', 0, 10);
      expect(speakers.length).toBeGreaterThan(0);
      for (const s of speakers) expect(archive.article(s.article)!.facts.quotes[s.item].speaker).toBeTruthy();
    });

    it('orders articles newest first: by publication moment, then the later added; undated last', async () => {
      let archive = await open();
      const entries = entriesOf(FIXTURES);
      const [ferry, budget, orchard, notice] = archive.putMany(entries).map((s) => s.index);
      const twin = archive.put(entriesOf([{ ...FIXTURES[1], id: 'council-budget-twin' }])[0]).index;
      const undatedLater = archive.put(entriesOf([{ ...FIXTURES[3], id: 'notice-2' }])[0]).index;
      archive = await reopen(archive);
      expect(archive.newest(0, 10)).toEqual([ferry, twin, budget, orchard, undatedLater, notice]);
      expect(archive.newest(2, 2)).toEqual([budget, orchard]);
      expect(archive.indexes(-1, 3)).toEqual([ferry, budget, orchard]);
      expect(archive.indexes(orchard, 10)).toEqual([notice, twin, undatedLater]);
    });

    it('serves a Library that ranks exactly as the in-memory one does', async () => {
      const stored = new Library(null, 'test', undefined, await open());
      const memory = new Library(null, 'test');
      for (const lib of [stored, memory]) for (const a of FIXTURES) lib.insert(a, extractFacts(a));
      for (const q of [['ferry', 'aground'], ['budget', 'vote', 'council'], ['said'], ['frost', 'blossom'], ['lighthouse']]) {
        expect(stored.search(q, { limit: 50 })).toEqual(memory.search(q, { limit: 50 }));
        for (let i = 0; i < FIXTURES.length; i++) expect(stored.articleCoverage(q, i)).toBe(memory.articleCoverage(q, i));
      }
      for (const name of ['Reyes', 'Tomas Reyes', 'Ilse Varga', 'Okafor']) {
        expect(stored.findEntities(name).map((r) => [r.article, r.entity])).toEqual(memory.findEntities(name).map((r) => [r.article, r.entity]));
        expect(stored.findQuotes(name)).toEqual(memory.findQuotes(name));
      }
      expect(stored.findByRole('mayor').map((r) => r.entity)).toEqual(memory.findByRole('mayor').map((r) => r.entity));
      expect(stored.newestFirst().map((l) => l.article.id)).toEqual(memory.newestFirst().map((l) => l.article.id));
    });
  });
}
