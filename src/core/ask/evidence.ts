// Evidence for an answer: the sentences that match the question's words, their neighbours, and
// what each sentence holds (times, entities, places, the asked words and where they stand).
import type { ArticleFacts, Entity, TimeFact } from '../../knowledge/facts.ts';
import { analyse } from '../../knowledge/nlp.ts';
import { frameOf, type Question } from '../../knowledge/question/index.ts';
import { placePhrases, postedAt, VENUE_HEAD } from '../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../conversation.ts';
import { TITLE } from '../archive/types.ts';
import { Library, type LoadedArticle, type SentenceRef, terms } from '../library.ts';
import { displayTitle, escapeRegExp } from '../wording.ts';
import type { Citation } from './types.ts';

/** Words that carry no topic in a question ("when did it happen" is about the main event). */
export const GENERIC = new Set(['actually', 'really', 'just', 'ever', 'get', 'got', 'gets', 'getting', 'happen', 'happened', 'occur', 'event', 'incident', 'thing', 'article', 'story', 'news', 'it', 'this', 'that', 'take', 'place', 'did', 'go', 'on', 'tell', 'me', 'know', 'exactly', 'time', 'date', 'day', 'city', 'country', 'state', 'location']);

export function citation(lib: Library, ref: SentenceRef): Citation {
  const { article, facts } = lib.article(ref.article);
  const title = displayTitle(article.title, article.text);
  if (ref.sentence === TITLE || !facts.sentences[ref.sentence]) {
    const first = facts.sentences[0] ?? { start: 0, end: Math.min(article.text.length, 200) };
    return { articleId: article.id, title, sentence: article.text.slice(first.start, first.end), start: first.start, end: first.end };
  }
  const s = facts.sentences[ref.sentence];
  return { articleId: article.id, title, sentence: article.text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** Index of the sentence holding a character offset. */
export function sentenceAt(loaded: { facts: Pick<ArticleFacts, 'sentences'> }, offset: number): number {
  const ss = loaded.facts.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ss[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Question terms that name the topic, without the wh-word scaffolding. */
export function topicTerms(q: Question): string[] {
  return terms(q.text).filter((t) => !GENERIC.has(t));
}

export interface Ranked extends SentenceRef {
  score: number;
  matched: number;
}

/**
 * Hits in the articles that name someone the question names ("why did Whitfield delay the vote"
 * is about the article with a Whitfield, not another vote that was delayed); all hits when none does.
 */
export function inNamingArticles(lib: Library, q: Question, hits: Ranked[]): Ranked[] {
  const names = frameOf(q).focus;
  if (names.length === 0 || hits.length === 0) return hits;
  const naming = new Set<number>();
  for (const name of names) for (const r of lib.findEntities(name, 200)) naming.add(r.article);
  const kept = hits.filter((h) => naming.has(h.article));
  return kept.length > 0 ? kept : hits;
}

const byRank = (a: Ranked, b: Ranked) => b.score - a.score || a.article - b.article || a.sentence - b.sentence;

/** Best sentences for the question's topic, with the conversation's article preferred. */
export function retrieve(lib: Library, words: string[], context: ConversationContext, limit = 20): Ranked[] {
  const hits = lib.search(words, { limit: limit * 3 });
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  for (const h of hits) {
    if (h.article === current) h.score *= 1.25;
    // News states its main facts first: among equal matches, an early sentence is the better
    // source; a caption or credit line is the worse one.
    if (h.sentence !== TITLE) h.score *= 1 + 0.2 * Math.exp(-h.sentence / 6);
  }
  // A caption only loses weight, so each score so far is a bound: hits are checked best bound
  // first, until the limit-th checked one outranks the next bound (of 120 hits of a "when"
  // question, the forty-odd that can place are read, not all 120).
  hits.sort(byRank);
  const checked: Ranked[] = [];
  for (const h of hits) {
    if (checked.length >= limit && byRank(checked[limit - 1], h) < 0) break;
    if (lib.sentences(h.article)[h.sentence]?.furniture) h.score *= 0.6;
    checked.splice(insertionPoint(checked, h), 0, h);
  }
  return checked.slice(0, limit);
}

/** Where a hit goes in a list sorted by byRank. */
function insertionPoint(sorted: Ranked[], h: Ranked): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byRank(sorted[mid], h) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentences just before and after each hit, within its paragraph. */
export function neighbours(lib: Library, hits: Ranked[]): Ranked[] {
  const out: Ranked[] = [];
  for (const h of hits) {
    const ss = lib.article(h.article).facts.sentences;
    const here = ss[h.sentence];
    if (!here) continue;
    for (const i of [h.sentence - 1, h.sentence + 1]) {
      if (ss[i] && ss[i].paragraph === here.paragraph) out.push({ ...h, sentence: i, score: h.score * 0.5 });
    }
  }
  return out;
}

/** Share of the question's topic weight that a sentence covers (0..1). */
export function coverage(lib: Library, words: string[], hit: Ranked): number {
  const unique = [...new Set(words)];
  const total = unique.reduce((sum, t) => sum + lib.idf(t), 0);
  return total > 0 ? Math.min(1, hit.score / total) : 0;
}

/** The sentence that states the main event: the first sentence that is not a header line. */
export function leadSentence(loaded: LoadedArticle): number {
  const ss = loaded.facts.sentences;
  for (let i = 0; i < Math.min(ss.length, 4); i++) {
    const words = loaded.article.text.slice(ss[i].start, ss[i].end).split(/\s+/).length;
    if (words >= 8) return i;
  }
  return 0;
}

export function timesIn(loaded: LoadedArticle, sentence: number): TimeFact[] {
  const s = loaded.facts.sentences[sentence];
  if (!s) return [];
  return loaded.facts.times.filter((t) => t.start >= s.start && t.end <= s.end && !postedAt(loaded.article.text, t));
}

export function entitiesIn(loaded: LoadedArticle, sentence: number, kinds: Entity['kind'][]): Array<{ entity: Entity; at: number }> {
  const s = loaded.facts.sentences[sentence];
  if (!s) return [];
  const out: Array<{ entity: Entity; at: number }> = [];
  for (const e of loaded.facts.entities) {
    if (!kinds.includes(e.kind)) continue;
    const m = e.mentions.find((x) => x.start >= s.start && x.end <= s.end);
    if (m) out.push({ entity: e, at: m.start });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Where the question's words stand in a text: each one's offset in the text and its term. */
export function askedWordsIn(text: string, words: string[]): Array<{ at: number; term: string }> {
  const wanted = new Set(words);
  const out: Array<{ at: number; term: string }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const term = terms(m[0])[0];
    if (term && wanted.has(term)) out.push({ at: m.index!, term });
  }
  return out;
}

/** Whether a word of a text is one of the question's words (its first term is): "shot" for "shoot". */
export function isAskedWord(words: string[]): (word: string) => boolean {
  const wanted = new Set(words);
  return (word) => wanted.has(terms(word)[0] ?? '');
}

/** Whether a sentence holds any of the question's words. */
export function sharesWord(lib: Library, ref: SentenceRef, words: string[]): boolean {
  return askedWordsIn(lib.sentenceText(ref), words).length > 0;
}

/**
 * How far a span lies from the nearest of the question's words in its sentence (in
 * characters; Infinity when none is there): in a long sentence the date or place next to
 * "uncle … well" is the one asked about, not the first one.
 */
export function wordDistance(lib: Library, ref: SentenceRef, words: string[]): (span: { start: number; end: number }) => number {
  const s = lib.article(ref.article).facts.sentences[ref.sentence];
  const at = s ? askedWordsIn(lib.sentenceText(ref), words).map((w) => s.start + w.at) : [];
  return (x) => at.reduce((best, p) => Math.min(best, p < x.start ? x.start - p : p > x.end ? p - x.end : 0), Infinity);
}

/** Spans of a sentence, nearest the question's words first. */
export function byNearness<T extends { start: number; end: number }>(lib: Library, ref: SentenceRef, words: string[], spans: T[]): T[] {
  if (spans.length < 2 || words.length === 0) return spans;
  const distance = wordDistance(lib, ref, words);
  return [...spans].sort((a, b) => distance(a) - distance(b));
}

/** Places a sentence names: place entities, venues named as organisations, numbered roads, and venue phrases. */
export function placesIn(lib: Library, ref: SentenceRef): Array<{ name: string; start: number; end: number; entity?: Entity; head?: string }> {
  const loaded = lib.article(ref.article);
  const s = loaded.facts.sentences[ref.sentence];
  if (!s) return [];
  const out: Array<{ name: string; start: number; end: number; entity?: Entity; head?: string }> = [];
  for (const e of loaded.facts.entities) {
    if (e.kind !== 'place' && !((e.kind === 'organization' || e.kind === 'other') && VENUE_HEAD.test(e.name))) continue;
    for (const m of e.mentions) if (m.start >= s.start && m.end <= s.end) out.push({ name: e.name, start: m.start, end: m.end, entity: e });
  }
  // Named publications, numbered roads and venue phrases, at their offsets in the text.
  for (const p of placePhrases(lib.sentenceText(ref))) out.push({ ...p, start: s.start + p.start, end: s.start + p.end });
  return out;
}

/** The terms of the names a question holds (its capitalised words after the first). */
export function namedTerms(q: Question): Set<string> {
  return new Set(terms(frameOf(q).focusWords.join(' ')));
}

/** The question's words that tell the act, not the names ("sentenced" in "why was Victor Hale sentenced"); none without names. */
export function actWords(q: Question, words: string[]): string[] {
  const named = namedTerms(q);
  return named.size > 0 ? words.filter((t) => !named.has(t)) : [];
}

/** Below this share of the question's topic, a sentence of the story is not about what was asked, whatever verb it has. */
const ACT_SENTENCE_COVERAGE = 0.3;

/**
 * Whether a sentence tells an act as a verb, in some form of it: "sign" → "signed", "message" →
 * "messaging", "refunding" → "refunds them"; not "sent her a text" for "text".
 */
export function tellsAct(act: string): (text: string) => boolean {
  const stem = act.toLowerCase().replace(/(?:ing|ed|es|s|e)$/, '');
  const form = new RegExp(String.raw`^${escapeRegExp(stem)}\p{Ll}{0,4}$`, 'u');
  return (text) => analyse(text, { winkEntities: false }).tokens.some((t) => t.pos === 'VERB' && form.test(t.normal));
}

/**
 * The hits of the best hit's story that tell the question's act as a verb and hold enough of the
 * question, best first: where the act is told, what was done and why are told too ("A teenager
 * messaged her cousin …", though "Tamsin Orloff, 17, and her cousin …" names her more). A headline
 * (TITLE) tells the act in a few words and answers nothing.
 */
export function actSentences(lib: Library, hits: Ranked[], words: string[], act: string): Ranked[] {
  const top = hits[0];
  if (!top) return [];
  const told = tellsAct(act);
  return hits.filter((h) => h.article === top.article && h.sentence !== TITLE && coverage(lib, words, h) >= ACT_SENTENCE_COVERAGE && told(lib.sentenceText(h)));
}

/** Of a sentence's pattern matches, the text of the one nearest the asked words. */
export function nearestMatch(lib: Library, hit: Ranked, words: string[], matches: RegExpMatchArray[]): string {
  // (A headline, TITLE, has no offset in the text: its matches keep their own.)
  const start = lib.article(hit.article).facts.sentences[hit.sentence]?.start ?? 0;
  const spans = matches.map((m) => ({ text: m[0], start: start + m.index!, end: start + m.index! + m[0].length }));
  return byNearness(lib, hit, words, spans)[0].text;
}

/**
 * Whether the asked words appear in a sentence mostly in its attribution: the speaker and cue of
 * a quote, up to the comma after "according to …".
 */
export function mostlyAsSource(lib: Library, ref: SentenceRef, words: string[]): boolean {
  const loaded = lib.article(ref.article);
  const s = loaded.facts.sentences[ref.sentence];
  // A headline (TITLE) names no source.
  if (!s) return false;
  const text = loaded.article.text;
  const regions: Array<[number, number]> = [];
  for (const x of loaded.facts.quotes) {
    if (!x.speaker || x.speaker.start < s.start || x.speaker.end > s.end) continue;
    const from = Math.min(x.speaker.start, x.cue?.start ?? Infinity);
    const comma = x.cue && x.cue.start < x.speaker.start ? text.indexOf(',', x.speaker.end) : -1;
    regions.push([from, comma > 0 && comma < s.end ? comma : Math.max(x.speaker.end, x.cue?.end ?? 0)]);
  }
  if (regions.length === 0) return false;
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const { at, term } of askedWordsIn(lib.sentenceText(ref), words)) {
    const offset = s.start + at;
    (regions.some(([a, b]) => offset >= a && offset < b) ? inside : outside).add(term);
  }
  // Mostly in the attribution: a stray word elsewhere ("the ferry terminal") does not make it about them.
  return inside.size > outside.size;
}
