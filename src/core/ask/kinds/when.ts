// "When did …": the date of the act asked about, near the asked words, recent before history,
// ahead of the dateline for "when will …".
import type { TimeFact } from '../../../knowledge/facts.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { pastTense, postedAt } from '../../../knowledge/sentence/index.ts';
import { articleInFocus, type ConversationContext } from '../../conversation.ts';
import { TITLE } from '../../archive/types.ts';
import { Library, type LoadedArticle, terms } from '../../library.ts';
import { escapeRegExp } from '../../wording.ts';
import { remember, result, supported, timeWords } from '../compose.ts';
import { actWords, byNearness, citation, coverage, GENERIC, leadSentence, namedTerms, neighbours, type Ranked, retrieve, sentenceAt, sharesWord, timesIn, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';
import { outweighs } from '../on-topic.ts';
import { answersWhen } from '../verify.ts';

/** Whether a time's date is later than the article's date. */
function afterDateline(t: TimeFact, published: string | null): boolean {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(t.value ?? '');
  if (!published || !m) return false;
  const day = published.slice(0, 10);
  // A month or year is ahead only when it begins after the dateline's month or year.
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` > day : m[2] ? `${m[1]}-${m[2]}` > day.slice(0, 7) : m[1] > day.slice(0, 4);
}

/**
 * A clause that tells its time as still ahead: "will burn up between May 5 and May 7", "is due to
 * return to court on May 18", "said it would close in March" (not "would have burned up").
 */
const AHEAD = /\b(?:will|shall|would(?! have)|(?:is|are|was|were) (?:due\b|(?:set|expected|scheduled|going) to)|plans? to|next)\b|['’]ll\b/gi;

/** "… said Wednesday", "told reporters on Monday": the time of the telling, not of what is told. */
const TOLD_AT = /\b(?:said|says|told(?: \w+)?|announced|added|stated|confirmed)\s+(?:on\s+|late\s+|early\s+)?$/i;

/**
 * Whether a time's own clause tells it as ahead (an article without a dateline has no date to count
 * from): a future word before it with no clause break between ("will re-enter …, Kelly said
 * Wednesday" tells Wednesday as past).
 */
function toldAhead(loaded: LoadedArticle, t: TimeFact): boolean {
  const s = loaded.facts.sentences.find((x) => x.start <= t.start && t.start < x.end);
  const before = loaded.article.text.slice(Math.max(s?.start ?? 0, t.start - 120), t.start);
  if (TOLD_AT.test(before)) return false;
  if (/^next\b/i.test(t.text)) return true;
  const marks = [...before.matchAll(AHEAD)];
  const last = marks[marks.length - 1];
  return !!last && !/[,;:—–]/.test(before.slice(last.index! + last[0].length));
}

/** Whether a time answers "when will …": later than the dateline, or, with none, told as ahead. */
function ahead(loaded: LoadedArticle, t: TimeFact): boolean {
  return loaded.article.published ? afterDateline(t, loaded.article.published) : toldAhead(loaded, t);
}

/** Whether a time falls within two weeks before (or a few days after) the article's date. */
function nearDateline(t: TimeFact, published: string | null): boolean {
  if (!published || !t.value) return false;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(t.value);
  if (!m) return /^T\d/.test(t.value);
  const days = (Date.parse(published.slice(0, 10)) - Date.parse(m[1])) / 86_400_000;
  return days >= -3 && days <= 14;
}

/**
 * "When were the suspects arrested?": after "was / were" the act is a participle, and a sentence
 * that tells it the same way ("the six were arrested Sunday") tells the act, where "announced the
 * arrest on Monday" or "plotted to have her killed" tells another.
 */
function passiveAct(question: string, act: string | undefined): RegExp | null {
  if (!act || !/^when\s+(?:was|were)\b/i.test(question) || !/(?:ed|en|t|wn)$/.test(act)) return null;
  return new RegExp(String.raw`\b(?:was|were|been|being|is|are|got|get)\s+(?:\p{L}+ly\s+)?${escapeRegExp(act)}\b`, 'iu');
}

/** "their Nations 2028 qualifier", "its Vision 2030 plan": a year in a name (after a capitalised word within the sentence) dates nothing. */
const YEAR_IN_NAME = /(?<!\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter|Christmas|Easter)\.?\s)(?<=[\p{L},]\s\p{Lu}\p{L}*\s)$/u;

/**
 * The times of a sentence that can answer the question: a date or a clock time ("now" or
 * "recently" is no answer to "when"), that the answer check accepts ("the second half" does not
 * answer "when was the match"), and not the year of a name.
 */
function datesIn(q: Question, loaded: LoadedArticle, sentence: number): TimeFact[] {
  const text = loaded.article.text;
  return timesIn(loaded, sentence).filter((t) => (t.type === 'date' || t.type === 'time') && !/_REF$/.test(t.value ?? '') &&
    answersWhen(q.text, timeWords(t)) && !(/^\d{4}$/.test(t.text) && YEAR_IN_NAME.test(text.slice(Math.max(0, t.start - 30), t.start))));
}

/**
 * "When is the probe going to burn up?": the story's sentence that tells a time ahead ("will leave its
 * orbit … between June 9 and June 11") may share fewer of the asked words than those that tell the past.
 */
function aheadInStory(lib: Library, q: Question, words: string[], hits: Ranked[], story: number, context: ConversationContext): AskResult | null {
  const loaded = lib.article(story);
  for (const hit of hits.filter((h) => h.article === story && h.sentence !== TITLE)) {
    const time = byNearness(lib, hit, words, datesIn(q, loaded, hit.sentence)).find((t) => ahead(loaded, t));
    if (!time) continue;
    const cite = citation(lib, hit);
    return result('when', supported(lib, hit, timeWords(time), 300), 0.55, [cite], remember(context, [cite]));
  }
  return null;
}

export function answerWhen(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms(q);
  // Headlines are short, so a teaser sentence can outrank the story's own headline: look deeper
  // for the headline than for the sentences.
  const deep = words.length > 0 ? retrieve(lib, words, context, 40) : [];
  let candidates = deep.slice(0, 10).filter((h) => coverage(lib, words, h) >= 0.4);
  // "When's the one punch case back in court?": a sentence from a story that holds little of what the
  // question names ("case … back … court") answers nothing when another story holds it.
  const held = new Map(candidates.map((h) => [h.article, lib.articleCoverage(words, h.article)]));
  const top = Math.max(0, ...held.values());
  candidates = candidates.filter((h) => !outweighs(top, held.get(h.article)!));
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
  const headline = deep.find((h) => h.sentence === TITLE && coverage(lib, words, h) >= 0.6);
  const event = headline ? lib.article(headline.article) : undefined;
  const phrase = event?.facts.event?.when;
  const time = phrase ? event!.facts.times.find((t) => t.text === phrase || phrase.includes(t.text)) : undefined;
  const asksFuture = frameOf(q).constraints.future;
  if (event && phrase && !(time && postedAt(event.article.text, time)) && !(asksFuture && !(time && ahead(event, time)))) {
    const lead = leadSentence(event);
    const ref = { article: event.index, sentence: time ? sentenceAt(event, time.start) : lead, score: 1, matched: 0 };
    const cite = citation(lib, ref);
    return result('when', supported(lib, ref, time ? timeWords(time) : phrase), 0.7, [cite], remember(context, [cite]));
  }
  // "When's the case back in court?", "when is the vote": asked in the present, a time the story tells
  // as ahead ("is due to return to court on May 18") is the one asked for, before a past one.
  if (!asksFuture && /^when(?:['’]s|\s+is|\s+are)\b/i.test(q.text) && candidates.length > 0) {
    const scheduled = aheadInStory(lib, q, words, deep, candidates[0].article, context);
    if (scheduled) return scheduled;
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
  const { verb, act } = frameOf(q).predicate;
  const past = verb && !GENERIC.has(terms(verb)[0] ?? verb) ? pastTense(verb) : passiveAct(q.text, act);
  const actFirst = (a: Ranked, b: Ranked) => (past ? Number(past.test(lib.sentenceText(b))) - Number(past.test(lib.sentenceText(a))) : 0);
  // A sentence of the story that tells the act in that form counts even when it shares few other asked
  // words ("The four were arrested Saturday in Dover" for "when were the kent smuggling suspects arrested").
  const telling = past ? deep.filter((h) => h.article === candidates[0].article && h.sentence !== TITLE && !candidates.slice(0, 6).includes(h) && past.test(lib.sentenceText(h))) : [];
  const ranked = [...[...candidates.slice(0, 6), ...related, ...telling].sort((a, b) => actFirst(a, b) || b.score - a.score), ...near.filter((n) => !related.includes(n))];
  // "When did Tom Ashby work as harbor master?": a sentence that only names Tom Ashby dates something else.
  const named = namedTerms(q);
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
    // "The six were arrested Sunday … and appear in court on Monday": the time next to the act.
    const times = byNearness(lib, hit, past?.test(lib.sentenceText(hit)) ? [terms(act ?? verb!)[0]] : words, datesIn(q, loaded, hit.sentence));
    if (times.length === 0) continue;
    // "When will the plant close?" asks for a date still ahead of the story.
    const later = asksFuture ? times.find((t) => ahead(loaded, t)) : undefined;
    // A date already past answers no "when will" question ("launched early Tuesday" for "when is it going to burn up").
    if (asksFuture && !later) continue;
    const recent = later ?? times.find((t) => nearDateline(t, loaded.article.published));
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
  if (asksFuture) {
    const later = aheadInStory(lib, q, words, deep, candidates[0].article, context);
    if (later) return later;
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
      const times = byNearness(lib, hit, told, datesIn(q, lib.article(article), hit.sentence));
      if (times.length === 0 || postedAt(lib.article(article).article.text, times[0]) || (asksFuture && !ahead(lib.article(article), times[0]))) continue;
      const cite = citation(lib, hit);
      return result('when', supported(lib, hit, timeWords(times[0]), 300), 0.55, [cite], remember(context, [cite]));
    }
  }
  // The story's own date answers "when did it happen?", not a question about something else in it.
  const loaded = lib.article(candidates[0].article);
  if (loaded.facts.event?.when && words.length === 0 && !asksFuture) {
    const cite = citation(lib, candidates[0]);
    return result('when', supported(lib, candidates[0], loaded.facts.event.when), 0.5, [cite], remember(context, [cite]));
  }
  return result('when', null, 0.3, [], context);
}
