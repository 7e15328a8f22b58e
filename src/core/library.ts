// Loaded articles, their facts, and the indexes answering uses: words → sentences, names →
// entities. Facts are computed once per article content and cached in the store, so a restart
// with a warm cache never runs the tagger.
import type Keyv from 'keyv';
import { extractFacts, extractorVersion } from '../knowledge/extract.ts';
import { FACTS_SCHEMA_VERSION, type Article, type ArticleFacts, type Entity } from '../knowledge/facts.ts';
import { contentHash, type LoadProblem } from '../knowledge/ingest/index.ts';

/** How an article's facts are computed: in this thread by default, or by a work pool. */
export type Extractor = (article: Article) => Promise<ArticleFacts>;

const inThisThread: Extractor = async (article) => extractFacts(article);

/** Articles whose facts are being computed at once during a load (keeps a pool's threads busy). */
const LOAD_WINDOW = 4;

export interface LoadedArticle {
  /** Position in the library (index into Library.articles). */
  index: number;
  article: Article;
  facts: ArticleFacts;
}

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
  entity: Entity;
  /** nameKey of the entity's name and each alias, computed once when indexed. */
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

/** A deliberately small stemmer: enough to match "shot"/"shooting", "arrests"/"arrested". */
export function stem(w: string): string {
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

const nameKeys = new Map<string, string>();

/** Normal form of a name for lookup: lower case, letters and digits only. Memoised: names repeat. */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= 200_000) nameKeys.clear();
    nameKeys.set(name, (key = normaliseName(name)));
  }
  return key;
}

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

/** Binary search in a sorted array. */
function contains(sorted: number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether a sorted array holds a value in [lo, hi]: binary search for the first value ≥ lo. */
function anyInRange(sorted: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && sorted[a] <= hi;
}

export class Library {
  readonly articles: LoadedArticle[] = [];
  private readonly byId = new Map<string, number>();
  /** term → sentences (article, sentence) containing it, packed as article * 4096 + sentence. */
  private readonly postings = new Map<string, number[]>();
  /** name word → entities whose name or alias contains it. */
  private readonly names = new Map<string, EntityRef[]>();
  /** word of an entity's role ("sister-in-law", "spokesman") → entities with it. */
  private readonly roles = new Map<string, EntityRef[]>();
  /** word of a speaker's name or description → quotes spoken by them. */
  private readonly speakers = new Map<string, QuoteRef[]>();
  private sentenceCount = 0;
  /** Terms whose postings lost their order (an article was replaced). */
  private readonly unsorted = new Set<string>();
  /** Newest-first order, computed when first asked for after a change. */
  private newest: LoadedArticle[] | null = null;
  /** Each article's place in `newest` (by article index), built with it: ordering a few articles reads it, not the whole list. */
  private newestRank: Int32Array | null = null;
  /** Counters for `lede status` and the cache tests. */
  readonly stats = { parsed: 0, cached: 0 };

  /** `version` defaults to the extractor's; tests pass another to simulate an upgrade. */
  constructor(
    private readonly cache: Keyv | null = null,
    private readonly version: string = extractorVersion(),
    private readonly extract: Extractor = inThisThread,
  ) {}

  get size(): number {
    return this.articles.length;
  }

  /** The loaded article at a position (a SentenceRef's or EntityRef's `article`). */
  article(index: number): LoadedArticle {
    return this.articles[index];
  }

  get(id: string): LoadedArticle | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.articles[i];
  }

  /** Facts depend on the article's content and on the extractor that read it. */
  cacheKey(article: Article): string {
    return `${this.version}:${contentHash(JSON.stringify([article.id, article.published, article.text]))}`;
  }

  /** Facts for an article: from the cache when this content was parsed before, else parsed now. */
  async factsFor(article: Article): Promise<ArticleFacts> {
    const key = this.cacheKey(article);
    const cached = this.cache ? ((await this.cache.get(key)) as ArticleFacts | undefined) : undefined;
    if (cached && cached.schema === FACTS_SCHEMA_VERSION) {
      this.stats.cached++;
      return cached;
    }
    const facts = await this.extract(article);
    this.stats.parsed++;
    if (this.cache) await this.cache.set(key, facts);
    return facts;
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

  /** Adds (or replaces, by id) an article whose facts are known. */
  insert(article: Article, facts: ArticleFacts): LoadedArticle {
    const existing = this.byId.get(article.id);
    if (existing !== undefined) {
      // Replacing keeps the slot; stale postings for the old text are filtered at lookup.
      const loaded = { index: existing, article, facts };
      this.articles[existing] = loaded;
      this.indexArticle(loaded);
      return loaded;
    }
    const loaded = { index: this.articles.length, article, facts };
    this.articles.push(loaded);
    this.byId.set(article.id, loaded.index);
    this.indexArticle(loaded);
    return loaded;
  }

  private addPosting(term: string, packed: number): void {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    if (list.length > 0 && list[list.length - 1] > packed) this.unsorted.add(term);
    list.push(packed);
  }

  private indexArticle({ index, article, facts }: LoadedArticle): void {
    this.newest = null;
    const sentences = facts.sentences.slice(0, 4095);
    sentences.forEach((s, si) => {
      const seen = new Set<string>();
      for (const t of terms(article.text.slice(s.start, s.end))) {
        if (seen.has(t)) continue;
        seen.add(t);
        this.addPosting(t, index * 4096 + si);
      }
    });
    this.sentenceCount += sentences.length;
    if (article.title) {
      // The title counts as sentence 4095 so a match on it leads to the article.
      for (const t of new Set(terms(article.title))) this.addPosting(t, index * 4096 + 4095);
    }
    facts.quotes.forEach((quote, qi) => {
      if (!quote.speaker) return;
      const words = new Set(nameKey(`${quote.speaker.name ?? ''} ${quote.speaker.text}`).split(' ').filter((w) => w && !STOP.has(w)));
      for (const w of words) {
        let list = this.speakers.get(w);
        if (!list) this.speakers.set(w, (list = []));
        list.push({ article: index, quote: qi });
      }
    });
    for (const entity of facts.entities) {
      const ref: EntityRef = { article: index, entity, keys: [entity.name, ...entity.aliases].map(nameKey) };
      const words = new Set(ref.keys.flatMap((k) => k.split(' ')).filter(Boolean));
      for (const w of words) {
        let list = this.names.get(w);
        if (!list) this.names.set(w, (list = []));
        list.push(ref);
      }
      const roleWords = new Set(entity.roles.flatMap((r) => nameKey(r).split(' ')).filter((w) => w.length > 1 && !STOP.has(w)));
      for (const w of roleWords) {
        let list = this.roles.get(w);
        if (!list) this.roles.set(w, (list = []));
        list.push(ref);
      }
    }
  }

  /** How rare a term is: log-scaled inverse sentence frequency. */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.sentenceCount + 1) / (df + 0.5));
  }

  /**
   * Sentences ranked by the summed rarity of the question terms they contain. Only the
   * postings of the question's terms are read; very common terms are skipped when rarer
   * ones exist, so a lookup stays fast with 100k articles loaded.
   */
  search(query: string[], options: { limit?: number; articles?: Set<number> } = {}): Array<SentenceRef & { score: number; matched: number }> {
    const unique = [...new Set(query)].filter((t) => this.postings.has(t));
    if (unique.length === 0) return [];
    for (const t of unique) this.sortPostings(t);
    unique.sort((a, b) => this.postings.get(a)!.length - this.postings.get(b)!.length);
    // Candidates: every sentence holding one of the rarer terms, as long as they are few; when
    // even the rarest term is common, the sentences that also hold the next rarest terms (the
    // best matches hold the most terms anyway). Every term then adds its weight to the
    // candidates it contains, by binary search in its sorted postings, so a long list is
    // never walked.
    let seed = this.postings.get(unique[0])!;
    if (seed.length > CANDIDATES) {
      for (let i = 1; i < unique.length && seed.length > CANDIDATES; i++) {
        const next = this.postings.get(unique[i])!;
        const both = seed.filter((p) => contains(next, p));
        if (both.length === 0) break;
        seed = both;
      }
    } else {
      const union = new Set(seed);
      for (let i = 1; i < unique.length; i++) {
        const next = this.postings.get(unique[i])!;
        if (union.size + next.length > CANDIDATES) break;
        for (const p of next) union.add(p);
      }
      seed = [...union];
    }
    if (options.articles) seed = seed.filter((p) => options.articles!.has(Math.floor(p / 4096)));
    const n = seed.length;
    const score = new Float64Array(n);
    const matched = new Uint8Array(n);
    for (const t of unique) {
      const w = this.idf(t);
      const list = this.postings.get(t)!;
      for (let i = 0; i < n; i++) {
        if (contains(list, seed[i])) {
          score[i] += w;
          matched[i]++;
        }
      }
    }
    // Rank positions, not objects: only the returned few become objects.
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      const article = Math.floor(seed[i] / 4096);
      const sentence = seed[i] % 4096;
      // A replaced article leaves postings past its new end: skip them.
      if (sentence !== 4095 && sentence >= this.articles[article].facts.sentences.length) continue;
      order.push(i);
    }
    order.sort((a, b) => score[b] - score[a] || seed[a] - seed[b]);
    return order.slice(0, options.limit ?? 20).map((i) => ({ article: Math.floor(seed[i] / 4096), sentence: seed[i] % 4096, score: score[i], matched: matched[i] }));
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
      const list = this.postings.get(t);
      if (!list) continue;
      this.sortPostings(t);
      if (anyInRange(list, article * 4096, article * 4096 + 4095)) found += w;
    }
    return total > 0 ? found / total : 1;
  }

  /** Postings are appended in article order; a replaced article's may land out of order. */
  private sortPostings(term: string): void {
    if (!this.unsorted.delete(term)) return;
    this.postings.get(term)!.sort((a, b) => a - b);
  }

  /**
   * Articles, newest first: by the moment they were published (a "December 1, 2025" from a JSON
   * feed is older than "2026-02-14T09:30:00+01:00", though it sorts after it as text), then the
   * most recently added; undated articles last. `among`: just those articles, in that order.
   */
  newestFirst(among?: LoadedArticle[]): LoadedArticle[] {
    if (among) return [...among].sort((a, b) => this.recency(a.index) - this.recency(b.index));
    if (!this.newest) {
      const when = (l: LoadedArticle) => {
        const t = l.article.published ? Date.parse(l.article.published) : NaN;
        return Number.isNaN(t) ? -Infinity : t;
      };
      this.newest = this.articles.map((l) => ({ l, t: when(l) })).sort((a, b) => (b.t === a.t ? 0 : b.t > a.t ? 1 : -1) || b.l.index - a.l.index).map((x) => x.l);
      this.newestRank = new Int32Array(this.articles.length);
      this.newest.forEach((l, i) => (this.newestRank![l.index] = i));
    }
    return this.newest;
  }

  /** An article's place among all, newest first (0 = the newest). */
  recency(index: number): number {
    this.newestFirst();
    return this.newestRank![index];
  }

  /** Articles that mention the query's words, best match first; every article, newest first, without a query. */
  articlesMatching(query: string | null): LoadedArticle[] {
    if (!query || !query.trim()) return this.newestFirst();
    const seen = new Set<number>();
    const out: LoadedArticle[] = [];
    for (const h of this.search(terms(query), { limit: 1000 })) {
      if (seen.has(h.article)) continue;
      seen.add(h.article);
      out.push(this.articles[h.article]);
    }
    return out;
  }

  /** Entities described by every word of `description` in their roles ("sister-in-law"). */
  findByRole(description: string): EntityRef[] {
    const words = nameKey(description).split(' ').filter((w) => w.length > 1 && !STOP.has(w));
    return this.rarestMatching(this.roles, words, (r) => r.entity.roles);
  }

  /** Quotes whose speaker's name or description holds every word of `who` ("sister-in-law", "Palmieri"). */
  findQuotes(who: string): QuoteRef[] {
    const words = nameKey(who).split(' ').filter((w) => w.length > 1 && !STOP.has(w));
    return this.rarestMatching(this.speakers, words, (r) => {
      const speaker = this.articles[r.article].facts.quotes[r.quote].speaker;
      return speaker ? [speaker.name ?? '', speaker.text] : [];
    });
  }

  /** Entities whose name or alias matches the given name (every word of it), best first. */
  findEntities(name: string, limit = 200): EntityRef[] {
    // An acronym that is also a common word ("WHO", "IT") stays in the lookup.
    const acronyms = new Set((name.match(/\b\p{Lu}{2,}\b/gu) ?? []).map((w) => w.toLowerCase()));
    const words = nameKey(name).split(' ').filter((w) => w && (!STOP.has(w) || acronyms.has(w)));
    const refs = this.rarestMatching(this.names, words, (r) => r.keys);
    const key = nameKey(name);
    const ranked = refs.map((r) => ({ r, exact: r.keys.includes(key) ? 1 : 0 }));
    ranked.sort((a, b) => b.exact - a.exact || b.r.entity.mentions.length - a.r.entity.mentions.length || a.r.article - b.r.article);
    return ranked.slice(0, limit).map((x) => x.r);
  }

  /**
   * The entries of the rarest word's list whose own words (from `wordsOf`) hold every query
   * word: the short list is walked, the long ones never are.
   */
  private rarestMatching<T>(index: Map<string, T[]>, words: string[], wordsOf: (entry: T) => string[]): T[] {
    if (words.length === 0) return [];
    const lists = words.map((w) => index.get(w) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    // A name as common as "Trump" across 100,000 articles would copy and rank every mention:
    // the first MATCHES (in article order) are plenty to answer from.
    if (words.length === 1) return rarest.slice(0, MATCHES);
    const out: T[] = [];
    for (const entry of rarest) {
      const own = new Set(wordsOf(entry).flatMap((text) => nameKey(text).split(' ')));
      if (words.every((w) => own.has(w)) && out.push(entry) >= MATCHES) break;
    }
    return out;
  }

  /** A sentence's text; the title for the headline (4095); '' past the article's sentences. */
  sentenceText(ref: SentenceRef): string {
    const { article, facts } = this.articles[ref.article];
    if (ref.sentence === 4095) return article.title ?? '';
    const s = facts.sentences[ref.sentence];
    // A sentence the article does not have (an empty text has none) reads as no text.
    return s ? article.text.slice(s.start, s.end) : '';
  }
}
