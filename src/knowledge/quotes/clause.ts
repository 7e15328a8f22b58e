// Clause grammar over the word list: where a clause starts (a subject and its verb), where it
// ends, and what a stretch of words holds (a verb, a time, a subordinate opening). Pure
// functions of the words; every walk is bounded.
import { cueStrength } from './cues.ts';
import { ADJUNCT_RELATIVES, CONTRASTIVE, FORMS_OF_BE, RELATIVE_SPEAKERS, SUBORDINATORS } from './lexicon.ts';
import { isDash, isQuoteMark, isSentenceEnd, MAX_PHRASE, nounPhraseStartingAt, skipTrailers, VERB_MODIFIERS, type WordRange } from './phrases.ts';
import type { Word } from './words.ts';

/** Words that open an embedded clause ("what", "that", "who", "where", …). */
const CLAUSE_OPENERS = new Set(['what', 'which', 'that', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'whether', 'if']);

/** Starts with a capital letter followed by a lower-case one ("Act", not "A" or "USA"). */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/** The closing parenthesis of the one opening at `open` (within a few words), else `open`. */
export function parenthesisEnd(w: Word[], open: number): number {
  for (let k = open + 1; k < Math.min(w.length, open + 12); k++) {
    if (w[k].text === ')') return k;
    if (w[k].paragraph !== w[open].paragraph) break;
  }
  return open;
}

/** Nothing but trailers ("on Sunday", "in a statement") follows word i to its sentence end. */
export function endsAfter(w: Word[], i: number): boolean {
  const k = skipTrailers(w, i + 1, Math.min(w.length - 1, i + MAX_PHRASE));
  return !w[k] || isSentenceEnd(w[k]) || w[k].paragraph !== w[i].paragraph || w[k].text === ',' || isQuoteMark(w[k]);
}

export function hasCueBetween(w: Word[], from: number, to: number): boolean {
  for (let i = Math.max(from, to - MAX_PHRASE); i <= to; i++) if (cueStrength(w, i) === 'strong') return true;
  return false;
}

/** Whether word i opens its paragraph: the same as paragraphStart(i) === i, without the walk back. */
export function opensParagraph(w: Word[], i: number): boolean {
  return i === 0 || w[i - 1].paragraph !== w[i].paragraph;
}

export function paragraphStart(w: Word[], i: number): number {
  let j = i;
  const floor = Math.max(0, i - 200);
  while (j > floor && w[j - 1].paragraph === w[i].paragraph) j--;
  return j;
}

/** The noun phrase opening the sentence at `sf` when a verb follows it before word `before`, else null. */
export function clauseSubject(w: Word[], sf: number, before: number): WordRange | null {
  const np = nounPhraseStartingAt(w, sf, before - 1);
  if (!np || w[np[0]].pos === 'PRON') return null;
  let k = np[1] + 1;
  // "Bornstein's earlier missive on Trump was …": a few more words of the subject phrase.
  while (k < before && k - np[1] < 8 && /^(PART|ADV|ADJ|NOUN|PROPN|DET|ADP|NUM)$/.test(w[k].pos) && w[k].quotation < 0) k++;
  return k < before && (w[k].pos === 'AUX' || w[k].pos === 'VERB') ? np : null;
}

/**
 * "the fear that I have ever seen": a relative clause after a noun lacks its object (a past
 * verb right before the clause ends), where a content clause is complete. A passive is complete.
 */
export function gappedClause(w: Word[], i: number, last: number): boolean {
  const np = nounPhraseStartingAt(w, i, last);
  if (!np) return false;
  let k = np[1] + 1;
  let passive = false;
  while (k < last && (w[k + 1].pos === 'AUX' || w[k + 1].pos === 'VERB' || w[k + 1].pos === 'ADV' || w[k + 1].pos === 'PART') &&
    (w[k].pos === 'AUX' || w[k].pos === 'ADV' || w[k].pos === 'PART')) {
    if (FORMS_OF_BE.has(w[k].normal)) passive = true;
    k++;
  }
  const verb = w[k];
  if (!verb || verb.pos !== 'VERB' || verb.normal.endsWith('ing') || passive) return false;
  const next = w[k + 1];
  return !next || k + 1 > last || isSentenceEnd(next) || next.text === ',';
}

/** "…, although it may take days …", "…; the rest …": the reported clause ends before a contrast or a semicolon. */
export function contrastEnd(w: Word[], from: number, end: number): number {
  for (let i = from; i <= end; i++) {
    if (w[i].quotation >= 0) continue;
    if (w[i].text === ';' || (w[i].text === ',' && CONTRASTIVE.has(w[i + 1]?.normal ?? '') && startsClause(w, i + 2, end))) return trimEnd(w, from, i - 1);
  }
  return end;
}

/** Words [from, to] hold a time and nothing else but articles and prepositions ("Last month", "On Friday"). */
export function onlyTime(w: Word[], from: number, to: number): boolean {
  let time = false;
  for (let k = from; k <= to; k++) {
    if (w[k].time) time = true;
    else if (w[k].pos !== 'DET' && w[k].pos !== 'ADP') return false;
  }
  return time;
}

/** The first word after the last comma (and conjunction) outside quotations in [from, to], else `from`. */
export function lastClauseStart(w: Word[], from: number, to: number): number {
  for (let k = to; k > from && to - k < 2 * MAX_PHRASE; k--) {
    // ", but the rule is …": the conjunction links the clause, it is not reported.
    if (w[k].text === ',' && w[k].quotation < 0) return w[k + 1].pos === 'CCONJ' && k + 2 <= to ? k + 2 : k + 1;
  }
  return from;
}

/**
 * "The judge, who opposes X, resigned": a cue inside a relative clause set off by commas has
 * its content end at the comma where the main clause's verb resumes. The content's last word.
 */
export function closeRelativeClause(w: Word[], speaker: WordRange, from: number, to: number): number {
  if (speaker[0] !== speaker[1] || !RELATIVE_SPEAKERS.has(w[speaker[0]].normal) || w[speaker[0] - 1]?.text !== ',') return to;
  // A relative clause nested in the content ("that the law, which passed in May, is …") closes at its own comma first.
  let nested = 0;
  for (let k = from + 1; k < to; k++) {
    if (w[k].text !== ',' || w[k].quotation >= 0) continue;
    if (RELATIVE_SPEAKERS.has(w[k + 1].normal)) nested++;
    else if (w[k + 1].pos === 'VERB' || w[k + 1].pos === 'AUX') {
      if (nested === 0) return k - 1;
      nested--;
    }
  }
  return to;
}

/**
 * The sentence at `first` opens with a subordinate clause before word `before`: "If …",
 * "But just as …", or "With Democrats worried about …, the president …".
 */
export function opensWithSubordinate(w: Word[], first: number, before: number): boolean {
  let k = first;
  if (w[k]?.pos === 'CCONJ') k++;
  // ("But just as …": one adverb before the conjunction; "When" itself may be tagged an adverb.)
  if (w[k]?.pos === 'ADV' && !SUBORDINATORS.has(w[k].normal) && k < before) k++;
  const x = w[k];
  return x !== undefined && k < before && (SUBORDINATORS.has(x.normal) || (x.normal === 'with' && k === first));
}

export function hasVerb(w: Word[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (w[k].pos === 'VERB' && w[k].quotation < 0) return true;
  return false;
}

/**
 * The comma closing a fronted adverbial at the head of a content ("that if …, …", "at one
 * of his first meetings, in 1972, …"), or -1. Commas of a second fronted phrase are included.
 */
export function frontedAdverbialEnd(w: Word[], from: number, last: number): number {
  let first = w[from]?.normal === 'that' ? from + 1 : from;
  const lead = w[first];
  if (!lead || lead.quotation >= 0 || !(SUBORDINATORS.has(lead.normal) || lead.pos === 'ADP')) return -1;
  let comma = -1;
  for (let k = first + 1; k <= Math.min(last, first + MAX_PHRASE); k++) {
    if (w[k].quotation >= 0 || isSentenceEnd(w[k]) || w[k].text === ';') break;
    if (w[k].text !== ',') continue;
    comma = k;
    // ", in 1972, he …": a second short phrase set off by commas belongs to the same opening.
    if (w[k + 1]?.pos === 'ADP') {
      first = k + 1;
      continue;
    }
    break;
  }
  return comma;
}

/** Words [from, to] hold a word that opens an embedded clause ("what", "that", "who", "where", …). */
export function hasClauseOpener(w: Word[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (CLAUSE_OPENERS.has(w[k].normal)) return true;
  return false;
}

/**
 * A finite predicate after "and"/"but" ("has called for", "extended", "also had to"), not
 * a coordinated infinitive ("to bring back jobs and roll back rules"): its verb is inflected.
 */
export function opensPredicate(w: Word[], i: number, contentFirst: number): boolean {
  let k = i;
  while (w[k] && w[k].pos === 'ADV' && k < i + 2) k++;
  const x = w[k];
  if (!x || x.quotation >= 0) return false;
  if (x.pos === 'AUX') return !/^(to|be|been)$/.test(x.normal);
  if (x.pos !== 'VERB') return false;
  // "calling for …" after a participle content is one more of the same participles.
  if (x.normal.endsWith('ing')) return !w[contentFirst].normal.endsWith('ing');
  return x.normal !== x.lemma && !x.normal.endsWith('ing');
}

/** A subject (determiner, name or pronoun led noun phrase) directly followed by a verb. */
export function startsClause(w: Word[], i: number, last: number, longSubject = false): boolean {
  // "there remains …", "there is …": an existential subject.
  if (w[i]?.normal === 'there' && i < last && (w[i + 1].pos === 'VERB' || w[i + 1].pos === 'AUX')) return true;
  const np = nounPhraseStartingAt(w, i, last);
  if (!np) return false;
  let after = (longSubject ? subjectTailEnd(w, np[1], last) : np[1]) + 1;
  // "the bridge, which opened in May, needs …": step over a closed relative clause.
  if (w[after]?.text === ',' && ADJUNCT_RELATIVES.has(w[after + 1]?.normal ?? '')) {
    let k = after + 2;
    while (k <= Math.min(last, after + MAX_PHRASE) && w[k].text !== ',') k++;
    if (w[k]?.text === ',') after = k + 1;
  }
  // "the union also stepped in": one adverb may come between subject and verb.
  if (w[after]?.pos === 'ADV' && after < last && /^(VERB|AUX)$/.test(w[after + 1].pos)) after++;
  const next = w[after];
  // ("the Affordable Care Act as …": a capitalised "verb" right after a name is the name's last word.)
  if (next?.pos === 'VERB' && w[after - 1].pos === 'PROPN' && isCapitalised(next.text)) return false;
  if (next?.pos === 'VERB' && isCompoundNounTail(w, after)) return false;
  return next !== undefined && after <= last && (next.pos === 'VERB' || next.pos === 'AUX');
}

/**
 * "the missile launch as …", "a price rise in …": a base-form "verb" after a singular noun, with
 * no object after it, is the head of a noun compound (a finite verb would agree: "launches").
 * (Not "the company pay its taxes": a subjunctive takes its object; not "police say": a plural noun.)
 */
export function isCompoundNounTail(w: Word[], i: number): boolean {
  const x = w[i];
  const before = w[i - 1];
  const after = w[i + 1];
  if (before.pos !== 'NOUN' || !(after === undefined || after.pos === 'ADP' || after.pos === 'PUNCT' || after.pos === 'CCONJ')) return false;
  if (x.normal.endsWith('ed') || x.normal.endsWith('s') || before.normal === 'people' || before.normal === 'police') return false;
  // (The lemmas last: they are looked up only when asked.)
  return x.normal === x.lemma && before.normal === before.lemma;
}

/**
 * The last word of a subject's tail after its first noun phrase: "of our society" and one
 * coordinated phrase ("many firms and the wealthiest members of society"), a few words at most.
 */
export function subjectTailEnd(w: Word[], np: number, last: number): number {
  let end = np;
  let coordinated = false;
  for (let step = 0; step < 3; step++) {
    const link = w[end + 1];
    if (!link || end + 2 > last || link.quotation >= 0) break;
    const of = link.pos === 'ADP' && /^(of|in|at|for|from)$/.test(link.normal);
    const and = !coordinated && /^(and|or)$/.test(link.normal);
    if (!of && !and) break;
    const next = nounPhraseStartingAt(w, end + 2, last);
    // (A pronoun after "and" opens a clause of its own: "… and he said".)
    if (!next || next[1] - end > 10 || (and && w[next[0]].pos === 'PRON')) break;
    if (and) coordinated = true;
    end = next[1];
  }
  return end;
}

export function trimEnd(w: Word[], from: number, end: number): number {
  while (end >= from && w[end].quotation < 0 && (isSentenceEnd(w[end]) || w[end].text === ',' || w[end].text === ':' || isDash(w[end]) ||
    (end > from && /^(and|but)$/.test(w[end].normal)))) end--;
  return end;
}

/** "It is clear that …", "there is …": a one-word subject (it, there, this) that names no one. */
export function namesNoOne(w: Word[], subject: WordRange): boolean {
  return subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal);
}

/** From word k back over auxiliaries, adverbs and verb modifiers ("has also been"), no further than sf: the first word that is none. */
export function backOverAuxiliaries(w: Word[], k: number, sf: number): number {
  while (k > sf && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || VERB_MODIFIERS.has(w[k].normal))) k--;
  return k;
}
