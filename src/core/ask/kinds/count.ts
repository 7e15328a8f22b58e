// "How many / much / long / old / far …": the number phrase that counts or measures what is asked.
import type { TimeFact } from '../../../knowledge/facts.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { AGE, DIMENSION_WORDS, NUMBER_WORDS, MAGNITUDE, MEASURE_UNITS, measuresIn, MONEY, numberPhrases, partCount, PERCENT, placesInTime } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, terms } from '../../library.ts';
import { remember, result, supported } from '../compose.ts';
import { actWords, askedWordsIn, citation, coverage, inNamingArticles, namedTerms, nearestMatch, type Ranked, retrieve, sharesWord, timesIn, topicTerms, wordDistance } from '../evidence.ts';
import type { AskResult } from '../types.ts';

const GENERIC_COUNTED = new Set(terms('people persons individuals others ones'));

const SHARE_WORDS = new Set(terms('percentage percent proportion share'));

/** The number phrase of a sentence that answers a how-many/much/long/old question. */
function countIn(lib: Library, hit: Ranked, q: Question): string | null {
  const loaded = lib.article(hit.article);
  const text = lib.sentenceText(hit);
  const { constraints } = frameOf(q);
  const how = constraints.dimension?.toLowerCase();
  if (how === 'long') {
    // "How long was the rain delay": the duration next to "delay", not any duration in the sentence.
    const distance = wordDistance(lib, hit, topicTerms(q));
    const near = (t: TimeFact) => distance(t) <= 40;
    // "a day after she …" places an event in time; it does not say how long anything lasted.
    const offset = (t: TimeFact) => placesInTime(loaded.article.text.slice(t.end, t.end + 12));
    const durations = timesIn(loaded, hit.sentence).filter((t) => t.type === 'duration' && !offset(t));
    const d = durations.find(near);
    if (d) return d.text;
    if (durations.length) return null;
  }
  // "How strong was the earthquake?": its magnitude.
  if (how === 'strong' || how === 'powerful') {
    const magnitude = MAGNITUDE.exec(text);
    if (magnitude) return magnitude[0];
  }
  const units = how ? MEASURE_UNITS[how] : undefined;
  if (units) {
    // "How deep was the well": a number with a unit of depth, nearest the asked words.
    const measures = measuresIn(text, units);
    if (measures.length) {
      // "at a depth of 30 kilometers" answers how deep, "40 kilometers southwest of" how far.
      const dimension = how ? DIMENSION_WORDS[how] : undefined;
      const fitting = dimension ? measures.filter((m) => dimension.test(text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length + 25))) : [];
      return nearestMatch(lib, hit, topicTerms(q), fitting.length ? fitting : measures);
    }
  }
  // "How much did profit fall?", "what percentage of …": a percentage answers before any sum.
  const asksShare = constraints.share;
  if ((how === 'much' && constraints.change) || asksShare) {
    const percents = [...text.matchAll(PERCENT)];
    if (percents.length) return nearestMatch(lib, hit, topicTerms(q), percents);
    // A share is a percentage: a sentence without one does not answer it.
    if (asksShare) return null;
  }
  if (how === 'much') {
    const money = MONEY.exec(text);
    if (money) return money[0].trim();
    // "How much did it cost" wants money; "two lorries" is no answer.
    if (constraints.money) return null;
  }
  if (how === 'old') {
    // "taking his daughter to a rally when she was 13 … fled aged 15": the age next to the asked words.
    const ages = [...text.matchAll(new RegExp(AGE.source, 'gi'))];
    // ("when she was 13" answers "13".)
    if (ages.length) return nearestMatch(lib, hit, topicTerms(q), ages).replace(/^,\s*|,$/g, '').replace(/^when \S+ \S+ /i, '');
  }
  const unit = constraints.counted?.toLowerCase();
  const wantedUnit = unit ? terms(unit)[0] : undefined;
  // "How many people …" is not answered by "420 jobs": a count of some other plural thing.
  // ("How many people" is answered by "two workers and three volunteers": people come under many names.)
  const otherThing = (n: string) => !!wantedUnit && !GENERIC_COUNTED.has(wantedUnit) && !terms(n).includes(wantedUnit) && /^\S+\s+(?:\p{L}+\s+)?\p{Ll}{3,}s\b/u.test(n) && !/\b(?:percent|years|months|weeks|days|hours|minutes|times)\b/.test(n);
  const numbers = numberPhrases(text).filter((n) => !/^\d+-\d+$/.test(n) && !otherThing(n) && !writtenIn(q, n));
  if (numbers.length === 0) return null;
  // "two of its supports": the count of a part, told with "of".
  const part = unit && unit.length > 2 ? partCount(text, unit) : null;
  if (part) return part[0];
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

/** "How many sailors died in the 1893 shipwreck?": a number the question writes itself ("1893 shipwreck") is what it asks about, not its answer. */
function writtenIn(q: Question, phrase: string): boolean {
  const n = /^\d[\d,.]*\d|^\d/.exec(phrase)?.[0];
  return !!n && new RegExp(String.raw`(?<![\d,.])${n.replace(/[.]/g, '\\.')}(?![\d]|[,.]\d)`).test(q.text);
}

/** Words of a number phrase that say how big it is, not what it counts ("1.5 million", "a few", "one in seven"). */
const SIZE_WORDS = new RegExp(String.raw`^(?:[\d,.]+\p{L}{0,2}|${NUMBER_WORDS.replace(/ /g, '|')}|hundred|thousand|million|billion|trillion|m|bn|k|and|an?|in|out|of|per|some|about|nearly|almost|more|than|over|up|to|at|least)$`, 'iu');

/** Whether a number phrase counts a thing other than the unit asked ("2008 campaign trail" for Armenians; "51million" counts nothing named). */
function countsOther(phrase: string, unit: string): boolean {
  const things = phrase.split(/\s+/).filter((w) => !SIZE_WORDS.test(w));
  return things.length > 0 && !things.some((w) => terms(w)[0] === unit);
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

export function answerCount(lib: Library, q: Question, context: ConversationContext): AskResult {
  // "How much", "how long": the question's own words are not its topic.
  const { dimension: how, counted } = frameOf(q).constraints;
  const howTerm = how ? terms(how)[0] : undefined;
  // ("What percentage did Otto get?": "percentage" asks for the form of the answer.)
  const words = topicTerms(q).filter((t) => t !== howTerm && !SHARE_WORDS.has(t));
  let hits = inNamingArticles(lib, q, retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.3));
  // "How much money was missing?": the thing counted is often written as the number itself ("$2 million").
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
  const picks = hits.map((hit) => ({ hit, pick: countIn(lib, hit, q) })).filter((p): p is { hit: Ranked; pick: string } => p.pick !== null);
  // "How many armenians were killed in the 1915 massacre": "2008 campaign trail" counts something else,
  // so a number of the same story that counts Armenians ("an estimated 1.5 million Armenians") answers.
  const unit = countedTerm && !GENERIC_COUNTED.has(countedTerm) ? countedTerm : undefined;
  const counting = unit && picks.length > 0 && countsOther(picks[0].pick, unit) ? picks.find((p) => p.hit.article === picks[0].hit.article && terms(p.pick).includes(unit)) : undefined;
  const chosen = counting ?? picks[0];
  if (chosen) {
    const cite = citation(lib, chosen.hit);
    return result('count', supported(lib, chosen.hit, chosen.pick, 300, chosen.pick), 0.6, [cite], remember(context, [cite]));
  }
  return result('count', null, 0.2, [], context);
}
