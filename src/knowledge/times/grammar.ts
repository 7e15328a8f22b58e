// The time grammar: hand-written productions over tokens (durations.ts, dates.ts, periods.ts),
// each trying one family of expressions at a token index and returning how far it reaches, the
// TIMEX3 type, and how to compute the value once the dateline and the previous time expression
// are known (values.ts). Every production looks a bounded number of tokens ahead, so a text is
// scanned in linear time; PRODUCTIONS below says which are tried at a token, and in what order.
import { clockTimeAt, coordinatedDayAt, dayMonthAt, deicticAt, monthDateAt, numericDateAt, partOfDayAt, weekdayAt, yearAt, yearEndAt } from './dates.ts';
import { durationAt, frequencyAt, relativeUnitAt } from './durations.ts';
import { APPROXIMATORS, LENGTH_WORDS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, TWO_WORD_APPROXIMATORS, UNITS, VAGUE_NUMBERS } from './lexicon.ts';
import { anaphorAt, holidayAt, quarterAt } from './periods.ts';
import { TimeReader } from './reader.ts';
import { APPROXIMATOR_OPENERS, STARTERS } from './starts.ts';
import type { TimeToken } from './tokens.ts';
import { type Core, isDigitToken, type Match } from './values.ts';

/** The longer of two matches, the earlier one on a tie (a plain function: no closure per token). */
function longer(best: Core | null, c: Core | null): Core | null {
  return c && (!best || c.end > best.end) ? c : best;
}

/** One family of expressions: the words it may start at, and its matcher. */
interface Production {
  name: string;
  /** A cheap test of the token at k: the matcher runs only when it passes. */
  admits: (word: string, tok: TimeToken) => boolean;
  match: (t: TimeReader, k: number) => Core | null;
}

const always = (): boolean => true;
/** Words besides numbers and units a duration may start at ("the past two weeks", "another year"). */
const DURATION_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'past', 'next', 'last', 'coming', 'recent', 'first', 'additional', 'another', 'half']);
/** Words besides numbers a year may start at ("fiscal 1990", "'89", "the 1990s", "nineteen ninety-six"). */
const YEAR_OPENERS: ReadonlySet<string> = new Set(['fiscal', "'", '’', 'the', 'nineteen']);
const CLOCK_WORDS: ReadonlySet<string> = new Set(['noon', 'midnight', 'midday']);

/** The productions, in the order that breaks ties between equally long matches. */
const PRODUCTIONS: readonly Production[] = [
  { name: 'duration', admits: (word, tok) => tok.num !== null || NUMBER_WORDS.has(word) || VAGUE_NUMBERS.has(word) || DURATION_OPENERS.has(word) || UNITS.has(word) || LENGTH_WORDS.has(word), match: durationAt },
  { name: 'clock time', admits: (word, tok) => isDigitToken(tok) || CLOCK_WORDS.has(word) || NUMBER_WORDS.has(word), match: clockTimeAt },
  { name: 'month and day', admits: (word) => MONTHS.has(word), match: monthDateAt },
  { name: 'day and month', admits: (_word, tok) => tok.num !== null, match: dayMonthAt },
  { name: 'date in digits', admits: (_word, tok) => tok.num !== null, match: numericDateAt },
  { name: 'second day of a month', admits: (_word, tok) => tok.num !== null, match: coordinatedDayAt },
  { name: 'year', admits: (word, tok) => tok.num !== null || YEAR_OPENERS.has(word), match: yearAt },
  { name: 'weekday', admits: always, match: weekdayAt },
  { name: 'deictic day', admits: always, match: deicticAt },
  { name: 'part of the day', admits: (word) => PARTS_OF_DAY.has(word), match: partOfDayAt },
  { name: 'unit relative to the dateline', admits: always, match: relativeUnitAt },
  { name: 'quarter or half', admits: always, match: quarterAt },
  { name: 'set', admits: always, match: frequencyAt },
  { name: 'anaphor', admits: always, match: anaphorAt },
  { name: 'holiday', admits: always, match: holidayAt },
  { name: 'year end', admits: (word) => word === 'year', match: yearEndAt },
];

export class TimeGrammar extends TimeReader {
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
  edgeModifier(k: number): number {
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

  /** The longest core expression at k: each production whose guard admits the token there, in
   * PRODUCTIONS order (the earlier one wins a tie). */
  private core(k: number): Core | null {
    if (k >= this.toks.length) return null;
    let best: Core | null = null;
    const word = this.w(k);
    const tok = this.toks[k];
    for (const p of PRODUCTIONS) if (p.admits(word, tok)) best = longer(best, p.match(this, k));
    return best;
  }
}
