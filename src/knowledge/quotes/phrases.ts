// Small phrase finders over the word list: the noun phrase of a speaker and the trailing bits
// after a cue ("said on Tuesday in a statement"). Every walk is bounded, so the whole
// extraction stays linear in the length of the article.
import { MEDIUM_NOUNS, SPEAKER_PRONOUNS, SELF_PRONOUNS } from './lexicon.ts';
import type { Word } from './words.ts';

/** [first, last] word indices, inclusive. */
export type WordRange = [number, number];

/** How far a walk may go from its starting word. */
export const MAX_PHRASE = 30;

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const SENTENCE_END = new Set(['.', '!', '?', ';']);
const DASHES = new Set(['\u2015', '\u2014', '\u2013', '--']);
export const VERB_MODIFIERS: ReadonlySet<string> = new Set(['also', 'has', 'have', 'had', 'will', 'would', 'could', 'might', 'may',
  'did', 'does', 'do', 'not', "n't", 'never', 'later', 'previously', 'repeatedly', 'again', 'then',
  'often', 'once', 'further', 'recently', 'already', 'publicly', 'privately', 'reportedly', 'long', 'now',
  'initially', 'originally', 'immediately', 'quickly', 'soon', 'since', 'ultimately', 'finally', 'just', 'frequently', 'always', 'first', 'even', 'still',
  // floating quantifiers: "they all said", "the two men both denied"
  'all', 'both']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'been', 'be', "'s", '’s', "'re", '’re']);
export const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'his', 'her', 'their', 'our', 'its', 'your']);
const CLAUSE_LINKS = new Set(['but', 'though', 'although', 'while', 'and', 'as', 'whereas', 'yet']);
const RELATIVE = new Set(['who', 'which']);
const RELATIVE_LEADS = new Set(['who', 'whose', 'which']);
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'earlier', 'later', 'recently', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'afterward', 'afterwards',
  'again', 'previously', 'also', 'once', 'repeatedly', 'publicly', 'privately', 'flatly', 'bluntly',
  'simply', 'separately', 'recently', 'ago', 'last', 'this', 'week', 'month', 'year', 'night',
  'morning', 'afternoon', 'evening', 'weekend']);
const TRAILER_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'to', 'with', 'from', 'after', 'before', 'over', 'for', 'by']);


export function isSentenceEnd(w: Word | undefined): boolean {
  return w !== undefined && w.pos === 'PUNCT' && SENTENCE_END.has(w.text);
}

export function isDash(w: Word | undefined): boolean {
  return w !== undefined && DASHES.has(w.text);
}

export function isQuoteMark(w: Word | undefined): boolean {
  return w !== undefined && /^(["\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb`']|``|'')+$/.test(w.text);
}

export function isSpeakerPronoun(w: Word): boolean {
  return w.pos === 'PRON' && (SPEAKER_PRONOUNS.has(w.normal) || SELF_PRONOUNS.has(w.normal));
}

function isNpWord(w: Word | undefined): boolean {
  if (!w || w.quotation >= 0) return false;
  if (NP_POS.has(w.pos) || (w.pos === 'PRON' && POSSESSIVES.has(w.normal))) return true;
  return w.pos === 'PART' && /^['\u2019]s?$/i.test(w.text);
}

/** "the miners' union": an apostrophe attached to a plural noun ending in -s, before another noun word. */
function isPluralPossessive(words: Word[], i: number): boolean {
  const mark = words[i];
  const owner = words[i - 1];
  if (!mark || !owner || (mark.text !== "'" && mark.text !== '\u2019') || mark.quotation >= 0) return false;
  return (owner.pos === 'NOUN' || owner.pos === 'PROPN') && owner.normal.endsWith('s') && owner.end === mark.start && isNpWord(words[i + 1]);
}

function isNpHead(w: Word | undefined, prev?: Word): boolean {
  if (w === undefined || w.quotation >= 0) return false;
  if (w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'NUM') return true;
  // "the attorney general", "Surgeon General": a title's adjective after its noun.
  if (w.normal === 'general' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN')) return true;
  // "Ivana Trump's brief said": a noun the tagger read as an adjective after a possessive.
  if (w.pos === 'ADJ' && prev?.pos === 'PART') return true;
  // The tagger reads some surnames as verbs ("Stephen Lynch"): a capitalised word after a name.
  return prev !== undefined && prev.pos === 'PROPN' && /^\p{Lu}/u.test(w.text) && w.pos === 'VERB';
}

/** "said Don Fowler": a capitalised word the tagger read as a verb or adjective, before a name. */
function isMistaggedFirstName(words: Word[], i: number): boolean {
  const w = words[i];
  const next = words[i + 1];
  return w !== undefined && next !== undefined && w.quotation < 0 && /^\p{Lu}\p{Ll}/u.test(w.text) &&
    (w.pos === 'VERB' || w.pos === 'ADJ' || w.pos === 'ADV') && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text);
}

/** A noun phrase that ends at word `last` (its head), walking back no further than `floor`. */
export function nounPhraseEndingAt(words: Word[], last: number, floor: number): WordRange | null {
  const head = words[last];
  if (!head || last < floor) return null;
  if (head.pos === 'PRON') return isSpeakerPronoun(head) ? [last, last] : null;
  if (!isNpHead(head, words[last - 1])) return null;
  let first = last;
  const limit = Math.max(floor, last - MAX_PHRASE);
  while (first - 1 >= limit) {
    const prev = words[first - 1];
    if (isNpWord(prev) || (prev.text === '-' && isNpWord(words[first - 2]))) {
      first--;
      continue;
    }
    // "an analysis of newly filed reports": a participle (with its adverb) before the noun
    // after a preposition modifies it, like an adjective.
    if (prev.pos === 'VERB' && /(ed|en)$/.test(prev.normal)) {
      const before = words[first - 2]?.pos === 'ADV' && words[first - 2].normal.endsWith('ly') ? first - 3 : first - 2;
      if (before - 1 >= limit && words[before]?.pos === 'ADP' && /^(of|for|at|with|by)$/.test(words[before].normal) && isNpHead(words[before - 1])) {
        first = before - 1;
        continue;
      }
    }
    // "a reporter for USA Today", "a spokesman for the department", "a study by Jo Reyes"
    if (prev.pos === 'ADP' && /^(of|for|at|with|by)$/.test(prev.normal) && isNpHead(words[first - 2])) {
      first -= 2;
      continue;
    }
    break;
  }
  return [first, last];
}

/** A noun phrase that starts at word `first`, stopping at a comma, verb or the limit. */
export function nounPhraseStartingAt(words: Word[], first: number, ceiling: number): WordRange | null {
  const w = words[first];
  if (!w || first > ceiling || w.quotation >= 0) return null;
  if (w.pos === 'PRON' && !POSSESSIVES.has(w.normal)) return isSpeakerPronoun(w) ? [first, first] : null;
  if (!isNpWord(w) && !isMistaggedFirstName(words, first)) return null;
  let last = first;
  const limit = Math.min(ceiling, first + MAX_PHRASE);
  while (last + 1 <= limit && (isNpWord(words[last + 1]) || isMistaggedFirstName(words, last + 1) || isPluralPossessive(words, last + 1) ||
    (words[last + 1].text === '-' && isNpWord(words[last + 2])))) {
    // "reporters the vote": a determiner after a noun starts the next phrase.
    if (words[last + 1].pos === 'DET' && isNpHead(words[last])) break;
    last++;
  }
  while (last > first && !isNpHead(words[last])) last--;
  return isNpHead(words[last]) ? [first, last] : null;
}

/**
 * The subject of the cue at word `cue`: the noun phrase just before it, past auxiliaries and
 * adverbs ("has also said"), past an apposition ("Revesz, director of …, said"), or the
 * antecedent of "who" ("Smith, who said …").
 */
export function subjectBefore(words: Word[], cue: number, floor: number): WordRange | null {
  let i = cue - 1;
  // "is saying", "were warning": a progressive keeps its subject; "was told" does not.
  const progressive = words[cue].normal.endsWith('ing');
  while (i >= floor && (VERB_MODIFIERS.has(words[i].normal) || (progressive && BE_FORMS.has(words[i].normal)) ||
    (words[i].pos === 'ADV' && (words[i].normal.endsWith('ly') || (i === cue - 1 && !/^(where|when|how|why|so|as)$/.test(words[i].normal)))))) i--;
  // "David Axelrod on Wednesday called on …": step over a time phrase to the subject.
  if (i >= floor && words[i].time) {
    while (i >= floor && (words[i].time || (words[i].pos === 'DET' && words[i + 1]?.time))) i--;
    if (i >= floor && words[i].pos === 'ADP') i--;
    // "A poll released Tuesday shows …": a reduced relative before the time.
    if (i > floor && words[i].pos === 'VERB' && /(ed|en|wn)$/.test(words[i].normal) && isNpHead(words[i - 1])) i--;
    while (i >= floor && (VERB_MODIFIERS.has(words[i].normal) || (words[i].pos === 'ADV' && i > floor && isNpHead(words[i - 1])))) i--;
    if (i >= floor && words[i].text === ',') return null;
  }
  if (i < floor) return null;
  const w = words[i];
  if (w.text === ',' || isDash(w)) {
    // Apposition: the phrase before the previous comma (or dash) is the speaker.
    const dash = isDash(w);
    for (let j = i - 1; j >= Math.max(floor, i - 2 * MAX_PHRASE); j--) {
      const x = words[j];
      if (x.quotation >= 0 || isSentenceEnd(x)) return null;
      if (dash ? isDash(x) : x.text === ',') {
        const first = words[j + 1];
        // "Schiff, 56, who has served …, told": an age or a relative clause describes the
        // name before it; keep walking back to that name.
        if (!dash && (RELATIVE_LEADS.has(first.normal) || (first.pos === 'NUM' && words[j + 2]?.text === ','))) {
          const named = nounPhraseEndingAt(words, j - 1, floor);
          if (named && words[named[1]].pos !== 'NUM') return withDescription(named, i - 1);
          continue;
        }
        // "The letter, signed by 50 officials, warns …", "The report, released Monday, says …": a
        // reduced relative (a participle with its agent or time) describes the noun before it.
        if (!dash && first.pos === 'VERB' && /(ed|en|wn)$/.test(first.normal) && (words[j + 2]?.normal === 'by' || words[j + 2]?.time)) {
          const named = nounPhraseEndingAt(words, j - 1, floor);
          return named ? withDescription(named, i - 1) : null;
        }
        // ", and the meeting deteriorated, said …" is a clause, not a description.
        // ", poked at Trump's sniffing during the debate, tweeting …" is a predicate, not a description.
        if (first.pos === 'CCONJ' || first.pos === 'SCONJ' || (first.pos === 'VERB' && !first.normal.endsWith('ing')) || first.pos === 'AUX' ||
          (first.pos === 'PRON' && !POSSESSIVES.has(first.normal))) return null;
        return withDescription(nounPhraseEndingAt(words, j - 1, floor), i - 1);
      }
    }
    return null;
  }
  if (w.text === ')') {
    // "Rep. Jane Doe (D-Ill.) said": step over the parenthesis.
    for (let j = i - 1; j >= Math.max(floor, i - 12); j--) {
      if (words[j].text === '(') return withDescription(nounPhraseEndingAt(words, j - 1, floor), i);
    }
    return null;
  }
  // "Smith, who said …": the relative pronoun is the source, resolved like a pronoun.
  if (RELATIVE.has(w.normal) && i > floor) return [i, i];
  // "the experts I interviewed said", "officials we spoke to said": a relative clause without
  // its pronoun describes the noun before it.
  const contact = w.pos === 'ADP' && i - 1 > floor ? i - 1 : i;
  if (words[contact].pos === 'VERB' && contact - 2 >= floor && words[contact - 1].pos === 'PRON' && /^(i|we|he|she|they|you)$/.test(words[contact - 1].normal)) {
    const named = nounPhraseEndingAt(words, contact - 2, floor);
    if (named) return withDescription(named, i);
  }
  // "Protesters marching through the streets chanted": the noun before the participle's phrase.
  const object = nounPhraseEndingAt(words, i, floor);
  const participle = object ? object[0] - 2 : -1;
  if (object && words[object[0] - 1]?.pos === 'ADP' && participle > floor && words[participle].pos === 'VERB' && words[participle].normal.endsWith('ing')) {
    const subject = nounPhraseEndingAt(words, participle - 1, floor);
    if (subject) return [subject[0], i];
  }
  // "Lynch said …": the tagger may read a surname opening the sentence as a verb or adjective.
  if (i === cue - 1 && isMistaggedSurname(words, i)) return [i, i];
  return nounPhraseEndingAt(words, i, floor);
}

/** A capitalised word opening its sentence, tagged as a verb or adjective, right before "said". */
function isMistaggedSurname(words: Word[], i: number): boolean {
  const w = words[i];
  const prev = words[i - 1];
  const opens = !prev || prev.paragraph !== w.paragraph || isSentenceEnd(prev) || isQuoteMark(prev);
  return opens && w.quotation < 0 && /^\p{Lu}\p{Ll}+$/u.test(w.text) && (w.pos === 'VERB' || w.pos === 'ADJ') &&
    /^(said|says|told|tells|added|wrote|asked)$/.test(words[i + 1]?.normal ?? '');
}

/**
 * A speaker phrase with its description: "Scott Pruitt, the attorney general of Oklahoma" or
 * "Rep. Jane Doe (D-Ill.)". The name is still read from the head before the comma.
 */
export function withDescription(np: WordRange | null, last: number): WordRange | null {
  if (!np || last <= np[1]) return np;
  return [np[0], last];
}

/** Skips what may follow a cue before its content: "on Tuesday", "in a statement", "to CNN". */
export function skipTrailers(words: Word[], from: number, ceiling: number): number {
  let i = from;
  for (let guard = 0; guard < 6 && i <= ceiling; guard++) {
    const w = words[i];
    if (w.time || TIME_WORDS.has(w.normal)) {
      i++;
      continue;
    }
    if (w.pos === 'ADP' && TRAILER_PREPOSITIONS.has(w.normal)) {
      let j = i + 1;
      let medium = false;
      let possessive = false;
      while (j <= Math.min(ceiling, i + 7) && (isNpWord(words[j]) || words[j].time)) {
        if (MEDIUM_NOUNS.has(words[j].normal) || words[j].pos === 'PROPN' || words[j].time) medium = true;
        // "on Crutcher's death": a possessive phrase is a topic, not a medium or an audience.
        if (words[j].pos === 'PART') possessive = true;
        j++;
      }
      if (possessive) break;
      if (medium && j > i + 1) {
        i = j;
        continue;
      }
    }
    break;
  }
  return i;
}

/** The hearer after "told", "warned", "urged": an object noun phrase or pronoun. */
export function skipHearer(words: Word[], from: number, ceiling: number): number {
  const w = words[from];
  if (!w || from > ceiling) return from;
  // "told him", and "told his supporters" (a possessive opens a noun phrase).
  if (w.pos === 'PRON' && !POSSESSIVES.has(w.normal)) return /^(me|him|her|us|them|you)$/.test(w.normal) ? from + 1 : from;
  const np = nounPhraseStartingAt(words, from, ceiling);
  if (!np) return from;
  // "told MSNBC's “Morning Joe” that …": a possessive before a quoted title names the hearer.
  let k = np[1] + 1;
  if (words[k]?.pos === 'PART' && /^['\u2019]s$/i.test(words[k].text) && words[k + 1] && words[k + 1].quotation >= 0) {
    const title = words[k + 1].quotation;
    k++;
    while (k <= ceiling && words[k].quotation === title) k++;
    if (k - np[1] < 12) return k;
  }
  return afterAge(words, np[1] + 1, ceiling);
}

/** "told Victor Hale, 54, that …": the hearer's age, set off by commas, goes with the hearer. */
function afterAge(words: Word[], at: number, ceiling: number): number {
  const age = words[at + 1];
  return words[at]?.text === ',' && age && /^\d{1,3}$/.test(age.text) && words[at + 2]?.text === ',' && at + 2 < ceiling ? at + 3 : at;
}

export function isClauseLink(w: Word | undefined): boolean {
  return w !== undefined && CLAUSE_LINKS.has(w.normal);
}
