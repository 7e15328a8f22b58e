// The article's main event as who/what/when/where/why/how phrases.
// News states its event twice: in the headline ("Police name final victims") and in the lead
// sentence. The headline's clause gives the actor and the act; the lead sentences give the
// time, the place, the cause and the manner. Entities, times and quotes from the other
// extractors are used when present; without them the event falls back on its own patterns.
import type { Article, Entity, EventFacts, QuoteFact, TimeFact } from './facts.ts';
import { analyse, type NlpDoc, type Token } from './nlp.ts';
import { furnitureSentences, leadingFurnitureLength } from './furniture.ts';
import { wordsIn } from './words.ts';
import { mainClause, phrase, type Clause } from './event/clause.ts';
import { eventNames, fullName } from './event/names.ts';
import { bestPlace, datelinePlace, placeCandidates, usualCase } from './event/places.ts';
import { bestTime, eventDate, MAX_TIME_RANK, timePhrases } from './event/when.ts';

export interface EventInput {
  article: Article;
  entities: Entity[];
  times: TimeFact[];
  quotes: QuoteFact[];
}

/** Sentences read as the lead: where the event's details are stated. */
const LEAD_SENTENCES = 4;
/** Sentences after the lead searched for an outright cause ("because of ..."). */
const LATER_CAUSE_SENTENCES = 4;
/** Sentences searched for the place (datelines and locatives sit a little further down). */
const PLACE_SENTENCES = 6;
/** Headlines and titles longer than this are not parsed (they are not headlines). */
const MAX_TITLE_CHARS = 300;

const PRONOUN_SUBJECT = /^(he|she|it|they|we|i|you|this|that|these|those|there|some|many|one)$/i;

/** News sentences needed: the lead and place windows, and the rank at which time scores stop falling. */
const NEWS_SENTENCES_USED = Math.max(LEAD_SENTENCES, PLACE_SENTENCES, MAX_TIME_RANK + 1);

/** A letter or digit in any script (a word character of the pattern /[\p{L}\p{N}]+/u). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words (runs of letters and digits, as /[\p{L}\p{N}]+/gu finds them) in text[from, to),
 * counted without building the list of them; counting stops past `limit`.
 */
function countWords(text: string, from: number, to: number, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let wordChar: boolean;
    // ASCII letters and digits by hand; another character (a curly quote, an accented letter)
    // is asked of the pattern one code point at a time.
    if (c < 128) wordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else {
      const point = text.codePointAt(i) as number;
      // A surrogate pair only counts as one code point when both halves are in the range.
      const pair = point > 0xffff && i + 1 < to;
      wordChar = LETTER_OR_DIGIT.test(pair ? String.fromCodePoint(point) : text[i]);
      if (pair) i++;
    }
    if (wordChar && !inWord && ++n > limit) return n;
    inWord = wordChar;
  }
  return n;
}

/** Whether sentence i is page furniture (the one definition in furniture.ts). */
type FurnitureTest = (i: number) => boolean;

function furnitureTest(doc: NlpDoc): FurnitureTest {
  const flags = furnitureSentences(doc);
  return (i) => flags[i] === 1;
}

/** The first sentences that carry news: not captions or share bars, with a few words. */
function newsSentences(doc: NlpDoc, isFurniture: FurnitureTest): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.sentences.length && out.length < NEWS_SENTENCES_USED; i++) {
    const s = doc.sentences[i];
    const words = countWords(doc.text, s.start, s.end, 80);
    if (words >= 5 && words <= 80 && !isFurniture(i)) out.push(i);
  }
  return out;
}

/** Sentences before `end` that are page furniture (captions, share bars, video prompts). */
function furnitureSpans(doc: NlpDoc, end: number, isFurniture: FurnitureTest): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i];
    if (s.start >= end) break;
    if (isFurniture(i)) out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Rank of the news sentence holding an offset (sentences that are not news count as the next one). */
function newsRank(doc: NlpDoc, news: number[], offset: number): number {
  for (let r = 0; r < news.length; r++) if (offset < doc.sentences[news[r]].end) return r;
  return news.length;
}

/** The visible tokens in [first, last]: wink's whitespace tokens left out. */
function visibleTokens(tokens: Token[], first: number, last: number): Token[] {
  const out: Token[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    // A token that starts with a printable ASCII character is visible without trimming it.
    if (t && (t.text.charCodeAt(0) > 32 && t.text.charCodeAt(0) < 127 || t.text.trim() !== '')) out.push(t);
  }
  return out;
}

/** The dateline or byline a sentence opens with ("AUGUSTA, Maine (AP) — "), as a span (empty when none). */
function datelineSpan(doc: NlpDoc, index: number): { start: number; end: number } {
  const s = doc.sentences[index];
  const raw = doc.text.slice(s.start, s.end);
  const start = s.start + (raw.length - raw.trimStart().length);
  return { start, end: start + leadingFurnitureLength(raw.trimStart()) };
}

/** A sentence's visible tokens after any dateline or byline it opens with. */
function sentenceTokens(doc: NlpDoc, index: number): Token[] {
  const s = doc.sentences[index];
  const content = datelineSpan(doc, index).end;
  return visibleTokens(doc.tokens, s.firstToken, s.lastToken).filter((t) => t.start >= content);
}

/**
 * Headline parts split at ":" "|" " - ", in the order to try them: a later part usually holds
 * the clause ("Topic: X does Y"). A ", but" clause is tried after the clause before it
 * ("Toblerone gets gappy, but fans are not happy"), which it only stands in for when that
 * one has no actor ("You knew it would be hard, but the team are champions").
 */
function headlineParts(tokens: Token[]): Token[][] {
  const sections: Token[][][] = [[[]]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const section = sections[sections.length - 1];
    if (t.pos === 'PUNCT' && /^[:|–—]$/.test(t.text)) sections.push([[]]);
    else if (t.text === ',' && tokens[i + 1]?.normal === 'but') section.push([]);
    else section[section.length - 1].push(t);
  }
  return sections
    .reverse()
    .flat()
    .filter((p) => p.length > 0 && !/^['"‘“]/.test(p[0].text));
}

/** The headline's main clause, with the tokens indexing the title's own text. */
function headlineClause(title: string | null): { text: string; clause: Clause } | null {
  if (!title || title.length > MAX_TITLE_CHARS || !title.trim()) return null;
  // Only tokens and tags are read here: wink's entity recogniser (a third of the tagger's time) is skipped.
  const doc = analyse(title, { headline: true });
  for (const part of headlineParts(visibleTokens(doc.tokens, 0, doc.tokens.length - 1))) {
    const clause = mainClause(part, true);
    // "You knew it would be hard": a pronoun names no actor, so another part may hold the news.
    if (clause && clause.predicate.length > 0 && !PRONOUN_SUBJECT.test(phrase(title, clause.subject) ?? '')) return { text: title, clause };
  }
  return null;
}

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** True when the phrase names something the body talks about (one of its words recurs there). */
function supportedByBody(phraseText: string, body: string): boolean {
  const words = wordsIn(phraseText).filter((w) => w.length > 2);
  // An ASCII word found as written is found in the lower-cased body too: most are, and then the
  // body need not be lower-cased.
  if (words.some((w) => ASCII_WORD.test(w) && body.includes(w))) return true;
  const lowerBody = body.toLowerCase();
  return words.some((w) => lowerBody.includes(w.toLowerCase()));
}


/** The subject as a short name: an entity's name when the subject mentions one. */
function actorPhrase(text: string, subject: Token[], entities: Entity[]): string | null {
  const raw = phrase(text, subject);
  if (!raw || PRONOUN_SUBJECT.test(raw)) return null;
  const start = subject[0].start;
  const end = subject[subject.length - 1].end;
  const named = entities.find(
    (e) => (e.kind === 'person' || e.kind === 'organization') && e.mentions.some((m) => m.start >= start && m.end <= end),
  );
  return named && raw.length > named.name.length + 20 ? named.name : raw;
}

/** A clause that states a cause outright: "because ...", "due to ...", "in a bid to ...", "criticised for ...". */
const STRONG_CAUSE =
  /\b(?:because(?: of)?|due to|owing to|as a result of|in an attempt to|in a bid to|in protest (?:at|against)|in response to|(?:under fire|criticism|backlash|critici[sz]ed|blamed|apologi[sz]ed|arrested|charged|fined|jailed|sacked|fired|praised) for)\s+([^.;:!?"“”()\n]{3,120})/i;
/** Clauses that give the occasion more than the cause: read only in the lead. */
const WEAK_CAUSES = [
  /\b(?:amid|over fears? (?:of|that)|following)\s+([^.;:!?"“”()\n]{3,120})/i,
  /\bafter\s+([^.;:!?"“”()\n]{3,120})/i,
];

/** The cause: an outright one in the headline and lead, else an occasion there, else an outright one further down. */
function causePhrase(leadText: string, laterText = ''): string | null {
  const order: Array<[RegExp, string]> = [
    [STRONG_CAUSE, leadText],
    ...WEAK_CAUSES.map((p): [RegExp, string] => [p, leadText]),
    [STRONG_CAUSE, laterText],
  ];
  for (const [p, text] of order) {
    const m = p.exec(text);
    if (m) return clip(m[0], 12);
  }
  return null;
}

/** A manner clause: "by trying to flee", "using a ...", "with a knife". */
function mannerPhrase(text: string): string | null {
  const m = /\bby\s+(\w+ing\b[^.;:!?"“”()\n]{0,80})/i.exec(text) ?? /\b(?:using|with the help of)\s+([^.;:!?"“”()\n]{3,80})/i.exec(text);
  return m ? clip(m[0], 8) : null;
}

const COPULA = /^(?:is|are|was|were|be|been|being|am|'s|'re)$/i;

/** The verb of an act and the word after it: "stages protest outside the tower" gives "stages protest". */
function actHead(what: string): string | null {
  const words = what.split(/\s+/).filter(Boolean);
  // "are champions", "is back": a state, not an act, says nothing of how.
  if (words.length === 0 || COPULA.test(words[0])) return null;
  return words.slice(0, 2).join(' ');
}

/** A capitalised function word inside a clause: the next sentence of text that lost its full stop. */
const RUN_ON_SENTENCE = /\s+(?=(?:The|A|An|This|These|Those|It|He|She|They|We|I|In|On|At|But|And)\s)/;

/** At most n words, cut at a comma or where a run-on next sentence starts. */
function clip(raw: string, n: number): string {
  const head = raw.split(/,|\s+(?:and then|while|when|which|who)\s+/)[0].split(RUN_ON_SENTENCE)[0];
  return head.split(/\s+/).slice(0, n).join(' ').trim();
}

/** Words that end the act's own clause: what follows them tells another act ("after lawmakers worked through Friday"). */
const ACT_CLAUSE_ENDS = new Set([',', ';', 'after', 'before', 'when', 'while', 'since', 'until', 'because', 'as', 'who', 'which', 'where']);

/** The lead clause's verb group and what follows it up to the next clause: where the act's own time is told. */
function actSpan(doc: NlpDoc, clause: Clause): { start: number; end: number } | null {
  const first = clause.predicate[0];
  if (!first) return null;
  let end = clause.predicate[clause.predicate.length - 1].end;
  for (const t of clause.rest) {
    if (ACT_CLAUSE_ENDS.has(t.normal)) break;
    end = t.end;
  }
  return { start: first.start, end: end };
}

/** Whether the clause tells its act in the past ("approved", "has scrapped", "gave"), not "approves" or "will approve". */
function toldInPast(clause: Clause): boolean {
  const verbs = clause.predicate.filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verbs.some((t) => /^(?:will|shall|would|'ll)$/.test(t.normal))) return false;
  return verbs.some((t) => /^(?:was|were|had|has|have|did)$/.test(t.normal) || (t.pos === 'VERB' && t.normal !== t.lemma && !/(?:s|ing)$/.test(t.normal)));
}

function publishedDate(published: string | null): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  const date = new Date(published.slice(0, 10) + 'T12:00:00Z');
  return Number.isNaN(date.getTime()) ? null : date;
}

export function extractEvent(doc: NlpDoc, input: EventInput): EventFacts | null {
  const { article, entities, times } = input;
  const text = doc.text;
  if (!text.trim() && !article.title) return null;

  const isFurniture = furnitureTest(doc);
  const news = newsSentences(doc, isFurniture);
  const leadIndexes = news.slice(0, LEAD_SENTENCES);
  const leadClauses = leadIndexes.map((i) => ({ index: i, clause: mainClause(sentenceTokens(doc, i)) }));

  // Who and what: the headline's clause when the body backs it, else the first lead clause.
  const headline = headlineClause(article.title);
  const headlineWho = headline ? actorPhrase(headline.text, headline.clause.subject, []) : null;
  const firstLead = leadClauses.find((l) => l.clause && actorPhrase(text, l.clause.subject, entities));
  const leadWho = firstLead?.clause ? actorPhrase(text, firstLead.clause.subject, entities) : null;
  const useHeadline = !!headlineWho && supportedByBody(headlineWho, text);
  const actor = useHeadline ? headlineWho : leadWho;
  const who = actor ? fullName(actor, entities, text) : null;
  const what = useHeadline && headline
    ? phrase(headline.text, headline.clause.predicate)
    : firstLead?.clause ? phrase(text, firstLead.clause.predicate) : null;

  // When: the most specific time phrase at or near the lead, the lead clause's own first.
  const actClause = (firstLead ?? leadClauses[0])?.clause ?? null;
  const act = actClause ? actSpan(doc, actClause) : null;
  const time = bestTime(timePhrases(doc, times), (offset) => newsRank(doc, news, offset), publishedDate(article.published), text, act);
  const when = time?.text ?? null;
  const date = time ? eventDate(time, times, article.published, actClause !== null && toldInPast(actClause)) : null;

  // Where: a dateline, else the best place named near the lead.
  const placeIndexes = news.slice(0, PLACE_SENTENCES);
  const placeEnd = placeIndexes.length > 0 ? doc.sentences[placeIndexes[placeIndexes.length - 1]].end : Math.min(text.length, 800);
  const furniture = furnitureSpans(doc, placeEnd, isFurniture);
  const dateline = datelinePlace(text);
  const candidates = placeCandidates(text, { start: 0, end: placeEnd }, entities, furniture);
  const rankOf = (offset: number) => newsRank(doc, news, offset);
  // "WASHINGTON (Reuters) - Floods cut off villages in Nepal": the place after the act's verb is
  // where it happened; the dateline is only where it was reported from.
  const actPlace = act ? bestPlace(candidates.filter((c) => c.locative && c.start >= act.start && c.start < act.end), who, rankOf) : null;
  const where = actPlace ?? (dateline ? usualCase(dateline, text) : bestPlace(candidates, who, rankOf));

  // Why and how: cause and manner clauses in the headline and lead.
  const leadText = [article.title ?? '', ...leadIndexes.map((i) => text.slice(doc.sentences[i].start, doc.sentences[i].end))].join('\n');
  const laterText = news.slice(LEAD_SENTENCES, LEAD_SENTENCES + LATER_CAUSE_SENTENCES).map((i) => text.slice(doc.sentences[i].start, doc.sentences[i].end)).join('\n');
  const why = causePhrase(leadText, laterText);
  // Without a manner clause the act's head ("stages protest", "increased the space") says how it came about.
  const how = mannerPhrase(leadText) ?? (what ? actHead(what) : null);

  const facts: EventFacts = { who, what, when, where, why, how };
  if (!Object.values(facts).some((v) => v !== null)) return null;
  // A name met only in furniture or a dateline ("(AP)", a photo credit) is no one the story is about.
  const notNews = [...furniture, ...leadIndexes.map((i) => datelineSpan(doc, i))];
  const named = entities.filter((e) => e.mentions.some((m) => !notNews.some((s) => m.start >= s.start && m.start < s.end)));
  return { ...facts, names: eventNames(who, named, `${article.title ?? ''}\n${text}`, where), date };
}

/** Exported for tests: the headline's actor and act. */
export function headlineEvent(title: string): { who: string | null; what: string | null } {
  const h = headlineClause(title);
  if (!h) return { who: null, what: null };
  return { who: phrase(h.text, h.clause.subject), what: phrase(h.text, h.clause.predicate) };
}


