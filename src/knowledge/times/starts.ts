// Which tokens may start a time expression: a bit table of the words the grammar knows, so
// most tokens are passed over without trying any production.
import { APPROXIMATORS, FREQUENCY_WORDS, LENGTH_WORDS, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, SEASONS, TWO_WORD_APPROXIMATORS, UNITS, VAGUE_NUMBERS, WEEKDAYS } from './lexicon.ts';
import type { TimeToken } from './tokens.ts';
import { isDigitToken } from './values.ts';

export const STARTERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...NUMBER_WORDS.keys(), ...VAGUE_NUMBERS, ...ORDINALS.keys(), ...UNITS.keys(),
  ...FREQUENCY_WORDS.keys(), ...LENGTH_WORDS.keys(), ...SEASONS.keys(), ...APPROXIMATORS, ...[...TWO_WORD_APPROXIMATORS].map((p) => p.split(' ')[0]), 'no',
  'a', 'an', 'the', 'this', 'that', 'these', 'last', 'past', 'previous', 'prior', 'next', 'coming', 'following', 'current',
  'present', 'recent', 'latest', 'most', 'same', 'comparable', 'first', 'final', 'remaining', 'initial', 'early', 'late',
  'earlier', 'later', 'mid', 'end', 'beginning', 'start', 'middle', 'rest', 'today', 'yesterday', 'tomorrow', 'tonight',
  'now', 'currently', 'presently', 'nowadays', 'at', 'recently', 'lately', 'fiscal', 'each', 'every', 'per', 'noon',
  'midnight', 'midday', 'for', 'in', 'within', 'additional', 'another', 'christmas', 'thanksgiving', 'new', 'independence',
  'labor', 'election', "'", '’', 'nineteen', 'then', 'half',
]);

/**
 * Starters that are common function words: on their own they never make a time expression,
 * only together with a time word a few tokens on ("the third quarter", "in two weeks").
 */
const LEADING_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'at', 'for', 'in', 'within', 'each', 'every', 'per', 'no', 'more', 'less',
  'up', 'fewer', 'over', 'under', 'only', 'just', 'about', 'around', 'some', 'most', 'new', 'first', 'end', 'start',
  'rest', 'middle', 'early', 'late', 'last', 'next', 'same', 'recent', 'another', 'additional', "'", '’',
]);

/** How far (in tokens) a leading word may stand before the time word of its expression. */
const LEADING_REACH = 8;

/** Words that make a token a time word: every starter but the leading words, and the nouns those lead to. */
const TIME_WORDS: ReadonlySet<string> = new Set([
  ...[...STARTERS].filter((w) => !LEADING_WORDS.has(w)), ...PARTS_OF_DAY.keys(), ...SEASONS.keys(),
  'future', 'term', 'period', 'time', 'times', 'weekend', 'half', 'eve', 'date', 'once', 'twice', 'ago', 'mornings', 'nights',
]);

/**
 * Words the grammar reads between a leading word and the time word ("a couple of days", "the
 * end of the year", "more than a year", "up to"): every word or mark the grammar compares
 * against that is no time word itself. Keep in step with the grammar's literals.
 */
const LINK_WORDS: ReadonlySet<string> = new Set([
  'of', 'than', 'least', 'couple', 'to', 'and', 'or', 'full', 'entire', 'whole', 'preceding', 'consecutive', 'straight',
  'calendar', 'business', 'trading', 'other', 'all', 'same', 'past', 'on', 'by', 'from', 'during', 'through', 'throughout',
  'until', 'since', 'after', 'before', 'ahead', 'near', 'number', 'long', 'old', 's', 'st', 'nd', 'rd', 'th', 'm', 'p', 'am', 'pm',
  '-', '–', ',', '.', '/', ':', "'", '’',
]);

// possibleStarts asks of every token which of these three sets holds its word: one look-up in a
// table of bit flags answers all three.
const TIME_WORD = 1;
const LEADING_WORD = 2;
const LINK_WORD = 4;
const WORD_CLASSES: ReadonlyMap<string, number> = (() => {
  const classes = new Map<string, number>();
  const add = (words: Iterable<string>, flag: number) => {
    for (const w of words) classes.set(w, (classes.get(w) ?? 0) | flag);
  };
  add(TIME_WORDS, TIME_WORD);
  add(LEADING_WORDS, LEADING_WORD);
  add(LINK_WORDS, LINK_WORD);
  return classes;
})();

/**
 * Which ASCII-letter words of two or more letters may have a word class, by first letter and
 * length: for the class words of that first letter and length, bit n of SECOND_LETTERS[first *
 * 32 + length] is set when one has letter n second, and bit n of LAST_LETTERS[...] when one ends
 * in letter n. An ASCII word outside them has no class, which possibleStarts learns without
 * lower-casing it or hashing it for the table.
 */
const MAX_FILTERED_LENGTH = 31;
const SECOND_LETTERS = new Uint32Array(26 * 32);
const LAST_LETTERS = new Uint32Array(26 * 32);
for (const w of WORD_CLASSES.keys()) {
  if (w.length < 2 || w.length > MAX_FILTERED_LENGTH || !/^[a-z]+$/.test(w)) continue;
  const at = (w.charCodeAt(0) - 97) * 32 + w.length;
  SECOND_LETTERS[at] |= 1 << (w.charCodeAt(1) - 97);
  LAST_LETTERS[at] |= 1 << (w.charCodeAt(w.length - 1) - 97);
}

/** False when a token of ASCII letters only cannot be a class word (see SECOND_LETTERS). */
function mayHaveClass(tok: TimeToken): boolean {
  const length = tok.end - tok.start;
  if (!tok.plain || length < 2 || length > MAX_FILTERED_LENGTH) return true;
  // Lower case of an ASCII letter: set the 0x20 bit.
  const at = ((tok.charCodeAt(0) | 32) - 97) * 32 + length;
  return (SECOND_LETTERS[at] & (1 << ((tok.charCodeAt(1) | 32) - 97))) !== 0 &&
    (LAST_LETTERS[at] & (1 << ((tok.charCodeAt(length - 1) | 32) - 97))) !== 0;
}

/** The classes of one-character ASCII tokens ("-", ",", "a"), by character code. */
const ONE_CHARACTER_CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) ONE_CHARACTER_CLASSES[c] = WORD_CLASSES.get(String.fromCharCode(c).toLowerCase()) ?? 0;

/** Which of the three word sets a token's word is in (bit flags); digits count as time words. */
function wordClassOf(tok: TimeToken): number {
  if (tok.num !== null || isDigitToken(tok)) return TIME_WORD;
  if (tok.end - tok.start === 1) {
    const c = tok.charCodeAt(0);
    if (c < 128) return ONE_CHARACTER_CLASSES[c];
  }
  return mayHaveClass(tok) ? WORD_CLASSES.get(tok.lower) ?? 0 : 0;
}

/**
 * Per token, whether an expression may start there: a time word, or a leading word followed,
 * through leading and link words only, by a time word within reach. The grammar is only tried
 * at these tokens, which skips most of the articles' "the", "a" and "in" in one backward pass.
 */
export function possibleStarts(toks: TimeToken[]): Uint8Array {
  const out = new Uint8Array(toks.length);
  // Index of the nearest time word reached from here through leading and link words only.
  let reachable = Infinity;
  for (let i = toks.length - 1; i >= 0; i--) {
    const tok = toks[i];
    const wordClass = wordClassOf(tok);
    if (wordClass & TIME_WORD) {
      reachable = i;
      out[i] = 1;
      continue;
    }
    if (wordClass === 0) {
      reachable = Infinity;
      continue;
    }
    if (wordClass & LEADING_WORD && reachable - i <= LEADING_REACH) out[i] = 1;
  }
  return out;
}

/** First words of the two-word approximators ("at" of "at least"). */
export const APPROXIMATOR_OPENERS: ReadonlySet<string> = new Set([...TWO_WORD_APPROXIMATORS].map((p) => p.split(' ')[0]));
