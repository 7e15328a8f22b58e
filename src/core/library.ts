// Loaded articles, their facts, and the indexes answering uses: words → sentences, names →
// entities. Facts are computed once per article content and kept, so a restart never runs the
// tagger on what it has read: with the article in a stored archive (a file, a shared database),
// or in the store's facts cache beside an archive in memory (Redis without Postgres).
import type Keyv from 'keyv';
import { extractFacts, extractorVersion } from '../knowledge/extract.ts';
import { FACTS_SCHEMA_VERSION, type Article, type ArticleFacts, type Entity } from '../knowledge/facts.ts';
import { contentHash, type LoadProblem } from '../knowledge/ingest/index.ts';
import { encodeDoc } from './archive/doc.ts';
import { MemoryArchive } from './archive/memory.ts';
import { SLOTS, TITLE, type Archive, type ArticleEntry, type LookupKind, type LookupRow, type Postings, type Speakers, type StoredArticle } from './archive/types.ts';

/** How an article's facts are computed: in this thread by default, or by a work pool. */
export type Extractor = (article: Article) => Promise<ArticleFacts>;

const inThisThread: Extractor = async (article) => extractFacts(article);

/**
 * An article's facts with its entry ready to write (the stored document made too), all computed
 * off the main thread by a work thread; the article itself is not sent back (the caller has it).
 */
export type PreparedEntry = Omit<ArticleEntry, 'article' | 'replaces'>;

/** How an ingest has an article's facts and entry computed together (a work thread's 'entry' task). */
export type Preparer = (article: Article, key: string) => Promise<PreparedEntry>;

/** An article to write: its facts, and its entry when a work thread prepared it. */
export interface Insertable {
  article: Article;
  facts: ArticleFacts;
  entry?: ArticleEntry;
}

/** Articles whose facts are being computed at once during a load (keeps a pool's threads busy). */
const LOAD_WINDOW = 4;

/** An article of the library with its facts, at its position (see Archive). */
export type LoadedArticle = StoredArticle;

/** A sentence of a loaded article. */
export interface SentenceRef {
  article: number;
  sentence: number;
}

/** A quote of a loaded article. */
export interface QuoteRef {
  article: number;
  quote: number;
}

export interface EntityRef {
  article: number;
  /** The entity's position in the article's facts.entities. */
  item: number;
  /** Read from the article's facts when first used. */
  readonly entity: Entity;
  /** lookupKey of the entity's name and each alias, computed once when indexed. */
  keys: string[];
}

const STOP = new Set(
  ('a an and are as at be been being but by did do does for from had has have he her hers him his how i if in into is it its ' +
    'me my no nor not of on or our she so than that the their them they this those to too us was we were what when where which ' +
    'who whom whose why will with would you your about after again also any can could there these then s t said says say')
    .split(' '),
);

/** Index terms of a text: lower-case words, light plural/verb stripping, stop words out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

// Common irregular past forms, so "shot" finds "shooting" and "fell" finds "fall".
const IRREGULAR: Record<string, string> = Object.fromEntries(
  ('shot:shoot fell:fall fallen:fall found:find told:tell took:take taken:take left:leave fled:flee hit:hit ran:run won:win lost:lose ' +
    'made:make held:hold began:begin begun:begin broke:break broken:break brought:bring bought:buy caught:catch chose:choose ' +
    'drove:drive driven:drive fought:fight flew:fly gave:give given:give went:go gone:go grew:grow hid:hide kept:keep knew:know ' +
    'known:know led:lead met:meet paid:pay rode:ride rose:rise sent:send sold:sell spoke:speak spoken:speak stole:steal stolen:steal ' +
    'struck:strike swore:swear taught:teach threw:throw thrown:throw woke:wake wore:wear wrote:write written:write built:build ' +
    'dealt:deal drew:draw fed:feed felt:feel got:get heard:hear hung:hang laid:lay meant:mean shook:shake sank:sink sat:sit slept:sleep ' +
    'spent:spend stood:stand stuck:stick swept:sweep swam:swim tore:tear died:die dies:die killed:kill saw:see seen:see came:come ' +
    'became:become born:bear bore:bear arose:arise blew:blow dug:dig forgot:forget froze:freeze lay:lie lit:light slid:slide ' +
    'sought:seek thought:think understood:understand withdrew:withdraw injured:injure injuries:injure injury:injure ' +
    // Chat words for what news writes out, so "celebs" finds "celebrities".
    'celeb:celebrity celebs:celebrity grandpa:grandfather grandma:grandmother granddad:grandfather ' +
    'dad:father kid:child kids:child children:child cop:police cops:police pic:photo pics:photo')
    .split(' ')
    .map((pair) => pair.split(':')),
);

/** At most this many entries from a name, role or speaker lookup. */
const MATCHES = 2000;
/** A lookup word with this many entries is common: which of two common words is walked matters little. */
const RARE_ENOUGH = 10 * MATCHES;

/**
 * A function of a string whose answers are kept: words and names repeat across sentences and
 * articles ("said" 50 times an article). The memo starts afresh past `limit` entries.
 */
function memoised(fn: (text: string) => string, limit = 200_000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      if (memo.size >= limit) memo.clear();
      memo.set(text, (value = fn(text)));
    }
    return value;
  };
}

/** A deliberately small stemmer: enough to match "shot"/"shooting", "arrests"/"arrested". Memoised: index terms repeat. */
export const stem = memoised(stemWord, 50_000);

function stemWord(w: string): string {
  const irregular = IRREGULAR[w];
  if (irregular) return base(irregular);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return base(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return base(w.slice(0, -2));
  if (w.endsWith('es') && w.length > 4 && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return base(w.slice(0, -1));
  return base(w);
}

/** "concede"/"conced(ed)" and "stopp(ed)"/"stop" meet at one form. */
function base(w: string): string {
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) return w.slice(0, -1);
  if (w.length > 3 && /([bgmnprt])\1$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * The form a name is looked up by across the archive: lower case, accents folded, letters and
 * digits only, so "José López" and "jose lopez" meet and "U.S." is the words "u s". Not the
 * knowledge layer's nameKey (the identity of a name within one article, where "U.S." is "us"):
 * this one is stored in every archive's lookup rows. Memoised: names repeat.
 */
export const lookupKey = memoised(normaliseName);

function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How many candidate sentences the rare terms of a query may gather. */
const CANDIDATES = 3000;

/** The refs that pass a test, in their order. */
function keep(refs: ArrayLike<number>, test: (ref: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < refs.length; i++) if (test(refs[i])) out.push(refs[i]);
  return out;
}

/**
 * The first `k` of positions 0..n-1 in the order `compare` gives (a total order), as sorting
 * them all would list them, without sorting them all: a word as common as "year" makes a
 * million candidates of which a search returns twenty. A heap holds the k best so far, worst on top.
 */
function firstInOrder(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && compare(heap[l], heap[worst]) > 0) worst = l;
      if (r < heap.length && compare(heap[r], heap[worst]) > 0) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  };
  for (let i = 0; i < n && k > 0; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1, up = (at - 1) >> 1; at > 0 && compare(heap[at], heap[up]) > 0; at = up, up = (at - 1) >> 1) [heap[at], heap[up]] = [heap[up], heap[at]];
    } else if (compare(i, heap[0]) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(compare);
}

/** Publication moment in ms, null when undated or unreadable ("December 1, 2025" reads; "soon" does not). */
function publishedMs(article: Article): number | null {
  const t = article.published ? Date.parse(article.published) : NaN;
  return Number.isNaN(t) ? null : t;
}

/** Words of a name or description that a lookup files it under. */
function lookupWords(text: string, keep: (w: string) => boolean): Set<string> {
  return new Set(lookupKey(text).split(' ').filter(keep));
}
const isWord = (w: string) => w !== '';
const isRoleWord = (w: string) => w.length > 1 && !STOP.has(w);
const isSpeakerWord = (w: string) => w !== '' && !STOP.has(w);

/** What an article adds to the index: its terms per sentence, its names, roles and speakers. */
export function entryFor(article: Article, facts: ArticleFacts, key: string): ArticleEntry {
  const index = new Map<string, number[]>();
  const add = (term: string, sentence: number) => {
    let list = index.get(term);
    if (!list) index.set(term, (list = []));
    if (list[list.length - 1] !== sentence) list.push(sentence);
  };
  const sentences = facts.sentences.slice(0, TITLE);
  sentences.forEach((s, si) => {
    for (const t of terms(article.text.slice(s.start, s.end))) add(t, si);
  });
  // The title counts as sentence TITLE so a match on it leads to the article.
  if (article.title) for (const t of terms(article.title)) add(t, TITLE);
  const lookups: ArticleEntry['lookups'] = [];
  facts.quotes.forEach((quote, qi) => {
    if (!quote.speaker) return;
    const words = [quote.speaker.name ?? '', quote.speaker.text];
    for (const word of lookupWords(words.join(' '), isSpeakerWord)) lookups.push({ kind: 'speaker', word, row: { item: qi, keys: [], words, mentions: 0 } });
  });
  facts.entities.forEach((entity, ei) => {
    const keys = [entity.name, ...entity.aliases].map(lookupKey);
    // Facts from a faulty extractor may lack mentions: indexing takes them as none, answering copes.
    const mentions = Array.isArray(entity.mentions) ? entity.mentions.length : 0;
    for (const word of lookupWords(keys.join(' '), isWord)) lookups.push({ kind: 'name', word, row: { item: ei, keys, words: keys, mentions } });
    for (const word of lookupWords(entity.roles.join(' '), isRoleWord)) lookups.push({ kind: 'role', word, row: { item: ei, keys, words: entity.roles, mentions } });
  });
  return { article, facts, key, published: publishedMs(article), terms: index, sentences: sentences.length, lookups };
}

/** What a work thread computes for an article whose facts it extracted: the entry and the stored document. */
export function preparedEntry(article: Article, facts: ArticleFacts, key: string): PreparedEntry {
  const { article: _article, ...entry } = entryFor(article, facts, key);
  return { ...entry, doc: encodeDoc(article, facts) };
}

// A recency value packs (publication second, position) into one exact, non-negative number:
// seconds from 2017 (clamped to ±68 years, 1949–2085), newest smallest, times POSITIONS, plus
// the position, latest smallest; dated values stay below 2^53, where doubles are exact, and
// undated articles come after them, spaced by 2 (the step of doubles from 2^53 to 2^54).
const POSITIONS = 2 ** 21;
const EPOCH_SECONDS = 1.5e9;
const SECONDS = 2 ** 31;
const UNDATED = 2 ** 53;

/** The recency (see Library.recency) of the article at a position published at `t` (ms; null when undated). */
function recencyOf(index: number, t: number | null): number {
  const latest = POSITIONS - 1 - Math.min(index, POSITIONS - 1);
  if (t === null) return UNDATED + 2 * latest;
  const second = Math.max(-SECONDS, Math.min(SECONDS - 1, Math.floor(t / 1000) - EPOCH_SECONDS));
  return (SECONDS - 1 - second) * POSITIONS + latest;
}

export class Library {
  /** Counters for `lede status` and the cache tests. */
  readonly stats = { parsed: 0, cached: 0 };
  /** Every article newest first, as a list read on demand (see `newestFirst`). */
  private everyNewest: LoadedArticle[] | null = null;
  /** Writes through this library so far: a change makes a new newest-first list. */
  private writes = 0;
  private everyNewestWrites = -1;

  /** `version` defaults to the extractor's; tests pass another to simulate an upgrade. */
  constructor(
    private readonly cache: Keyv | null = null,
    private readonly version: string = extractorVersion(),
    private readonly extract: Extractor = inThisThread,
    readonly archive: Archive = new MemoryArchive(),
  ) {}

  get size(): number {
    return this.archive.size;
  }

  /** The article at a position (a SentenceRef's or EntityRef's `article`). */
  article(index: number): LoadedArticle {
    return this.archive.article(index)!;
  }

  /** The sentences of the article at a position, read without the rest of it when the archive can. */
  sentences(index: number): ArticleFacts['sentences'] {
    return this.archive.sentencesOf?.(index) ?? this.article(index).facts.sentences;
  }

  /** The sentences, entities and quotes of the article at a position, read without the rest of it when the archive can. */
  speakers(index: number): Speakers {
    const read = this.archive.speakersOf?.(index);
    if (read) return read;
    const { sentences, entities, quotes } = this.article(index).facts;
    return { sentences, entities, quotes };
  }

  get(id: string): LoadedArticle | undefined {
    const i = this.archive.indexOf(id);
    return i === undefined ? undefined : this.archive.article(i);
  }

  /** Every article, oldest added first, read a page at a time (never all at once). */
  *all(): Generator<LoadedArticle> {
    for (let after = -1; ; ) {
      const page = this.archive.indexes(after, 256);
      if (page.length === 0) return;
      for (const i of page) yield this.article(i);
      after = page[page.length - 1];
    }
  }

  /** Facts depend on the article's content and on the extractor that read it. */
  cacheKey(article: Article): string {
    return `${this.version}:${contentHash(JSON.stringify([article.id, article.published, article.text]))}`;
  }

  /** The stored article with this id when it holds this very content (read by this extractor). */
  private stored(article: Article, key = this.cacheKey(article)): LoadedArticle | undefined {
    const i = this.archive.indexOf(article.id);
    return i !== undefined && this.archive.keyAt(i) === key ? this.archive.article(i) : undefined;
  }

  /** Facts for an article: from the archive or the cache when this content was parsed before, else parsed now. */
  async factsFor(article: Article): Promise<ArticleFacts> {
    const key = this.cacheKey(article);
    const known = await this.knownFacts(article, key);
    if (known) return known;
    const facts = await this.extract(article);
    this.stats.parsed++;
    // The caller writes the article at once (add, addAll): an archive that lasts is then its facts'
    // one home; an archive in memory is empty after a restart, so the facts cache keeps them.
    if (this.cache && this.archive instanceof MemoryArchive) await this.cache.set(key, facts);
    return facts;
  }

  /**
   * An article ready to insert: facts from the archive or the cache when this content was parsed
   * before (insertMany then computes the entry), else facts and entry computed together by
   * `prepare`, off the main thread, so the main thread only writes.
   */
  async prepare(article: Article, prepare: Preparer): Promise<Insertable> {
    const key = this.cacheKey(article);
    const known = await this.knownFacts(article, key);
    if (known) return { article, facts: known };
    const prepared = await prepare(article, key);
    this.stats.parsed++;
    await this.keepUntilWritten(key, prepared);
    return { article, facts: prepared.facts, entry: { ...prepared, article } };
  }

  /**
   * Facts just parsed for an article an ingest writes later, with its batch: kept so that a run
   * killed before then does not parse them again. An archive that can hold them keeps them (the
   * batch's write drops them: an article's facts have one home, its archive row); else the facts
   * cache does, as it does for good beside an archive in memory (empty after a restart).
   */
  private async keepUntilWritten(key: string, prepared: PreparedEntry): Promise<void> {
    if (this.archive.hold && prepared.doc) this.archive.hold(key, prepared.doc);
    else if (this.cache) await this.cache.set(key, prepared.facts);
  }

  /** Facts of this content parsed before: stored with the article, held for its batch, or in the facts cache (older stores too). */
  private async knownFacts(article: Article, key: string): Promise<ArticleFacts | undefined> {
    const facts = this.stored(article, key)?.facts ?? this.archive.heldFacts?.(key) ?? (await this.cachedFacts(key));
    if (facts) this.stats.cached++;
    return facts;
  }

  private async cachedFacts(key: string): Promise<ArticleFacts | undefined> {
    const cached = this.cache ? ((await this.cache.get(key)) as ArticleFacts | undefined) : undefined;
    return cached && cached.schema === FACTS_SCHEMA_VERSION ? cached : undefined;
  }

  async add(article: Article): Promise<LoadedArticle> {
    const facts = await this.factsFor(article);
    return this.insert(article, facts);
  }

  /**
   * Adds every article it can, in order. An article whose facts cannot be computed (the
   * extractor threw, or overran its time budget) is left out and returned as a problem naming
   * its source and why; it never stops the others.
   */
  async addAll(articles: Article[], onProgress?: (done: number, total: number) => void): Promise<LoadProblem[]> {
    const problems: LoadProblem[] = [];
    const facts: Array<Promise<ArticleFacts | Error>> = [];
    const begin = (i: number) => {
      if (i < articles.length) facts[i] = this.factsFor(articles[i]).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    };
    for (let i = 0; i < LOAD_WINDOW; i++) begin(i);
    for (let i = 0; i < articles.length; i++) {
      const result = await facts[i];
      begin(i + LOAD_WINDOW);
      const article = articles[i];
      if (result instanceof Error) problems.push({ source: article.source ? `${article.source} (${article.id})` : article.id, message: result.message });
      else this.insert(article, result);
      onProgress?.(i + 1, articles.length);
    }
    return problems;
  }

  /** Adds (or replaces, by id) an article whose facts are known; the same content already stored is kept as it is. */
  insert(article: Article, facts: ArticleFacts): LoadedArticle {
    const key = this.cacheKey(article);
    const known = this.stored(article, key);
    if (known) return known;
    this.writes++;
    return this.archive.put(this.entry(article, facts, key, new Map()));
  }

  /** Many at once, in one write (see Archive.putMany); content already stored is skipped. */
  insertMany(items: Insertable[]): LoadedArticle[] {
    const batch = new Map<string, ArticleEntry>();
    const entries: ArticleEntry[] = [];
    for (const { article, facts, entry: prepared } of items) {
      const key = prepared?.key ?? this.cacheKey(article);
      if (!batch.has(article.id) && this.stored(article, key)) continue;
      const entry = this.entry(article, facts, key, batch, prepared);
      batch.set(article.id, entry);
      entries.push(entry);
    }
    this.writes++;
    return this.archive.putMany(entries);
  }

  /** An article's entry (the prepared one, if any), with the one it replaces: the same id earlier in the batch, else the stored one. */
  private entry(article: Article, facts: ArticleFacts, key: string, batch: Map<string, ArticleEntry>, prepared?: ArticleEntry): ArticleEntry {
    const entry = prepared ?? entryFor(article, facts, key);
    const earlier = batch.get(article.id);
    const index = earlier ? undefined : this.archive.indexOf(article.id);
    const old = index === undefined ? undefined : this.archive.article(index);
    entry.replaces = earlier ?? (old && entryFor(old.article, old.facts, this.archive.keyAt(old.index) ?? ''));
    return entry;
  }

  close(): void {
    this.archive.close();
  }

  /** How rare a term is: log-scaled inverse sentence frequency. */
  idf(term: string): number {
    return Math.log(1 + (this.archive.sentences + 1) / (this.archive.df(term) + 0.5));
  }

  /**
   * Sentences ranked by the summed rarity of the question terms they contain. Only the
   * postings of the question's terms are read; very common terms are skipped when rarer
   * ones exist, so a lookup stays fast with 100k articles loaded.
   */
  search(query: string[], options: { limit?: number; articles?: Set<number> } = {}): Array<SentenceRef & { score: number; matched: number }> {
    const df = new Map<string, number>();
    for (const t of new Set(query)) {
      const n = this.archive.df(t);
      if (n > 0) df.set(t, n);
    }
    const unique = [...df.keys()];
    if (unique.length === 0) return [];
    unique.sort((a, b) => df.get(a)! - df.get(b)!);
    const postings = new Map<string, Postings>();
    const list = (t: string) => {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = this.archive.postings(t)));
      return p;
    };
    // Candidates: every sentence holding one of the rarer terms, as long as they are few; when
    // even the rarest term is common, the sentences that also hold the next rarest terms (the
    // best matches hold the most terms anyway). Every term then adds its weight to the
    // candidates it contains, probed in its postings, so a long list is never walked: the
    // candidates go in ascending order, so the probes of a list move forward through it.
    let seed: ArrayLike<number> = list(unique[0]).toArray();
    /** Terms every candidate holds (the seed's, and each it was narrowed by): they need no probe. */
    const everywhere = new Set<string>();
    if (seed.length > CANDIDATES) {
      everywhere.add(unique[0]);
      for (let i = 1; i < unique.length && seed.length > CANDIDATES; i++) {
        const next = list(unique[i]);
        const both = next.intersect(seed);
        if (both.length === 0) break;
        seed = both;
        everywhere.add(unique[i]);
      }
    } else {
      const union = new Set(Array.from(seed));
      for (let i = 1; i < unique.length; i++) {
        if (union.size + df.get(unique[i])! > CANDIDATES) break;
        for (const p of list(unique[i])) union.add(p);
      }
      seed = Float64Array.from(union).sort();
    }
    if (options.articles) seed = keep(seed, (p) => options.articles!.has(Math.floor(p / SLOTS)));
    const n = seed.length;
    const score = new Float64Array(n);
    const matched = new Uint8Array(n);
    for (const t of unique) {
      const w = this.idf(t);
      const refs = list(t);
      const all = everywhere.has(t);
      for (let i = 0; i < n; i++) {
        if (all || refs.contains(seed[i])) {
          score[i] += w;
          matched[i]++;
        }
      }
    }
    // Rank positions, not objects: only the returned few become objects.
    const order = firstInOrder(n, options.limit ?? 20, (a, b) => score[b] - score[a] || seed[a] - seed[b]);
    return order.map((i) => ({ article: Math.floor(seed[i] / SLOTS), sentence: seed[i] % SLOTS, score: score[i], matched: matched[i] }));
  }

  /**
   * Share (0..1) of the rarity weight of the query's terms that occur somewhere in one article
   * (1 for an empty query). An answer cited to an article that lacks
   * most of what the question names (a question about a cargo ship answered from a story about
   * a mortgage fraud) comes from the wrong story.
   */
  articleCoverage(query: string[], article: number): number {
    let total = 0;
    let found = 0;
    for (const t of new Set(query)) {
      // A word no loaded article has weighs the most: the question is about something else.
      const w = this.idf(t);
      total += w;
      if (this.archive.df(t) === 0) continue;
      if (this.archive.postings(t).anyInRange(article * SLOTS, article * SLOTS + TITLE)) found += w;
    }
    return total > 0 ? found / total : 1;
  }

  /**
   * Articles, newest first: by the moment they were published (a "December 1, 2025" from a JSON
   * feed is older than "2026-02-14T09:30:00+01:00", though it sorts after it as text), then the
   * most recently added; undated articles last. `among`: just those articles, in that order.
   * Without `among`, every article: a list whose items are read when used (its first few, as a
   * rule), so a million articles are never all loaded.
   */
  newestFirst(among?: LoadedArticle[]): LoadedArticle[] {
    if (!among) return this.everyArticleNewest();
    if (among === this.everyNewest) return among;
    return [...among].sort((a, b) => this.recency(a.index) - this.recency(b.index));
  }

  /** The newest `limit` articles. */
  newest(limit: number): LoadedArticle[] {
    return this.archive.newest(0, limit).map((i) => this.article(i));
  }

  /** What moves when the archive changes: on a shared engine, other instances write too. */
  private get archiveVersion(): number {
    return this.archive.writesSeen ?? this.writes;
  }

  private everyArticleNewest(): LoadedArticle[] {
    if (this.everyNewest && this.everyNewestWrites === this.archiveVersion) return this.everyNewest;
    const size = this.size;
    const pages = new Map<number, number[]>();
    const PAGE = 64;
    const at = (i: number): LoadedArticle | undefined => {
      if (i < 0 || i >= size) return undefined;
      const p = Math.floor(i / PAGE);
      let page = pages.get(p);
      if (!page) pages.set(p, (page = this.archive.newest(p * PAGE, PAGE)));
      return page[i % PAGE] === undefined ? undefined : this.article(page[i % PAGE]);
    };
    // An array in every way a caller can tell (length, slice, filter, iteration), whose items are read on demand.
    const item = (prop: string | symbol) => (typeof prop === 'string' && /^\d+$/.test(prop) ? Number(prop) : -1);
    this.everyNewest = new Proxy<LoadedArticle[]>([], {
      get: (target, prop, receiver) => (prop === 'length' ? size : item(prop) >= 0 ? at(item(prop)) : Reflect.get(target, prop, receiver)),
      has: (target, prop) => (item(prop) >= 0 ? item(prop) < size : Reflect.has(target, prop)),
    });
    this.everyNewestWrites = this.archiveVersion;
    return this.everyNewest;
  }

  /**
   * A number that orders articles newest first (smaller = newer, never negative, so a caller
   * can put one article before all with -1): by publication second, then the later added;
   * undated last. Only its order means anything (it is not a rank).
   */
  recency(index: number): number {
    return recencyOf(index, this.archive.published(index));
  }

  /** recency() of many articles (same order), their publication moments read at once where the archive can. */
  recencies(indexes: readonly number[]): number[] {
    const published = this.archive.publishedOf?.(indexes) ?? indexes.map((index) => this.archive.published(index));
    return indexes.map((index, i) => recencyOf(index, published[i]));
  }

  /** Articles that mention the query's words, best match first; every article, newest first, without a query. */
  articlesMatching(query: string | null): LoadedArticle[] {
    if (!query || !query.trim()) return this.newestFirst();
    const seen = new Set<number>();
    const out: LoadedArticle[] = [];
    for (const h of this.search(terms(query), { limit: 1000 })) {
      if (seen.has(h.article)) continue;
      seen.add(h.article);
      out.push(this.lazy(h.article));
    }
    return out;
  }

  /** An article whose text and facts are read when first used (a long list shows its first few). */
  private lazy(index: number): LoadedArticle {
    const archive = this.archive;
    return {
      index,
      get article() {
        return archive.article(index)!.article;
      },
      get facts() {
        return archive.article(index)!.facts;
      },
    };
  }

  /** Entities described by every word of `description` in their roles ("sister-in-law"). */
  findByRole(description: string): EntityRef[] {
    const words = lookupKey(description).split(' ').filter(isRoleWord);
    return this.rarestMatching('role', words).map((r) => this.entityRef(r));
  }

  /** Quotes whose speaker's name or description holds every word of `who` ("sister-in-law", "Palmieri"). */
  findQuotes(who: string): QuoteRef[] {
    const words = lookupKey(who).split(' ').filter(isRoleWord);
    return this.rarestMatching('speaker', words).map((r) => ({ article: r.article, quote: r.item }));
  }

  /** Entities whose name or alias matches the given name (every word of it), best first. */
  findEntities(name: string, limit = 200): EntityRef[] {
    // An acronym that is also a common word ("WHO", "IT") stays in the lookup.
    const acronyms = new Set((name.match(/\b\p{Lu}{2,}\b/gu) ?? []).map((w) => w.toLowerCase()));
    const words = lookupKey(name).split(' ').filter((w) => w && (!STOP.has(w) || acronyms.has(w)));
    const rows = this.rarestMatching('name', words);
    const key = lookupKey(name);
    const ranked = rows.map((r) => ({ r, exact: r.keys.includes(key) ? 1 : 0 }));
    ranked.sort((a, b) => b.exact - a.exact || b.r.mentions - a.r.mentions || a.r.article - b.r.article);
    return ranked.slice(0, limit).map((x) => this.entityRef(x.r));
  }

  private entityRef(row: LookupRow): EntityRef {
    const archive = this.archive;
    return {
      article: row.article,
      item: row.item,
      keys: row.keys,
      get entity() {
        return archive.article(row.article)!.facts.entities[row.item];
      },
    };
  }

  /**
   * The entries of the rarest word's list whose own words hold every query word: the short
   * list is walked (a page at a time), the long ones never are. In (article, item) order, and of
   * a name too common to read whole, the latest added: "What did the FBI say?" over a ten-year
   * archive answers from this year's articles, not from the first ones ever stored.
   */
  private rarestMatching(kind: LookupKind, words: string[]): LookupRow[] {
    if (words.length === 0) return [];
    // A name as common as "Trump" across 100,000 articles would copy and rank every mention:
    // the latest MATCHES are plenty to answer from.
    if (words.length === 1) return this.archive.lookup(kind, words[0], 0, MATCHES).reverse();
    // Every word's list holds the entries that match them all, in the same order: the rarest is
    // only the shortest walk, so counting stops at RARE_ENOUGH ("n" of "N.J." has 100,000 at 1M).
    const counts = words.map((w) => this.archive.lookupCount(kind, w, RARE_ENOUGH));
    let rarest = 0;
    counts.forEach((c, i) => c < counts[rarest] && (rarest = i));
    // An entry is filed under every word of its texts that a query word can be (entryFor), so
    // "filed under each word" is "its words hold each word".
    if (this.archive.lookupEvery) return this.archive.lookupEvery(kind, [words[rarest], ...words.filter((_, i) => i !== rarest)], MATCHES).reverse();
    const out: LookupRow[] = [];
    for (let offset = 0; ; offset += MATCHES) {
      const page = this.archive.lookup(kind, words[rarest], offset, MATCHES);
      for (const row of page) {
        const own = new Set(row.words.flatMap((text) => lookupKey(text).split(' ')));
        if (words.every((w) => own.has(w)) && out.push(row) >= MATCHES) return out.reverse();
      }
      if (page.length < MATCHES) return out.reverse();
    }
  }

  /** A sentence's text; the title for the headline (TITLE); '' past the article's sentences. */
  sentenceText(ref: SentenceRef): string {
    const { article, facts } = this.article(ref.article);
    if (ref.sentence === TITLE) return article.title ?? '';
    const s = facts.sentences[ref.sentence];
    // A sentence the article does not have (an empty text has none) reads as no text.
    return s ? article.text.slice(s.start, s.end) : '';
  }
}
