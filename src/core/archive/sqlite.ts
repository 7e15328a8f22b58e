// The archive in a SQLite file beside the store's (better-sqlite3, synchronous; see archivePath):
// a fresh LEDE_SQLITE is a fresh archive. Opening reads three counters, never the articles:
// an id is found by an SQL index, newest-first order by an index on the publication moment.
//
// Tables:
//   archive_articles  position, id, content key, publication ms, the deflated JSON {article, facts}
//   archive_postings  term's packed refs in segments (delta varints, see codec.ts); a write adds a
//                     segment per term and merges the newest ones while they grow as large as the
//                     one before (so a term has about log2(refs) segments, each ref rewritten as often)
//   archive_skips     skip data of each long segment (codec.ts): the first ref of every block of
//                     refs and where it begins, with the segment's n and byte length (the row
//                     belongs to that segment only while they match), so a probe decodes one block
//   archive_terms     term → live refs (df), read without the postings
//   archive_lookups   one row per (kind, word, article, item) with what ranking and matching need
//   archive_gone      positions of replaced articles: their refs are skipped when read, and dropped
//                     when their segment is next merged
//   archive_meta      live articles, live sentences, next position; 'skips' = 1 once every long
//                     segment has its skip data (a file made before archive_skips existed gets it
//                     from its first writer: see completeSkips)
//   archive_held      documents of parsed articles not yet written, by content key (see hold), dropped
//                     as their articles are written
import Database from 'better-sqlite3';
import type { ArticleFacts, Sentence } from '../../knowledge/facts.ts';
import { decodeRefs, decodeSkips, encodeRefs, encodeSkips, skipsOf } from './codec.ts';
import { encodeDoc, readDoc, readSentences, readSpeakers } from './doc.ts';
import { Lru } from './lru.ts';
import { ArrayPostings, EncodedPostings } from './postings.ts';
import { SLOTS, type Archive, type ArticleEntry, type LookupKind, type LookupRow, type Postings, type Speakers, type StoredArticle } from './types.ts';

export interface SqliteArchiveOptions {
  /** Articles kept parsed in memory (default 1000). */
  articles?: number;
  /** Bytes of postings kept in memory, summed over terms (default 32 MB). */
  postingsBytes?: number;
  /** Skip data is written for segments of at least `from` refs, a block every `every` refs (default 1024 and 128). */
  skips?: { from?: number; every?: number };
  /** Articles whose sentences alone are kept in memory (default 10,000, about 25 MB). */
  sentences?: number;
  /** Articles whose sentences, entities and quotes alone are kept in memory (default 2,000, about 20 MB). */
  speakers?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS archive_meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_articles (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, key TEXT NOT NULL, published REAL, doc BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS archive_articles_id ON archive_articles (id);
CREATE INDEX IF NOT EXISTS archive_articles_newest ON archive_articles (published DESC, idx DESC);
CREATE TABLE IF NOT EXISTS archive_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_postings (term TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL, refs BLOB NOT NULL, PRIMARY KEY (term, seg)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_lookups (kind TEXT NOT NULL, word TEXT NOT NULL, article INTEGER NOT NULL, item INTEGER NOT NULL, keys TEXT NOT NULL, words TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (kind, word, article, item)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_gone (idx INTEGER PRIMARY KEY);
`;

/** Not in SCHEMA: a file without it is complete to a reader, who must not write (made by hold()). */
const HELD_SCHEMA = 'CREATE TABLE IF NOT EXISTS archive_held (key TEXT PRIMARY KEY, doc BLOB NOT NULL)';

/** Not in SCHEMA: a file without it is complete to a reader, who must not write (see completeSkips). */
const SKIPS_SCHEMA = 'CREATE TABLE IF NOT EXISTS archive_skips (term TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL, bytes INTEGER NOT NULL, skips BLOB NOT NULL, PRIMARY KEY (term, seg)) WITHOUT ROWID';

/** Segments whose skip data a migration writes per transaction. */
const SKIPS_PER_TRANSACTION = 500;

/** The tables and indexes SCHEMA makes. */
const SCHEMA_NAMES = [...SCHEMA.matchAll(/IF NOT EXISTS (\w+)/g)].map((m) => m[1]);

/** The file holds every table and index (a file made by an older version may lack one). */
function hasSchema(db: Database.Database): boolean {
  const found = db.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN (${SCHEMA_NAMES.map(() => '?').join(', ')})`).pluck().get(...SCHEMA_NAMES);
  return found === SCHEMA_NAMES.length;
}

interface Counters {
  size: number;
  sentences: number;
  next: number;
}

/**
 * A lookup row as read: [article, item, keys, words, mentions]. Rows are read as arrays, not
 * objects: "ap" at 1M articles gives 2,000 rows a question, and arrays take half the time.
 */
type StoredLookup = [article: number, item: number, keys: string, words: string, mentions: number];

function lookupRow([article, item, storedKeys, words, mentions]: StoredLookup): LookupRow {
  const keys = JSON.parse(storedKeys) as string[];
  // A name's words are its keys (entryFor files one list as both): parsed once.
  return { article, item, keys, words: words === storedKeys ? keys : (JSON.parse(words) as string[]), mentions };
}

interface Segment {
  seg: number;
  n: number;
  refs: Uint8Array;
}

/** A segment as a read finds it: with its skip row's fields when it has one (they describe it when they match). */
interface ReadSegment extends Segment {
  skipN?: number | null;
  skipBytes?: number | null;
  skips?: Uint8Array | null;
}

type HeldPostings = ArrayPostings | EncodedPostings;

/** Says how a long step goes on stderr, once it has taken a second, then at most every ten seconds and when it ends. */
function slowProgress(): (line: () => string, last?: boolean) => void {
  const start = Date.now();
  let said = 0;
  return (line, last = false) => {
    const now = Date.now();
    if (now - start < 1000 || (now - said < 10_000 && !last)) return;
    said = now;
    process.stderr.write(`lede: ${line()} (${Math.round((now - start) / 1000)} s)\n`);
  };
}

export class SqliteArchive implements Archive {
  private readonly db: Database.Database;
  private readonly counters: Counters;
  /** Replaced positions (few: only articles stored again with new content). */
  private readonly gone: Set<number>;
  /** Parsed articles with their publication moment (ordering a few articles reads it per comparison). */
  private readonly articles: Lru<number, { stored: StoredArticle; published: number | null }>;
  /** Postings read, as views (encoded with skip data, or decoded), by the bytes they hold. */
  private readonly postingViews: Lru<string, HeldPostings>;
  private readonly skipsFrom: number;
  private readonly skipsEvery: number;
  /** Whether every long segment has its skip data (see completeSkips). */
  private skipsComplete: boolean;
  /** A term's segments, with their skip rows once archive_skips exists. */
  private readSegments: Database.Statement;
  /** Statements on archive_held, once it exists (see hold). */
  private heldSql: ReturnType<SqliteArchive['prepareHeld']> | null = null;
  /** The skip statements, once archive_skips exists. */
  private skipSql: ReturnType<SqliteArchive['prepareSkips']> | null = null;
  /** Sentences read without the rest of their article (see sentencesOf). */
  private readonly sentenceLists: Lru<number, Sentence[]>;
  /** Sentences, entities and quotes read without the rest of their article (see speakersOf). */
  private readonly speakerLists: Lru<number, Speakers>;
  private readonly sql: ReturnType<SqliteArchive['prepare']>;
  /** lookupEvery's statements by the number of words probed. */
  private readonly everyStatements = new Map<number, Database.Statement>();

  constructor(path: string, options: SqliteArchiveOptions = {}) {
    this.db = new Database(path);
    // Another process (a second instance, `lede status`) may hold the lock a moment: wait for it.
    this.db.pragma('busy_timeout = 5000');
    // Opening an archive that is already set up writes nothing, so a one-off `lede ask` never
    // waits on (or fails behind) an ingest holding the write lock: WAL (readers never wait for
    // a writer) is set once, when the file is made; so is the schema (or what an older file lacks).
    if (this.db.pragma('journal_mode', { simple: true }) !== 'wal') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Index pages a batch touches stay in memory through it (the default cache is 2 MB).
    this.db.pragma('cache_size = -65536');
    if (!hasSchema(this.db)) this.db.exec(SCHEMA);
    this.sql = this.prepare();
    this.counters = this.readCounters();
    this.skipsComplete = this.sql.skipsMark.get() === 1;
    this.readSegments = this.sql.segments;
    if (this.sql.hasSkipsTable.get()) this.prepareSkipReads();
    this.gone = new Set((this.sql.gone.all() as Array<{ idx: number }>).map((r) => r.idx));
    this.articles = new Lru(options.articles ?? 1000);
    this.postingViews = new Lru(options.postingsBytes ?? 32 * 2 ** 20, (postings) => postings.weight);
    this.skipsFrom = options.skips?.from ?? 1024;
    this.skipsEvery = options.skips?.every ?? 128;
    this.sentenceLists = new Lru(options.sentences ?? 10_000);
    this.speakerLists = new Lru(options.speakers ?? 2000);
  }

  private readCounters(): Counters {
    const meta = new Map((this.sql.meta.all() as Array<{ k: string; v: number }>).map((r) => [r.k, r.v]));
    return { size: meta.get('size') ?? 0, sentences: meta.get('sentences') ?? 0, next: meta.get('next') ?? 0 };
  }

  /** Counters, replaced positions and caches as the file has them now (another process may have written). */
  private reload(): void {
    const now = this.readCounters();
    if (now.next === this.counters.next && now.size === this.counters.size) return;
    Object.assign(this.counters, now);
    this.gone.clear();
    for (const r of this.sql.gone.all() as Array<{ idx: number }>) this.gone.add(r.idx);
    this.postingViews.clear();
    this.articles.clear();
    this.sentenceLists.clear();
    this.speakerLists.clear();
  }

  private prepare() {
    const db = this.db;
    return {
      meta: db.prepare('SELECT k, v FROM archive_meta'),
      skipsMark: db.prepare("SELECT v FROM archive_meta WHERE k = 'skips'").pluck(),
      hasSkipsTable: db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'archive_skips'").pluck(),
      setMeta: db.prepare('INSERT INTO archive_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v'),
      gone: db.prepare('SELECT idx FROM archive_gone'),
      addGone: db.prepare('INSERT OR IGNORE INTO archive_gone (idx) VALUES (?)'),
      article: db.prepare('SELECT doc, published FROM archive_articles WHERE idx = ?'),
      doc: db.prepare('SELECT doc FROM archive_articles WHERE idx = ?').pluck(),
      indexOf: db.prepare('SELECT idx FROM archive_articles WHERE id = ?').pluck(),
      keyAt: db.prepare('SELECT key FROM archive_articles WHERE idx = ?').pluck(),
      published: db.prepare('SELECT published FROM archive_articles WHERE idx = ?').pluck(),
      publishedOf: db.prepare('SELECT idx, published FROM archive_articles WHERE idx IN (SELECT value FROM json_each(?))').raw(),
      indexes: db.prepare('SELECT idx FROM archive_articles WHERE idx > ? ORDER BY idx LIMIT ?').pluck(),
      newest: db.prepare('SELECT idx FROM archive_articles ORDER BY published DESC, idx DESC LIMIT ? OFFSET ?').pluck(),
      insertArticle: db.prepare('INSERT INTO archive_articles (idx, id, key, published, doc) VALUES (?, ?, ?, ?, ?)'),
      deleteArticle: db.prepare('DELETE FROM archive_articles WHERE idx = ?'),
      df: db.prepare('SELECT df FROM archive_terms WHERE term = ?').pluck(),
      addDf: db.prepare('INSERT INTO archive_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
      segments: db.prepare('SELECT seg, n, refs FROM archive_postings WHERE term = ? ORDER BY seg'),
      sizes: db.prepare('SELECT seg, n FROM archive_postings WHERE term = ? ORDER BY seg'),
      insertSegment: db.prepare('INSERT INTO archive_postings (term, seg, n, refs) VALUES (?, ?, ?, ?)'),
      deleteSegments: db.prepare('DELETE FROM archive_postings WHERE term = ? AND seg >= ?'),
      segment: db.prepare('SELECT n, refs FROM archive_postings WHERE term = ? AND seg = ?'),
      lookup: db.prepare('SELECT article, item, keys, words, mentions FROM archive_lookups WHERE kind = ? AND word = ? ORDER BY article DESC, item DESC LIMIT ? OFFSET ?').raw(),
      lookupCount: db.prepare('SELECT count(*) FROM archive_lookups WHERE kind = ? AND word = ?').pluck(),
      lookupCountUpTo: db.prepare('SELECT count(*) FROM (SELECT 1 FROM archive_lookups WHERE kind = ? AND word = ? LIMIT ?)').pluck(),
      insertLookup: db.prepare('INSERT OR REPLACE INTO archive_lookups (kind, word, article, item, keys, words, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      deleteLookup: db.prepare('DELETE FROM archive_lookups WHERE kind = ? AND word = ? AND article = ? AND item = ?'),
      hasHeldTable: db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'archive_held'").pluck(),
    };
  }

  /** Statements on archive_held (prepared once it exists: a file no parsed article waited in has none). */
  private prepareHeld() {
    const db = this.db;
    return {
      hold: db.prepare('INSERT OR REPLACE INTO archive_held (key, doc) VALUES (?, ?)'),
      held: db.prepare('SELECT doc FROM archive_held WHERE key = ?').pluck(),
      anyHeld: db.prepare('SELECT EXISTS (SELECT 1 FROM archive_held)').pluck(),
      unhold: db.prepare('DELETE FROM archive_held WHERE key = ?'),
    };
  }

  /** archive_held's statements if the file has the table; `make`: create it first (a writer's). */
  private heldStatements(make: boolean): ReturnType<SqliteArchive['prepareHeld']> | null {
    if (this.heldSql) return this.heldSql;
    if (!this.sql.hasHeldTable.get()) {
      if (!make) return null;
      this.db.exec(HELD_SCHEMA);
    }
    return (this.heldSql = this.prepareHeld());
  }

  /** Statements on archive_skips (prepared once it exists: a reader of an older file never makes it). */
  private prepareSkips() {
    const db = this.db;
    return {
      insert: db.prepare('INSERT OR REPLACE INTO archive_skips (term, seg, n, bytes, skips) VALUES (?, ?, ?, ?, ?)'),
      deleteFrom: db.prepare('DELETE FROM archive_skips WHERE term = ? AND seg >= ?'),
      // Long segments without skip data that describes them (none, or an older writer's segment since).
      missing: db.prepare('SELECT p.term, p.seg FROM archive_postings p LEFT JOIN archive_skips s ON s.term = p.term AND s.seg = p.seg WHERE p.n >= ? AND (s.n IS NULL OR s.n <> p.n OR s.bytes <> length(p.refs))').raw(),
    };
  }

  private prepareSkipReads(): void {
    this.skipSql = this.prepareSkips();
    this.readSegments = this.db.prepare(
      'SELECT p.seg, p.n, p.refs, s.n AS skipN, s.bytes AS skipBytes, s.skips FROM archive_postings p LEFT JOIN archive_skips s ON s.term = p.term AND s.seg = p.seg WHERE p.term = ? ORDER BY p.seg',
    );
  }

  /** What the caches hold now: parsed articles, bytes of postings, articles whose sentences alone were read. */
  get held(): { articles: number; postingsBytes: number; sentences: number } {
    return { articles: this.articles.size, postingsBytes: this.postingViews.weight, sentences: this.sentenceLists.size };
  }

  get size(): number {
    return this.counters.size;
  }

  get sentences(): number {
    return this.counters.sentences;
  }

  article(index: number): StoredArticle | undefined {
    return this.parsed(index)?.stored;
  }

  private parsed(index: number): { stored: StoredArticle; published: number | null } | undefined {
    const hit = this.articles.get(index);
    if (hit) return hit;
    const row = this.sql.article.get(index) as { doc: Buffer; published: number | null } | undefined;
    if (!row) return undefined;
    const { article, facts } = readDoc(row.doc);
    const parsed = { stored: { index, article, facts }, published: row.published };
    this.articles.set(index, parsed);
    return parsed;
  }

  sentencesOf(index: number): Sentence[] | undefined {
    return this.partOf(index, this.sentenceLists, (facts) => facts.sentences, readSentences);
  }

  speakersOf(index: number): Speakers | undefined {
    return this.partOf(index, this.speakerLists, ({ sentences, entities, quotes }) => ({ sentences, entities, quotes }), readSpeakers);
  }

  /** A part of an article's facts: from the article when it is parsed, else read alone from its document and kept in `held`. */
  private partOf<T>(index: number, held: Lru<number, T>, fromFacts: (facts: ArticleFacts) => T, read: (doc: Uint8Array) => T): T | undefined {
    const whole = this.articles.get(index);
    if (whole) return fromFacts(whole.stored.facts);
    const hit = held.get(index);
    if (hit) return hit;
    const doc = this.sql.doc.get(index) as Buffer | undefined;
    if (!doc) return undefined;
    const part = read(doc);
    held.set(index, part);
    return part;
  }

  indexOf(id: string): number | undefined {
    return (this.sql.indexOf.get(id) as number | undefined) ?? undefined;
  }

  keyAt(index: number): string | undefined {
    return (this.sql.keyAt.get(index) as string | undefined) ?? undefined;
  }

  published(index: number): number | null {
    const hit = this.articles.get(index);
    if (hit) return hit.published;
    return (this.sql.published.get(index) as number | null | undefined) ?? null;
  }

  publishedOf(indexes: readonly number[]): Array<number | null> {
    const known = new Map<number, number | null>();
    const unread: number[] = [];
    for (const index of indexes) {
      const hit = this.articles.get(index);
      if (hit) known.set(index, hit.published);
      else unread.push(index);
    }
    if (unread.length > 0) for (const [index, published] of this.sql.publishedOf.all(JSON.stringify(unread)) as Array<[number, number | null]>) known.set(index, published);
    return indexes.map((index) => known.get(index) ?? null);
  }

  indexes(after: number, limit: number): number[] {
    return this.sql.indexes.all(after, limit) as number[];
  }

  newest(offset: number, limit: number): number[] {
    return this.sql.newest.all(limit, offset) as number[];
  }

  postings(term: string): Postings {
    const hit = this.postingViews.get(term);
    if (hit) return hit;
    const segments = this.readSegments.all(term) as ReadSegment[];
    const described = (s: ReadSegment) => s.skips && s.skipN === s.n && s.skipBytes === s.refs.length;
    let postings: HeldPostings;
    if (segments.some(described)) {
      // Probed through the skip data; a segment without it (short, or written by an older version) gets its own on the way.
      const encoded = segments.map((s) => ({ bytes: s.refs, n: s.n, ...(described(s) ? decodeSkips(s.skips!) : skipsOf(s.refs, this.skipsEvery)) }));
      const view = new EncodedPostings(encoded, this.gone, () => this.postingViews.get(term) === view && this.postingViews.set(term, view));
      postings = view;
    } else {
      // No skip data (short lists; a file no writer of this version has opened yet): decoded whole.
      let list = new Float64Array(segments.reduce((n, s) => n + s.n, 0));
      let at = 0;
      for (const s of segments) at = decodeRefs(s.refs, list, at);
      if (this.gone.size > 0) list = list.filter((p) => !this.gone.has(Math.floor(p / SLOTS)));
      postings = new ArrayPostings(list);
    }
    this.postingViews.set(term, postings);
    return postings;
  }

  df(term: string): number {
    return (this.sql.df.get(term) as number | undefined) ?? 0;
  }

  lookup(kind: LookupKind, word: string, offset: number, limit: number): LookupRow[] {
    return (this.sql.lookup.all(kind, word, limit, offset) as StoredLookup[]).map(lookupRow);
  }

  lookupEvery(kind: LookupKind, words: string[], limit: number): LookupRow[] {
    const [first, ...rest] = words;
    let statement = this.everyStatements.get(rest.length);
    if (!statement) {
      const probe = 'AND EXISTS (SELECT 1 FROM archive_lookups b WHERE b.kind = a.kind AND b.word = ? AND b.article = a.article AND b.item = a.item)';
      const sql = `SELECT a.article, a.item, a.keys, a.words, a.mentions FROM archive_lookups a WHERE a.kind = ? AND a.word = ? ${rest.map(() => probe).join(' ')} ORDER BY a.article DESC, a.item DESC LIMIT ?`;
      this.everyStatements.set(rest.length, (statement = this.db.prepare(sql).raw()));
    }
    return (statement.all(kind, first, ...rest, limit) as StoredLookup[]).map(lookupRow);
  }

  lookupCount(kind: LookupKind, word: string, atMost?: number): number {
    return (atMost === undefined ? this.sql.lookupCount.get(kind, word) : this.sql.lookupCountUpTo.get(kind, word, atMost)) as number;
  }

  put(entry: ArticleEntry): StoredArticle {
    return this.putMany([entry])[0];
  }

  putMany(entries: ArticleEntry[]): StoredArticle[] {
    // Nothing to write takes no lock (a re-run whose articles are all in).
    if (entries.length === 0) return [];
    this.completeSkips();
    // Immediate: the write lock is taken first, so the counters read next are the file's latest.
    try {
      return this.db
        .transaction(() => {
          this.reload();
          return this.write(entries);
        })
        .immediate();
    } catch (e) {
      // Nothing of the batch was stored: forget what it changed in memory.
      this.counters.next = -1;
      this.reload();
      throw e;
    }
  }

  /** One small write of its own (WAL, no sync): a parsed article waits here for its batch. */
  hold(key: string, doc: Uint8Array): void {
    this.heldStatements(true)!.hold.run(key, doc);
  }

  heldFacts(key: string): ArticleFacts | undefined {
    const doc = this.heldStatements(false)?.held.get(key) as Buffer | undefined;
    return doc && readDoc(doc).facts;
  }

  private write(entries: ArticleEntry[]): StoredArticle[] {
    const sql = this.sql;
    /** term → refs this batch adds, ascending (positions grow through the batch). */
    const added = new Map<string, number[]>();
    const df = new Map<string, number>();
    const stored: StoredArticle[] = [];
    const lookups: Array<[kind: string, word: string, article: number, item: number, keys: string, words: string, mentions: number]> = [];
    for (const entry of entries) {
      const old = this.indexOf(entry.article.id);
      // Another process stored this very content since the caller looked: keep theirs.
      if (old !== undefined && !entry.replaces && this.keyAt(old) === entry.key) {
        stored.push(this.article(old)!);
        continue;
      }
      if (old !== undefined) this.remove(old, entry.replaces, df);
      const index = this.counters.next++;
      sql.insertArticle.run(index, entry.article.id, entry.key, entry.published, entry.doc ?? encodeDoc(entry.article, entry.facts));
      for (const [term, sentences] of entry.terms) {
        let list = added.get(term);
        if (!list) added.set(term, (list = []));
        for (const s of sentences) list.push(index * SLOTS + s);
        df.set(term, (df.get(term) ?? 0) + sentences.length);
      }
      for (const { kind, word, row } of entry.lookups) lookups.push([kind, word, index, row.item, JSON.stringify(row.keys), JSON.stringify(row.words), row.mentions]);
      this.counters.size++;
      this.counters.sentences += entry.sentences;
      stored.push({ index, article: entry.article, facts: entry.facts });
    }
    // In key order: each index page is visited once per batch, not once per row.
    lookups.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2] || a[3] - b[3]));
    for (const row of lookups) sql.insertLookup.run(...row);
    const byTerm = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [term, n] of byTerm(df)) if (n !== 0) sql.addDf.run(term, n);
    for (const [term, refs] of byTerm(added)) this.append(term, refs);
    for (const [k, v] of Object.entries(this.counters)) sql.setMeta.run(k, v);
    // What waited for this batch is in now (a build of a million articles held nothing: one probe).
    const held = this.heldStatements(false);
    if (held?.anyHeld.get()) for (const entry of entries) held.unhold.run(entry.key);
    stored.forEach((s, i) => this.articles.set(s.index, { stored: s, published: entries[i].published }));
    return stored;
  }

  /** Takes a replaced article out: its row, its lookups, its share of each term's count; its refs are skipped from now on. */
  private remove(index: number, replaced: ArticleEntry | undefined, df: Map<string, number>): void {
    const sql = this.sql;
    sql.deleteArticle.run(index);
    sql.addGone.run(index);
    this.gone.add(index);
    this.articles.delete(index);
    this.sentenceLists.delete(index);
    this.speakerLists.delete(index);
    this.counters.size--;
    if (!replaced) throw new Error(`SqliteArchive: article ${JSON.stringify(index)} was replaced by another process while this one replaced it; try again`);
    this.counters.sentences -= replaced.sentences;
    for (const [term, sentences] of replaced.terms) {
      df.set(term, (df.get(term) ?? 0) - sentences.length);
      this.postingViews.delete(term);
    }
    for (const { kind, word, row } of replaced.lookups) sql.deleteLookup.run(kind, word, index, row.item);
  }

  /** Adds a segment to a term, then merges the newest segments while the last is as large as the one before it. */
  private append(term: string, refs: number[]): void {
    const sql = this.sql;
    this.postingViews.delete(term);
    const sizes = sql.sizes.all(term) as Array<{ seg: number; n: number }>;
    let from = sizes.length;
    let n = refs.length;
    while (from > 0 && n >= sizes[from - 1].n) n += sizes[--from].n;
    if (from === sizes.length) {
      this.insertSegment(term, from, refs.length, encodeRefs(refs));
      return;
    }
    const merged = new Float64Array(n);
    let at = 0;
    for (const s of (sql.segments.all(term) as Segment[]).slice(from)) at = decodeRefs(s.refs, merged, at);
    merged.set(refs, at);
    const live = this.gone.size > 0 ? merged.filter((p) => !this.gone.has(Math.floor(p / SLOTS))) : merged;
    sql.deleteSegments.run(term, from);
    this.skipSql!.deleteFrom.run(term, from);
    this.insertSegment(term, from, live.length, encodeRefs(live));
  }

  /** Stores a segment, with its skip data when it is long. */
  private insertSegment(term: string, seg: number, n: number, bytes: Buffer): void {
    this.sql.insertSegment.run(term, seg, n, bytes);
    if (n >= this.skipsFrom) this.skipSql!.insert.run(term, seg, n, bytes.length, encodeSkips(skipsOf(bytes, this.skipsEvery)));
  }

  /**
   * Gives every long segment its skip data, once per file (an archive written before skip data
   * existed has none). A writer does it before its first write; a reader never writes (it
   * decodes those lists whole, as before). In transactions of its own, so what is done stays
   * done if it stops; a segment an older version writes later is read without (see postings).
   */
  completeSkips(): void {
    if (this.skipsComplete) return;
    if (!this.skipSql) {
      this.db.exec(SKIPS_SCHEMA);
      this.prepareSkipReads();
      this.postingViews.clear();
    }
    const skips = this.skipSql!;
    const progress = slowProgress();
    // The scan reads every segment's row (20 s at 1M articles): said as it goes.
    const missing: Array<[term: string, seg: number]> = [];
    for (const row of skips.missing.iterate(this.skipsFrom) as IterableIterator<[string, number]>) {
      missing.push(row);
      progress(() => `adding skip data to the archive's long postings (once): looking for them, ${missing.length} so far`);
    }
    for (let i = 0; i < missing.length; i += SKIPS_PER_TRANSACTION) {
      this.db
        .transaction(() => {
          for (const [term, seg] of missing.slice(i, i + SKIPS_PER_TRANSACTION)) {
            // Read again inside the write lock: another writer may have merged it since.
            const s = this.sql.segment.get(term, seg) as { n: number; refs: Buffer } | undefined;
            if (s && s.n >= this.skipsFrom) skips.insert.run(term, seg, s.n, s.refs.length, encodeSkips(skipsOf(s.refs, this.skipsEvery)));
          }
        })
        .immediate();
      const done = Math.min(i + SKIPS_PER_TRANSACTION, missing.length);
      progress(() => `adding skip data to the archive's long postings (once): ${done}/${missing.length} segments`, done === missing.length);
    }
    this.sql.setMeta.run('skips', 1);
    this.skipsComplete = true;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
