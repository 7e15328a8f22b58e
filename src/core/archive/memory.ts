// The archive in this process's memory: for ':memory:' stores and the Redis path (where a restart
// rebuilds it from the shared facts cache). Everything is a map or an array; nothing is stored.
import { ArrayPostings } from './postings.ts';
import { latestFirst, SLOTS, type Archive, type ArticleEntry, type LookupKind, type LookupRow, type StoredArticle } from './types.ts';

interface Slot {
  stored: StoredArticle;
  key: string;
  published: number | null;
  sentences: number;
  /** The term lists and lookup lists holding this article's refs. */
  terms: string[];
  lookups: string[];
}

export class MemoryArchive implements Archive {
  /** By position; null once replaced. */
  private readonly slots: Array<Slot | null> = [];
  private readonly byId = new Map<string, number>();
  /** term → packed refs, ascending (positions only grow, so appending keeps the order). */
  private readonly postingLists = new Map<string, number[]>();
  /** Term lists and lookup lists holding refs of a replaced article, dropped when next read. */
  private readonly staleTerms = new Set<string>();
  private readonly staleLookups = new Set<string>();
  private readonly lookups = new Map<string, LookupRow[]>();
  private live = 0;
  private sentenceCount = 0;
  /** Newest-first order, computed when first asked for after a change. */
  private order: number[] | null = null;

  get size(): number {
    return this.live;
  }

  get sentences(): number {
    return this.sentenceCount;
  }

  article(index: number): StoredArticle | undefined {
    return this.slots[index]?.stored;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  keyAt(index: number): string | undefined {
    return this.slots[index]?.key;
  }

  published(index: number): number | null {
    return this.slots[index]?.published ?? null;
  }

  indexes(after: number, limit: number): number[] {
    const out: number[] = [];
    for (let i = Math.max(0, after + 1); i < this.slots.length && out.length < limit; i++) if (this.slots[i]) out.push(i);
    return out;
  }

  newest(offset: number, limit: number): number[] {
    if (!this.order) {
      const when = (i: number) => this.slots[i]!.published ?? -Infinity;
      this.order = this.indexes(-1, this.slots.length).sort((a, b) => when(b) - when(a) || b - a);
    }
    return this.order.slice(offset, offset + limit);
  }

  postings(term: string): ArrayPostings {
    return new ArrayPostings(this.liveRefs(term));
  }

  /** A term's refs, those of replaced articles dropped. */
  private liveRefs(term: string): number[] {
    const list = this.postingLists.get(term);
    if (!list) return [];
    if (this.staleTerms.delete(term)) {
      const kept = list.filter((p) => this.slots[Math.floor(p / SLOTS)]);
      this.postingLists.set(term, kept);
      return kept;
    }
    return list;
  }

  df(term: string): number {
    return this.liveRefs(term).length;
  }

  lookup(kind: LookupKind, word: string, offset: number, limit: number): LookupRow[] {
    return latestFirst(this.liveLookups(kind, word), offset, limit);
  }

  lookupCount(kind: LookupKind, word: string): number {
    return this.liveLookups(kind, word).length;
  }

  private liveLookups(kind: LookupKind, word: string): LookupRow[] {
    const key = `${kind}:${word}`;
    const rows = this.lookups.get(key);
    if (!rows) return [];
    if (!this.staleLookups.delete(key)) return rows;
    const kept = rows.filter((r) => this.slots[r.article]);
    this.lookups.set(key, kept);
    return kept;
  }

  put(entry: ArticleEntry): StoredArticle {
    const old = this.byId.get(entry.article.id);
    // The same content stored again (as a second process may): the stored one stays.
    if (old !== undefined && !entry.replaces && this.slots[old]!.key === entry.key) return this.slots[old]!.stored;
    if (old !== undefined) this.remove(old);
    const index = this.slots.length;
    const stored: StoredArticle = { index, article: entry.article, facts: entry.facts };
    const lookups = entry.lookups.map(({ kind, word }) => `${kind}:${word}`);
    this.slots.push({ stored, key: entry.key, published: entry.published, sentences: entry.sentences, terms: [...entry.terms.keys()], lookups });
    this.byId.set(entry.article.id, index);
    this.live++;
    this.sentenceCount += entry.sentences;
    this.order = null;
    for (const [term, sentences] of entry.terms) {
      let list = this.postingLists.get(term);
      if (!list) this.postingLists.set(term, (list = []));
      for (const s of sentences) list.push(index * SLOTS + s);
    }
    entry.lookups.forEach(({ row }, i) => {
      const key = lookups[i];
      let rows = this.lookups.get(key);
      if (!rows) this.lookups.set(key, (rows = []));
      rows.push({ article: index, ...row });
    });
    return stored;
  }

  putMany(entries: ArticleEntry[]): StoredArticle[] {
    return entries.map((e) => this.put(e));
  }

  /** A replaced article: its slot empties, its refs are dropped from the lists it was in when they are next read. */
  private remove(index: number): void {
    const slot = this.slots[index]!;
    this.slots[index] = null;
    this.live--;
    this.sentenceCount -= slot.sentences;
    for (const term of slot.terms) this.staleTerms.add(term);
    for (const key of slot.lookups) this.staleLookups.add(key);
  }

  close(): void {}
}
