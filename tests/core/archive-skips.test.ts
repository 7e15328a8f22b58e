// Skip data (SQLite): a long postings list is probed a block at a time instead of decoded whole,
// and nothing a search ranks may change for it. An archive of many articles, written in batches
// of uneven sizes (so segments merge) with some articles replaced (so some refs are gone), is
// read with skip data written at small thresholds, without any (as a file made before skip data
// existed), and from memory: every search and every article's coverage must agree exactly.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRefs, decodeSkips, encodeRefs, skipsOf } from '../../src/core/archive/codec.ts';
import { MemoryArchive } from '../../src/core/archive/memory.ts';
import { ArrayPostings, EncodedPostings } from '../../src/core/archive/postings.ts';
import { SqliteArchive, type SqliteArchiveOptions } from '../../src/core/archive/sqlite.ts';
import { SLOTS, TITLE, type Archive } from '../../src/core/archive/types.ts';
import { Library, terms } from '../../src/core/library.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article, ArticleFacts } from '../../src/knowledge/facts.ts';
import { scratchFolders } from '../scratch.ts';

const scratch = scratchFolders('lede-skips-');

/** Small thresholds, so the fixture's lists have long segments of many blocks. */
const SMALL: SqliteArchiveOptions = { skips: { from: 16, every: 4 } };

/** Stories in several house styles; every article is one of them under a title of its own. */
const STORIES = [
  // Wire.
  'HARBOR CITY (Tidewater Wire) — A cargo ship lost power in the port channel on Friday, the port authority said. ' +
    'Tugboats pushed the ship back to its berth at the port within two hours, the authority said in a statement. ' +
    'No one was hurt, and the channel reopened to traffic on Friday evening. ' +
    'The ship had left the port an hour earlier with a load of timber, officials said.',
  // Council brief.
  'The Millbrook council voted on Tuesday to raise parking fees by one dollar an hour. ' +
    'Council member Rosa Lindqvist said the fees would pay for new street lights. ' +
    'The vote was six to one. The new fees start next month, the council said.',
  // Quote-led feature.
  '"We had never seen the river this high," said farmer Pieter Osei, standing in his flooded barn. ' +
    'Osei said the water rose a foot an hour on Sunday night. ' +
    'Neighbors brought boats to move his cattle to higher ground, he said. ' +
    '"The river took the fence and the road," he said.',
  // Earnings.
  'Brightline Foods said on Thursday that its quarterly profit rose to $41 million from $33 million a year earlier. ' +
    'Sales rose 8 percent to $512 million, the company said. ' +
    'Chief executive Mara Quill said demand for frozen meals stayed strong through the year. ' +
    'Shares of the company rose 3 percent in early trading.',
  // Police blotter.
  'Police arrested a man on Saturday after a break-in at a hardware store on Elm Street, police said. ' +
    'Officers found the man inside the store at about 2 a.m., a police spokesman said. ' +
    'He was charged with burglary and held at the county jail.',
  // Sports recap.
  'The Lakeside Herons won their third game in a row on Sunday, beating the Ridgeway Foxes 4 to 2. ' +
    'Goalkeeper Tess Adeyemi made nine saves, and the Herons scored twice in the last ten minutes. ' +
    '"We played for each other today," coach Hal Brandt said after the game.',
];

/** Words the titles draw on, a few of them in every title, so some title terms are common. */
const TITLE_WORDS = ['update', 'report', 'river', 'council', 'profit', 'police', 'game', 'harbor', 'ship', 'fees'];

/** The i-th article: a story chosen unevenly (the first ones more often), a title with a word of its own. */
function articleAt(i: number, version = 0): Article {
  const story = [0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0][i % 12];
  const title = `${TITLE_WORDS[i % TITLE_WORDS.length]} ${TITLE_WORDS[(i * 7) % TITLE_WORDS.length]} zq${i.toString(36)}x${version ? ' revised' : ''}`;
  const text = version ? `${STORIES[(story + 1) % STORIES.length]} This story was updated.` : STORIES[story];
  return { id: `story-${i}`, title, published: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, url: null, author: null, outlet: null, text };
}

const factsOf = new Map<string, ArticleFacts>();
function withFacts(article: Article): { article: Article; facts: ArticleFacts } {
  let facts = factsOf.get(article.text);
  if (!facts) factsOf.set(article.text, (facts = extractFacts(article)));
  return { article, facts: { ...facts, id: article.id } };
}

const ARTICLES = 2400;

/** Writes the fixture into a library over `archive`: uneven batches, then a few articles replaced. */
function fill(archive: Archive): Library {
  const lib = new Library(null, 'skips-test', undefined, archive);
  for (let i = 0, size = 1; i < ARTICLES; i += size, size = (size * 5 + 3) % 97 || 1) {
    const batch = [];
    for (let k = i; k < Math.min(ARTICLES, i + size); k++) batch.push(withFacts(articleAt(k)));
    lib.insertMany(batch);
  }
  lib.insertMany([3, 40, 41, 700, 1399].map((i) => withFacts(articleAt(i, 1))));
  // Written after the replacements, so some segments merge refs of replaced articles away and some keep them.
  lib.insertMany([ARTICLES, ARTICLES + 1].map((i) => withFacts(articleAt(i))));
  return lib;
}

/** A copy of a stored archive, as the archive makes its files (a copy is made in rollback mode). */
function copyOf(path: string): string {
  const copy = join(scratch(), 'copy.sqlite');
  const db = new Database(path);
  db.exec(`VACUUM INTO '${copy}'`);
  db.close();
  const again = new Database(copy);
  again.pragma('journal_mode = WAL');
  again.close();
  return copy;
}

/** A copy of a stored archive as a file made before skip data existed: no table, no mark. */
function withoutSkips(path: string): string {
  const copy = copyOf(path);
  const old = new Database(copy);
  old.exec("DROP TABLE archive_skips; DELETE FROM archive_meta WHERE k = 'skips'");
  old.close();
  return copy;
}

/** Questions: common words alone (the rarest is long), common with rare, a title word, words no article has. */
function questions(): string[][] {
  const common = ['ship', 'port', 'council', 'river', 'rose', 'police', 'game', 'year', 'update', 'report'];
  const out: string[][] = [];
  for (const a of common) for (const b of common) if (a < b) out.push(terms(`${a} ${b}`));
  for (const a of common) out.push(terms(a), terms(`${a} zq${(123).toString(36)}x`), terms(`${a} updated revised`));
  out.push(terms('cargo ship lost power harbor channel'), terms('profit rose million year said company'), terms('zeppelin'), terms('zeppelin ship'));
  return out;
}

describe('skip data', () => {
  let path: string;
  let withSkips: Library;
  let inMemory: Library;
  beforeAll(() => {
    path = join(scratch(), 'state.sqlite');
    withSkips = fill(new SqliteArchive(path, SMALL));
    inMemory = fill(new MemoryArchive());
  });
  afterAll(() => withSkips.close());

  it('is written for every long segment and stays in step through merges and replacements', () => {
    const db = new Database(path, { readonly: true });
    try {
      const segments = db.prepare('SELECT term, seg, n, refs FROM archive_postings').all() as Array<{ term: string; seg: number; n: number; refs: Buffer }>;
      const skips = new Map((db.prepare('SELECT term, seg, n, bytes, skips FROM archive_skips').all() as Array<{ term: string; seg: number; n: number; bytes: number; skips: Buffer }>).map((r) => [`${r.term}/${r.seg}`, r]));
      const long = segments.filter((s) => s.n >= 16);
      expect(long.length).toBeGreaterThan(50);
      for (const s of long) {
        const row = skips.get(`${s.term}/${s.seg}`);
        expect(row, `${s.term}/${s.seg}`).toBeDefined();
        expect([row!.n, row!.bytes]).toEqual([s.n, s.refs.length]);
        const { firsts, offsets } = decodeSkips(row!.skips);
        const fresh = skipsOf(s.refs, 4);
        expect([Array.from(firsts), Array.from(offsets)]).toEqual([fresh.firsts, fresh.offsets]);
      }
      // No skip row outlives its segment.
      expect(skips.size).toBe(long.length);
      expect(db.prepare("SELECT v FROM archive_meta WHERE k = 'skips'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('finds, ranks and covers exactly as a full decode does', () => {
    const old = new Library(null, 'skips-test', undefined, new SqliteArchive(withoutSkips(path), SMALL));
    try {
      expect(withSkips.size).toBe(inMemory.size);
      const some = new Set([0, 3, 5, 40, 700, 1000, ARTICLES + 1]);
      for (const q of questions()) {
        const expected = inMemory.search(q, { limit: 60 });
        expect(withSkips.search(q, { limit: 60 }), q.join(' ')).toEqual(expected);
        // The first few are the first few of all of them, ranked.
        expect(withSkips.search(q, { limit: 7 })).toEqual(withSkips.search(q, { limit: 1e9 }).slice(0, 7));
        expect(old.search(q, { limit: 60 }), q.join(' ')).toEqual(expected);
        expect(withSkips.search(q, { limit: 60, articles: some })).toEqual(inMemory.search(q, { limit: 60, articles: some }));
        for (const a of [0, 1, 3, 41, 500, 1399, ARTICLES + 4]) expect(withSkips.articleCoverage(q, a), `${q.join(' ')} @${a}`).toBe(inMemory.articleCoverage(q, a));
      }
      // Long enough to have taken the long-seed path, and to be probed through many blocks.
      expect(withSkips.archive.df('ship')).toBeGreaterThan(3000);
      expect(withSkips.archive.df('port')).toBeGreaterThan(3000);
    } finally {
      old.close();
    }
  });

  it('answers every probe as the decoded list does, in any order', () => {
    const fresh = new SqliteArchive(path, SMALL);
    const other = new SqliteArchive(path, SMALL);
    try {
      for (const term of ['ship', 'river', 'rose', 'revised', 'update', 'zq3x', 'zeppelin']) {
        const expected = Array.from(inMemory.archive.postings(term));
        const list = new ArrayPostings(expected);
        const probed = fresh.postings(term);
        // Probed before anything decodes it whole: backwards, forwards, and at refs it lacks.
        const asked = [...expected.map((p) => p + 1).reverse(), ...expected, ...expected.map((p) => p - 1), 0, 5e9];
        for (let i = 0; i < asked.length; i++) {
          const p = asked[(i * 7919) % asked.length];
          expect(probed.contains(p), `${term} ∋ ${p}`).toBe(list.contains(p));
          const article = Math.floor(p / SLOTS);
          expect(probed.anyInRange(article * SLOTS, article * SLOTS + TITLE), `${term} @${article}`).toBe(list.anyInRange(article * SLOTS, article * SLOTS + TITLE));
        }
        // Narrowing candidates (ascending, some held, some not) by the list, on a fresh view and on this one.
        const candidates = [...new Set(asked)].sort((a, b) => a - b);
        const held = candidates.filter((p) => list.contains(p));
        expect(other.postings(term).intersect(candidates), term).toEqual(held);
        expect(probed.intersect(candidates.filter((_, i) => i % 3 === 0)), term).toEqual(held.filter((p) => candidates.indexOf(p) % 3 === 0));
        expect(list.intersect(candidates)).toEqual(held);
        expect(probed.length).toBe(expected.length);
        expect(Array.from(probed)).toEqual(expected);
      }
    } finally {
      fresh.close();
      other.close();
    }
  });

  it('is not used once an older version has rewritten its segment', () => {
    const copy = copyOf(path);
    // What an older writer's merge does: the term's segments become one, replaced articles' refs
    // dropped, its skip rows untouched.
    const db = new Database(copy);
    const gone = new Set(db.prepare('SELECT idx FROM archive_gone').pluck().all() as number[]);
    const segments = db.prepare("SELECT refs FROM archive_postings WHERE term = 'ship' ORDER BY seg").pluck().all() as Buffer[];
    const refs = segments
      .flatMap((bytes) => {
        const list = new Float64Array(bytes.length);
        return Array.from(list.subarray(0, decodeRefs(bytes, list, 0)));
      })
      .filter((p) => !gone.has(Math.floor(p / SLOTS)));
    db.prepare("DELETE FROM archive_postings WHERE term = 'ship'").run();
    db.prepare("INSERT INTO archive_postings (term, seg, n, refs) VALUES ('ship', 0, ?, ?)").run(refs.length, encodeRefs(refs));
    db.close();
    const reader = new SqliteArchive(copy, SMALL);
    try {
      expect(segments.length).toBeGreaterThan(1);
      expect(gone.size).toBeGreaterThan(0);
      const expected = Array.from(inMemory.archive.postings('ship'));
      const probed = reader.postings('ship');
      expect(expected.every((p) => probed.contains(p))).toBe(true);
      expect(Array.from(probed)).toEqual(expected);
    } finally {
      reader.close();
    }
  });

  it('is added to a file made before it by its first writer, never by a reader, who decodes instead', () => {
    const oldPath = withoutSkips(path);
    const tables = () => {
      const db = new Database(oldPath, { readonly: true });
      const has = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'archive_skips'").pluck().get();
      const rows = has ? db.prepare('SELECT count(*) FROM archive_skips').pluck().get() : null;
      db.close();
      return { has, rows };
    };
    // A reader beside a writer holding the write lock: it must not need it.
    const holder = new Database(oldPath);
    holder.exec('BEGIN IMMEDIATE');
    const reader = new Library(null, 'skips-test', undefined, new SqliteArchive(oldPath, SMALL));
    try {
      for (const q of questions().slice(0, 20)) expect(reader.search(q, { limit: 30 })).toEqual(inMemory.search(q, { limit: 30 }));
    } finally {
      reader.close();
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(tables()).toEqual({ has: 0, rows: null });

    const writer = new Library(null, 'skips-test', undefined, new SqliteArchive(oldPath, SMALL));
    try {
      writer.insertMany([withFacts(articleAt(ARTICLES + 2))]);
      expect(tables().rows).toBeGreaterThan(50);
      const db = new Database(oldPath, { readonly: true });
      const undescribed = db
        .prepare('SELECT count(*) FROM archive_postings p LEFT JOIN archive_skips s ON s.term = p.term AND s.seg = p.seg WHERE p.n >= 16 AND (s.n IS NULL OR s.n <> p.n OR s.bytes <> length(p.refs))')
        .pluck()
        .get();
      db.close();
      expect(undescribed).toBe(0);
      inMemory.insertMany([withFacts(articleAt(ARTICLES + 2))]);
      for (const q of questions()) expect(writer.search(q, { limit: 60 }), q.join(' ')).toEqual(inMemory.search(q, { limit: 60 }));
    } finally {
      writer.close();
    }
  });

  it('encodes block starts as a reader finds them, and probes blocks of any length', () => {
    const bytes = encodeRefs([4096, 4097, 8192]);
    expect(skipsOf(bytes, 2)).toEqual({ firsts: [4096, 8192], offsets: [0, 3] });
    // Two segments, blocks of 700 refs, gaps of one to three bytes.
    const refs = Array.from({ length: 3000 }, (_, i) => i * 37 + (i % 5) * 9000 + Math.floor(i / 1000) * 5e6).sort((a, b) => a - b);
    const segments = [refs.slice(0, 1800), refs.slice(1800)].map((part) => {
      const encoded = encodeRefs(part);
      return { bytes: encoded, n: part.length, ...skipsOf(encoded, 700) };
    });
    const list = new ArrayPostings(refs);
    // Each probe the first of its list: every block is decoded from scratch.
    for (const p of [...refs, ...refs.map((r) => r + 1)]) expect(new EncodedPostings(segments, new Set()).contains(p), String(p)).toBe(list.contains(p));
    const probed = new EncodedPostings(segments, new Set());
    const candidates = [...refs.map((r) => r - 1), ...refs.filter((_, i) => i % 4 === 0)].sort((a, b) => a - b);
    expect(probed.intersect(candidates)).toEqual(candidates.filter((p) => list.contains(p)));
    for (const p of [...refs].reverse()) expect(probed.contains(p), String(p)).toBe(true);
    expect(Array.from(probed)).toEqual(refs);
  });
});

describe('a process that will write, before it serves', () => {
  it('gives an older archive its skip data at once (prepareWrites), not at its first write', async () => {
    const { Lede } = await import('../../src/core/lede.ts');
    const { archivePath } = await import('../../src/core/archive/index.ts');
    const sqlitePath = join(scratch(), 'bot.sqlite');
    const first = await Lede.open({ store: { sqlitePath } });
    await first.load(join(import.meta.dirname, '..', 'fixtures', 'verify'));
    expect(first.library.size).toBeGreaterThan(2);
    await first.close();
    const old = new Database(archivePath(sqlitePath));
    old.exec("DROP TABLE IF EXISTS archive_skips; DELETE FROM archive_meta WHERE k = 'skips'");
    old.close();
    const marked = () => {
      const db = new Database(archivePath(sqlitePath), { readonly: true });
      try {
        const has = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'archive_skips'").pluck().get();
        return has ? db.prepare("SELECT v FROM archive_meta WHERE k = 'skips'").pluck().get() ?? null : null;
      } finally {
        db.close();
      }
    };

    const bot = await Lede.open({ store: { sqlitePath } });
    // Opened, it reads as before and has written nothing.
    expect(marked()).toBeNull();
    bot.prepareWrites();
    expect(marked()).toBe(1);
    await bot.close();
  });
});
