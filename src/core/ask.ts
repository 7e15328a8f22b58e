// Questions → answers: find the facts that answer, compose a short answer that keeps its
// attribution, and cite the article and sentence. Null when the loaded articles do not say.
import { countryOfDemonym } from '../knowledge/entity/demonyms.ts';
import { isFirstName } from '../knowledge/entity/gazetteer.ts';
import type { Entity, QuoteFact, TimeFact } from '../knowledge/facts.ts';
import { articleInFocus, type ConversationContext } from './conversation.ts';
import { Library, nameKey, terms, type EntityRef, type LoadedArticle, type SentenceRef } from './library.ts';
import { log } from './log.ts';
import { parseQuestion, type Question, type QuestionType } from './question.ts';
import { AGE, ASKS_MONEY, MONEY, verify } from './ask/verify.ts';
import { affiliation, clip, dateInWords, describeRoles, displayTitle, escapeRegExp, stateName, withArticle, withIndefinite } from './wording.ts';

export interface Citation {
  articleId: string;
  title: string;
  sentence: string;
  start: number;
  end: number;
}

export interface Answer {
  /** The answer with its supporting sentence, or null when the articles do not say (or on `error`). */
  answer: string | null;
  /** The short answer alone ("Friday, September 12, 2025"), with its source when it is a claim. */
  lead?: string;
  type: QuestionType;
  confidence: number;
  citations: Citation[];
  /** Set (with `answer: null`, no citations) when answering failed; the failure is in the operator log. */
  error?: string;
}

export const ANSWER_FAILED = 'could not answer this question (internal error); it has been logged';

export interface AskResult {
  answer: Answer;
  context: ConversationContext;
}

const PERSON_PRONOUNS = /^(he|she|him|her|his|hers)$/i;
const GROUP_PRONOUNS = /^(it|its|they|them|their|the (department|agency|company|group|organi[sz]ation|government|ministry|police))$/i;

/** Words that carry no topic in a question ("when did it happen" is about the main event). */
const GENERIC = new Set(['actually', 'really', 'just', 'ever', 'get', 'got', 'gets', 'getting', 'happen', 'happened', 'occur', 'event', 'incident', 'thing', 'article', 'story', 'news', 'it', 'this', 'that', 'take', 'place', 'did', 'go', 'on', 'tell', 'me', 'know', 'exactly', 'time', 'date', 'day', 'city', 'country', 'state', 'location']);

function citation(lib: Library, ref: SentenceRef): Citation {
  const { article, facts } = lib.article(ref.article);
  const title = displayTitle(article.title, article.text);
  if (ref.sentence === 4095 || !facts.sentences[ref.sentence]) {
    const first = facts.sentences[0] ?? { start: 0, end: Math.min(article.text.length, 200) };
    return { articleId: article.id, title, sentence: article.text.slice(first.start, first.end), start: first.start, end: first.end };
  }
  const s = facts.sentences[ref.sentence];
  return { articleId: article.id, title, sentence: article.text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** Index of the sentence holding a character offset. */
function sentenceAt(loaded: LoadedArticle, offset: number): number {
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

/** The speaker a sentence is attributed to by the quotes extractor, if any. */
function attributionOf(loaded: LoadedArticle, sentence: number): QuoteFact | null {
  const s = loaded.facts.sentences[sentence];
  if (!s) return null;
  // The sentence is someone's claim when a quote covers most of it, not when it merely holds one.
  for (const q of loaded.facts.quotes) {
    if (!q.speaker) continue;
    const overlap = Math.min(q.end, s.end) - Math.max(q.start, s.start);
    if (overlap > 0 && overlap * 2 >= s.end - s.start) return q;
  }
  return null;
}

/** The speaker's name; null for a pronoun the extractor could not resolve ("who", "they"). */
function speakerName(q: QuoteFact): string | null {
  const name = q.speaker ? q.speaker.name ?? q.speaker.text : null;
  if (!name || /^(who|whom|he|she|they|it|we|i|you|which|that|this|these|those|one|someone)$/i.test(name.trim())) return null;
  return name;
}

/** "according to …": the speaker as it reads inside a sentence. */
function accordingTo(q: QuoteFact): string | null {
  const name = speakerName(q);
  return name ? withArticle(name) : null;
}

/**
 * A sentence as an answer that keeps its source: when the sentence is a quote or reported
 * speech whose speaker is not named in it, "According to X, …" says whose claim it is.
 */
function attributed(lib: Library, ref: SentenceRef, words: string[] = []): string {
  const loaded = lib.article(ref.article);
  const span = loaded.facts.sentences[ref.sentence];
  // A headline match (sentence 4095) is no sentence of the text: nobody is quoted in it.
  if (!span) return excerpt(lib.sentenceText(ref), words);
  const sentence = lib.sentenceText(ref);
  const text = excerpt(sentence, words);
  const q = attributionOf(loaded, ref.sentence);
  // A quote that covers the sentence may not cover the part shown of an overlong one.
  const shownFrom = span.start + sentence.length - (text.length - (text === sentence ? 0 : 1));
  const who = q && q.end > shownFrom ? speakerName(q) : null;
  if (!who) return text;
  const named = nameKey(text).includes(nameKey(who).split(' ').pop() ?? '');
  return named || !q ? text : `According to ${accordingTo(q)}: ${text}`;
}

/**
 * What an entity is, in words. A role the article only reports as someone's claim ("the
 * department said Gonzalez was a criminal illegal alien") keeps its source.
 */
function rolesOf(loaded: LoadedArticle, entity: Entity): string | null {
  const plain: string[] = [];
  const claimed: string[] = [];
  const people = new Set(loaded.facts.entities.filter((e) => e.kind === 'person' && e.id !== entity.id).map((e) => nameKey(e.name)));
  for (const role of entity.roles) {
    // Another person's name is no description of this one.
    if (people.has(nameKey(role))) continue;
    // Only a description ("a criminal illegal alien") can be a claim, and only in a quote that
    // speaks of this entity; a title ("Rep.") inside some quote is not one.
    const descriptive = /^(a|an|the)\s/i.test(role);
    const q = descriptive
      ? loaded.facts.quotes.find((x) => x.speaker && x.text.includes(role) && entity.mentions.some((m) => m.start >= x.start && m.end <= x.end))
      : undefined;
    const who = q ? speakerName(q) : null;
    if (who && q && !nameKey(who).includes(nameKey(entity.name))) claimed.push(`${role}, according to ${accordingTo(q)}`);
    else plain.push(role);
  }
  return [describeRoles(plain), ...claimed].filter(Boolean).join('; ') || null;
}

function entityOfName(loaded: LoadedArticle, name: string): Entity | undefined {
  const key = nameKey(name);
  const exact = loaded.facts.entities.find((e) => nameKey(e.name) === key || e.aliases.some((a) => nameKey(a) === key));
  if (exact) return exact;
  // "Retired Lt. Gen. Michael Flynn" is the "Gen. Michael Flynn" of the entity table: a name that
  // ends the way the longer one does, when only one entity fits.
  const fits = loaded.facts.entities.filter((e) => e.kind === 'person' && nameKey(e.name).includes(' ') && ` ${key}`.endsWith(` ${nameKey(e.name)}`));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Resolves a pronoun or name against the conversation; returns the name to look up. */
function resolveSubject(subject: string, context: ConversationContext): string | null {
  const s = subject.trim().replace(/^(the )?/i, (x) => x);
  if (PERSON_PRONOUNS.test(s)) return context.person ?? null;
  if (GROUP_PRONOUNS.test(s)) return context.organization ?? context.person ?? null;
  return s;
}

/** Question terms that name the topic, without the wh-word scaffolding. */
function topicTerms(q: Question): string[] {
  return terms(q.text).filter((t) => !GENERIC.has(t));
}

interface Ranked extends SentenceRef {
  score: number;
  matched: number;
}

/**
 * Hits in the articles that name someone the question names ("why did Whitfield delay the vote"
 * is about the article with a Whitfield, not another vote that was delayed); all hits when none does.
 */
function inNamingArticles(lib: Library, q: Question, hits: Ranked[]): Ranked[] {
  const names = q.text.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu) ?? [];
  if (names.length === 0 || hits.length === 0) return hits;
  const naming = new Set<number>();
  for (const name of names) for (const r of lib.findEntities(name, 200)) naming.add(r.article);
  const kept = hits.filter((h) => naming.has(h.article));
  return kept.length > 0 ? kept : hits;
}

/** Best sentences for the question's topic, with the conversation's article preferred. */
function retrieve(lib: Library, words: string[], context: ConversationContext, limit = 20): Ranked[] {
  const hits = lib.search(words, { limit: limit * 3 });
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  for (const h of hits) {
    if (h.article === current) h.score *= 1.25;
    // News states its main facts first: among equal matches, an early sentence is the better
    // source; a caption or credit line is the worse one.
    if (h.sentence !== 4095) h.score *= 1 + 0.2 * Math.exp(-h.sentence / 6);
    if (lib.article(h.article).facts.sentences[h.sentence]?.furniture) h.score *= 0.6;
  }
  hits.sort((a, b) => b.score - a.score || a.article - b.article || a.sentence - b.sentence);
  return hits.slice(0, limit);
}

/** The sentences just before and after each hit, within its paragraph. */
function neighbours(lib: Library, hits: Ranked[]): Ranked[] {
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
function coverage(lib: Library, words: string[], hit: Ranked): number {
  const unique = [...new Set(words)];
  const total = unique.reduce((sum, t) => sum + lib.idf(t), 0);
  return total > 0 ? Math.min(1, hit.score / total) : 0;
}

/** The sentence that states the main event: the first sentence that is not a header line. */
function leadSentence(loaded: LoadedArticle): number {
  const ss = loaded.facts.sentences;
  for (let i = 0; i < Math.min(ss.length, 4); i++) {
    const words = loaded.article.text.slice(ss[i].start, ss[i].end).split(/\s+/).length;
    if (words >= 8) return i;
  }
  return 0;
}

function timesIn(loaded: LoadedArticle, sentence: number): TimeFact[] {
  const s = loaded.facts.sentences[sentence];
  if (!s) return [];
  return loaded.facts.times.filter((t) => t.start >= s.start && t.end <= s.end && !postedAt(loaded.article.text, t));
}

/** The date line of an embedded post ("— Ann Lee (@annlee) October 31, 2016") says when it was posted, not when anything happened. */
function postedAt(text: string, t: TimeFact): boolean {
  return /\(@\w+\)\s*(on\s+)?$/.test(text.slice(Math.max(0, t.start - 40), t.start));
}

function entitiesIn(loaded: LoadedArticle, sentence: number, kinds: Entity['kind'][]): Array<{ entity: Entity; at: number }> {
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
function askedWordsIn(text: string, words: string[]): Array<{ at: number; term: string }> {
  const wanted = new Set(words);
  const out: Array<{ at: number; term: string }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const term = terms(m[0])[0];
    if (term && wanted.has(term)) out.push({ at: m.index!, term });
  }
  return out;
}

/** Whether a sentence holds any of the question's words. */
function sharesWord(lib: Library, ref: SentenceRef, words: string[]): boolean {
  return askedWordsIn(lib.sentenceText(ref), words).length > 0;
}

/**
 * How far a span lies from the nearest of the question's words in its sentence (in
 * characters; Infinity when none is there): in a long sentence the date or place next to
 * "uncle … well" is the one asked about, not the first one.
 */
function wordDistance(lib: Library, ref: SentenceRef, words: string[]): (span: { start: number; end: number }) => number {
  const s = lib.article(ref.article).facts.sentences[ref.sentence];
  const at = s ? askedWordsIn(lib.sentenceText(ref), words).map((w) => s.start + w.at) : [];
  return (x) => at.reduce((best, p) => Math.min(best, p < x.start ? x.start - p : p > x.end ? p - x.end : 0), Infinity);
}

/** Spans of a sentence, nearest the question's words first. */
function byNearness<T extends { start: number; end: number }>(lib: Library, ref: SentenceRef, words: string[], spans: T[]): T[] {
  if (spans.length < 2 || words.length === 0) return spans;
  const distance = wordDistance(lib, ref, words);
  return [...spans].sort((a, b) => distance(a) - distance(b));
}

// Capitalised words that open a run-on sentence rather than continue a name.
const OPENER = String.raw`(?:Among|The|A|An|He|She|It|They|We|I|In|On|At|But|And|As|After|Before|While|When|This|That|Meanwhile|However)\b`;
// Where something happens when it is no named place: "onboard her campaign plane", "at a rally".
const VENUE = new RegExp(
  String.raw`\b(?:at|in|on|aboard|onboard|on board|inside|outside|near|from)\s+(?:(?:the|a|an|her|his|their|its|our|[A-Z][\w.-]*['’]s)\s+)?(?:[\w-]+\s+){0,3}?` +
    String.raw`(?:plane|jet|aircraft|helicopter|train|bus|ship|boat|yacht|rally|rallies|trail|party|gala|ceremony|conference|convention|summit|fundraiser|concert|festival|` +
    String.raw`hotel|home|house|residence|apartment|headquarters|stadium|arena|hall|center|centre|hospital|clinic|school|college|university|campus|church|mosque|temple|` +
    String.raw`courthouse|prison|jail|airport|station|harbou?r|park|square|restaurant|studio|stage|podium|scene|village|factory|plant|mine|farm|embassy|consulate|palace|` +
    String.raw`museum|theat(?:er|re)|mall|market|border|well|beach|coast|island|camp|journal|newspaper|magazine)\b` +
    // "… party at the Jacob K. Javits Convention Center in New York City" names the venue too.
    String.raw`(?:,?\s+(?:at|in)\s+(?:the\s+)?(?!${OPENER})[A-Z][\w.'’-]*(?:\s+(?:(?!${OPENER})[A-Z][\w.'’-]*|of|de|and))*)*`,
  'g',
);
const VENUE_HEAD = /\b(Capitol|Center|Centre|Stadium|Arena|Hall|Hotel|Hospital|Airport|Station|Park|Square|Palace|Museum|Theat(?:er|re)|Church|Cathedral|Mosque|Temple|Court|Courthouse|Prison|Bridge|Tower|Garden|Gardens|Field|Plaza|Campus|House|Building)$/;

const PUBLICATION = new RegExp(String.raw`\bin\s+(?:the\s+)?(?:journal|newspaper|magazine)\s+(?!${OPENER})[A-Z][\w.'’&-]*(?:\s+(?:(?!${OPENER})[A-Z][\w.'’&-]*|of|and))*`, 'g');
const NUMBERED_ROAD = /\b(?:(?:State|County|U\.S\.|US)\s+)?(?:Route|Highway|Hwy\.?|Interstate|Road)\s+\d+[A-Z]?\b|\bI-\d+\b/g;

/** Places a sentence names: place entities, venues named as organisations, numbered roads, and venue phrases. */
function placesIn(lib: Library, ref: SentenceRef): Array<{ name: string; start: number; end: number; entity?: Entity; head?: string }> {
  const loaded = lib.article(ref.article);
  const s = loaded.facts.sentences[ref.sentence];
  if (!s) return [];
  const out: Array<{ name: string; start: number; end: number; entity?: Entity; head?: string }> = [];
  for (const e of loaded.facts.entities) {
    if (e.kind !== 'place' && !((e.kind === 'organization' || e.kind === 'other') && VENUE_HEAD.test(e.name))) continue;
    for (const m of e.mentions) if (m.start >= s.start && m.end <= s.end) out.push({ name: e.name, start: m.start, end: m.end, entity: e });
  }
  const text = lib.sentenceText(ref);
  // "published in the journal Energy Letters": a publication named with its title.
  for (const m of text.matchAll(PUBLICATION)) out.push({ name: m[0].replace(/^in\s+/i, '').replace(/\.$/, ''), head: '', start: s.start + m.index!, end: s.start + m.index! + m[0].length });
  // Numbered roads are places too ("on Route 9", "near I-95").
  for (const m of text.matchAll(NUMBERED_ROAD)) out.push({ name: m[0], head: '', start: s.start + m.index!, end: s.start + m.index! + m[0].length });
  for (const m of text.matchAll(VENUE)) {
    const phrase = m[0].replace(/^(at|in|on|from|near)\s+/i, '').trim();
    const head = /^(?:[\w'’.-]+\s+)*?([a-z]+)\b(?=(?:,?\s+(?:at|in)\s+[A-Z].*)?$)/.exec(phrase)?.[1] ?? '';
    out.push({ name: phrase, head, start: s.start + m.index!, end: s.start + m.index! + m[0].length });
  }
  return out;
}

/** The terms of the names a question holds (its capitalised words after the first). */
function namedTerms(q: Question): Set<string> {
  return new Set(terms((q.text.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu) ?? []).join(' ')));
}

/** The question's words that tell the act, not the names ("sentenced" in "why was Victor Hale sentenced"); none without names. */
function actWords(q: Question, words: string[]): string[] {
  const named = namedTerms(q);
  return named.size > 0 ? words.filter((t) => !named.has(t)) : [];
}

/** Whether a time's date is later than the article's date. */
function afterDateline(t: TimeFact, published: string | null): boolean {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(t.value ?? '');
  if (!published || !m) return false;
  const day = published.slice(0, 10);
  // A month or year is ahead only when it begins after the dateline's month or year.
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` > day : m[2] ? `${m[1]}-${m[2]}` > day.slice(0, 7) : m[1] > day.slice(0, 4);
}

/** Whether a time falls within two weeks before (or a few days after) the article's date. */
function nearDateline(t: TimeFact, published: string | null): boolean {
  if (!published || !t.value) return false;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(t.value);
  if (!m) return /^T\d/.test(t.value);
  const days = (Date.parse(published.slice(0, 10)) - Date.parse(m[1])) / 86_400_000;
  return days >= -3 && days <= 14;
}

function timeWords(t: TimeFact): string {
  const words = t.type === 'date' || t.type === 'time' ? dateInWords(t.value) : null;
  if (!words) return t.text;
  return words.toLowerCase().includes(t.text.toLowerCase()) ? words : `${t.text} (${words})`;
}

type AnswerText = string | null | { text: string; lead: string };

function result(type: QuestionType, answer: AnswerText, confidence: number, citations: Citation[], context: ConversationContext): AskResult {
  const text = answer === null || typeof answer === 'string' ? answer : answer.text;
  const a: Answer = { answer: text, type, confidence: Math.round(confidence * 100) / 100, citations };
  if (answer !== null && typeof answer !== 'string') a.lead = answer.lead;
  return { answer: a, context };
}

/**
 * A short answer with the sentence that supports it. When that sentence is someone's claim,
 * the short answer says whose: "Silverio Villegas-Gonzalez, according to DHS".
 */
/** "Mr. Sharpton, a pastor" led by the full name the speaker resolved to: "Al Sharpton, a pastor". */
function withFullName(lead: string, fullName: string): string {
  const surname = fullName.split(/\s+/).pop() ?? '';
  const opening = /^(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?([\p{L}'’.-]+)(?=$|[\s,(])/u.exec(lead);
  if (!opening || opening[1] !== surname || fullName.split(/\s+/).length < 2) return lead;
  return fullName + lead.slice(opening[0].length);
}

/**
 * The answer's lead and its sentence, the lead attributed when the sentence is someone's claim.
 * `quoted`: a number or a name is someone's claim only when it stands in what they said (the age
 * in "Judge Mendes told Victor Hale, 54, that …" is the writer's).
 */
function supported(lib: Library, ref: SentenceRef, lead: string, max = 300, quoted?: string): { text: string; lead: string } {
  const claim = attributionOf(lib.article(ref.article), ref.sentence);
  const q = claim && quoted !== undefined && !lib.article(ref.article).article.text.slice(claim.start, claim.end).includes(quoted) ? null : claim;
  const who = q ? speakerName(q) : null;
  // The speaker's own name in the lead ("Ruth Adair (Dunmore Mayor)" for "Dunmore Mayor Ruth Adair") needs no "according to".
  const surname = who ? nameKey(who).split(' ').pop() : undefined;
  const ownName = !!who && (nameKey(lead).includes(nameKey(who)) || (!!surname && /^\p{Lu}/u.test(who) && nameKey(lead).split(' ').includes(surname)));
  const sourced = who && q && !ownName ? `${lead}, according to ${accordingTo(q)}` : who && ownName ? withFullName(lead, who) : lead;
  return { text: `${sourced} — ${clip(lib.sentenceText(ref), max)}`, lead: sourced };
}

/** Updates the conversation with what an answer was about. */
function remember(context: ConversationContext, cites: Citation[], entity?: Entity): ConversationContext {
  const next: ConversationContext = { ...context };
  if (cites[0]) next.articleId = cites[0].articleId;
  if (entity?.kind === 'person') next.person = entity.name;
  else if (entity && entity.kind === 'organization') next.organization = entity.name;
  return next;
}

// ---------------------------------------------------------------------------------------------
// One function per question type.

/**
 * A who-answer leads with the who: a long introduction ("Donna Brazile, the interim
 * chairwoman of the Democratic National Committee") shortens to the name and the
 * organisation it ties them to; the cited sentence keeps the rest.
 */
function shortSpeaker(name: string, introduction: string, isPerson: (name: string) => boolean): string {
  if (introduction.length <= 60) return introduction;
  const surname = nameKey(name).split(' ').pop() ?? '';
  const cut = introduction.search(/\s*[,(;]/);
  const head = cut > 0 ? introduction.slice(0, cut) : introduction;
  const shown = nameKey(head).split(' ').includes(surname) ? head : name;
  const org = affiliation(introduction.slice(shown === head ? head.length : 0));
  // "… following the departure of Bill Bratton": a person is nobody's organisation. Without an
  // organisation the name alone leads; the cited sentence still has the rest.
  if (org && !nameKey(shown).includes(nameKey(org)) && !isPerson(org)) return `${shown} (${org})`;
  // "Ronald R. Fieldstone, a Miami lawyer who has been involved in …" → up to the relative clause.
  const core = introduction.split(/\s+(?:who|whom|whose|which|that)\s/)[0].replace(/[,;(\s]+$/, '');
  if (core.length <= 60 && core !== introduction) return core;
  return shown === head ? head : introduction;
}

function answerWhoSaid(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = terms(q.quote ?? q.text);
  const hits = retrieve(lib, words, context, 10);
  let best: { loaded: LoadedArticle; quote: QuoteFact; overlap: number } | null = null;
  const wanted = new Set(words);
  for (const hit of hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    for (const quote of loaded.facts.quotes) {
      if (quote.end <= s.start || quote.start >= s.end) continue;
      const qt = new Set(terms(quote.text));
      let overlap = 0;
      for (const w of wanted) if (qt.has(w)) overlap++;
      const score = overlap / Math.max(1, wanted.size);
      if (!best || score > best.overlap) best = { loaded, quote, overlap: score };
    }
  }
  // Quoted words must mostly match; a paraphrase ("who said the well was empty") needs less.
  const needed = q.quote && /["“”]/.test(q.text) ? 0.5 : 0.34;
  // A speaker the extractor left as a pronoun ("… too fast!!" he said) names no one: the words
  // are in the articles without a speaker, as below.
  const who = best && best.overlap >= needed ? speakerName(best.quote) : null;
  if (best && who && best.quote.speaker) {
    const entity = best.quote.speaker.entity ? best.loaded.facts.entities.find((e) => e.id === best!.quote.speaker!.entity) : entityOfName(best.loaded, who);
    const ref = { article: best.loaded.index, sentence: sentenceAt(best.loaded, best.quote.start) };
    const cite = citation(lib, ref);
    // The speaker as the article introduces them ("Sen. Claire McCaskill (D-Mo.)") says most;
    // a pronoun or a bare surname gets the resolved name and roles instead.
    const mention = best.quote.speaker.text.replace(/\s+/g, ' ').trim();
    const surname = nameKey(who).split(' ').pop() ?? '';
    const described = mention.length <= 120 && mention.length > who.length && nameKey(mention).split(' ').includes(surname);
    // A bare "Retired Lt. Gen. Michael Flynn" still gains what the article says of him elsewhere,
    // less what the name already shows.
    const shown = described ? mention : who;
    const extra = !/[,(]/.test(shown) && entity ? rolesOf(best.loaded, { ...entity, roles: entity.roles.filter((r) => !shown.includes(r)) }) : null;
    const introduction = `${shown}${extra ? ` (${extra})` : ''}`;
    // A person the table knows, whose name opens with a given name (the table also mistakes
    // firms for people: "Crosscut Strategies").
    const isPerson = (name: string) => entityOfName(best!.loaded, name)?.kind === 'person' && isFirstName(name.split(' ')[0]);
    const lead = shortSpeaker(who, introduction, isPerson);
    return result('who-said', supported(lib, ref, lead, 220), 0.5 + best.overlap / 2, [cite], remember(context, [cite], entity));
  }
  const top = hits[0];
  if (top && coverage(lib, words, top) > 0.6) {
    // Words of an embedded post are its author's: the post's byline follows them in the paragraph.
    const loaded = lib.article(top.article);
    const s = loaded.facts.sentences[top.sentence];
    const post = s ? postAuthor(loaded.article.text, s.start) : null;
    const cite = citation(lib, top);
    if (post) return result('who-said', supported(lib, top, `${post.name} (${post.handle}), in a post dated ${post.date}`, 220), 0.6, [cite], remember(context, [cite]));
    // The words are in the articles but no speaker is given for them.
    return result('who-said', null, 0.3, [cite], context);
  }
  return result('who-said', null, 0.1, [], context);
}

/** An embedded post's byline after its words, in the same paragraph: "— Jane Roe (@janeroe) September 12, 2025". */
const POST_BYLINE = /^[^\n]*?[—–]\s*([^\n()—–]{2,60}?)\s*\((@\w{1,30})\)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})/u;

function postAuthor(text: string, from: number): { name: string; handle: string; date: string } | null {
  const m = POST_BYLINE.exec(text.slice(from, from + 1500));
  return m ? { name: m[1].trim(), handle: m[2], date: m[3] } : null;
}

/**
 * The words that identify a speaker in a question: the name when there is one ("weibo user
 * S_AND_YY" → "S_AND_YY"), else the description without its possessor ("Dorota's
 * sister-in-law" → "sister-in-law", as the article may say "her sister-in-law").
 */
function speakerWords(subject: string): string {
  const described = subject.replace(/^[\p{L}\p{N}_.-]+['’]s?\s+/u, '');
  const named = described.split(/\s+/).filter((w) => /^\p{Lu}|[\d_]/u.test(w));
  return named.length ? named.join(' ') : described;
}

/** Quotes of the named speaker, in every article that quotes them. */
function quotesOf(lib: Library, name: string): Array<{ loaded: LoadedArticle; quote: QuoteFact; entity?: Entity }> {
  let refs = lib.findEntities(name);
  if (refs.length === 0) refs = lib.findByRole(speakerWords(name));
  const out: Array<{ loaded: LoadedArticle; quote: QuoteFact; entity?: Entity }> = [];
  const byArticle = new Map<number, Entity[]>();
  for (const r of refs) byArticle.set(r.article, [...(byArticle.get(r.article) ?? []), r.entity]);
  const key = nameKey(name);
  const last = key.split(' ').pop() ?? key;
  for (const [index, entities] of byArticle) {
    const loaded = lib.article(index);
    const ids = new Set(entities.map((e) => e.id));
    for (const quote of loaded.facts.quotes) {
      if (!quote.speaker) continue;
      const spoken = nameKey(quote.speaker.name ?? quote.speaker.text);
      if ((quote.speaker.entity && ids.has(quote.speaker.entity)) || spoken === key || spoken.split(' ').includes(last)) {
        out.push({ loaded, quote, entity: entities.find((e) => e.id === quote.speaker!.entity) ?? entities[0] });
      }
    }
  }
  // Speakers the entity table missed, or described rather than named ("Dorota's sister-in-law"),
  // are found by the words they were quoted under.
  // A description may be worded differently in the article ("the MSNBC reporter" quoted as
  // "MSNBC correspondent Jane Doe"): try ever shorter runs of its words until some speaker fits.
  // (A description is a few words: runs from a long one would be tried by the hundred thousand.)
  const words = speakerWords(name).split(/\s+/).filter(Boolean).slice(0, 8);
  for (let size = words.length; out.length === 0 && size > 0; size--) {
    for (let from = 0; out.length === 0 && from + size <= words.length; from++) {
      for (const ref of lib.findQuotes(words.slice(from, from + size).join(' '))) {
        const loaded = lib.article(ref.article);
        out.push({ loaded, quote: loaded.facts.quotes[ref.quote] });
      }
    }
  }
  return out;
}

/** Quoted sentences a "what did X say" answer shows; the rest are counted, never dropped unsaid. */
const QUOTES_SHOWN = 3;

/**
 * Whether two names can be one person: one holds every word of the other ("Quill" and
 * "Harriet Quill"), but "Dennis Quill" is not "Harriet Quill".
 */
function sameNamed(a: string, b: string): boolean {
  const [x, y] = [nameKey(a).split(' '), nameKey(b).split(' ')];
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** Where the quotes not shown are, from the shown ones: "in this and 2 other articles". */
function whereTheRestAre(rest: SentenceRef[], shown: SentenceRef[]): string {
  const shownArticles = new Set(shown.map((r) => r.article));
  const others = new Set(rest.map((r) => r.article).filter((a) => !shownArticles.has(a))).size;
  const these = shownArticles.size === 1 ? 'this' : 'these';
  if (others === 0) return `in ${these} article${shownArticles.size === 1 ? '' : 's'}`;
  const inOthers = `${others} other article${others === 1 ? '' : 's'}`;
  return rest.every((r) => !shownArticles.has(r.article)) ? `in ${inOthers}` : `in ${these} and ${inOthers}`;
}

/**
 * What X said, across every article that quotes X: the conversation's article first, then the
 * newest; with a topic ("about the terminal"), the quotes nearest it first. A few are shown and
 * the rest counted. Only one X: "what did Quill say" is the Quill of the first article, and a
 * Dennis Quill elsewhere is someone else.
 */
function answerWhatSaid(lib: Library, q: Question, context: ConversationContext): AskResult {
  const subject = resolveSubject(q.subject ?? '', context);
  if (!subject) return result('what-said', null, 0.1, [], context);
  let found = quotesOf(lib, subject);
  if (found.length === 0) return result('what-said', null, 0.2, [], context);
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  const order = (index: number) => (index === current ? -1 : lib.recency(index));
  const byOrder = (a: (typeof found)[number], b: (typeof found)[number]) => order(a.loaded.index) - order(b.loaded.index) || a.quote.start - b.quote.start;
  found.sort(byOrder);
  const who = found[0].entity?.name ?? speakerName(found[0].quote) ?? subject;
  found = found.filter((f) => !f.entity || sameNamed(f.entity.name, who));
  if (q.about) {
    // What they said about it: their quotes in the sentences that best match the topic.
    const articles = new Set(found.map((f) => f.loaded.index));
    const relevance = new Map<number, number>();
    for (const h of lib.search(terms(q.about), { limit: 500, articles })) relevance.set(h.article * 4096 + h.sentence, h.score);
    const score = (f: (typeof found)[number]) => relevance.get(f.loaded.index * 4096 + sentenceAt(f.loaded, f.quote.start)) ?? 0;
    found = found.map((f) => ({ f, s: score(f) })).sort((a, b) => b.s - a.s || byOrder(a.f, b.f)).map((x) => x.f);
  }
  // One entry per sentence: a sentence holding two quotes is shown, and counted, once.
  const seen = new Set<string>();
  const refs: SentenceRef[] = [];
  for (const f of found) {
    const ref = { article: f.loaded.index, sentence: sentenceAt(f.loaded, f.quote.start) };
    if (seen.has(`${ref.article}:${ref.sentence}`)) continue;
    seen.add(`${ref.article}:${ref.sentence}`);
    refs.push(ref);
  }
  const shown = refs.slice(0, QUOTES_SHOWN);
  const cites = shown.map((r) => citation(lib, r));
  const rest = refs.slice(QUOTES_SHOWN);
  const where = whereTheRestAre(rest, shown);
  const quotes = cites.map((c) => clip(c.sentence, 400)).join(' … ');
  // "… and 7 more quotes in this and 2 other articles": a reader knows there is more, and where.
  const text = rest.length === 0
    ? { text: `${who}: ${quotes}`, lead: `What ${who} said:` }
    : {
        text: `${who}: ${quotes} … and ${rest.length} more quote${rest.length === 1 ? '' : 's'} ${where}.`,
        lead: `What ${who} said (${shown.length} of ${refs.length} quotes; the other ${rest.length} ${rest.length === 1 ? 'is' : 'are'} ${where}):`,
      };
  return result('what-said', text, 0.8, cites, remember(context, cites, found[0].entity ?? entityOfName(found[0].loaded, who)));
}

function answerWhoIs(lib: Library, q: Question, context: ConversationContext): AskResult {
  const subject = resolveSubject(q.subject ?? '', context);
  if (!subject) return result('who-is', null, 0.1, [], context);
  const refs = lib.findEntities(subject);
  const preferred = context.articleId ? refs.find((r) => lib.article(r.article).article.id === context.articleId) : undefined;
  const withRoles = refs.find((r) => r.entity.roles.length > 0);
  const ref = withRoles ?? preferred ?? refs[0];
  if (!ref) {
    const hits = lib.search(terms(subject), { limit: 1 });
    const top = hits[0];
    if (top && coverage(lib, terms(subject), top) >= 0.99) {
      const cite = citation(lib, top);
      return result('who-is', `${subject} is mentioned: ${clip(cite.sentence, 300)}`, 0.4, [cite], remember(context, [cite]));
    }
    return result('who-is', null, 0.1, [], context);
  }
  const loaded = lib.article(ref.article);
  const { entity } = ref;
  const roles = rolesOf(loaded, entity);
  const mention = entity.mentions[0];
  const cite = citation(lib, { article: ref.article, sentence: mention ? sentenceAt(loaded, mention.start) : 0 });
  const kind = entity.kind === 'person' ? '' : entity.kind === 'organization' ? ' (an organisation)' : entity.kind === 'place' ? ' (a place)' : '';
  const alsoKnown = entity.aliases.filter((a) => nameKey(a) !== nameKey(entity.name) && a.length > 1).slice(0, 3);
  const text = roles
    ? `${entity.name} is ${withIndefinite(roles)}${alsoKnown.length ? ` (also "${alsoKnown.join('", "')}")` : ''}.`
    : `${entity.name}${kind}${alsoKnown.length ? `, also "${alsoKnown.join('", "')}"` : ''}: ${clip(cite.sentence, 300)}`;
  return result('who-is', text, roles ? 0.85 : 0.6, [cite], remember(context, [cite], entity));
}

/** The words before the first question verb in a sentence: its subject ("Rescuers have been …"). */
/** "six men and one woman died, while 50 other passengers were injured" → "50 other passengers". */
function passiveSubject(sentence: string, participle: string): string | null {
  const m = new RegExp(`\\s+(?:was|were|had been|has been|have been|got)\\s+(?:\\w+ly\\s+)?${participle}\\b`, 'i').exec(sentence);
  if (!m) return null;
  const parts = sentence.slice(0, m.index).split(/[;:()]/).pop()!.split(',');
  // "The driver of a tram, 42 from Beckenham, was arrested": skip the apposition (and a fronted
  // "In London," before the subject).
  const own = parts.length >= 3 && parts[parts.length - 1].trim() === ''
    ? parts.find((p) => p.trim() && !/^\s*(in|on|at|after|before|during|by|from|for|with|later|earlier|then|meanwhile)\b/i.test(p)) ?? ''
    : parts[parts.length - 1];
  const subject = own.trim().replace(/^(but|and|or|yet|so|while|although|though|as|when|after)\s+/i, '');
  if (subject.length < 3) return null;
  return /^(he|she|it|they|who|which|that)$/i.test(subject) || subject.split(/\s+/).length > 8 ? null : subject;
}

function subjectBefore(sentence: string, words: string[]): string | null {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  const wanted = new Set(words);
  const at = tokens.findIndex((t) => wanted.has(terms(t[0])[0] ?? ''));
  if (at <= 0) return null;
  let text = sentence.slice(0, tokens[at].index).replace(/\b(has|have|had|is|are|was|were|been|being|will|would|could|did|do|does|also|then|reportedly|allegedly)\b/gi, ' ');
  // The last clause before the verb, passing over what trails a name: a party code ("D-Ore."),
  // an age ("54"), a relative clause ("who wrote the bill").
  const clauses = text.split(/[,;:—–]/).map((x) => x.trim()).filter(Boolean);
  while (clauses.length > 1 && /^(?:[DRI]-[A-Z][\w.]*|\d{1,3}|(?:who|which)\b.*)$/.test(clauses[clauses.length - 1])) clauses.pop();
  const clause = clauses.pop();
  text = (clause ?? '').replace(/\s+/g, ' ').trim().replace(/^(but|and|or|yet|so|while|although|though)\s+/i, '');
  // "The bridge was closed after inspectors found …": the verb's clause starts after its conjunction.
  // (Opening the text, "that" or "which" is a determiner: "That man".)
  const subordinate = /^(?:(.*)\s)?(after|before|when|because|since|until|once|if|whether|that|who|which|whom)\s+(.+)$/i.exec(text);
  if (subordinate && (subordinate[1] || !/^(that|who|which|whom)$/i.test(subordinate[2]))) {
    const subject = subordinate[3].trim();
    // A short noun phrase ("inspectors", "two engineers"), not a clause of its own.
    return subject.split(' ').length <= 6 && !/\b(to|of|in|on|at|by|for|with|from)$/i.test(subject) ? subject : null;
  }
  // "Romania reported the most cases": the subject ends before its verb.
  const verbAt = /\s\p{Ll}+ed\b/u.exec(text);
  if (verbAt && verbAt.index > 0) text = text.slice(0, verbAt.index);
  if (!text || text.split(' ').length > 10) return null;
  // A subject names someone: "each other's failings during leadership" is a fragment.
  // ("goalkeeper Anders Holm": a role in lower case before a name.)
  if (!/^(\p{Lu}|(the|a|an|his|her|their|its|our|two|three|four|five|several|many|some)\s|\p{Ll}+\s+\p{Lu})/u.test(text)) return null;
  return text;
}

/** "The team, led by chemist Hana Sato, …" answers "who leads the team": the agent after "<verb> by". */
function agentAfterBy(sentence: string, act: string): string | null {
  for (const m of sentence.matchAll(/(\p{L}+)\s+by\s+/gu)) {
    if (terms(m[1])[0] !== act) continue;
    const agent = OBJECT_PHRASE.exec(' ' + sentence.slice(m.index! + m[0].length))?.[1];
    if (agent) return agent;
  }
  return null;
}

/**
 * "Who is the chairman of the oversight committee?": the entity whose roles hold the asked
 * role's head noun ("chairman") and most of its other words.
 */
function holderOfRole(lib: Library, role: string, context: ConversationContext): AskResult | null {
  const before = role.split(/\s+(?:of|in|at|for|on|from)\s+/i)[0];
  const head = nameKey(before).split(' ').pop();
  if (!head || head.length < 3) return null;
  const words = nameKey(role).split(' ').filter((w) => w.length > 2 && w !== head && !['the', 'and'].includes(w));
  let best: { ref: EntityRef; score: number } | null = null;
  for (const ref of lib.findByRole(head)) {
    if (ref.entity.kind !== 'person') continue;
    const described = ` ${nameKey([...ref.entity.roles, ref.entity.name].join(' '))} `;
    const score = words.filter((w) => described.includes(` ${w} `)).length + (ref.article === lib.get(context.articleId ?? '')?.index ? 0.5 : 0);
    if (!best || score > best.score || (score === best.score && ref.entity.mentions.length > best.ref.entity.mentions.length)) best = { ref, score };
  }
  // Every other asked word that the article could hold must count for something.
  if (!best || (words.length > 0 && best.score < 1)) return null;
  const loaded = lib.article(best.ref.article);
  const { entity } = best.ref;
  const mention = entity.mentions.find((m) => nameKey(lib.sentenceText({ article: loaded.index, sentence: sentenceAt(loaded, m.start) })).includes(head)) ?? entity.mentions[0];
  const ref = { article: loaded.index, sentence: mention ? sentenceAt(loaded, mention.start) : 0 };
  const cite = citation(lib, ref);
  const roles = rolesOf(loaded, entity);
  return result('who', supported(lib, ref, roles ? `${entity.name} (${roles})` : entity.name), 0.7, [cite], remember(context, [cite], entity));
}

/** "Who did the mayor ask for help?": the subject, the verb (as asked) and the rest. */
const OBJECT_QUESTION = /^(?:who|whom)\s+(?:did|does|do|will|would|has|have|had|could|should|can|might)\s+(.+?)\s+(\p{L}+)((?:\s+(?:for|to|about|with|from|in|on|at|as|by|into|over)\b.*)?)$/iu;

/**
 * "Who did the mayor ask for help?": the one the act was done to, named right after the verb in
 * the sentence that tells it ("asked Governor Paul Brandt for help"). Null when no sentence has the verb.
 */
function answerWhoObject(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const m = OBJECT_QUESTION.exec(q.text);
  if (!m || /^(you|i|we)$/i.test(m[1])) return null;
  const verb = terms(m[2])[0];
  if (!verb) return null;
  const words = [...terms(m[1]), verb, ...terms(m[3])].filter((t) => !GENERIC.has(t));
  // The asker's subject must be the sentence's, or someone its article names ("Haskell thanked …").
  const subjectTerms = terms(m[1]).filter((t) => !GENERIC.has(t));
  const namingArticles = new Set(lib.findEntities(m[1], 50).map((r) => r.article));
  for (const hit of retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.4)) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    if (subjectTerms.length > 0 && !sharesWord(lib, hit, subjectTerms) && !namingArticles.has(hit.article)) continue;
    const at = askedWordsIn(lib.sentenceText(hit), [verb])[0];
    if (!at) continue;
    const verbEnd = s.start + at.at + (/^\p{L}+/u.exec(lib.sentenceText(hit).slice(at.at))?.[0].length ?? 0);
    // A person or organisation named within a few words after the verb.
    const named = entitiesIn(loaded, hit.sentence, ['person', 'organization'])
      .map(({ entity }) => ({ entity, at: entity.mentions.find((x) => x.start >= verbEnd && x.start - verbEnd <= 30)?.start }))
      .filter((x): x is { entity: Entity; at: number } => x.at !== undefined)
      .sort((a, b) => a.at - b.at)[0];
    const cite = citation(lib, hit);
    if (named) {
      const roles = rolesOf(loaded, named.entity);
      return result('who', supported(lib, hit, roles ? `${named.entity.name} (${roles})` : named.entity.name), 0.7, [cite], remember(context, [cite], named.entity));
    }
    // "told analysts the plant …": a noun phrase right after the verb.
    const phrase = OBJECT_PHRASE.exec(loaded.article.text.slice(verbEnd, s.end))?.[1];
    if (phrase) return result('who', supported(lib, hit, phrase), 0.6, [cite], remember(context, [cite]));
  }
  // No sentence tells the act: the articles do not say who.
  return result('who', null, 0.2, [], context);
}

/** The object right after a verb: a short noun phrase that ends before a clause, a preposition or punctuation. */
const OBJECT_PHRASE = /^\s+((?:(?:the|a|an|his|her|their|its|our|some|several|many|two|three|four|five)\s+)?\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3}?)(?=\s+(?:that|the|to|for|about|of|in|on|at|with|from|and|who|which|after|before|because)\b|\s*[,.;:!?]|$)/u;

function answerWho(lib: Library, q: Question, context: ConversationContext): AskResult {
  const object = answerWhoObject(lib, q, context);
  if (object) return object;
  // "Who is the fbi director?" names a role; "who was the man who was shot" a clause.
  // (Words end at a space, so the pattern cannot split one word many ways: "who is the " and 40
  // letters before a "#" would otherwise take 2^40 tries.)
  const role = /^(?:who|whom) (?:is|was|are|were) (?:the|a|an) ((?:(?!who|that|which|whose)[\p{L}\p{N}'-]+ )*(?!who|that|which|whose)[\p{L}\p{N}'-]+) ?$/iu.exec(q.text)?.[1]?.trim();
  if (role) {
    const byRole = holderOfRole(lib, role, context);
    if (byRole) return byRole;
    // "… communications director Jennifer Palmieri said": the name next to the role's words.
    const named = answerName(lib, { ...q, type: 'name', about: role }, context);
    if (named.answer.answer) return { ...named, answer: { ...named.answer, type: 'who' } };
  }
  const words = q.about ? terms(q.about) : topicTerms(q);
  const hits = inNamingArticles(lib, q, retrieve(lib, words, context, 10));
  // "Who shot Gonzalez?" is answered where the shooting is told, not where Gonzalez is named most.
  const verb = /^who\s+(?!(?:was|were|is|are|has|have|had|did|does|do|got)\b)(\w+)/i.exec(q.text)?.[1];
  const act = verb ? terms(verb)[0] : undefined;
  let top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return result('who', null, 0.1, [], context);
  if (act && !terms(lib.sentenceText(top)).includes(act)) {
    // The verb as asked ("shot") before another form of it ("the shooting").
    const inArticle = lib.search(words, { limit: 20, articles: new Set([top.article]) });
    const asWritten = new RegExp(`\\b${verb}\\b`, 'i');
    const told = inArticle.find((h) => asWritten.test(lib.sentenceText(h))) ?? inArticle.find((h) => terms(lib.sentenceText(h)).includes(act));
    if (told) top = { ...told };
  }
  const loaded = lib.article(top.article);
  const cite = citation(lib, top);
  // "Who was shot?" and "the kid who fell down the well" ask for the one it happened to.
  const passive = /^(who|whom) (was|were|is|are|has been|have been|got|had been)\b/i.test(q.text) || Boolean(q.about);
  const asked = new Set(terms(q.text));
  const named = entitiesIn(loaded, top.sentence, ['person', 'organization']).filter((x) => !terms(x.entity.name).some((t) => asked.has(t)));
  let lead: string | null = null;
  let entity: Entity | undefined;
  if (passive) {
    // The one something happened to: a person named in the sentence, else the person the story is about.
    const people = named.filter((x) => x.entity.kind === 'person');
    const speakers = new Set(loaded.facts.quotes.map((x) => x.speaker?.entity).filter(Boolean));
    const main = [...loaded.facts.entities]
      .filter((e) => e.kind === 'person' && !speakers.has(e.id))
      .sort((a, b) => b.mentions.length - a.mentions.length)[0];
    // A person named once in a caption is a weaker answer than the person the story is about.
    const inSentence = [...people].sort((a, b) => b.entity.mentions.length - a.entity.mentions.length)[0]?.entity;
    // "… while 50 other passengers were injured": the sentence's own passive subject, when it
    // names no one, says who better than the story's main figure.
    const participle = /^(?:who|whom) (?:was|were|is|are|has been|have been|got|had been) (\w+)/i.exec(q.text)?.[1];
    const sufferer = !inSentence && participle ? passiveSubject(cite.sentence, participle) : null;
    // Asked for a role no one is named in ("who was the tram driver"), the story's main figure is
    // no answer: the sentence about the role is.
    const fallback = role ? undefined : main;
    entity = inSentence && (!fallback || inSentence.mentions.length * 2 >= fallback.mentions.length) ? inSentence : sufferer ? undefined : fallback ?? inSentence;
    if (entity) {
      const roles = rolesOf(loaded, entity);
      lead = roles ? `${entity.name} (${roles})` : entity.name;
    } else lead = sufferer;
  } else {
    lead = (act ? agentAfterBy(cite.sentence, act) ?? subjectBefore(cite.sentence, [act]) : null) ?? subjectBefore(cite.sentence, words);
    // The one the subject names, else (no subject found) the first one named.
    const inLead = (e: Entity) => !!lead && nameKey(lead).includes(nameKey(e.name).split(' ').pop() ?? '\u0000');
    const firstNamed = named.find((x) => inLead(x.entity))?.entity ?? (lead ? undefined : named[0]?.entity);
    if (firstNamed) {
      entity = firstNamed;
      // "Fenwick's supporters" did it, not Fenwick.
      if (!lead || !/['’]s?\s+\S/.test(lead)) lead = firstNamed.name;
    }
  }
  const text = lead ? supported(lib, top, lead, 400) : clip(attributed(lib, top), 400);
  return result('who', text, lead ? 0.7 : 0.45, [cite], remember(context, [cite], entity));
}

function answerName(lib: Library, q: Question, context: ConversationContext): AskResult {
  const about = (q.about ?? '').replace(/^(the|a|an) /i, '');
  const aboutTerms = terms(about);
  if (aboutTerms.length === 0) return result('name', null, 0.1, [], context);
  const hits = retrieve(lib, aboutTerms, context, 30);
  // The asked noun as written ("boy"), so "boyhood" or "Boyd" do not count.
  const head = (about.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).pop()!.replace(/(es|s)$/, '');
  // "the ferry captain": a captain of something else is not the one asked about.
  const headTerm = terms(head)[0];
  const modifiers = aboutTerms.filter((t) => t !== headTerm);
  for (const hit of hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const text = loaded.article.text.slice(s.start, s.end);
    if (modifiers.length > 0 && !sharesWord(lib, hit, modifiers)) continue;
    for (const { entity, at } of entitiesIn(loaded, hit.sentence, ['person', 'organization', 'place', 'other'])) {
      const local = at - s.start;
      const before = text.slice(Math.max(0, local - 40), local);
      const mention = entity.mentions.find((m) => m.start === at)!;
      const after = text.slice(mention.end - s.start, mention.end - s.start + 40);
      // "officer John Smith", "the officer, John Smith,", "an officer named / identified as John Smith", "John Smith, the officer"
      const headRe = new RegExp(`\\b${head}(e?s)?(\\s*,)?(\\s+(named|called|identified as))?\\s*$`, 'i');
      const afterRe = new RegExp(`^,\\s+(a|an|the)\\s+([\\w-]+\\s+){0,3}${head}(e?s)?\\b`, 'i');
      if (headRe.test(before.replace(/\b(Mr|Mrs|Ms|Dr)\.?\s*$/, '')) || afterRe.test(after)) {
        const cite = citation(lib, hit);
        return result('name', supported(lib, hit, entity.name), 0.75, [cite], remember(context, [cite], entity));
      }
    }
  }
  return result('name', null, 0.6, [], context);
}

function answerWhen(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms(q);
  // Headlines are short, so a teaser sentence can outrank the story's own headline: look deeper
  // for the headline than for the sentences.
  const deep = words.length > 0 ? retrieve(lib, words, context, 40) : [];
  let candidates = deep.slice(0, 10).filter((h) => coverage(lib, words, h) >= 0.4);
  if (candidates.length === 0) {
    if (words.length > 0 && !context.articleId && lib.size > 1) return result('when', null, 0.1, [], context);
    const loaded = articleInFocus(lib, context);
    if (!loaded) return result('when', null, 0.1, [], context);
    const lead = leadSentence(loaded);
    candidates = [lead, lead + 1, lead + 2].filter((i) => i < loaded.facts.sentences.length).map((i) => ({ article: loaded.index, sentence: i, score: 1, matched: 0 }));
    // An article with no sentence (its text is only a dateline) tells no time.
    if (candidates.length === 0) return result('when', null, 0.1, [], context);
  }
  // A question about the story itself ("when did the tram crash happen", matching a headline)
  // is answered by the article's main event.
  const headline = deep.find((h) => h.sentence === 4095 && coverage(lib, words, h) >= 0.6);
  const event = headline ? lib.article(headline.article) : undefined;
  const phrase = event?.facts.event?.when;
  const time = phrase ? event!.facts.times.find((t) => t.text === phrase || phrase.includes(t.text)) : undefined;
  if (event && phrase && !(time && postedAt(event.article.text, time))) {
    const lead = leadSentence(event);
    const ref = { article: event.index, sentence: time ? sentenceAt(event, time.start) : lead, score: 1, matched: 0 };
    const cite = citation(lib, ref);
    return result('when', supported(lib, ref, time ? timeWords(time) : phrase), 0.7, [cite], remember(context, [cite]));
  }
  // News reports recent events: among the best sentences, a date near the dateline wins over
  // history. A sentence often leaves its date to the one before or after it.
  let fallback: { hit: Ranked; time: TimeFact; current: boolean; words: string[] } | null = null;
  // A neighbour that shares a word with the question may carry the hit's date ("The uncle said
  // they dug from 5am"); one that shares none is a last resort.
  const near = neighbours(lib, candidates.slice(0, 3));
  const related = near.filter((n) => sharesWord(lib, n, words));
  // "When did the plant open?": a sentence with the verb in the past ("opened") tells the act;
  // "to keep the plant open" shares the word but not the act, so it goes after.
  const verb = /^when did .+ (\p{Ll}{3,})$/iu.exec(q.text)?.[1]?.toLowerCase();
  const past = verb && !GENERIC.has(terms(verb)[0] ?? verb) ? new RegExp(`\\b${verb}(?:ed|d)\\b`, 'i') : null;
  const actFirst = (a: Ranked, b: Ranked) => (past ? Number(past.test(lib.sentenceText(b))) - Number(past.test(lib.sentenceText(a))) : 0);
  const ranked = [...[...candidates.slice(0, 6), ...related].sort((a, b) => actFirst(a, b) || b.score - a.score), ...near.filter((n) => !related.includes(n))];
  // "When did Tom Ashby work as harbor master?": a sentence that only names Tom Ashby dates something else.
  const named = namedTerms(q);
  const asksFuture = /\b(will|shall|going to|(?:is|are) (?:due|set|expected|scheduled) to)\b/i.test(q.text);
  const told = actWords(q, words);
  for (const hit of ranked) {
    // (Unless no better sentence tells the act either: "When did Northwind announce the closure?")
    if (told.length > 0 && named.size > 0 && candidates.includes(hit) && !sharesWord(lib, hit, told) &&
      candidates.some((c) => c.score > hit.score && sharesWord(lib, c, told))) continue;
    // A far weaker sentence with a recent date answers another question than the one asked,
    // unless the strong sentence's date is history ("the 2011 raid").
    if (fallback && fallback.current && hit.score < 0.6 * fallback.hit.score) break;
    // Nor does one that lacks an asked word the dated sentence has ("The plant opened in 1964" for
    // "when did the plant open?", not "… said on Tuesday it would close the plant").
    if (fallback && fallback.words.some((w) => !sharesWord(lib, hit, [w]))) continue;
    const loaded = lib.article(hit.article);
    // "now" or "recently" is no answer to "when".
    const times = byNearness(lib, hit, words, timesIn(loaded, hit.sentence).filter((t) => (t.type === 'date' || t.type === 'time') && !/_REF$/.test(t.value ?? '')));
    if (times.length === 0) continue;
    // "When will the plant close?" asks for a date still ahead of the story.
    const ahead = asksFuture ? times.find((t) => afterDateline(t, loaded.article.published)) : undefined;
    // A date already past answers no "when will" question.
    if (asksFuture && !ahead && loaded.article.published) continue;
    const recent = ahead ?? times.find((t) => nearDateline(t, loaded.article.published));
    if (recent || !loaded.article.published) {
      const cite = citation(lib, hit);
      return result('when', supported(lib, hit, timeWords(recent ?? times[0]), 300), 0.75, [cite], remember(context, [cite]));
    }
    if (!fallback) {
      const time = times.find((t) => t.value && /^\d{4}-\d{2}-\d{2}/.test(t.value)) ?? times[0];
      const year = loaded.article.published?.slice(0, 4);
      fallback = { hit, time, current: Boolean(year && time.value?.startsWith(year)), words: words.filter((w) => sharesWord(lib, hit, [w])) };
    }
  }
  if (fallback) {
    const cite = citation(lib, fallback.hit);
    return result('when', supported(lib, fallback.hit, timeWords(fallback.time), 300), 0.6, [cite], remember(context, [cite]));
  }
  // "When was Villegas-Gonzalez shot?": the sentences naming him give no date, but the one that
  // tells the shooting in his article does ("agents fatally shot an illegal alien … Friday").
  if (told.length > 0 && named.size > 0) {
    const article = candidates[0].article;
    const acts = lib.search(told, { limit: 10, articles: new Set([article]) }).filter((h) => coverage(lib, told, h) >= 0.5);
    for (const hit of acts) {
      const times = byNearness(lib, hit, told, timesIn(lib.article(article), hit.sentence).filter((t) => (t.type === 'date' || t.type === 'time') && !/_REF$/.test(t.value ?? '')));
      if (times.length === 0 || postedAt(lib.article(article).article.text, times[0])) continue;
      const cite = citation(lib, hit);
      return result('when', supported(lib, hit, timeWords(times[0]), 300), 0.55, [cite], remember(context, [cite]));
    }
  }
  // The story's own date answers "when did it happen?", not a question about something else in it.
  const loaded = lib.article(candidates[0].article);
  if (loaded.facts.event?.when && words.length === 0) {
    const cite = citation(lib, candidates[0]);
    return result('when', supported(lib, candidates[0], loaded.facts.event.when), 0.5, [cite], remember(context, [cite]));
  }
  return result('when', null, 0.3, [], context);
}

/** "a Mexican national", "an Irish-born engineer": the nationality a description gives. */
const NATIONALITY = /\b(?:a|an)\s+(?:\p{Ll}+\s+)?(\p{Lu}\p{Ll}+)(?:-born)?\s+(?:national|citizen|native|immigrant|man|woman|boy|girl|resident|student|tourist|worker|refugee|migrant|journalist)\b/u;

/** "Where is Silverio Villegas-Gonzalez from?": the country his nationality names, from a sentence about him. */
function answerWhereFrom(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const subject = /^where (?:is|was|are|were|does|did|do) (.+?) (?:come )?from$/i.exec(q.text)?.[1];
  if (!subject) return null;
  const name = resolveSubject(subject, context) ?? subject;
  for (const ref of lib.findEntities(name, 20)) {
    if (ref.entity.kind !== 'person') continue;
    const loaded = lib.article(ref.article);
    for (const m of ref.entity.mentions) {
      const sentence = sentenceAt(loaded, m.start);
      const hit = { article: ref.article, sentence };
      const nationality = NATIONALITY.exec(lib.sentenceText(hit));
      const country = nationality ? countryOfDemonym(nationality[1]) : null;
      if (!country) continue;
      const cite = citation(lib, hit);
      return result('where', supported(lib, hit, `${country} (${nationality![0].replace(/^(a|an)\s+/, 'a ')})`), 0.7, [cite], remember(context, [cite], ref.entity));
    }
  }
  return null;
}

/**
 * "Where is Franklin Park?": a place asked about is answered only by what the articles say contains
 * it ("Franklin Park, Ill.", "Franklin Park, a suburb of Chicago", "in Franklin Park near Chicago").
 */
function answerWhereIsPlace(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const asked = /^where (?:is|was|are|were) (?:the )?(.+?)(?: located)?$/i.exec(q.text)?.[1];
  if (!asked || !/^\p{Lu}/u.test(asked)) return null;
  const places = lib.findEntities(asked, 20).filter((r) => r.entity.kind === 'place');
  if (places.length === 0) return null;
  const name = escapeRegExp(asked);
  const container = new RegExp(`${name}(?:,\\s+(?:a|an|the)\\s+(?:\\p{Ll}+\\s+){0,2}?(?:suburb|neighbou?rhood|district|town|village|city|area|region|county|province|state)\\s+(?:of|in|outside|near)\\s+|,\\s+|\\s+(?:in|near|outside)\\s+(?:the\\s+)?)((?:\\p{Lu}[\\p{L}.'’-]*)(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*)`, 'u');
  for (const ref of places) {
    const loaded = lib.article(ref.article);
    for (const m of ref.entity.mentions) {
      const hit = { article: ref.article, sentence: sentenceAt(loaded, m.start) };
      const found = container.exec(lib.sentenceText(hit));
      const within = found?.[1];
      // The container is a place the articles know, or a state written as "Ill.".
      if (!within || !(lib.findEntities(within, 1)[0]?.entity.kind === 'place' || /^[A-Z][a-z]{1,4}\.$/.test(within))) continue;
      const cite = citation(lib, hit);
      return result('where', supported(lib, hit, stateName(within)), 0.6, [cite], remember(context, [cite], ref.entity));
    }
  }
  return result('where', null, 0.3, [], context);
}

function answerWhere(lib: Library, q: Question, context: ConversationContext): AskResult {
  const from = answerWhereFrom(lib, q, context) ?? answerWhereIsPlace(lib, q, context);
  if (from) return from;
  const words = topicTerms(q);
  let candidates: Ranked[] = [];
  if (words.length > 0) candidates = retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.4);
  const generic = candidates.length === 0;
  if (generic) {
    if (words.length > 0 && !context.articleId && lib.size > 1) return result('where', null, 0.1, [], context);
    const loaded = articleInFocus(lib, context);
    if (!loaded) return result('where', null, 0.1, [], context);
    const lead = leadSentence(loaded);
    candidates = loaded.facts.sentences.slice(lead, lead + 12).map((_, i) => ({ article: loaded.index, sentence: lead + i, score: 1, matched: 0 }));
    if (candidates.length === 0) return result('where', null, 0.1, [], context);
  }
  const places: Array<{ name: string; ref: Ranked; score: number; named: boolean }> = [];
  const wanted = new Set(words);
  // "Where in China …" asks for a place inside China, not China.
  const asked = nameKey(q.text);
  const inQuestion = (name: string) => name.length > 1 && ` ${asked} `.includes(` ${nameKey(name)} `);
  // "Which village …": a place whose name says it is one ("Zhongmengchang Village") answers best.
  const kindNoun = /^(?:which|what|in which|in what) ([a-z]+)/i.exec(q.text)?.[1]?.toLowerCase();
  for (const [rank, hit] of candidates.slice(0, generic ? 12 : 6).entries()) {
    // Among the best sentences, the place next to the asked words wins; without topic words
    // the article's order decides.
    const distance = generic ? () => 0 : wordDistance(lib, hit, words);
    for (const place of placesIn(lib, hit)) {
      if ([place.name, ...(place.entity?.aliases ?? [])].some(inQuestion)) continue;
      // "the bottom of the well" does not say where the well is.
      if (place.head && wanted.has(terms(place.head)[0] ?? '')) continue;
      // A named place says more than a phrase ("at a rally") from the same sentence.
      const score = (generic ? 100 - rank : hit.score / (1 + Math.min(distance(place), 400) / 60)) * (place.entity ? 1 : 0.7);
      const seen = places.find((p) => p.name === place.name);
      if (!seen) places.push({ name: place.name, ref: hit, score, named: !!place.entity });
      else if (score > seen.score) Object.assign(seen, { ref: hit, score });
    }
  }
  places.sort((a, b) => b.score - a.score);
  if (kindNoun) {
    const i = places.findIndex((p) => p.named && nameKey(p.name).split(' ').includes(kindNoun));
    if (i > 0) places.unshift(...places.splice(i, 1));
  }
  const first = places[0];
  if (!first) {
    const loaded = lib.article(candidates[0].article);
    if (loaded.facts.event?.where) {
      const cite = citation(lib, candidates[0]);
      return result('where', supported(lib, candidates[0], loaded.facts.event.where), 0.5, [cite], remember(context, [cite]));
    }
    return result('where', null, 0.3, [], context);
  }
  const cites = [citation(lib, first.ref)];
  // "The article also mentions …": places of the same article only.
  const others = places.slice(1).filter((p) => p.named && p.ref.article === first.ref.article).slice(0, 3).map((p) => p.name);
  for (const p of places.slice(1, 3)) {
    const c = citation(lib, p.ref);
    if (!cites.some((x) => x.start === c.start && x.articleId === c.articleId)) cites.push(c);
  }
  const lead = `${first.name}${others.length ? ` (the article also mentions ${others.join(', ')})` : ''}`;
  return result('where', supported(lib, first.ref, lead), 0.7, cites, remember(context, cites));
}

const NUMBER = /\b(\d(?:[\d,.]*\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|a few|half)(\s+(thousand|million|billion|hundred|percent|per cent))?(\s*%)?(\s+[\p{L}-]+){0,2}/giu;

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundreds of|a few|several';
const LENGTH_UNITS = 'feet|foot|ft|metres?|meters?|m|km|kilometres?|kilometers?|miles?|inches|inch|cm|centimetres?|centimeters?|yards?';
// The units that answer "how deep / far / fast / heavy …".
const MEASURE_UNITS: Record<string, string> = {
  deep: LENGTH_UNITS, high: LENGTH_UNITS, tall: LENGTH_UNITS, far: LENGTH_UNITS, wide: LENGTH_UNITS,
  fast: String.raw`mph|miles per hour|km\/h|kmh|kph|kilometres per hour|kilometers per hour|knots`,
  heavy: 'kg|kilograms?|kilos?|tons?|tonnes?|pounds?|lbs?|grams?|g',
  big: `${LENGTH_UNITS}|square (?:feet|metres|meters|miles|kilometres|kilometers)|acres?|hectares?`,
  large: `${LENGTH_UNITS}|square (?:feet|metres|meters|miles|kilometres|kilometers)|acres?|hectares?`,
  hot: 'degrees?|°[CF]?', cold: 'degrees?|°[CF]?',
};

/** Verbs of change whose "how much" is a percentage ("profit fell 35%"). */
const CHANGE_VERBS = /\b(rise|rose|risen|fall|fell|fallen|drop|dropped|climb|climbed|jump|jumped|slump|slumped|increase|increased|decrease|decreased|decline|declined|grow|grew|grown|shrink|shrank|gain|gained|lose|lost|slide|slid|surge|surged|plunge|plunged|cut)\b/i;
const PERCENT = /\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)(?:\s+to\s+(?:[$€£¥]\s?)?\d[\d,.]*\d?(?:\s+(?:million|billion|trillion))?)?/gi;

/** Words next to a measure that say which dimension it gives. */
const DIMENSION_WORDS: Record<string, RegExp> = {
  deep: /\b(depth|deep|below)\b/i, high: /\b(height|high|above|tall)\b/i, tall: /\b(height|tall|high)\b/i,
  far: /\b(away|from|off|north|south|east|west|northeast|northwest|southeast|southwest|of the (?:coast|city|border))\b/i,
  wide: /\b(width|wide|across)\b/i, long: /\b(length|long)\b/i,
};

// "PS8,000" is how "£8,000" reads after some text exports drop the pound sign.

/** Number phrases of a text, "six men and one woman" kept whole, without a dangling "and". */
function numberPhrases(text: string): string[] {
  const out: Array<{ text: string; end: number }> = [];
  for (const m of text.matchAll(NUMBER)) {
    // "Route 9", "Flight 370": a number in a name (after a capitalised word inside the sentence) counts nothing.
    if (/^\d/.test(m[0]) && /\S\s+\p{Lu}[\p{L}.]*\s$/u.test(text.slice(Math.max(0, m.index! - 40), m.index))) continue;
    const phrase = m[0].replace(/\s+(?:in|at|on|from|to|for|of|by)\s+\p{Lu}\S*$/u, '')
      .replace(/(\s+(and|or|of|the|a|in|on|to|for|as|at|by|with|from|after|before|since|during|until|than|into|who|that|when|were|was|had|have|has|are|is|died|killed|injured|wounded))+$/i, '').trim();
    const last = out[out.length - 1];
    if (last && /^\s*(,|and|,\s*and)\s*$/i.test(text.slice(last.end, m.index))) {
      last.text = text.slice(last.end - last.text.length, m.index! + phrase.length);
      last.end = m.index! + phrase.length;
    } else out.push({ text: phrase, end: m.index! + phrase.length });
  }
  return out.map((x) => x.text);
}

const GENERIC_COUNTED = new Set(terms('people persons individuals others ones'));
const SHARE_WORDS = new Set(terms('percentage percent proportion share'));

/** Of a sentence's pattern matches, the text of the one nearest the asked words. */
function nearestMatch(lib: Library, hit: Ranked, words: string[], matches: RegExpMatchArray[]): string {
  // (A headline, 4095, has no offset in the text: its matches keep their own.)
  const start = lib.article(hit.article).facts.sentences[hit.sentence]?.start ?? 0;
  const spans = matches.map((m) => ({ text: m[0], start: start + m.index!, end: start + m.index! + m[0].length }));
  return byNearness(lib, hit, words, spans)[0].text;
}

/** The number phrase of a sentence that answers a how-many/much/long/old question. */
function countIn(lib: Library, hit: Ranked, q: Question): string | null {
  const loaded = lib.article(hit.article);
  const text = lib.sentenceText(hit);
  const how = /^how (\w+)/i.exec(q.text)?.[1]?.toLowerCase();
  if (how === 'long') {
    // "How long was the rain delay": the duration next to "delay", not any duration in the sentence.
    const distance = wordDistance(lib, hit, topicTerms(q));
    const near = (t: TimeFact) => distance(t) <= 40;
    // "a day after she …" places an event in time; it does not say how long anything lasted.
    const offset = (t: TimeFact) => /^\s*(after|before|later|earlier|ago|since|from now)\b/i.test(loaded.article.text.slice(t.end, t.end + 12));
    const durations = timesIn(loaded, hit.sentence).filter((t) => t.type === 'duration' && !offset(t));
    const d = durations.find(near);
    if (d) return d.text;
    if (durations.length) return null;
  }
  // "How strong was the earthquake?": its magnitude.
  if (how === 'strong' || how === 'powerful') {
    const magnitude = /\b(?:magnitude|magnitude-)\s*\d(?:\.\d)?|\d(?:\.\d)?[- ]magnitude\b/i.exec(text);
    if (magnitude) return magnitude[0];
  }
  const units = how ? MEASURE_UNITS[how] : undefined;
  if (units) {
    // "How deep was the well": a number with a unit of depth, nearest the asked words.
    const measures = [...text.matchAll(new RegExp(String.raw`\b(\d[\d,.]*|${NUMBER_WORDS})(\s*-?\s*)(${units})\b(\s*\([^)]{1,30}\))?`, 'giu'))];
    if (measures.length) {
      // "at a depth of 30 kilometers" answers how deep, "40 kilometers southwest of" how far.
      const dimension = how ? DIMENSION_WORDS[how] : undefined;
      const fitting = dimension ? measures.filter((m) => dimension.test(text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length + 25))) : [];
      return nearestMatch(lib, hit, topicTerms(q), fitting.length ? fitting : measures);
    }
  }
  // "How much did profit fall?", "what percentage of …": a percentage answers before any sum.
  const asksShare = /^what (percentage|percent|proportion|share)\b/i.test(q.text);
  if ((how === 'much' && CHANGE_VERBS.test(q.text)) || asksShare) {
    const percents = [...text.matchAll(PERCENT)];
    if (percents.length) return nearestMatch(lib, hit, topicTerms(q), percents);
    // A share is a percentage: a sentence without one does not answer it.
    if (asksShare) return null;
  }
  if (how === 'much') {
    const money = MONEY.exec(text);
    if (money) return money[0].trim();
    // "How much did it cost" wants money; "two lorries" is no answer.
    if (ASKS_MONEY.test(q.text)) return null;
  }
  if (how === 'old') {
    const age = AGE.exec(text);
    if (age) return age[0].replace(/^,\s*|,$/g, '');
  }
  const unit = /^how (?:many|much) ([\p{L}-]+)/iu.exec(q.text)?.[1]?.toLowerCase();
  const wantedUnit = unit ? terms(unit)[0] : undefined;
  // "How many people …" is not answered by "420 jobs": a count of some other plural thing.
  // ("How many people" is answered by "two workers and three volunteers": people come under many names.)
  const otherThing = (n: string) => !!wantedUnit && !GENERIC_COUNTED.has(wantedUnit) && !terms(n).includes(wantedUnit) && /^\S+\s+(?:\p{L}+\s+)?\p{Ll}{3,}s\b/u.test(n) && !/\b(?:percent|years|months|weeks|days|hours|minutes|times)\b/.test(n);
  const numbers = numberPhrases(text).filter((n) => !/^\d+-\d+$/.test(n) && !otherThing(n));
  if (numbers.length === 0) return null;
  // "two of its supports": the count of a part, told with "of".
  const partCount = unit && unit.length > 2
    ? new RegExp(String.raw`\b(?:\d[\d,.]*|${NUMBER_WORDS}|all|both|most|some|many)\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\p{L}-]+\s+)?${unit.replace(/e?s$/, '')}\p{L}*`, 'iu').exec(text)
    : null;
  if (partCount) return partCount[0];
  // "18,000 fans attended": the count ends at the thing counted.
  const counted = wantedUnit ? numbers.find((n) => terms(n).includes(wantedUnit)) : undefined;
  if (counted) {
    const parts = counted.split(/\s+/);
    return parts.slice(0, parts.findIndex((p) => terms(p)[0] === wantedUnit) + 1).join(' ') || counted;
  }
  return numbers.find((n) => wantedUnit && terms(n).includes(wantedUnit))
    ?? (how === 'long' ? numbers.find((n) => /(year|month|week|day|hour|minute|second)/i.test(n) && !/\b(after|before|later|earlier|ago)$/i.test(n)) : undefined)
    ?? (how === 'many' || how === 'much' || !how ? nearestNumber(lib, hit, q, text, numbers) : null);
}

/** "How many were injured?": of several numbers, the one nearest the asked words ("injuring more than 200"). */
function nearestNumber(lib: Library, hit: Ranked, q: Question, text: string, numbers: string[]): string {
  const asked = askedWordsIn(text, topicTerms(q).filter((t) => !GENERIC_COUNTED.has(t)));
  if (numbers.length < 2 || asked.length === 0) return numbers[0];
  let best = numbers[0];
  let bestDistance = Infinity;
  let from = 0;
  for (const n of numbers) {
    const at = text.indexOf(n, from);
    if (at < 0) continue;
    from = at + n.length;
    // A count mostly follows its verb ("injuring more than 200"); one before it counts for less ("14 people and injuring").
    // An asked word inside the phrase ("6.1 earthquake struck") is what is counted there, no anchor.
    const distance = Math.min(...asked.map((a) => {
      const end = a.at + (/^[\p{L}\p{N}]+/u.exec(text.slice(a.at))?.[0].length ?? 0);
      if (a.at >= at && a.at < at + n.length) return Infinity;
      return end <= at ? at - end : 2 * (a.at - (at + n.length)) + 10;
    }));
    if (distance < bestDistance) { bestDistance = distance; best = n; }
  }
  return best;
}

function answerCount(lib: Library, q: Question, context: ConversationContext): AskResult {
  // "How much", "how long": the question's own words are not its topic.
  const how = /^how (\w+)/i.exec(q.text)?.[1];
  const howTerm = how ? terms(how)[0] : undefined;
  // ("What percentage did Otto get?": "percentage" asks for the form of the answer.)
  const words = topicTerms(q).filter((t) => t !== howTerm && !SHARE_WORDS.has(t));
  let hits = inNamingArticles(lib, q, retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.3));
  // "How much money was missing?": the thing counted is often written as the number itself ("$2 million").
  const counted = /^how (?:many|much) ([\p{L}-]+)/iu.exec(q.text)?.[1];
  const countedTerm = counted ? terms(counted)[0] : undefined;
  if (hits.length === 0 && countedTerm && words.length > 1) {
    const rest = words.filter((t) => t !== countedTerm);
    hits = retrieve(lib, rest, context, 10).filter((h) => coverage(lib, rest, h) >= 0.5);
  }
  // "How many cases did Romania report?": a count from a sentence that does not name Romania is another count.
  const named = [...namedTerms(q)].filter((t) => words.includes(t));
  if (named.length > 0) hits = hits.filter((h) => sharesWord(lib, h, named));
  // … and one that tells what was counted or done ("How many people live in Dunmore?" is not "cutting 420 jobs" there).
  const told = actWords(q, words);
  if (told.length > 0) hits = hits.filter((h) => sharesWord(lib, h, told));
  for (const hit of hits) {
    const pick = countIn(lib, hit, q);
    if (!pick) continue;
    const cite = citation(lib, hit);
    return result('count', supported(lib, hit, pick, 300, pick), 0.6, [cite], remember(context, [cite]));
  }
  return result('count', null, 0.2, [], context);
}

function answerHappened(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms(q);
  let loaded: LoadedArticle | undefined;
  // "What happened to the driver?" is about one thing: the sentence that says it, where the
  // driver is not merely the source ("according to the driver, …").
  if (/^what happened (to|with)\b/i.test(q.text)) return answerBySentence(lib, q, context, true);
  // "What about the officer?": what the articles say about that topic.
  if (q.query) return answerBySentence(lib, { ...q, text: q.query }, context);
  if (words.length > 0) {
    const top = retrieve(lib, words, context, 5)[0];
    if (top && coverage(lib, words, top) >= 0.5) loaded = lib.article(top.article);
  }
  return summaryOf(lib, 'what-happened', loaded ?? articleInFocus(lib, context), context);
}

/** An article's summary sentences (else its lead), each keeping its source, as the answer. */
function summaryOf(lib: Library, type: QuestionType, loaded: LoadedArticle | undefined, context: ConversationContext): AskResult {
  if (!loaded) return result(type, null, 0.1, [], context);
  const lines = loaded.facts.summary.length ? loaded.facts.summary.slice(0, 2) : [lib.sentenceText({ article: loaded.index, sentence: leadSentence(loaded) })];
  const cites = lines.map((line) => {
    const at = loaded.article.text.indexOf(line);
    return citation(lib, { article: loaded.index, sentence: at >= 0 ? sentenceAt(loaded, at) : 0 });
  });
  const text = cites.map((c) => attributed(lib, { article: loaded.index, sentence: sentenceAt(loaded, c.start) })).join(' ');
  return result(type, clip(text, 700), 0.7, cites, remember(context, cites));
}

/**
 * "Summarise the ferry strike": the article those words are about (none: the articles don't say);
 * "summarise" alone: the article in focus (the conversation's, else the newest).
 */
function answerSummary(lib: Library, q: Question, context: ConversationContext): AskResult {
  const about = q.query ? articlesAbout(lib, q.query) : null;
  return summaryOf(lib, 'summary', about ? about[0] : articleInFocus(lib, context), context);
}

function answerBySentence(lib: Library, q: Question, context: ConversationContext, notSource = false): AskResult {
  const words = topicTerms(q);
  const hits = retrieve(lib, words, context, 5);
  if (notSource) {
    // The one asked about, without its possessor: "the boy's parents" → parents.
    const object = terms(q.text.replace(/^what happened (to|with)\s+/i, '').replace(/\S+['’]s?\b(?=\s)/g, ' '));
    for (const h of hits) if (mostlyAsSource(lib, h, object)) h.score *= 0.5;
    hits.sort((a, b) => b.score - a.score);
  }
  const top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return result(q.type, null, 0.1, [], context);
  const cite = citation(lib, top);
  return result(q.type, clip(attributed(lib, top, words), 500), 0.5 * coverage(lib, words, top) + 0.2, [cite], remember(context, [cite]));
}

/**
 * Whether the asked words appear in a sentence mostly in its attribution: the speaker and cue of
 * a quote, up to the comma after "according to …".
 */
function mostlyAsSource(lib: Library, ref: SentenceRef, words: string[]): boolean {
  const loaded = lib.article(ref.article);
  const s = loaded.facts.sentences[ref.sentence];
  // A headline (4095) names no source.
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

/**
 * The part of an overlong sentence (run-together captions and bullets) that holds the most
 * of the asked words, so the answer starts where it is, not hundreds of characters before.
 */
function excerpt(text: string, words: string[], max = 320): string {
  if (text.length <= max || words.length === 0) return text;
  const hits = askedWordsIn(text, words);
  if (hits.length === 0) return text;
  // The tightest run of hits that holds the most distinct asked words.
  let best = { from: 0, count: 0, span: Infinity };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j].at - hits[i].at < max; j++) {
      seen.add(hits[j].term);
      const span = hits[j].at - hits[i].at;
      if (seen.size > best.count || (seen.size === best.count && span < best.span)) best = { from: Math.max(0, hits[i].at - 30), count: seen.size, span };
    }
  }
  if (best.from === 0) return text;
  const start = text.indexOf(' ', best.from) + 1;
  return `…${text.slice(start)}`;
}

// Words that give a reason: the sentence that says why, not the one that restates what.

const CAUSAL = /\b(because|due to|owing to|thanks to|as a result|in order to|so that|to ["“']?(ensure|avoid|keep|prevent|protect)|in response to|reasons?|blamed|caused|led to|amid|for \p{L}+ing)\b/iu;

function answerWhy(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms(q);
  let hits = inNamingArticles(lib, q, retrieve(lib, words, context, 8).filter((h) => coverage(lib, words, h) >= 0.3));
  if (hits.length === 0) return result('why', null, 0.1, [], context);
  // "Why was Victor Hale sentenced?": the reason is told where the act is, not where the name is.
  const told = actWords(q, words);
  const telling = told.length > 0 ? hits.filter((h) => sharesWord(lib, h, told)) : [];
  if (telling.length > 0) hits = telling;
  // … best where the act is written as asked ("sentenced", not "a lighter sentence").
  const asked = (q.text.match(/\p{L}+/gu) ?? []).filter((w) => told.includes(terms(w)[0] ?? ''));
  const asWritten = asked.length > 0 ? hits.filter((h) => asked.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(lib.sentenceText(h)))) : [];
  if (asWritten.length > 0) hits = asWritten;
  const near = neighbours(lib, hits.slice(0, 3)).filter((n) => sharesWord(lib, n, words));
  const weigh = (h: Ranked) => h.score * (CAUSAL.test(lib.sentenceText(h)) ? 1.6 : 1);
  const top = [...hits, ...near].reduce((best, h) => (weigh(h) > weigh(best) ? h : best));
  const cite = citation(lib, top);
  const confidence = 0.5 * coverage(lib, words, hits[0]) + 0.2;
  // "Cases rose to 127,000. The agency blamed falling vaccination rates …": the reason often
  // follows in the next sentence, which names the subject again in other words.
  const next = { ...top, sentence: top.sentence + 1 };
  if (!CAUSAL.test(lib.sentenceText(top)) && lib.article(top.article).facts.sentences[next.sentence] && CAUSAL.test(lib.sentenceText(next)) &&
    FOLLOW_ON.test(lib.sentenceText(next))) {
    const cites = [cite, citation(lib, next)];
    return result('why', clip(`${attributed(lib, top)} ${attributed(lib, next)}`, 700), confidence, cites, remember(context, cites));
  }
  return result('why', clip(attributed(lib, top), 500), confidence, [cite], remember(context, [cite]));
}

/** A sentence that goes on about what the one before said: it opens with a pronoun or a definite noun. */
const FOLLOW_ON = /^["“]?(?:The (?:\p{Ll}+ ){0,2}\p{Ll}+|It|This|That|They|He|She|Officials|Authorities|Experts|Analysts)\b/u;

function answerMeta(lib: Library, q: Question, context: ConversationContext): AskResult {
  // "Who wrote the measles article?": the article about those words, else the conversation's.
  const about = q.query ? terms(q.query) : [];
  const top = about.length > 0 ? retrieve(lib, about, context, 1)[0] : undefined;
  const loaded = top && coverage(lib, about, top) >= 0.5 ? lib.article(top.article) : articleInFocus(lib, context);
  if (!loaded) return result('meta', null, 0.1, [], context);
  const a = loaded.article;
  const cite = citation(lib, { article: loaded.index, sentence: 0 });
  const title = displayTitle(a.title, a.text);
  const value =
    q.meta === 'author' ? (a.author ? `${a.author}${a.outlet ? ` (${a.outlet})` : ''}` : null)
      : q.meta === 'outlet' ? a.outlet
        : q.meta === 'published' ? (a.published ? `${dateInWords(a.published.slice(0, 10)) ?? a.published}` : null)
          : q.meta === 'url' ? a.url
            : title;
  return result('meta', value ? `${value} — "${title}"` : null, value ? 0.95 : 0.5, [cite], remember(context, [cite]));
}

/** Share of a query's weight an article must hold to be about it ("what's new about the ferry strike"). */
const MIN_ABOUT = 0.5;

/** The articles about some words (holding most of their weight), best match first; all without words. */
function articlesAbout(lib: Library, query: string): LoadedArticle[] {
  const words = terms(query).filter((t) => !GENERIC.has(t));
  const matching = lib.articlesMatching(query);
  return words.length === 0 ? matching : matching.filter((l) => lib.articleCoverage(words, l.index) >= MIN_ABOUT);
}

/**
 * "List the articles about the ferry": best match first. "What's new about the ferry": the articles
 * that are about it (most of its words), newest first.
 */
function answerList(lib: Library, q: Question, context: ConversationContext): AskResult {
  const chosen = q.newest ? lib.newestFirst(articlesAbout(lib, q.query ?? '')) : lib.articlesMatching(q.query ?? null);
  if (chosen.length === 0) return result('list', null, 0.3, [], context);
  const shown = chosen.slice(0, 10);
  const lines = shown.map((l, i) => `${i + 1}. ${displayTitle(l.article.title, l.article.text)}${l.article.outlet ? ` (${l.article.outlet}${l.article.published ? `, ${l.article.published.slice(0, 10)}` : ''})` : l.article.published ? ` (${l.article.published.slice(0, 10)})` : ''}`);
  const more = chosen.length > shown.length ? `\n… and ${chosen.length - shown.length} more` : '';
  const cites = shown.map((l) => citation(lib, { article: l.index, sentence: 0 }));
  return result('list', `${chosen.length} article${chosen.length === 1 ? '' : 's'}${q.newest ? ', newest first' : ''}:\n${lines.join('\n')}${more}`, 0.9, cites, context);
}

/**
 * "How old is he?" after talking of Victor Hale: a person pronoun in a question about facts reads as
 * the conversation's person, so the question's words find that person's sentences.
 */
function withPersonResolved(q: Question, context: ConversationContext): Question {
  if (!context.person || !RESOLVED_TYPES.has(q.type) || !/\b(he|she|him|her|his|hers)\b/i.test(q.text)) return q;
  const person = context.person;
  return { ...q, text: q.text.replace(/\b(his|hers)\b/gi, `${person}'s`).replace(/\b(he|she|him|her)\b/gi, person) };
}
const RESOLVED_TYPES = new Set<QuestionType>(['count', 'when', 'where', 'why', 'what', 'what-happened']);

/** Question types a bare follow-up ("Why?", "And where?") asks of the last question's topic. */
const FOLLOW_UP_TYPES = new Set<QuestionType>(['when', 'where', 'why', 'count']);

/** Kinds whose answer is read from the story the question names (not meta questions about the articles themselves). */
const TOPICAL = new Set<QuestionType>(['who', 'who-is', 'name', 'when', 'where', 'count', 'why', 'what-happened', 'what-said', 'who-said', 'what', 'unknown']);
/** Below this share of the question's topic in every cited article, the answer is from another story. */
const MIN_TOPIC_COVERAGE = 0.5;
/** A question whose subject is a pronoun ("how old is he", "when will it open") asks about someone or something the conversation named. */
const PRONOUN_SUBJECT = /^\S+(?:\s+\S+){0,2}?\s+(?:he|she|it|they)\b/i;
/** A question that leans on the conversation: a pronoun stands for its person or story. */
const FOLLOW_UP_WORDS = /\b(?:he|she|him|her|his|hers|they|them|their)\b/i;
/** Words of the question's frame, not its topic: "what's the name of", "what's going on". */
const SCAFFOLD = new Set(terms('name names called going happening'));
/** The asked dimension ("how deep", "how far", "how much") and "stand for" are the frame too. */
const FRAME_WORDS = /\bhow\s+\p{L}+|\bstands?\s+for\b/giu;

/**
 * Verification of the answer against what the question asks for (the rules of ask/verify.ts):
 * null when it breaks one, else the answer with a little more confidence for each rule it kept.
 */
function verified(lib: Library, q: Question, r: AskResult): AskResult | null {
  const a = r.answer;
  if (a.answer === null) return r;
  const cited = new Set(a.citations.map((c) => lib.get(c.articleId)?.index));
  const { broken, held } = verify({
    question: q,
    type: a.type,
    lead: a.lead ?? a.answer.split(' — ')[0],
    hasLead: a.lead !== undefined || a.answer.includes(' — '),
    evidence: a.citations.map((c) => c.sentence),
    kindOf: (name) => (name ? lib.findEntities(name, 50).find((x) => cited.has(x.article))?.entity.kind : undefined),
  });
  if (broken.length > 0) return null;
  return held > 0 ? { ...r, answer: { ...a, confidence: Math.min(0.95, Math.round((a.confidence + 0.05 * held) * 100) / 100) } } : r;
}

/**
 * Verification of the story: an answer stands only when one of its cited articles holds most of
 * what the question names (by rarity), else the articles don't say. "whats going on with the
 * russian cargo ship" must not be answered from a story about a meat trader because its
 * sentence happened to score best.
 */
function onTopic(lib: Library, q: Question, r: AskResult, context: ConversationContext, followUp: boolean, pronounSubject = false): AskResult {
  if (r.answer.answer === null || !TOPICAL.has(q.type)) return r;
  const checked = verified(lib, q, r);
  if (checked === null) return result(q.type, null, 0, [], context);
  r = checked;
  // "where's he from", asked after a question about one story, is about someone in that story:
  // an answer from another story is about someone (or something) else.
  if (pronounSubject && context.articleId && !r.answer.citations.some((c) => c.articleId === context.articleId)) return result(q.type, null, 0, [], context);
  const words = topicTerms({ ...q, text: q.text.replace(FRAME_WORDS, ' ') }).filter((t) => !SCAFFOLD.has(t));
  if (words.length === 0) return r;
  let best = 0;
  for (const c of r.answer.citations) {
    // A follow-up ("how old is he") answered from the conversation's own story needs no second proof.
    if (followUp && c.articleId === context.articleId) return r;
    const loaded = lib.get(c.articleId);
    if (loaded) best = Math.max(best, lib.articleCoverage(words, loaded.index));
  }
  return best >= MIN_TOPIC_COVERAGE || r.answer.citations.length === 0 ? r : result(q.type, null, 0, [], context);
}

/**
 * Answers a question; never throws. A fault in an answerer is logged and the next answerer in
 * ANSWERERS is tried; when none can answer, the answer says so (`error`), and the context is kept.
 */
export function ask(lib: Library, questionText: string, context: ConversationContext = {}): AskResult {
  let kind: QuestionType = 'unknown';
  try {
    let q = withPersonResolved(parseQuestion(questionText), context);
    kind = q.type;
    if (lib.size === 0) return result(q.type, null, 0, [], context);
    if (!q.text) return result('unknown', null, 0, [], context);
    // "When did the plant close?" … "Why?": the follow-up keeps the topic of the question before it.
    const ownTopic = topicTerms(q).length > 0;
    if (!ownTopic && context.topic && FOLLOW_UP_TYPES.has(q.type)) q = { ...q, text: `${q.text} ${context.topic}` };
    const followUp = !ownTopic || FOLLOW_UP_WORDS.test(questionText);
    const r = onTopic(lib, q, firstAnswer(lib, q, context), context, followUp, PRONOUN_SUBJECT.test(questionText));
    if (ownTopic && r.answer.answer !== null && FOLLOW_UP_TYPES.has(q.type)) {
      r.context = { ...r.context, topic: q.text.replace(/^\S+(?:\s+(?:many|much|long|old|did|does|do|was|were|is|are|will|has|have|had))?\s+/i, '') };
    }
    return r;
  } catch (e) {
    answerFailed(e, kind, 'ask', questionText);
    return failedAnswer(kind, context);
  }
}

type Answerer = (lib: Library, q: Question, context: ConversationContext) => AskResult;

/**
 * Answerers in the order they are tried when one fails: the question's own kind, then the
 * sentence that best matches the question (which fits every kind: "When did the ferry sail?"
 * gets the sentence about the ferry rather than nothing).
 */
const ANSWERERS: Array<{ name: string; answer: Answerer }> = [
  { name: 'kind', answer: answerByType },
  { name: 'sentence', answer: (lib, q, context) => answerBySentence(lib, q, context) },
];

function firstAnswer(lib: Library, q: Question, context: ConversationContext): AskResult {
  for (const answerer of ANSWERERS) {
    try {
      return answerer.answer(lib, q, context);
    } catch (e) {
      answerFailed(e, q.type, answerer.name, q.text);
    }
  }
  return failedAnswer(q.type, context);
}

/** The operator learns what failed, for which kind of question, and where. */
function answerFailed(e: unknown, kind: QuestionType, answerer: string, question: string): void {
  const err = e instanceof Error ? e.message : String(e);
  const at = e instanceof Error ? e.stack?.split('\n').slice(1, 4).map((l) => l.trim()).join(' < ') : undefined;
  log().error({ err, at, kind, answerer, question: clip(String(question), 200) }, 'answering failed');
}

function failedAnswer(kind: QuestionType, context: ConversationContext): AskResult {
  return { answer: { answer: null, type: kind, confidence: 0, citations: [], error: ANSWER_FAILED }, context };
}

function answerByType(lib: Library, q: Question, context: ConversationContext): AskResult {
  switch (q.type) {
    case 'who-said': return answerWhoSaid(lib, q, context);
    case 'what-said': return answerWhatSaid(lib, q, context);
    case 'who-is': {
      // A lower-case guess ("who was arrested") is a name only if someone has it.
      if (q.nameGuess && lib.findEntities(q.subject ?? '', 1).length === 0) {
        return q.query ? answerHappened(lib, { ...q, type: 'what-happened' }, context) : answerWho(lib, { ...q, type: 'who' }, context);
      }
      const r = answerWhoIs(lib, q, context);
      // "Who is the suspect?" is not a name: fall back to a who-question about the events.
      return r.answer.answer === null && !PERSON_PRONOUNS.test(q.subject ?? '') ? answerWho(lib, { ...q, type: 'who' }, context) : r;
    }
    case 'who': return answerWho(lib, q, context);
    case 'name': return answerName(lib, q, context);
    case 'when': return answerWhen(lib, q, context);
    case 'where': return answerWhere(lib, q, context);
    case 'count': return answerCount(lib, q, context);
    case 'why': return answerWhy(lib, q, context);
    case 'what-happened': return answerHappened(lib, q, context);
    case 'meta': return answerMeta(lib, q, context);
    case 'list': return answerList(lib, q, context);
    case 'summary': return answerSummary(lib, q, context);
    default: return (SCORE_QUESTION.test(q.text) ? answerScore(lib, q, context) : null) ?? answerWhatIs(lib, q, context) ?? answerBySentence(lib, q, context);
  }
}

/** "What is the WHO?", "What does CDC stand for?": a name the articles know, described like a who-is. */
function answerWhatIs(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const expands = /^what (?:does|did) (?:the )?(.+?) stand for$/i.exec(q.text)?.[1];
  const name = /^what (?:is|are|was|were) (?:the |an? )?(.+?)$/i.exec(q.text)?.[1] ?? expands;
  if (!name) return null;
  if (!/\p{Lu}/u.test(name)) return expands ? null : definingSentence(lib, name, context);
  const ref = lib.findEntities(name, 1)[0];
  if (!ref) return definingSentence(lib, name, context);
  if (expands) {
    // The longest of the entity's names that is not the acronym itself spells it out, else the
    // capitalised words right before "(ACRONYM)" in the text.
    const loaded = lib.article(ref.article);
    const mention = ref.entity.mentions[0];
    const full = [ref.entity.name, ...ref.entity.aliases].filter((n) => nameKey(n) !== nameKey(name)).sort((a, b) => b.length - a.length)[0] ??
      spelledOut(loaded.article.text, name);
    if (full && mention) {
      const cite = citation(lib, { article: ref.article, sentence: sentenceAt(loaded, mention.start) });
      return result('what', `${name} stands for ${full}. — ${cite.sentence}`, 0.8, [cite], remember(context, [cite], ref.entity));
    }
  }
  const r = answerWhoIs(lib, { ...q, type: 'who-is', subject: name }, context);
  return r.answer.answer === null ? null : r;
}

/** "What is measles?": a sentence that opens with the thing and says what it is or does ("Measles spreads through the air …"). */
function definingSentence(lib: Library, thing: string, context: ConversationContext): AskResult | null {
  const words = terms(thing);
  if (words.length === 0) return null;
  const opening = new RegExp(`^(?:the\\s+)?${escapeRegExp(thing)}\\s+(?:is|are|was|were|\\p{Ll}+s)\\b`, 'iu');
  for (const hit of retrieve(lib, words, context, 20)) {
    if (!lib.article(hit.article).facts.sentences[hit.sentence] || !opening.test(lib.sentenceText(hit))) continue;
    const cite = citation(lib, hit);
    return result('what', clip(attributed(lib, hit), 500), 0.6, [cite], remember(context, [cite]));
  }
  return null;
}

/**
 * "European Centre for Disease Prevention and Control (ECDC)": the capitalised words right before
 * "(ACRONYM)", when they start with its first letter and hold its letters in order.
 */
function spelledOut(text: string, acronym: string): string | null {
  const at = text.indexOf(`(${acronym})`);
  if (at < 0) return null;
  const words = text.slice(Math.max(0, at - 200), at).trim().split(/\s+/);
  let k = words.length;
  while (k > 0 && (/^\p{Lu}/u.test(words[k - 1]) || /^(of|for|and|on|in|de|du|la|le|&)$/.test(words[k - 1]))) k--;
  while (k < words.length && !/^\p{Lu}/u.test(words[k])) k++;
  const run = words.slice(k);
  const initials = run.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return run.length > 1 && initials[0] === letters[0] && i === letters.length ? run.join(' ') : null;
}

const SCORE_QUESTION = /\b(?:score|scoreline)\b/i;
/** A result written as a score: "3-1", "102–98" (not a date range or a ratio in a longer number). */
const SCORE = /(?<![\d/.:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/.:%-])/;

/** "What was the score?": the score in the sentences about the asked words, else in the story's lead. */
function answerScore(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const asking = new Set(terms('score scoreline final'));
  const words = topicTerms(q).filter((t) => !asking.has(t));
  const hits = words.length > 0 ? retrieve(lib, words, context, 5).filter((h) => coverage(lib, words, h) >= 0.4) : [];
  // The story's lead holds its result: the story of the best sentence, the conversation's, or the one that talks of scoring.
  const anchor = hits[0] ?? (context.articleId ? undefined : retrieve(lib, terms(q.text), context, 1)[0]);
  const loaded = anchor ? lib.article(anchor.article) : articleInFocus(lib, context);
  const lead = loaded ? [0, 1, 2].map((i) => ({ article: loaded.index, sentence: leadSentence(loaded) + i, score: 0, matched: 0 })) : [];
  for (const hit of [...hits, ...lead]) {
    if (!lib.article(hit.article).facts.sentences[hit.sentence]) continue;
    const score = SCORE.exec(lib.sentenceText(hit));
    if (!score) continue;
    const cite = citation(lib, hit);
    return result('what', supported(lib, hit, score[0]), 0.6, [cite], remember(context, [cite]));
  }
  return null;
}
