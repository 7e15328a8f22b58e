// The archive in a Postgres database several instances share (LEDE_POSTGRES_URL): what one
// instance adds, every other answers from. Reads are synchronous through SyncPostgres (a worker
// thread holds the connection); hot articles and postings stay in a bounded LRU here.
//
// Tables (all prefixed lede_):
//   articles  position, id, live?, content key, publication ms, sentences, its index terms, and
//             the JSON of the article and of its facts; one live row per id (a unique index)
//   postings  (term, position) → the sentence numbers holding it; packed refs are built on read
//   terms     term → live refs (df), read without the postings
//   lookups   one row per (kind, word, position, item) with what ranking and matching need
//   totals    live articles and sentences (one row)
//
// Other instances' writes: each write transaction NOTIFYs `lede_archive` with the positions it
// replaced; every instance LISTENs, and before a read drops what a write may have changed: its
// postings, lookups and totals, and the replaced articles (an article at a position otherwise
// never changes, so the article LRU survives other instances' writes).
import { safeUrl } from '../log.ts';
import { Lru } from './lru.ts';
import { ArrayPostings } from './postings.ts';
import { SyncPostgres } from './pg-sync.ts';
import { latestFirst, SLOTS, type Archive, type ArticleEntry, type LookupKind, type LookupRow, type StoredArticle } from './types.ts';

export interface PostgresArchiveOptions {
  /** Articles kept parsed in memory (default 1000). */
  articles?: number;
  /** Postings refs kept in memory, summed over terms (default 4M, 32 MB). */
  refs?: number;
  /** Lookup rows kept in memory, summed over words (default 200k). */
  lookups?: number;
  /** How long one read or write may take before it throws (default 10 s). */
  timeoutMs?: number;
}

const CHANNEL = 'lede_archive';
/** A NOTIFY payload must stay under 8000 bytes: past this many replaced positions, say "anything". */
const MAX_NOTIFIED = 600;
/** Serialises schema creation when several instances start at once (an arbitrary constant). */
const SCHEMA_LOCK = 4_015_015;

const SCHEMA = [
  `SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`,
  `CREATE SEQUENCE IF NOT EXISTS lede_position MINVALUE 0 START 0`,
  `CREATE TABLE IF NOT EXISTS lede_articles (
     idx int PRIMARY KEY, id text NOT NULL, live boolean NOT NULL, key text NOT NULL, published double precision,
     sentences int NOT NULL, terms text[] NOT NULL, article text NOT NULL, facts text NOT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS lede_articles_live_id ON lede_articles (id) WHERE live`,
  `CREATE INDEX IF NOT EXISTS lede_articles_newest ON lede_articles (published DESC NULLS LAST, idx DESC) WHERE live`,
  `CREATE TABLE IF NOT EXISTS lede_postings (term text NOT NULL, idx int NOT NULL, sentences int[] NOT NULL, PRIMARY KEY (term, idx))`,
  `CREATE TABLE IF NOT EXISTS lede_terms (term text PRIMARY KEY, df bigint NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS lede_lookups (
     kind text NOT NULL, word text NOT NULL, idx int NOT NULL, item int NOT NULL,
     keys text[] NOT NULL, words text[] NOT NULL, mentions int NOT NULL, PRIMARY KEY (kind, word, idx, item))`,
  `CREATE INDEX IF NOT EXISTS lede_lookups_idx ON lede_lookups (idx)`,
  `CREATE TABLE IF NOT EXISTS lede_totals (one boolean PRIMARY KEY DEFAULT true CHECK (one), live bigint NOT NULL, sentences bigint NOT NULL)`,
  `INSERT INTO lede_totals VALUES (true, 0, 0) ON CONFLICT DO NOTHING`,
].map((sql) => ({ sql }));

// One write, in order, in one transaction. Ragged lists (sentence numbers, keys) travel as JSON
// text, since unnest cannot take arrays of unequal arrays.
const WRITE = {
  /** Takes the live articles with these ids out (they are being replaced): rows, postings, counts, lookups; notifies. */
  replace: `
    WITH old AS (UPDATE lede_articles SET live = false WHERE id = ANY($1::text[]) AND live RETURNING idx, sentences, terms),
    gone AS (DELETE FROM lede_postings p USING old WHERE p.term = ANY(old.terms) AND p.idx = old.idx RETURNING p.term, cardinality(p.sentences) AS n),
    df AS (UPDATE lede_terms t SET df = t.df - g.n FROM (SELECT term, sum(n) AS n FROM gone GROUP BY term) g WHERE t.term = g.term),
    lookups AS (DELETE FROM lede_lookups l USING old WHERE l.idx = old.idx),
    totals AS (UPDATE lede_totals SET live = live - (SELECT count(*) FROM old), sentences = sentences - (SELECT coalesce(sum(sentences), 0) FROM old))
    SELECT gone, pg_notify('${CHANNEL}', CASE WHEN n > ${MAX_NOTIFIED} THEN '*' ELSE gone END)
    FROM (SELECT coalesce(json_agg(idx), '[]')::text AS gone, count(*) AS n FROM old) AS replaced`,
  articles: `
    INSERT INTO lede_articles (idx, id, live, key, published, sentences, terms, article, facts)
    SELECT idx, id, true, key, published, sentences, ARRAY(SELECT json_array_elements_text(terms::json)), article, facts
    FROM unnest($1::int[], $2::text[], $3::text[], $4::float8[], $5::int[], $6::text[], $7::text[], $8::text[])
      AS u(idx, id, key, published, sentences, terms, article, facts)`,
  postings: `
    INSERT INTO lede_postings (term, idx, sentences)
    SELECT term, idx, ARRAY(SELECT json_array_elements_text(sentences::json)::int)
    FROM unnest($1::text[], $2::int[], $3::text[]) AS u(term, idx, sentences)`,
  // Terms sorted, so two writers lock the rows they share in the same order (no deadlock).
  terms: `
    INSERT INTO lede_terms (term, df) SELECT * FROM unnest($1::text[], $2::bigint[])
    ON CONFLICT (term) DO UPDATE SET df = lede_terms.df + excluded.df`,
  lookups: `
    INSERT INTO lede_lookups (kind, word, idx, item, keys, words, mentions)
    SELECT kind, word, idx, item, ARRAY(SELECT json_array_elements_text(keys::json)), ARRAY(SELECT json_array_elements_text(words::json)), mentions
    FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[]) AS u(kind, word, idx, item, keys, words, mentions)`,
  totals: `UPDATE lede_totals SET live = live + $1, sentences = sentences + $2`,
};

const READ = {
  article: 'SELECT live, key, published, article, facts FROM lede_articles WHERE idx = $1',
  indexOf: 'SELECT idx FROM lede_articles WHERE id = $1 AND live',
  liveKeys: 'SELECT id, idx, key FROM lede_articles WHERE id = ANY($1) AND live',
  indexes: 'SELECT idx FROM lede_articles WHERE live AND idx > $1 ORDER BY idx LIMIT $2',
  newest: 'SELECT idx FROM lede_articles WHERE live ORDER BY published DESC NULLS LAST, idx DESC OFFSET $1 LIMIT $2',
  postings: 'SELECT idx, sentences FROM lede_postings WHERE term = $1 ORDER BY idx',
  df: 'SELECT df FROM lede_terms WHERE term = $1',
  lookups: 'SELECT idx, item, keys, words, mentions FROM lede_lookups WHERE kind = $1 AND word = $2 ORDER BY idx, item',
  totals: 'SELECT live, sentences FROM lede_totals',
  positions: `SELECT nextval('lede_position')::int AS idx FROM generate_series(1, $1)`,
};

/** SQLSTATEs of a write that lost a race with another instance's: tried again. */
const RETRY = new Set(['23505', '40P01', '40001']);
const ATTEMPTS = 3;

/** A row of lede_articles as far as this instance keeps it; null = replaced (for good: positions are never reused). */
type Held = { stored: StoredArticle; key: string; published: number | null } | null;

export class PostgresArchive implements Archive {
  private readonly db: SyncPostgres;
  private readonly articles: Lru<number, Held>;
  private readonly refs: Lru<string, Float64Array>;
  private readonly lookupRows: Lru<string, LookupRow[]>;
  /** Reads that any write may change, dropped on every notification. */
  private readonly small = new Map<string, unknown>();
  /** Writes seen: this instance's and those notified by others. */
  private writes = 0;

  constructor(url: string, options: PostgresArchiveOptions = {}) {
    this.db = new SyncPostgres(url, { timeoutMs: options.timeoutMs, listen: CHANNEL });
    try {
      this.db.transaction(SCHEMA);
    } catch (e) {
      this.db.close();
      // The URL as it may be shown: LEDE_POSTGRES_URL usually holds a password.
      throw new Error(`cannot open the archive in Postgres at ${safeUrl(url)}: ${(e as Error).message}`);
    }
    this.articles = new Lru(options.articles ?? 1000);
    this.refs = new Lru(options.refs ?? 4_000_000, (list) => list.length + 1);
    this.lookupRows = new Lru(options.lookups ?? 200_000, (rows) => rows.length + 1);
  }

  get writesSeen(): number {
    this.catchUp();
    return this.writes;
  }

  get size(): number {
    return this.totals().live;
  }

  get sentences(): number {
    return this.totals().sentences;
  }

  article(index: number): StoredArticle | undefined {
    return this.held(index)?.stored;
  }

  indexOf(id: string): number | undefined {
    return this.remembered(`id:${id}`, () => this.db.query<{ idx: number }>(READ.indexOf, [id]).rows[0]?.idx);
  }

  keyAt(index: number): string | undefined {
    return this.held(index)?.key;
  }

  published(index: number): number | null {
    return this.held(index)?.published ?? null;
  }

  indexes(after: number, limit: number): number[] {
    this.catchUp();
    return this.db.query<{ idx: number }>(READ.indexes, [after, limit]).rows.map((r) => r.idx);
  }

  newest(offset: number, limit: number): number[] {
    return this.remembered(`newest:${offset}:${limit}`, () => this.db.query<{ idx: number }>(READ.newest, [offset, limit]).rows.map((r) => r.idx));
  }

  /** Decoded whole: Postgres holds a term's refs as a row per article, all read at once anyway. */
  postings(term: string): ArrayPostings {
    this.catchUp();
    const hit = this.refs.get(term);
    if (hit) return new ArrayPostings(hit);
    const rows = this.db.query<{ idx: number; sentences: number[] }>(READ.postings, [term]).rows;
    const list = new Float64Array(rows.reduce((n, r) => n + r.sentences.length, 0));
    let at = 0;
    for (const r of rows) for (const s of r.sentences) list[at++] = r.idx * SLOTS + s;
    this.refs.set(term, list);
    return new ArrayPostings(list);
  }

  df(term: string): number {
    this.catchUp();
    const hit = this.refs.get(term);
    if (hit) return hit.length;
    return this.remembered(`df:${term}`, () => Number(this.db.query<{ df: string }>(READ.df, [term]).rows[0]?.df ?? 0));
  }

  lookup(kind: LookupKind, word: string, offset: number, limit: number): LookupRow[] {
    return latestFirst(this.lookupsOf(kind, word), offset, limit);
  }

  lookupCount(kind: LookupKind, word: string): number {
    return this.lookupsOf(kind, word).length;
  }

  put(entry: ArticleEntry): StoredArticle {
    return this.putMany([entry])[0];
  }

  putMany(entries: ArticleEntry[]): StoredArticle[] {
    if (!entries.length) return [];
    // The same content already stored under its id (another instance got there first) stays as it is.
    const live = new Map(this.db.query<{ id: string; idx: number; key: string }>(READ.liveKeys, [entries.map((e) => e.article.id)]).rows.map((r) => [r.id, r]));
    const unchanged = (e: ArticleEntry) => {
      const row = live.get(e.article.id);
      return row && !e.replaces && row.key === e.key ? this.article(row.idx) : undefined;
    };
    const positions = this.db.query<{ idx: number }>(READ.positions, [entries.length]).rows.map((r) => r.idx);
    const stored = entries.map((e, i): StoredArticle => unchanged(e) ?? { index: positions[i], article: e.article, facts: e.facts });
    // Within one batch the later entry with an id replaces the earlier: only the last is written.
    const last = new Map(entries.map((e, i) => [e.article.id, i]));
    const kept = entries.map((e, i) => ({ e, index: positions[i], i })).filter(({ e, index, i }) => last.get(e.article.id) === i && stored[i].index === index);
    if (!kept.length) return stored;
    const statements = writeStatements(kept);
    let gone: string;
    for (let attempt = 1; ; attempt++) {
      try {
        gone = (this.db.transaction(statements)[0].rows[0] as { gone: string }).gone;
        break;
      } catch (e) {
        // Another instance stored one of these ids, or locked the same rows, at the same moment.
        const code = (e as { code?: string }).code;
        if (attempt === ATTEMPTS || !code || !RETRY.has(code)) throw e;
      }
    }
    // Our own write is seen at once here; others see it when its notification arrives.
    this.forget(gone);
    for (const { e, index, i } of kept) this.articles.set(index, { stored: stored[i], key: e.key, published: e.published });
    return stored;
  }

  close(): void {
    this.db.close();
  }

  private held(index: number): Held | undefined {
    this.catchUp();
    const hit = this.articles.get(index);
    if (hit !== undefined) return hit;
    const row = this.db.query<{ live: boolean; key: string; published: number | null; article: string; facts: string }>(READ.article, [index]).rows[0];
    if (!row) return undefined; // never used (yet): not remembered
    const held: Held = row.live ? { stored: { index, article: JSON.parse(row.article), facts: JSON.parse(row.facts) }, key: row.key, published: row.published } : null;
    this.articles.set(index, held);
    return held;
  }

  private lookupsOf(kind: LookupKind, word: string): LookupRow[] {
    this.catchUp();
    const key = `${kind}:${word}`;
    const hit = this.lookupRows.get(key);
    if (hit) return hit;
    const rows = this.db
      .query<{ idx: number; item: number; keys: string[]; words: string[]; mentions: number }>(READ.lookups, [kind, word])
      .rows.map((r) => ({ article: r.idx, item: r.item, keys: r.keys, words: r.words, mentions: r.mentions }));
    this.lookupRows.set(key, rows);
    return rows;
  }

  private totals(): { live: number; sentences: number } {
    return this.remembered('totals', () => {
      const row = this.db.query<{ live: string; sentences: string }>(READ.totals).rows[0];
      return { live: Number(row.live), sentences: Number(row.sentences) };
    });
  }

  /** A small read kept until the next write (ours or another instance's). */
  private remembered<T>(key: string, read: () => T): T {
    this.catchUp();
    if (this.small.has(key)) return this.small.get(key) as T;
    const value = read();
    this.small.set(key, value);
    return value;
  }

  /** Applies the writes other instances have notified since the last read. */
  private catchUp(): void {
    for (const payload of this.db.notifications()) this.forget(payload);
  }

  /** After a write: `payload` lists the replaced positions as JSON, or is '*' (anything may have changed). */
  private forget(payload: string): void {
    this.writes++;
    this.small.clear();
    this.refs.clear();
    this.lookupRows.clear();
    if (payload === '*') this.articles.clear();
    else for (const index of JSON.parse(payload) as number[]) this.articles.set(index, null);
  }
}

/** The statements of one write (see WRITE), for entries with distinct ids at their new positions. */
function writeStatements(kept: Array<{ e: ArticleEntry; index: number }>) {
  const postings = { term: [] as string[], idx: [] as number[], sentences: [] as string[] };
  const df = new Map<string, number>();
  const lookups = { kind: [] as string[], word: [] as string[], idx: [] as number[], item: [] as number[], keys: [] as string[], words: [] as string[], mentions: [] as number[] };
  for (const { e, index } of kept) {
    for (const [term, sentences] of e.terms) {
      postings.term.push(term);
      postings.idx.push(index);
      postings.sentences.push(JSON.stringify(sentences));
      df.set(term, (df.get(term) ?? 0) + sentences.length);
    }
    // One row per (kind, word, item): the last wins, as a row stored twice would.
    const rows = new Map(e.lookups.map((l) => [`${l.kind}\u0000${l.word}\u0000${l.row.item}`, l]));
    for (const { kind, word, row } of rows.values()) {
      lookups.kind.push(kind);
      lookups.word.push(word);
      lookups.idx.push(index);
      lookups.item.push(row.item);
      lookups.keys.push(JSON.stringify(row.keys));
      lookups.words.push(JSON.stringify(row.words));
      lookups.mentions.push(row.mentions);
    }
  }
  const terms = [...df.keys()].sort();
  const column = <T>(pick: (x: { e: ArticleEntry; index: number }) => T) => kept.map(pick);
  return [
    { sql: WRITE.replace, params: [column(({ e }) => e.article.id)] },
    {
      sql: WRITE.articles,
      params: [
        column(({ index }) => index),
        column(({ e }) => e.article.id),
        column(({ e }) => e.key),
        column(({ e }) => e.published),
        column(({ e }) => e.sentences),
        column(({ e }) => JSON.stringify([...e.terms.keys()])),
        column(({ e }) => JSON.stringify(e.article)),
        column(({ e }) => JSON.stringify(e.facts)),
      ],
    },
    { sql: WRITE.postings, params: [postings.term, postings.idx, postings.sentences] },
    { sql: WRITE.terms, params: [terms, terms.map((t) => df.get(t)!)] },
    { sql: WRITE.lookups, params: [lookups.kind, lookups.word, lookups.idx, lookups.item, lookups.keys, lookups.words, lookups.mentions] },
    { sql: WRITE.totals, params: [kept.length, kept.reduce((n, { e }) => n + e.sentences, 0)] },
  ];
}
