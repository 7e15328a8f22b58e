// The archive in a SQLite file beside the store's (better-sqlite3, synchronous; see archivePath):
// a fresh LEDE_SQLITE is a fresh archive. Opening reads three counters, never the articles:
// an id is found by an SQL index, newest-first order by an index on the publication moment.
//
// Tables:
//   archive_articles  position, id, content key, publication ms, the deflated JSON {article, facts}
//   archive_postings  term's packed refs in segments (delta varints, see codec.ts); a write adds a
//                     segment per term and merges the newest ones while they grow as large as the
//                     one before (so a term has about log2(refs) segments, each ref rewritten as often)
//   archive_terms     term → live refs (df), read without the postings
//   archive_lookups   one row per (kind, word, article, item) with what ranking and matching need
//   archive_gone      positions of replaced articles: their refs are skipped when read, and dropped
//                     when their segment is next merged
//   archive_meta      live articles, live sentences, next position
//   archive_held      documents of parsed articles not yet written, by content key (see hold), dropped
//                     as their articles are written
import Database from 'better-sqlite3';
import type { ArticleFacts, Sentence } from '../../knowledge/facts.ts';
import { decodeRefs, encodeRefs } from './codec.ts';
import { encodeDoc, readDoc, readSentences } from './doc.ts';
import { Lru } from './lru.ts';
import { SLOTS, type Archive, type ArticleEntry, type LookupKind, type LookupRow, type StoredArticle } from './types.ts';

export interface SqliteArchiveOptions {
  /** Articles kept parsed in memory (default 1000). */
  articles?: number;
  /** Decoded refs kept in memory, summed over terms (default 4M, 32 MB). */
  refs?: number;
  /** Articles whose sentences alone are kept in memory (default 10,000, about 25 MB). */
  sentences?: number;
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
CREATE TABLE IF NOT EXISTS archive_held (key TEXT PRIMARY KEY, doc BLOB NOT NULL);
`;

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

interface StoredLookup {
  article: number;
  item: number;
  keys: string;
  words: string;
  mentions: number;
}

function lookupRow(r: StoredLookup): LookupRow {
  const keys = JSON.parse(r.keys) as string[];
  // A name's words are its keys (entryFor files one list as both): parsed once.
  return { article: r.article, item: r.item, keys, words: r.words === r.keys ? keys : (JSON.parse(r.words) as string[]), mentions: r.mentions };
}

interface Segment {
  seg: number;
  n: number;
  refs: Uint8Array;
}

export class SqliteArchive implements Archive {
  private readonly db: Database.Database;
  private readonly counters: Counters;
  /** Replaced positions (few: only articles stored again with new content). */
  private readonly gone: Set<number>;
  /** Parsed articles with their publication moment (ordering a few articles reads it per comparison). */
  private readonly articles: Lru<number, { stored: StoredArticle; published: number | null }>;
  private readonly refs: Lru<string, Float64Array>;
  /** Sentences read without the rest of their article (see sentencesOf). */
  private readonly sentenceLists: Lru<number, Sentence[]>;
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
    this.gone = new Set((this.sql.gone.all() as Array<{ idx: number }>).map((r) => r.idx));
    this.articles = new Lru(options.articles ?? 1000);
    this.refs = new Lru(options.refs ?? 4_000_000, (list) => list.length);
    this.sentenceLists = new Lru(options.sentences ?? 10_000);
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
    this.refs.clear();
    this.articles.clear();
    this.sentenceLists.clear();
  }

  private prepare() {
    const db = this.db;
    return {
      meta: db.prepare('SELECT k, v FROM archive_meta'),
      setMeta: db.prepare('INSERT INTO archive_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v'),
      gone: db.prepare('SELECT idx FROM archive_gone'),
      addGone: db.prepare('INSERT OR IGNORE INTO archive_gone (idx) VALUES (?)'),
      article: db.prepare('SELECT doc, published FROM archive_articles WHERE idx = ?'),
      doc: db.prepare('SELECT doc FROM archive_articles WHERE idx = ?').pluck(),
      indexOf: db.prepare('SELECT idx FROM archive_articles WHERE id = ?').pluck(),
      keyAt: db.prepare('SELECT key FROM archive_articles WHERE idx = ?').pluck(),
      published: db.prepare('SELECT published FROM archive_articles WHERE idx = ?').pluck(),
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
      lookup: db.prepare('SELECT article, item, keys, words, mentions FROM archive_lookups WHERE kind = ? AND word = ? ORDER BY article, item LIMIT ? OFFSET ?'),
      lookupCount: db.prepare('SELECT count(*) FROM archive_lookups WHERE kind = ? AND word = ?').pluck(),
      lookupCountUpTo: db.prepare('SELECT count(*) FROM (SELECT 1 FROM archive_lookups WHERE kind = ? AND word = ? LIMIT ?)').pluck(),
      insertLookup: db.prepare('INSERT OR REPLACE INTO archive_lookups (kind, word, article, item, keys, words, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      deleteLookup: db.prepare('DELETE FROM archive_lookups WHERE kind = ? AND word = ? AND article = ? AND item = ?'),
      hold: db.prepare('INSERT OR REPLACE INTO archive_held (key, doc) VALUES (?, ?)'),
      held: db.prepare('SELECT doc FROM archive_held WHERE key = ?').pluck(),
      anyHeld: db.prepare('SELECT EXISTS (SELECT 1 FROM archive_held)').pluck(),
      unhold: db.prepare('DELETE FROM archive_held WHERE key = ?'),
    };
  }

  /** What the caches hold now: parsed articles, decoded refs, articles whose sentences alone were read. */
  get held(): { articles: number; refs: number; sentences: number } {
    return { articles: this.articles.size, refs: this.refs.weight, sentences: this.sentenceLists.size };
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
    const whole = this.articles.get(index);
    if (whole) return whole.stored.facts.sentences;
    const hit = this.sentenceLists.get(index);
    if (hit) return hit;
    const doc = this.sql.doc.get(index) as Buffer | undefined;
    if (!doc) return undefined;
    const sentences = readSentences(doc);
    this.sentenceLists.set(index, sentences);
    return sentences;
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

  indexes(after: number, limit: number): number[] {
    return this.sql.indexes.all(after, limit) as number[];
  }

  newest(offset: number, limit: number): number[] {
    return this.sql.newest.all(limit, offset) as number[];
  }

  postings(term: string): Float64Array {
    const hit = this.refs.get(term);
    if (hit) return hit;
    const segments = this.sql.segments.all(term) as Segment[];
    let list = new Float64Array(segments.reduce((n, s) => n + s.n, 0));
    let at = 0;
    for (const s of segments) at = decodeRefs(s.refs, list, at);
    if (this.gone.size > 0) list = list.filter((p) => !this.gone.has(Math.floor(p / SLOTS)));
    this.refs.set(term, list);
    return list;
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
      const sql = `SELECT a.article, a.item, a.keys, a.words, a.mentions FROM archive_lookups a WHERE a.kind = ? AND a.word = ? ${rest.map(() => probe).join(' ')} ORDER BY a.article, a.item LIMIT ?`;
      this.everyStatements.set(rest.length, (statement = this.db.prepare(sql)));
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
    this.sql.hold.run(key, doc);
  }

  heldFacts(key: string): ArticleFacts | undefined {
    const doc = this.sql.held.get(key) as Buffer | undefined;
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
    if (sql.anyHeld.get()) for (const entry of entries) sql.unhold.run(entry.key);
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
    this.counters.size--;
    if (!replaced) throw new Error(`SqliteArchive: article ${JSON.stringify(index)} was replaced by another process while this one replaced it; try again`);
    this.counters.sentences -= replaced.sentences;
    for (const [term, sentences] of replaced.terms) {
      df.set(term, (df.get(term) ?? 0) - sentences.length);
      this.refs.delete(term);
    }
    for (const { kind, word, row } of replaced.lookups) sql.deleteLookup.run(kind, word, index, row.item);
  }

  /** Adds a segment to a term, then merges the newest segments while the last is as large as the one before it. */
  private append(term: string, refs: number[]): void {
    const sql = this.sql;
    this.refs.delete(term);
    const sizes = sql.sizes.all(term) as Array<{ seg: number; n: number }>;
    let from = sizes.length;
    let n = refs.length;
    while (from > 0 && n >= sizes[from - 1].n) n += sizes[--from].n;
    if (from === sizes.length) {
      sql.insertSegment.run(term, from, refs.length, encodeRefs(refs));
      return;
    }
    const merged = new Float64Array(n);
    let at = 0;
    for (const s of (sql.segments.all(term) as Segment[]).slice(from)) at = decodeRefs(s.refs, merged, at);
    merged.set(refs, at);
    const live = this.gone.size > 0 ? merged.filter((p) => !this.gone.has(Math.floor(p / SLOTS))) : merged;
    sql.deleteSegments.run(term, from);
    sql.insertSegment.run(term, from, live.length, encodeRefs(live));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
