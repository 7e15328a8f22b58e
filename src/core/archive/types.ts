// The archive: every article ever ingested into a store, its facts, and the index answering
// reads (term postings, name/role/speaker lookups, publication order). The Library is a thin
// layer over it; an implementation may keep it in memory (memory.ts), in the store's SQLite file
// (sqlite.ts) or in a shared engine. Reads are synchronous (answering is), the surface is
// row-shaped (no callbacks), and what an article adds to the index is computed once, by the
// Library (`ArticleEntry`), so every implementation stores the same rows and ranks the same.
import type { Article, ArticleFacts, Sentence } from '../../knowledge/facts.ts';

/** Sentence numbers per article in a packed ref (article * SLOTS + sentence). */
export const SLOTS = 4096;
/** The sentence number of an article's title: a match on it leads to the article. */
export const TITLE = SLOTS - 1;

/** An article of the archive with its facts, at its position (`index`, stable for its life). */
export interface StoredArticle {
  index: number;
  article: Article;
  facts: ArticleFacts;
}

/** What a speaker's quotes are found and placed by in an article: its entities, quotes and sentences (see Archive.speakersOf). */
export type Speakers = Pick<ArticleFacts, 'sentences' | 'entities' | 'quotes'>;

export type LookupKind = 'name' | 'role' | 'speaker';

/**
 * One entry of a name, role or speaker lookup: which article's entity (`item` = its position in
 * facts.entities) or quote (facts.quotes), with what a multi-word query is matched against, so a
 * lookup never loads the article. E.g. the entity "Maria Ortiz" (alias "Ortiz") is found under
 * the words "maria" and "ortiz", each row holding keys ["maria ortiz", "ortiz"].
 */
export interface LookupRow {
  article: number;
  item: number;
  /** lookupKey of the entity's name and each alias (empty for a speaker). */
  keys: string[];
  /** The texts whose words must hold every query word: the keys (name), the roles (role), the speaker's name and description (speaker). */
  words: string[];
  /** How often the entity is mentioned (0 for a speaker): a better-known entity ranks first. */
  mentions: number;
}

/** `lookup` over one word's rows held in (article, item) order: the latest first, from `offset`, at most `limit`. */
export function latestFirst(rows: LookupRow[], offset: number, limit: number): LookupRow[] {
  const end = Math.max(0, rows.length - offset);
  return rows.slice(Math.max(0, end - limit), end).reverse();
}

/** What one article adds to the archive, computed by the Library (the one definition of terms and lookups). */
export interface ArticleEntry {
  article: Article;
  facts: ArticleFacts;
  /** The content key (extractor version + content hash): a reload of the same content is skipped. */
  key: string;
  /** Publication moment in ms since the epoch (Date.parse), null when undated or unreadable. */
  published: number | null;
  /** Index term → the sentence numbers (0..TITLE, ascending, no repeats) of this article holding it. */
  terms: Map<string, number[]>;
  /** Sentences indexed (at most TITLE): the collection size rarity is measured against. */
  sentences: number;
  lookups: Array<{ kind: LookupKind; word: string; row: Omit<LookupRow, 'article'> }>;
  /** The stored document (encodeDoc of article and facts) when a work thread made it; else the archive makes it. */
  doc?: Uint8Array;
  /** The entry of the live article this one replaces (same id), when there is one: what leaves the index. */
  replaces?: ArticleEntry;
}

/**
 * A term's packed sentence refs, ascending, without repeats: a long list is probed where it is
 * stored, a short one walked. Ranking probes each of a few thousand candidates in a list of
 * millions ("million" at 1M articles), so a probe must not decode the whole list.
 */
export interface Postings extends Iterable<number> {
  readonly length: number;
  /** Whether the list holds the ref. Cheapest when successive probes ascend (they walk forward). */
  contains(ref: number): boolean;
  /** Those of the ascending refs that the list holds, in order (one walk, not a probe each: a long list narrowed by another). */
  intersect(sorted: ArrayLike<number>): number[];
  /** Whether the list holds a ref from lo to hi (both included): an article's sentences, say. */
  anyInRange(lo: number, hi: number): boolean;
  /** Every ref, in order (for the short lists a search walks). */
  toArray(): ArrayLike<number>;
}

export interface Archive {
  /** Live articles (a replaced article counts once). */
  readonly size: number;
  /**
   * Shared engines only: every write this archive has seen, its own and other instances'. A list
   * derived from the archive (e.g. the Library's newest-first list) is read again when it moves.
   */
  readonly writesSeen?: number;
  /** Sentences indexed across live articles. */
  readonly sentences: number;
  /** The article at a position; undefined for a position never used or replaced. */
  article(index: number): StoredArticle | undefined;
  /**
   * Optional: the sentences of the article at a position without its text and other facts (a
   * ranking that only asks "is this sentence a caption?" of a hundred articles reads less);
   * the Library falls back to article(index).facts.sentences.
   */
  sentencesOf?(index: number): Sentence[] | undefined;
  /**
   * Optional: the entities, quotes and sentences of the article at a position without its text
   * and other facts ("what did AP say" reads sixty articles to find AP's quotes); the Library
   * falls back to article(index).facts.
   */
  speakersOf?(index: number): Speakers | undefined;
  /** Position of the live article with this id. */
  indexOf(id: string): number | undefined;
  /** Content key the live article at this position was stored with. */
  keyAt(index: number): string | undefined;
  /** Publication moment (ms) of the article at a position; null when undated. */
  published(index: number): number | null;
  /**
   * Optional: published() of many positions in one read (same order). Ordering the 2,000
   * articles that quote "AP" at 1M articles by recency is one statement, not 2,000.
   */
  publishedOf?(indexes: readonly number[]): Array<number | null>;
  /** Live positions, ascending, after `after` (-1 for the start), at most `limit`. */
  indexes(after: number, limit: number): number[];
  /** Live positions newest first (by publication moment, then the later added; undated last), from `offset`, at most `limit`. */
  newest(offset: number, limit: number): number[];
  /** The packed refs of every live sentence holding the term. */
  postings(term: string): Postings;
  /** How many live sentences hold the term (= postings(term).length, without reading them). */
  df(term: string): number;
  /**
   * Entries for one word, the latest added first ((article, item) descending), from `offset`, at
   * most `limit`: a name quoted in 100,000 articles is read from its newest mentions, not its oldest.
   */
  lookup(kind: LookupKind, word: string, offset: number, limit: number): LookupRow[];
  /**
   * Optional: the entries filed under every one of the words, the latest added first, at most
   * `limit`; words[0]'s list is walked, the others probed (put the rarest first). "N.J." at 1M
   * articles: a probe per "j" entry instead of copying 60,000 entries to test their words.
   */
  lookupEvery?(kind: LookupKind, words: string[], limit: number): LookupRow[];
  /**
   * How many entries one word has; given `atMost`, it may stop counting there (any count from
   * `atMost` up means "at least that many"): a word as common as "ap" has 100,000 at 1M articles.
   */
  lookupCount(kind: LookupKind, word: string, atMost?: number): number;
  /**
   * Optional, for a process that will write (a bot, an ingest), before it starts: adds what an
   * older version's file lacks (SQLite: skip data of long postings, 26 s once at 1M articles),
   * so the first write of a running bot does not stall its event loop for it.
   */
  completeSkips?(): void;
  /**
   * Adds an article, or replaces the live one with its id: the replacement takes a new
   * position, the old one reads as gone (never a stale sentence of the old text).
   */
  put(entry: ArticleEntry): StoredArticle;
  /** put() for many, in one transaction: all are stored, or (the process died) none. Drops what was held under their keys (see hold). */
  putMany(entries: ArticleEntry[]): StoredArticle[];
  /**
   * Optional: keeps a parsed article's stored document under its content key until the article
   * itself is written. An ingest writes articles in batches of hundreds; a run killed before its
   * batch is written loses no parsed facts, and the facts live in the archive alone (no copy in
   * the store's facts cache). Without it the Library holds them in the facts cache.
   */
  hold?(key: string, doc: Uint8Array): void;
  /** The facts held under a content key (see hold), until their article is written. */
  heldFacts?(key: string): ArticleFacts | undefined;
  close(): void;
}
