// The time grammar: hand-written matchers over tokens, each trying one family of expressions
// at a token index and returning how far it reaches, the TIMEX3 type, and how to compute the
// value once the dateline and the previous time expression are known. Every matcher looks a
// bounded number of tokens ahead, so a text is scanned in linear time.
import type { TimeType } from '../facts.ts';
import {
  addDays, dayOfValue, formatDay, formatMonth, formatQuarter, formatWeek, formatYear, isoWeekday, isValidDay,
  quarterOf, shiftDay, shiftValue, valueAt, type Day, type Unit,
} from './calendar.ts';
import {
  AMBIGUOUS_MONTHS, APPROXIMATORS, FREQUENCY_WORDS, IS_CLOCK_UNIT, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY,
  SEASONS, SHORT_WEEKDAYS, TIME_ZONES, TWO_WORD_APPROXIMATORS, UNIT_LETTER, UNIT_SCALE, UNITS, VAGUE_NUMBERS, WEEKDAYS,
} from './lexicon.ts';
import type { TimeToken } from './tokens.ts';

/** What a value is computed from. */
export interface ResolveContext {
  /** The dateline's day, or null when unknown. */
  dct: Day | null;
  /** The last date value found before this one (the TempEval anchor). */
  last: string | null;
  /** The last quarter value found before this one ("the quarter", "a year ago" in earnings news). */
  lastQuarter: string | null;
  /** The value of the time expression just before this one, when it is in the same or the
   * previous sentence ("sales rose in the third quarter from a year ago"). */
  previous: string | null;
  /** Whether that previous expression is in the same sentence. */
  previousSameSentence: boolean;
  /** A quarter named (not computed by shifting) in this or the previous sentence. */
  nearQuarter: string | null;
  /** Whether the words around the expression point to the future ("will", "is scheduled to"). */
  future: boolean;
  /** Whether the words before the expression (only) point to the future: weekdays follow
   * the verb that governs them, which comes first in English news. */
  futureBefore: boolean;
  /** Whether they point to the past ("said", "ended"); neither when there is no cue. */
  past: boolean;
}

export interface Match {
  /** Token range [first, end). */
  first: number;
  end: number;
  type: TimeType;
  resolve: (ctx: ResolveContext) => string | null;
  /** Computed from the previous date ("a year earlier", "the quarter"): later expressions
   * keep anchoring on what it was computed from, not on it. */
  derived?: boolean;
  /** Computed by moving another date ("a year earlier"): never a quarter under discussion. */
  shifted?: boolean;
}

/** A core expression before prefixes: which prefixes it may take is decided by its kind. */
interface Core extends Match {
  kind: 'duration' | 'date' | 'time' | 'set' | 'ref';
}

type Resolver = (ctx: ResolveContext) => string | null;

const fixed = (value: string): Resolver => () => value;
const fromDct = (f: (dct: Day, ctx: ResolveContext) => string | null): Resolver =>
  (ctx) => (ctx.dct ? f(ctx.dct, ctx) : null);

/** Year of a month (or month-day) given without a year: the one that puts it nearest the
 * dateline, leaning to the past (news reports mostly look back): a month five or more
 * months ahead is last year's unless the sentence speaks of the future; one eight or more
 * months back is next year's. */
function yearForMonth(dct: Day, month: number, ctx: ResolveContext): number {
  const ahead = month - dct.m;
  if (ahead >= 5 && !ctx.future) return dct.y - 1;
  // "would close the plant by March" in an October story: next March.
  if (ahead < 0 && ctx.future && !ctx.past) return dct.y + 1;
  if (ahead <= -8 && !ctx.past) return dct.y + 1;
  return dct.y;
}

/** The weekday of the news convention: the most recent such day at or before the dateline,
 * the next one when the sentence speaks of the future. */
function weekdayDay(dct: Day, weekday: number, mode: 'auto' | 'last' | 'next', future: boolean): Day {
  const back = (isoWeekday(dct) - weekday + 7) % 7;
  const ahead = (weekday - isoWeekday(dct) + 7) % 7;
  if (mode === 'last') return addDays(dct, -(back === 0 ? 7 : back));
  if (mode === 'next') return addDays(dct, ahead === 0 ? 7 : ahead);
  return future ? addDays(dct, ahead) : addDays(dct, -back);
}

/** The quarter of an ordinal without a year: later quarters than the dateline's are last year's. */
function yearForQuarter(dct: Day, quarter: number): number {
  return quarter >= quarterOf(dct) + 2 ? dct.y - 1 : dct.y;
}

/** The last completed quarter at the dateline (what "the latest quarter" reports on). */
function previousQuarter(dct: Day): string {
  const day = shiftDay(dct, 'quarter', -1);
  return formatQuarter(day.y, quarterOf(day));
}

function durationValue(n: number | 'X', unit: Unit): string {
  const smaller = FRACTION_UNIT[unit];
  if (n !== 'X' && !Number.isInteger(n) && smaller) return fractionalDuration(n, unit, smaller);
  const letter = UNIT_LETTER[unit];
  // A fraction of a unit with no smaller one is a decimal amount, as TimeML allows: "2.5 weeks" = P2.5W.
  const amount = n === 'X' ? 'X' : formatAmount(n * (UNIT_SCALE[unit] ?? 1));
  return IS_CLOCK_UNIT[unit] ? `PT${amount}${letter}` : `P${amount}${letter}`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Next smaller unit for writing fractions: 1.5 hours = PT1H30M, 2.5 years = P2Y6M. */
const FRACTION_UNIT: Partial<Record<Unit, [Unit, number]>> = {
  hour: ['minute', 60], minute: ['second', 60], day: ['hour', 24], month: ['day', 30], year: ['month', 12],
};

function fractionalDuration(n: number, unit: Unit, [smallUnit, perUnit]: [Unit, number]): string {
  const whole = Math.floor(n);
  const rest = Math.round((n - whole) * perUnit);
  const clock = IS_CLOCK_UNIT[unit] || IS_CLOCK_UNIT[smallUnit];
  const big = whole > 0 ? `${whole}${UNIT_LETTER[unit]}` : '';
  if (clock && !IS_CLOCK_UNIT[unit]) return `P${big}T${rest}${UNIT_LETTER[smallUnit]}`;
  return `${clock ? 'PT' : 'P'}${big}${rest}${UNIT_LETTER[smallUnit]}`;
}

/** Words a time expression can start with: any other token is skipped at once, which keeps
 * the scan cheap (most tokens of a text are not time words). */
const STARTERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...NUMBER_WORDS.keys(), ...VAGUE_NUMBERS, ...ORDINALS.keys(), ...UNITS.keys(),
  ...FREQUENCY_WORDS.keys(), ...APPROXIMATORS, ...[...TWO_WORD_APPROXIMATORS].map((p) => p.split(' ')[0]), 'no',
  'a', 'an', 'the', 'this', 'that', 'these', 'last', 'past', 'previous', 'prior', 'next', 'coming', 'following', 'current',
  'present', 'recent', 'latest', 'most', 'same', 'comparable', 'first', 'final', 'remaining', 'initial', 'early', 'late',
  'earlier', 'later', 'mid', 'end', 'beginning', 'start', 'middle', 'rest', 'today', 'yesterday', 'tomorrow', 'tonight',
  'now', 'currently', 'presently', 'nowadays', 'at', 'recently', 'lately', 'fiscal', 'each', 'every', 'per', 'noon',
  'midnight', 'midday', 'for', 'in', 'within', 'additional', 'another', 'christmas', 'thanksgiving', 'new', 'independence',
  'labor', "'", '’', 'nineteen',
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
  'future', 'period', 'time', 'times', 'weekend', 'half', 'eve', 'date', 'once', 'twice', 'ago', 'mornings', 'nights',
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
const APPROXIMATOR_OPENERS: ReadonlySet<string> = new Set([...TWO_WORD_APPROXIMATORS].map((p) => p.split(' ')[0]));

/** The longer of two matches, the earlier one on a tie (a plain function: no closure per token). */
function longer(best: Core | null, c: Core | null): Core | null {
  return c && (!best || c.end > best.end) ? c : best;
}

export class TimeGrammar {
  constructor(private readonly toks: TimeToken[]) {}

  private w(k: number): string {
    return k < this.toks.length && k >= 0 ? this.toks[k].lower : '';
  }

  private glued(k: number): boolean {
    return k < this.toks.length && this.toks[k].glued;
  }

  /** "Sept." → end after the period; "Sept" → end after the word. */
  private skipAbbrevPeriod(k: number): number {
    return this.w(k) === '.' && this.glued(k) ? k + 1 : k;
  }

  /** The longest expression starting at token i, with its prefixes, or null. */
  matchAt(i: number): Match | null {
    const start = this.toks[i];
    if (!start || (start.num === null && !STARTERS.has(start.lower) && !isDigitToken(start))) return null;
    // Approximators ("about", "at least") may precede durations and clock times.
    let k = i;
    let approx = -1;
    const word = this.w(k);
    // The pair is only built after a word that opens a two-word approximator.
    if (APPROXIMATOR_OPENERS.has(word) && TWO_WORD_APPROXIMATORS.has(`${word} ${this.w(k + 1)}`)) { approx = k; k += 2; }
    else if (word === 'no' && TWO_WORD_APPROXIMATORS.has(`no ${this.w(k + 1)} ${this.w(k + 2)}`)) { approx = k; k += 3; }
    else if (APPROXIMATORS.has(this.w(k)) && !(this.w(k) === 'over' && this.w(k + 1) === 'the')) { approx = k; k += 1; }

    // Edge modifiers ("early", "the end of") may precede dates.
    let edge = -1;
    const edgeEnd = this.edgeModifier(k);
    if (edgeEnd > k) { edge = k; k = edgeEnd; }

    const core = this.core(k);
    if (!core) return null;
    let first = core.first;
    if (edge >= 0 && (core.kind === 'date' || core.kind === 'time')) first = edge;
    if (approx >= 0 && first === (edge >= 0 ? k : core.first) && (core.kind === 'duration' || core.kind === 'time')) {
      // "around 9 p.m." and "about two years" keep the approximator; "over" only before durations.
      if (core.kind === 'duration' || this.w(approx) === 'around' || this.w(approx) === 'about') first = approx;
    }
    return { first, end: core.end, type: core.type, resolve: core.resolve, derived: core.derived, shifted: core.shifted };
  }

  /** End of an edge modifier at k ("early", "mid-", "the end of", "earlier in"), or k. */
  private edgeModifier(k: number): number {
    const a = this.w(k);
    if (a === 'early' || a === 'late' || a === 'earlier' || a === 'later') {
      return this.w(k + 1) === 'in' ? k + 2 : k + 1;
    }
    if (a === 'mid') return this.w(k + 1) === '-' ? k + 2 : k + 1;
    const from = a === 'the' ? k + 1 : k;
    const b = this.w(from);
    if ((b === 'end' || b === 'beginning' || b === 'start' || b === 'middle' || b === 'rest') && this.w(from + 1) === 'of') {
      return from + 2;
    }
    return k;
  }

  /** The longest core expression at k. */
  private core(k: number): Core | null {
    if (k >= this.toks.length) return null;
    let best: Core | null = null;
    const word = this.w(k);
    const tok = this.toks[k];
    if (tok.num !== null || NUMBER_WORDS.has(word) || word === 'a' || word === 'an' || VAGUE_NUMBERS.has(word) ||
        word === 'the' || word === 'past' || word === 'next' || word === 'last' || word === 'coming' || word === 'recent' ||
        word === 'first' || word === 'additional' || word === 'another' || UNITS.has(word)) {
      best = longer(best, this.duration(k));
    }
    if (isDigitToken(tok) || word === 'noon' || word === 'midnight' || word === 'midday') best = longer(best, this.clockTime(k));
    if (MONTHS.has(word)) best = longer(best, this.monthDate(k));
    if (tok.num !== null) { best = longer(best, this.dayMonth(k)); best = longer(best, this.year(k)); }
    if (word === 'fiscal' || word === "'" || word === '’' || word === 'the') best = longer(best, this.year(k));
    best = longer(best, this.weekday(k));
    best = longer(best, this.deictic(k));
    best = longer(best, this.relativeUnit(k));
    best = longer(best, this.quarter(k));
    best = longer(best, this.frequency(k));
    best = longer(best, this.anaphor(k));
    best = longer(best, this.holiday(k));
    if (word === 'year') best = longer(best, this.yearEnd(k));
    return best;
  }

  // ------------------------------------------------------------------ numbers and units

  /** A number phrase at k: digits, number words ("twenty-four"), "a", "a few", "several". */
  private number(k: number): { end: number; n: number | 'X' } | null {
    const tok = this.toks[k];
    if (!tok) return null;
    const word = tok.lower;
    if (tok.num !== null && Number.isFinite(tok.num)) {
      // "1 1/2 hours"
      if (this.toks[k + 1]?.num !== null && this.w(k + 2) === '/' && this.toks[k + 3]?.num) {
        const frac = (this.toks[k + 1].num as number) / (this.toks[k + 3].num as number);
        return { end: k + 4, n: tok.num + frac };
      }
      return this.range({ end: k + 1, n: tok.num });
    }
    if (word === 'a' || word === 'an') {
      if (this.w(k + 1) === 'few') return { end: k + 2, n: 'X' };
      if (this.w(k + 1) === 'couple' && this.w(k + 2) === 'of') return { end: k + 3, n: 2 };
      if (this.w(k + 1) === 'dozen') return { end: k + 2, n: 12 };
      if (this.w(k + 1) === 'hundred') return { end: k + 2, n: 100 };
      return { end: k + 1, n: 1 };
    }
    if (VAGUE_NUMBERS.has(word)) return { end: k + 1, n: 'X' };
    const value = NUMBER_WORDS.get(word);
    if (value === undefined) return null;
    // "twenty-four", "twenty four"
    let end = k + 1;
    let n = value;
    if (value >= 20 && value < 100) {
      const next = this.w(k + 1) === '-' ? k + 2 : k + 1;
      const ones = NUMBER_WORDS.get(this.w(next));
      if (ones !== undefined && ones < 10) { n += ones; end = next + 1; }
    }
    if (this.w(end) === 'hundred') { n *= 100; end++; }
    return this.range({ end, n });
  }

  /** "two to three weeks", "12 to 18 months": a range keeps its first number. */
  private range(num: { end: number; n: number }): { end: number; n: number | 'X' } {
    const joiner = this.w(num.end);
    if (joiner === 'to' || joiner === 'or') {
      const other = this.toks[num.end + 1];
      if (other && (other.num !== null || NUMBER_WORDS.has(other.lower)) && UNITS.has(this.w(num.end + 2))) {
        return { end: num.end + 2, n: num.n };
      }
    }
    return num;
  }

  // ------------------------------------------------------------------ durations

  /**
   * Durations ("three months", "the past two years", "10-year", "several days", "a week")
   * and what they turn into with "ago" / "earlier" / "later" after them (dates).
   */
  private duration(k: number): Core | null {
    let i = k;
    let the = -1;
    if (this.w(i) === 'the') { the = i; i++; }
    // "for years", "in recent weeks": a bare plural unit after these is a vague duration.
    const lead = this.w(i);
    let direction: 'past' | 'next' | null = null;
    if (lead === 'past' || lead === 'last' || lead === 'previous' || lead === 'recent' || lead === 'latest') { direction = 'past'; i++; }
    else if (lead === 'next' || lead === 'coming' || lead === 'following') { direction = 'next'; i++; }
    else if (lead === 'first' || lead === 'final' || lead === 'remaining' || lead === 'initial') { i++; }
    if (this.w(i) === 'year' && this.w(i + 1) === '-' && (this.w(i + 2) === 'earlier' || this.w(i + 2) === 'ago')) i += 3;

    let num = this.number(i);
    let unitAt: number;
    if (num) {
      unitAt = num.end;
      // "two more weeks", "eight trading days", "an additional year"
      const filler = this.w(unitAt);
      if (filler === 'more' || filler === 'additional' || filler === 'trading' || filler === 'business' ||
          filler === 'straight' || filler === 'consecutive' || filler === 'full' || filler === 'calendar') unitAt++;
      // "10-year", "two-day"
      if (this.w(unitAt) === '-' && this.glued(unitAt) && this.glued(unitAt + 1)) unitAt++;
    } else {
      unitAt = i;
    }
    const unitWord = this.w(unitAt);
    const unit = UNITS.get(unitWord);
    if (!unit) return null;
    const plural = unitWord.endsWith('s');
    let end = unitAt + 1;
    // "a minute and a half", "two and a half years"
    if (num && this.w(end) === 'and' && this.w(end + 1) === 'a' && this.w(end + 2) === 'half' && typeof num.n === 'number') {
      num = { end: num.end, n: num.n + 0.5 };
      end += 3;
    }

    if (!num) {
      // Bare units: only plural ones after a cue word, or after "the past/next".
      const before = this.w(k - 1);
      const cue = direction !== null || before === 'for' || before === 'in' || before === 'within' || before === 'over' ||
        before === 'recent' || before === 'coming';
      if (!plural || !cue) return null;
      if (direction === 'past' && lead === 'recent' && unit === 'year') {
        // "recent years" is the past as a whole in TimeML.
        return { first: the >= 0 ? the : i - 1, end, type: 'date', kind: 'ref', resolve: fixed('PAST_REF') };
      }
      if (the >= 0 && direction === null) {
        // "in the weeks before the shooting": a stretch of time anchored on an event.
        const next = this.w(end);
        if (next === 'ahead') return { first: the, end: end + 1, type: 'duration', kind: 'duration', resolve: fixed(durationValue('X', unit)) };
        if (next === 'that') return { first: the, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue('X', unit)) };
        // The value depends on the event named after "before"/"after", which a grammar cannot date.
        if (next === 'before' || next === 'after') return { first: unitAt, end, type: 'date', kind: 'date', resolve: () => null };
        return null;
      }
      num = { end: unitAt, n: 'X' };
    } else if (num.n === 1 && (this.w(i) === 'a' || this.w(i) === 'an') && plural) {
      return null;
    }
    // "a year-earlier loss", "year-end": the unit belongs to another expression.
    if (this.w(end) === '-' && this.glued(end) && ['earlier', 'ago', 'end', 'to'].includes(this.w(end + 1))) return null;
    // Titles ("60 Minutes", "This Week"): a capitalised unit after a number is a name.
    if (this.toks[unitAt].capital && num && this.toks[i].num !== null) return null;
    // A year is not a count: "the 1988 second quarter".
    if (num && typeof num.n === 'number' && /^(19|20)\d{2}$/.test(this.toks[i]?.text ?? '') && (unit === 'second' || unit === 'quarter')) return null;
    // Ages and lengths are not time expressions: "6-year-old", "37 years old", "decades-long".
    if (this.w(end) === 'old' || (this.w(end) === '-' && this.w(end + 1) === 'old')) return null;
    if (this.w(end) === '-' && this.glued(end) && (this.w(end + 1) === 'long')) end += 2;

    const start = the >= 0 ? the : direction !== null || ['first', 'final', 'remaining', 'initial'].includes(lead) ? k : i;
    const n = num.n;

    // "two years ago", "a year earlier", "three days later": dates.
    const after = this.w(end);
    // "ten days before the shooting" stays a duration; "the day before." is a date.
    // "three days later" is a duration in TimeML: the span stops before "later".
    const anchoredOnEvent = ((after === 'before' || after === 'after') && !this.isClauseEnd(end + 1)) || after === 'later';
    if (direction === null && !anchoredOnEvent && (after === 'ago' || after === 'earlier' || after === 'later' || after === 'before' || after === 'after' ||
        (after === 'from' && this.w(end + 1) === 'now'))) {
      const sign = after === 'ago' || after === 'earlier' || after === 'before' ? -1 : 1;
      const anchored = after !== 'ago' && after !== 'from';
      const stop = after === 'from' ? end + 2 : end + 1;
      if (n === 'X') return { first: start, end: stop, type: 'date', kind: 'date', resolve: fixed(sign < 0 ? 'PAST_REF' : 'FUTURE_REF') };
      return { first: start, end: stop, type: 'date', kind: 'date', derived: anchored || unit === 'year', shifted: true, resolve: shiftedDate(unit, sign * n, anchored) };
    }
    if (start === i && num.n === 1 && (this.w(i) === 'a' || this.w(i) === 'an')) {
      // "$5 a year", "700 seats a week": a rate, which TimeML leaves unmarked.
      const prev = this.toks[i - 1];
      if (prev && (prev.num !== null || ['%', 'percent', 'cents', 'times', 'million', 'billion', 'twice', 'once', 'dollars', 'seats', 'shares', 'flights'].includes(prev.lower))) {
        return null;
      }
      // "a second group": an ordinal, not a second of time.
      if (unit === 'second') return null;
    }
    return { first: start, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue(n, unit)) };
  }

  private isClauseEnd(k: number): boolean {
    const word = this.w(k);
    return word === '' || word === '.' || word === ',' || word === ';' || word === ')' || word === 'and' || word === '"';
  }

  // ------------------------------------------------------------------ clock times

  /** "10:30 a.m.", "9 p.m. EST", "noon", optionally followed by the day it falls on. */
  private clockTime(k: number): Core | null {
    const tok = this.toks[k];
    let hour: number;
    let minute = 0;
    let end: number;
    if (tok.lower === 'noon' || tok.lower === 'midday') { hour = 12; end = k + 1; }
    else if (tok.lower === 'midnight') { hour = 24; end = k + 1; }
    else {
      const clock = /^(\d{1,2}):(\d{2})$/.exec(tok.text);
      if (clock) { hour = +clock[1]; minute = +clock[2]; }
      else if (tok.num !== null && Number.isInteger(tok.num) && tok.num >= 1 && tok.num <= 12) hour = tok.num;
      else return null;
      end = k + 1;
      const meridiem = this.meridiem(end);
      if (meridiem) {
        if (meridiem.pm && hour < 12) hour += 12;
        if (!meridiem.pm && hour === 12) hour = 0;
        end = meridiem.end;
      } else if (!clock || hour > 24 || minute > 59) {
        return null;
      } else if (this.w(end) !== "o'clock" && !TIME_ZONES.has(this.w(end)) && !this.isTimeContext(k)) {
        return null;
      }
    }
    if (TIME_ZONES.has(this.w(end)) && this.toks[end].text === this.toks[end].text.toUpperCase()) end++;
    const clockText = `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    // The day it falls on: "10 p.m. Wednesday", "noon Saturday", "9 p.m. EST, Nov. 9".
    let dayAt = end;
    if (this.w(dayAt) === ',') dayAt++;
    if (this.w(dayAt) === 'on') dayAt++;
    const day = this.weekday(dayAt) ?? this.deictic(dayAt) ?? (MONTHS.has(this.w(dayAt)) ? this.monthDate(dayAt) : null);
    if (day && day.kind === 'date' && (day.type === 'date') && day.end - dayAt <= 4) {
      return { first: k, end: day.end, type: 'time', kind: 'time', resolve: (ctx) => {
        const date = day.resolve(ctx);
        return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date + clockText : null;
      } };
    }
    // A clock time alone falls on the day last spoken of, else on the dateline.
    return { first: k, end, type: 'time', kind: 'time', resolve: (ctx) => {
      const day = dayOfValue(ctx.last) ?? ctx.dct;
      return day ? formatDay(day) + clockText : null;
    } };
  }

  /** "a.m.", "p.m", "am", "PM" at k. */
  private meridiem(k: number): { end: number; pm: boolean } | null {
    const word = this.w(k);
    if (word === 'am' || word === 'pm') return { end: k + 1, pm: word === 'pm' };
    if ((word === 'a' || word === 'p') && this.w(k + 1) === '.' && this.w(k + 2) === 'm') {
      return { end: this.w(k + 3) === '.' ? k + 4 : k + 3, pm: word === 'p' };
    }
    return null;
  }

  /** "at 10:30", "by 14:00": a bare hh:mm is a time only after such a word. */
  private isTimeContext(k: number): boolean {
    const before = this.w(k - 1);
    return before === 'at' || before === 'by' || before === 'until' || before === 'before' || before === 'after' || before === 'around';
  }

  // ------------------------------------------------------------------ calendar dates

  /** "Aug. 7", "August 7, 1998", "August 1998", "August of 1998", "last April", bare "August". */
  private monthDate(k: number): Core | null {
    const tok = this.toks[k];
    const month = MONTHS.get(tok.lower);
    if (month === undefined) return null;
    const isAbbrev = tok.lower.length <= 4 && tok.lower !== 'june' && tok.lower !== 'july' && tok.lower !== 'may';
    if (isAbbrev && !tok.capital) return null;
    // Only an abbreviation owns the period after it: "Sept." but not "December." at a sentence end.
    let end = isAbbrev || tok.lower === 'sept' ? this.skipAbbrevPeriod(k + 1) : k + 1;
    if (isAbbrev && end === k + 1 && tok.lower !== 'sept' && !this.toks[end]?.num) return null;

    const dayTok = this.toks[end];
    if (dayTok && dayTok.num !== null && Number.isInteger(dayTok.num) && dayTok.num >= 1 && dayTok.num <= 31 && !dayTok.glued) {
      const day = dayTok.num;
      let stop = end + 1;
      if (['st', 'nd', 'rd', 'th'].includes(this.w(stop)) && this.glued(stop)) stop++;
      if (this.w(stop) === '%' || (this.w(stop) === ':' && this.glued(stop) && this.glued(stop + 1))) return null;
      let year: number | null = null;
      const comma = this.w(stop) === ',' ? stop + 1 : stop;
      const yearTok = this.toks[comma];
      if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) { year = yearTok.num; stop = comma + 1; }
      const fixedYear = year;
      const relative = fixedYear === null ? this.relativeYear(stop) : null;
      if (relative) stop = relative.end;
      return { first: k, end: stop, type: 'date', kind: 'date', resolve: (ctx) => {
        const y = fixedYear ?? (ctx.dct ? (relative ? ctx.dct.y + relative.shift : yearForMonth(ctx.dct, month, ctx)) : null);
        if (y === null) return null;
        const date = { y, m: month, d: day };
        return isValidDay(date) ? formatDay(date) : null;
      } };
    }
    // "August 1998", "August of 1998"
    const yearAt = this.w(end) === 'of' ? end + 1 : end === k + 1 && this.w(end) === ',' ? end + 1 : end;
    const yearTok = this.toks[yearAt];
    if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) {
      const y = yearTok.num;
      return { first: k, end: yearAt + 1, type: 'date', kind: 'date', resolve: fixed(formatMonth(y, month)) };
    }
    // A bare month name: "May" and "March" only where a month fits.
    if (AMBIGUOUS_MONTHS.has(tok.lower)) {
      if (!tok.capital) return null;
      const before = this.w(k - 1);
      if (!['in', 'since', 'until', 'by', 'through', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'before', 'after', 'from'].includes(before)) return null;
    }
    if (!tok.capital && tok.lower !== tok.text) return null;
    const relative = this.relativeYear(end);
    if (relative) {
      return { first: k, end: relative.end, type: 'date', kind: 'date', resolve: fromDct((dct) => formatMonth(dct.y + relative.shift, month)) };
    }
    return { first: k, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => formatMonth(yearForMonth(dct, month, ctx), month)) };
  }

  /** "this year", "last year", "next year" right after a month ("February this year"). */
  private relativeYear(k: number): { end: number; shift: number } | null {
    if (this.w(k + 1) !== 'year') return null;
    const word = this.w(k);
    const shift = word === 'this' ? 0 : word === 'last' ? -1 : word === 'next' ? 1 : null;
    return shift === null ? null : { end: k + 2, shift };
  }

  /** "7 August 1998", "7th of August". */
  private dayMonth(k: number): Core | null {
    const tok = this.toks[k];
    if (tok.num === null || !Number.isInteger(tok.num) || tok.num < 1 || tok.num > 31) return null;
    let at = k + 1;
    if (['st', 'nd', 'rd', 'th'].includes(this.w(at)) && this.glued(at)) at++;
    if (this.w(at) === 'of') at++;
    const month = MONTHS.get(this.w(at));
    if (month === undefined || !this.toks[at].capital) return null;
    let end = this.skipAbbrevPeriod(at + 1);
    const yearTok = this.toks[end];
    let year: number | null = null;
    if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) { year = yearTok.num; end++; }
    const day = tok.num;
    return { first: k, end, type: 'date', kind: 'date', resolve: (ctx) => {
      const y = year ?? (ctx.dct ? yearForMonth(ctx.dct, month, ctx) : null);
      if (y === null) return null;
      const date = { y, m: month, d: day };
      return isValidDay(date) ? formatDay(date) : null;
    } };
  }

  /** "1998", "fiscal 1990", "the 1990s", "'80s", "mid-1980s". */
  private year(k: number): Core | null {
    let i = k;
    let fiscal = false;
    if (this.w(i) === 'the') i++;
    if (this.w(i) === 'fiscal') { fiscal = true; i++; if (this.w(i) === 'year') i++; }
    // "'80s"
    if ((this.w(i) === "'" || this.w(i) === '’') && this.toks[i + 1]?.num !== null && /^\d0$/.test(this.toks[i + 1]?.text ?? '') &&
        this.w(i + 2) === 's' && this.glued(i + 2)) {
      const decade = `19${this.toks[i + 1].text[0]}`;
      return { first: k, end: i + 3, type: 'date', kind: 'date', resolve: fixed(decade) };
    }
    const spelled = this.spelledYear(i);
    if (spelled) return { first: k, end: spelled.end, type: 'date', kind: 'date', resolve: fixed(formatYear(spelled.year)) };
    const tok = this.toks[i];
    // "the 20th century" → 19
    if (tok && tok.num !== null && Number.isInteger(tok.num) && tok.num >= 1 && tok.num <= 21 &&
        ['st', 'nd', 'rd', 'th'].includes(this.w(i + 1)) && this.glued(i + 1) && this.w(i + 2) === 'century') {
      return { first: k, end: i + 3, type: 'date', kind: 'date', resolve: fixed(String(tok.num - 1).padStart(2, '0')) };
    }
    if (!tok || tok.num === null || !/^\d{4}$/.test(tok.text)) return null;
    const y = tok.num;
    if (y < 1000 || y > 2100) return null;
    if (this.w(i + 1) === 's' && this.glued(i + 1)) {
      // A decade: "1990s" → 199; a century: "1900s" is taken as a decade too, as TimeML does.
      return { first: k, end: i + 2, type: 'date', kind: 'date', resolve: fixed(String(Math.floor(y / 10))) };
    }
    if (this.w(k) === 'the' && !fiscal) return null;
    const before = this.toks[i - 1];
    if (before && (before.text === '$' || before.text === '#' || before.text === '£' || before.text === '€') ) return null;
    const after = this.w(i + 1);
    if (['%', 'percent', 'million', 'billion', 'people', 'shares', 'troops', 'feet', 'meters', 'miles', 'tons', 'points'].includes(after)) return null;
    if (after === ':' || (after === '-' && this.toks[i + 2]?.num !== null && !this.toks[i + 2]?.text.match(/^\d{2}$/))) return null;
    // "1989-90": the first year is the date.
    return { first: k, end: i + 1, type: 'date', kind: 'date', resolve: fixed(formatYear(y)) };
  }

  /** "nineteen ninety-six" (broadcast transcripts spell years out). */
  private spelledYear(k: number): { end: number; year: number } | null {
    if (this.w(k) !== 'nineteen') return null;
    const rest = this.number(k + 1);
    if (!rest || typeof rest.n !== 'number' || rest.n < 10 || rest.n > 99 || !Number.isInteger(rest.n)) return null;
    if (this.toks[k + 1].num !== null) return null;
    return { end: rest.end, year: 1900 + rest.n };
  }

  /** "year-end", "year end", "year's end": the end of the dateline's year. */
  private yearEnd(k: number): Core | null {
    if (this.w(k) !== 'year') return null;
    let end = -1;
    if (this.w(k + 1) === '-' && this.w(k + 2) === 'end') end = k + 3;
    else if (this.w(k + 1) === 'end') end = k + 2;
    else if ((this.w(k + 1) === "'" || this.w(k + 1) === '’') && this.w(k + 2) === 's' && this.w(k + 3) === 'end') end = k + 4;
    if (end < 0) return null;
    return { first: k, end, type: 'date', kind: 'date', resolve: fromDct((dct) => formatYear(dct.y)) };
  }

  // ------------------------------------------------------------------ weekdays and deictic days

  /** "Friday", "last Friday", "next Tuesday", "Monday morning", "each Thursday". */
  private weekday(k: number): Core | null {
    let i = k;
    let mode: 'auto' | 'last' | 'next' = 'auto';
    const lead = this.w(i);
    if (lead === 'last' || lead === 'past' || lead === 'previous') { mode = 'last'; i++; }
    else if (lead === 'next' || lead === 'coming') { mode = 'next'; i++; }
    else if (lead === 'this') { i++; }
    else if (lead === 'early' || lead === 'late') { i++; }
    const set = lead === 'each' || lead === 'every';
    if (set) i++;
    const tok = this.toks[i];
    if (!tok) return null;
    const weekday = WEEKDAYS.get(tok.lower);
    if (weekday === undefined || !tok.capital) return null;
    let end = i + 1;
    if (SHORT_WEEKDAYS.has(tok.lower)) {
      if (this.w(end) !== '.' || !this.glued(end)) return null;
      end++;
    }
    if (tok.lower === 'sat' || tok.lower === 'sun' || tok.lower === 'wed') return null;
    if (this.w(end) === 's' && this.glued(end)) return null; // "Fridays" as a set is rare: leave it
    const part = PARTS_OF_DAY.get(this.w(end));
    if (part) end++;
    else if (this.w(end) === 'nights' || this.w(end) === 'mornings') end++;
    if (set) {
      return { first: k, end, type: 'set', kind: 'set', resolve: fixed(`XXXX-WXX-${weekday}${part ? `T${part}` : ''}`) };
    }
    // "Friday, Oct. 23": one expression, valued by its calendar date.
    const dateAt = this.w(end) === ',' ? end + 1 : end;
    if (!part && MONTHS.has(this.w(dateAt))) {
      const date = this.monthDate(dateAt);
      if (date && date.end - dateAt >= 2 && /\d/.test(this.toks[date.end - 1].text)) {
        return { first: k, end: date.end, type: 'date', kind: 'date', resolve: date.resolve };
      }
    }
    return { first: lead === 'early' || lead === 'late' ? i : k, end, type: part ? 'time' : 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
      const day = formatDay(weekdayDay(dct, weekday, mode, ctx.futureBefore));
      return part ? `${day}T${part}` : day;
    }) };
  }

  /** today, yesterday, tomorrow, tonight, this morning, last night; now, currently, recently, the future. */
  private deictic(k: number): Core | null {
    const word = this.w(k);
    const shift = word === 'today' ? 0 : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : null;
    if (shift !== null) {
      const part = PARTS_OF_DAY.get(this.w(k + 1));
      const end = part ? k + 2 : k + 1;
      return { first: k, end, type: part ? 'time' : 'date', kind: 'date', resolve: fromDct((dct) => formatDay(addDays(dct, shift)) + (part ? `T${part}` : '')) };
    }
    if (word === 'tonight') return { first: k, end: k + 1, type: 'date', kind: 'date', resolve: fromDct((dct) => formatDay(dct)) };
    const part = PARTS_OF_DAY.get(this.w(k + 1));
    if (part && (word === 'this' || (word === 'last' && part === 'NI'))) {
      const offset = word === 'last' ? -1 : 0;
      return { first: k, end: k + 2, type: 'time', kind: 'time', resolve: fromDct((dct) => `${formatDay(addDays(dct, offset))}T${part}`) };
    }
    if (word === 'now' && !(this.w(k + 1) === '-' && this.glued(k + 1))) {
      // "Now, ..." opening a sentence is a discourse marker, not a time.
      if (this.toks[k].capital && this.w(k + 1) === ',') return null;
      return ref(k, k + 1, 'PRESENT_REF');
    }
    if (word === 'currently' || word === 'presently' || word === 'nowadays') return ref(k, k + 1, 'PRESENT_REF');
    if (word === 'at' && this.w(k + 1) === 'present') return ref(k + 1, k + 2, 'PRESENT_REF');
    if (word === 'these' && this.w(k + 1) === 'days') return ref(k, k + 2, 'PRESENT_REF');
    if (word === 'current' && !UNITS.has(this.w(k + 1)) && this.w(k + 1) !== 'fiscal' && this.w(k + 1) !== '-') {
      return ref(k, k + 1, 'PRESENT_REF');
    }
    if (word === 'recently' || word === 'lately') return ref(k, k + 1, 'PAST_REF');
    if (word === 'the' && this.w(k + 1) === 'past' && !this.startsQuantity(k + 2)) return ref(k, k + 2, 'PAST_REF');
    if (word === 'the' && this.w(k + 1) === 'future') return ref(k, k + 2, 'FUTURE_REF');
    if (word === 'the' && this.w(k + 1) === 'near' && this.w(k + 2) === 'future') return ref(k, k + 3, 'FUTURE_REF');
    return null;
  }

  /** Whether a number or a unit starts at k ("the past two years", "the past year"). */
  private startsQuantity(k: number): boolean {
    const tok = this.toks[k];
    if (!tok) return false;
    return tok.num !== null || NUMBER_WORDS.has(tok.lower) || VAGUE_NUMBERS.has(tok.lower) || UNITS.has(tok.lower) ||
      tok.lower === 'a' || tok.lower === 'few' || tok.lower === 'couple';
  }

  // ------------------------------------------------------------------ units relative to the dateline

  /** "last year", "this month", "next week", "the past year", "this fall", "last April", "the weekend", "the year". */
  private relativeUnit(k: number): Core | null {
    let i = k;
    const hasThe = this.w(i) === 'the';
    if (hasThe) i++;
    const lead = this.w(i);
    let offset: number | null = null;
    if (lead === 'last' || lead === 'past' || lead === 'previous' || lead === 'prior') offset = -1;
    else if (lead === 'this' || lead === 'current' || lead === 'present') offset = 0;
    else if (lead === 'next' || lead === 'coming' || lead === 'following') offset = 1;
    if (offset !== null) i++;
    else if (!hasThe) return null;
    if (hasThe && (lead === 'following' || lead === 'previous' || lead === 'prior' || lead === 'next')) return null; // anaphoric: see anaphor()
    const fiscal = this.w(i) === 'fiscal';
    if (fiscal) i++;
    const word = this.w(i);
    const end = i + 1;
    const first = k;

    if (word === 'weekend') {
      const shift = offset ?? 0;
      return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
        const saturday = weekdayDay(dct, 6, shift > 0 || ctx.future ? 'next' : 'auto', ctx.future);
        return `${formatWeek(addDays(saturday, 7 * (shift < 0 ? -1 : 0)))}-WE`;
      }) };
    }
    const season = SEASONS.get(word);
    if (season && offset === null && hasThe && !fiscal) {
      // "the summer": this year's, or last year's when it has not come yet and nothing points ahead.
      return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
        const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[season] ?? 1;
        return `${formatYear(startMonth > dct.m && !ctx.future && season !== 'WI' ? dct.y - 1 : dct.y)}-${season}`;
      }) };
    }
    if ((word === 'full' || word === 'entire' || word === 'whole') && hasThe && offset === null && this.w(i + 1) === 'year') {
      return { first, end: i + 2, type: 'date', kind: 'date', resolve: fromDct((dct) => formatYear(dct.y)) };
    }
    if (season && offset !== null) {
      const order = ['WI', 'SP', 'SU', 'FA'];
      return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct) => {
        const current = dct.m === 12 ? 0 : Math.floor(dct.m / 3);
        const target = order.indexOf(season);
        let y = dct.y;
        if (offset < 0 && target >= current) y -= 1;
        if (offset > 0 && target <= current) y += 1;
        return `${formatYear(y)}-${season}`;
      }) };
    }
    const month = MONTHS.get(word);
    if (month !== undefined && offset !== null && this.toks[i].capital && word.length > 3) {
      return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct) => {
        let y = dct.y;
        if (offset < 0 && month >= dct.m) y -= 1;
        if (offset > 0 && month <= dct.m) y += 1;
        return formatMonth(y, month);
      }) };
    }
    const unit = UNITS.get(word);
    if (!unit || word.endsWith('s') || unit === 'second' || unit === 'minute' || unit === 'hour') return null;
    if (this.toks[i].capital && this.toks[k].capital) return null; // "This Week", a programme
    if (unit === 'quarter') return null; // quarter() handles quarters
    if (this.w(end) === '-' && this.glued(end)) return null; // "the year-earlier period"
    if (offset === null) {
      // "the year", "the month", "the week": the dateline's unit (a duration after "for").
      if (unit === 'day' || unit === 'decade' || unit === 'century') return null;
      const before = this.w(k - 1);
      const next = this.w(end);
      // "the year ended Sept. 30" is a reporting period; "throughout the year" a stretch of time.
      if (next === 'ended' || next === 'ending' || before === 'throughout' || before === 'all') {
        return { first, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue(1, unit)) };
      }
      if (unit === 'year' && next === 'two' && this.w(end + 1) === 'thousand') {
        return { first, end: end + 2, type: 'date', kind: 'date', resolve: fixed('2000') };
      }
      return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct) => valueAt(dct, unit)) };
    }
    if (unit === 'day') return null;
    const n = offset;
    if (unit === 'century' && lead === 'this') return { first, end, type: 'date', kind: 'date', resolve: fixed('P100Y') };
    if ((unit === 'decade' || unit === 'century') && lead === 'past') {
      // "the past decade" is the ten years up to now.
      return { first, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue(1, unit)) };
    }
    return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
      // "profit rose in the third quarter from $5 million last year": that quarter, a year before.
      if (unit === 'year' && n === -1 && ctx.previousSameSentence && ctx.previous && /^\d{4}-Q[1-4]$/.test(ctx.previous)) {
        return shiftValue(ctx.previous, 'year', -1);
      }
      return valueAt(shiftDay(dct, unit, n), unit);
    }) };
  }

  // ------------------------------------------------------------------ quarters and halves

  /** "the third quarter", "third-quarter", "the fiscal first quarter of 1989", "the first half",
   * "the latest quarter", "the year-earlier quarter", "the quarter", "year-earlier". */
  private quarter(k: number): Core | null {
    let i = k;
    if (this.w(i) === 'the') i++;
    if (isFourDigits(this.toks[i]) && this.w(i + 1) === "'" && this.w(i + 2) === 's') i += 3; // "1989's"
    if (this.w(k) === 'the' && /^(19|20)\d{2}$/.test(this.toks[i]?.text ?? '')) {
      // "the 1988 quarter", "the 1989 period", "the 1988 second quarter": the quarter in that year.
      const y = this.toks[i].num as number;
      const nounAt = ORDINALS.has(this.w(i + 1)) ? i + 2 : i + 1;
      const noun = this.w(nounAt);
      if (noun === 'quarter' || noun === 'period') {
        const ordinal = nounAt === i + 2 ? ORDINALS.get(this.w(i + 1)) ?? null : null;
        return { first: k, end: nounAt + 1, type: 'date', kind: 'date', derived: ordinal === null, resolve: (ctx) => {
          const q = ordinal ?? (ctx.lastQuarter ? Number(ctx.lastQuarter.slice(-1)) : ctx.dct ? quarterOf(shiftDay(ctx.dct, 'quarter', -1)) : null);
          return q === null ? null : formatQuarter(y, q);
        } };
      }
    }
    if (this.w(i) === 'this' && this.w(i + 1) === 'year' && this.w(i + 2) === "'" && this.w(i + 3) === 's') i += 4;
    if (this.w(i) === 'fiscal') { i++; if (this.w(i) === '-') i++; }
    const lead = this.w(i);
    let anchor: 'latest' | 'yearEarlier' | null = null;
    let leadEnd = i;
    if (lead === 'current' && this.w(i + 1) === 'quarter') {
      // "the current quarter" is the one the dateline falls in.
      return { first: k, end: i + 2, type: 'date', kind: 'date', resolve: fromDct((dct) => formatQuarter(dct.y, quarterOf(dct))) };
    }
    if (lead === 'latest' || lead === 'recent' || lead === 'most') {
      anchor = 'latest';
      leadEnd = lead === 'most' && this.w(i + 1) === 'recent' ? i + 2 : i + 1;
    } else if ((lead === 'year' && this.w(i + 1) === '-' && (this.w(i + 2) === 'earlier' || this.w(i + 2) === 'ago')) ) {
      anchor = 'yearEarlier';
      leadEnd = i + 3;
    } else if ((lead === 'same' || lead === 'comparable' || lead === 'prior' || lead === 'previous') && this.w(k) === 'the' &&
        (this.w(i + 1) === 'quarter' || this.w(i + 1) === 'period')) {
      anchor = 'yearEarlier';
      leadEnd = i + 1;
    }
    if (anchor) {
      const noun = this.w(leadEnd);
      const isNoun = noun === 'quarter' || noun === 'period';
      // "year-earlier" as a bare adjective ("year-earlier profit") is a date too.
      if (!isNoun && (anchor !== 'yearEarlier' || this.w(k) === 'the')) return null;
      const end = isNoun ? leadEnd + 1 : leadEnd;
      const mode = anchor;
      return { first: k, end, type: 'date', kind: 'date', derived: true, shifted: mode === 'yearEarlier', resolve: (ctx) => {
        const latest = ctx.dct ? previousQuarter(ctx.dct) : null;
        if (mode === 'latest') return latest;
        const base = ctx.lastQuarter ?? latest;
        const from = noun === 'quarter' || noun === 'period' ? base : (ctx.last ?? base);
        return from ? shiftValue(from, 'year', -1) : null;
      } };
    }
    // "this quarter", "that quarter": the quarter under discussion.
    if ((this.w(k) === 'this' || this.w(k) === 'that') && this.w(k + 1) === 'quarter' && !(this.w(k + 2) === '-')) {
      return { first: k, end: k + 2, type: 'date', kind: 'date', derived: true, resolve: (ctx) =>
        ctx.lastQuarter ?? (ctx.dct ? formatQuarter(ctx.dct.y, quarterOf(ctx.dct)) : null) };
    }
    // "the quarter" alone refers back to the quarter under discussion.
    if ((lead === 'quarter' || lead === 'period') && this.w(k) === 'the' && i === k + 1 && !(this.w(i + 1) === '-' && this.glued(i + 1))) {
      if (lead === 'period') return null;
      const ended = this.endedDate(i + 1);
      if (ended) {
        // "the quarter ended Sept. 30" is the quarter holding that day.
        return { first: k, end: i + 1, type: 'date', kind: 'date', resolve: (ctx) => {
          const day = dayOfValue(ended.resolve(ctx));
          return day ? formatQuarter(day.y, quarterOf(day)) : null;
        } };
      }
      return { first: k, end: i + 1, type: 'date', kind: 'date', derived: true, resolve: (ctx) => ctx.lastQuarter ?? (ctx.dct ? previousQuarter(ctx.dct) : null) };
    }
    // "the last half of 1989" is the second half; "the last quarter" the fourth.
    const ordinal = lead === 'last' ? -1 : ORDINALS.get(lead);
    if (ordinal === undefined) return null;
    let at = i + 1;
    if (this.w(at) === '-' && this.glued(at)) at++;
    const noun = this.w(at);
    if (noun !== 'quarter' && noun !== 'half' && noun !== 'quarters') return null;
    if (noun === 'half' && ordinal > 2) return null;
    let end = at + 1;
    // "of 1989", "1989" after the noun.
    let year: number | null = null;
    const yearAt = this.w(end) === 'of' ? end + 1 : end;
    const yearTok = this.toks[yearAt];
    if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) { year = yearTok.num; end = yearAt + 1; }
    else if (this.w(end) === 'of' && (this.w(end + 1) === 'this' || this.w(end + 1) === 'last' || this.w(end + 1) === 'next') && this.w(end + 2) === 'year') {
      const shift = this.w(end + 1) === 'last' ? -1 : this.w(end + 1) === 'next' ? 1 : 0;
      end += 3;
      return this.quarterCore(k, end, noun, ordinal, null, shift);
    }
    return this.quarterCore(k, end, noun, ordinal, year, 0);
  }

  /** The date after "ended" / "ending" at k. */
  private endedDate(k: number): Core | null {
    if (this.w(k) !== 'ended' && this.w(k) !== 'ending') return null;
    return MONTHS.has(this.w(k + 1)) ? this.monthDate(k + 1) : null;
  }

  private quarterCore(first: number, end: number, noun: string, ordinal: number, year: number | null, shift: number): Core {
    const half = noun === 'half';
    return { first, end, type: 'date', kind: 'date', resolve: (ctx) => {
      const q = ordinal < 0 ? (half ? 2 : 4) : ordinal;
      const y = year ?? (ctx.dct ? (half ? ctx.dct.y : yearForQuarter(ctx.dct, q)) + shift : null);
      if (y === null) return null;
      return half ? `${formatYear(y)}-H${q}` : formatQuarter(y, q);
    } };
  }

  // ------------------------------------------------------------------ sets

  /** "daily", "weekly", "every day", "each month", "each July". */
  private frequency(k: number): Core | null {
    const word = this.w(k);
    const value = FREQUENCY_WORDS.get(word);
    if (value) return { first: k, end: k + 1, type: 'set', kind: 'set', resolve: fixed(value) };
    if (word !== 'every' && word !== 'each' && word !== 'per') return null;
    let i = k + 1;
    let n = 1;
    if (this.w(i) === 'other') { n = 2; i++; }
    const unit = UNITS.get(this.w(i));
    if (unit && !this.w(i).endsWith('s')) return { first: k, end: i + 1, type: 'set', kind: 'set', resolve: fixed(durationValue(n, unit)) };
    const month = MONTHS.get(this.w(i));
    if (month !== undefined && this.toks[i].capital) return { first: k, end: i + 1, type: 'set', kind: 'set', resolve: fixed(`XXXX-${String(month).padStart(2, '0')}`) };
    return null;
  }

  // ------------------------------------------------------------------ anaphora

  /** "the same day", "the next day", "the following week", "that year", "the day before", "the previous year". */
  private anaphor(k: number): Core | null {
    const a = this.w(k);
    const b = this.w(k + 1);
    let offset: number | null = null;
    let unitAt = -1;
    let end = -1;
    if (a === 'the' && (b === 'same' || b === 'next' || b === 'following' || b === 'previous' || b === 'prior' || b === 'preceding')) {
      offset = b === 'same' ? 0 : b === 'next' || b === 'following' ? 1 : -1;
      unitAt = k + 2;
      end = k + 3;
    } else if (a === 'that' && (b === 'same' || UNITS.has(b))) {
      offset = 0;
      unitAt = b === 'same' ? k + 2 : k + 1;
      end = unitAt + 1;
    } else if (a === 'the' && b === 'day' && (this.w(k + 2) === 'before' || this.w(k + 2) === 'after')) {
      unitAt = k + 1;
      if (this.isClauseEnd(k + 3)) {
        offset = this.w(k + 2) === 'before' ? -1 : 1;
        end = k + 3;
      } else {
        // "the day before the crash": that day is the one last spoken of.
        offset = 0;
        end = k + 2;
      }
    }
    if (offset === null) return null;
    const unitWord = this.w(unitAt);
    const unit = UNITS.get(unitWord);
    if (!unit || unitWord.endsWith('s') || unit === 'second' || unit === 'minute' || unit === 'hour' || unit === 'decade' || unit === 'century') return null;
    if (unit === 'quarter') return null;
    const n = offset;
    return { first: k, end, type: 'date', kind: 'date', resolve: (ctx) => {
      const lastDay = dayOfValue(ctx.last);
      if (unit === 'day' || unit === 'week') {
        const base = lastDay ?? ctx.dct;
        return base ? valueAt(shiftDay(base, unit, n), unit) : null;
      }
      if (ctx.last && /^\d{4}/.test(ctx.last)) {
        const y = Number(ctx.last.slice(0, 4));
        const base = lastDay ?? { y, m: Number(ctx.last.slice(5, 7)) || 1, d: 1 };
        return valueAt(shiftDay(base, unit, n), unit);
      }
      return ctx.dct ? valueAt(shiftDay(ctx.dct, unit, n), unit) : null;
    } };
  }

  // ------------------------------------------------------------------ holidays

  /** Fixed-date and rule-based holidays of US news. */
  private holiday(k: number): Core | null {
    const a = this.w(k);
    const tok = this.toks[k];
    if (!tok || !tok.capital) return null;
    let end = k + 1;
    let date: ((y: number) => Day) | null = null;
    if (a === 'christmas') {
      const eve = this.w(k + 1) === 'eve';
      if (this.w(k + 1) === 'day' || eve) end++;
      date = (y) => ({ y, m: 12, d: eve ? 24 : 25 });
    } else if (a === 'thanksgiving') {
      if (this.w(k + 1) === 'day') end++;
      date = (y) => nthWeekday(y, 11, 4, 4);
    } else if (a === 'new' && this.w(k + 1) === 'year' && this.w(k + 2) === "'" && this.w(k + 3) === 's' && (this.w(k + 4) === 'day' || this.w(k + 4) === 'eve')) {
      const eve = this.w(k + 4) === 'eve';
      end = k + 5;
      date = (y) => (eve ? { y, m: 12, d: 31 } : { y, m: 1, d: 1 });
    } else if (a === 'independence' && this.w(k + 1) === 'day') {
      end = k + 2;
      date = (y) => ({ y, m: 7, d: 4 });
    } else if (a === 'labor' && this.w(k + 1) === 'day') {
      end = k + 2;
      date = (y) => nthWeekday(y, 9, 1, 1);
    }
    if (!date) return null;
    const make = date;
    return { first: k, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
      let day = make(dct.y);
      const distance = (day.m - dct.m) * 31 + (day.d - dct.d);
      if (distance > 0 && !ctx.future && distance > 31) day = make(dct.y - 1);
      return formatDay(day);
    }) };
  }
}

function isDigitToken(tok: TimeToken): boolean {
  const c = tok.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Four digits ("1989"), the form of a year; the pattern is only tried on number tokens. */
function isFourDigits(tok: TimeToken | undefined): boolean {
  return tok !== undefined && tok.num !== null && /^\d{4}$/.test(tok.text);
}

function ref(first: number, end: number, value: string): Core {
  return { first, end, type: 'date', kind: 'ref', resolve: fixed(value) };
}

/** The n-th given ISO weekday of a month (Thanksgiving: 4th Thursday of November). */
function nthWeekday(y: number, m: number, weekday: number, n: number): Day {
  const firstDay = { y, m, d: 1 };
  const offset = (weekday - isoWeekday(firstDay) + 7) % 7;
  return addDays(firstDay, offset + 7 * (n - 1));
}

/**
 * "two years ago" (from the dateline, at the unit's granularity) and "a year earlier"
 * (from the previous date, keeping its granularity). In earnings news "a year ago" follows a
 * quarter and means the same quarter a year before.
 */
function shiftedDate(unit: Unit, n: number, anchored: boolean): Resolver {
  return (ctx) => {
    const nearQuarter = ctx.previous && /^\d{4}-Q[1-4]$/.test(ctx.previous) ? ctx.previous : ctx.nearQuarter;
    if (unit === 'year' && Math.abs(n) === 1 && nearQuarter) return shiftValue(nearQuarter, 'year', n);
    if (anchored && ctx.last) {
      const shifted = shiftValue(ctx.last, unit, n);
      if (shifted) return shifted;
    }
    if (!ctx.dct) return null;
    const day = shiftDay(ctx.dct, unit, n);
    return valueAt(day, unit === 'decade' || unit === 'century' ? 'year' : unit);
  };
}
