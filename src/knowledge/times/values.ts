// What a time expression's value is computed from, and the value helpers the productions share:
// durations in TIMEX3 form ("P2Y", "PT30M"), quarters and weekdays from the dateline, shifts.
import type { TimeType } from '../facts.ts';
import { addDays, type Day, formatQuarter, isoWeekday, quarterOf, shiftDay, shiftValue, type Unit, valueAt } from './calendar.ts';
import { IS_CLOCK_UNIT, UNIT_LETTER, UNIT_SCALE } from './lexicon.ts';
import type { TimeToken } from './tokens.ts';

/** What a value is computed from. */
interface ResolveContext {
  /** The dateline's day, or null when unknown. */
  dct: Day | null;
  /** The last date value found before this one (the TempEval anchor). */
  last: string | null;
  /** The last quarter value found before this one ("the quarter", "a year ago" in earnings news). */
  lastQuarter: string | null;
  /** The first quarter the article names (not computed, not ahead of the dateline): what an
   * earnings report is about, and what "the latest period" and "the year-earlier period" mean
   * even after an aside about another quarter ("after a flat second quarter"). */
  reportedQuarter: string | null;
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
export interface Core extends Match {
  kind: 'duration' | 'date' | 'time' | 'set' | 'ref';
}

type Resolver = (ctx: ResolveContext) => string | null;

export const fixed = (value: string): Resolver => () => value;
export const fromDct = (f: (dct: Day, ctx: ResolveContext) => string | null): Resolver =>
  (ctx) => (ctx.dct ? f(ctx.dct, ctx) : null);

/** Year of a month (or month-day) given without a year: the one that puts it nearest the
 * dateline, leaning to the past (news reports mostly look back): a month five or more
 * months ahead is last year's unless the sentence speaks of the future; one eight or more
 * months back is next year's. */
export function yearForMonth(dct: Day, month: number, ctx: ResolveContext): number {
  const ahead = month - dct.m;
  if (ahead >= 5 && !ctx.future) return dct.y - 1;
  // "would close the plant by March" in an October story: next March.
  if (ahead < 0 && ctx.future && !ctx.past) return dct.y + 1;
  if (ahead <= -8 && !ctx.past) return dct.y + 1;
  return dct.y;
}

/** The weekday of the news convention: the most recent such day at or before the dateline,
 * the next one when the sentence speaks of the future. */
export function weekdayDay(dct: Day, weekday: number, mode: 'auto' | 'last' | 'next', future: boolean): Day {
  const back = (isoWeekday(dct) - weekday + 7) % 7;
  const ahead = (weekday - isoWeekday(dct) + 7) % 7;
  if (mode === 'last') return addDays(dct, -(back === 0 ? 7 : back));
  if (mode === 'next') return addDays(dct, ahead === 0 ? 7 : ahead);
  return future ? addDays(dct, ahead) : addDays(dct, -back);
}

/** The quarter of an ordinal without a year: later quarters than the dateline's are last year's. */
export function yearForQuarter(dct: Day, quarter: number): number {
  return quarter >= quarterOf(dct) + 2 ? dct.y - 1 : dct.y;
}

/** The last completed quarter at the dateline (what "the latest quarter" reports on). */
export function previousQuarter(dct: Day): string {
  const day = shiftDay(dct, 'quarter', -1);
  return formatQuarter(day.y, quarterOf(day));
}

export function durationValue(n: number | 'X', unit: Unit): string {
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

export function isDigitToken(tok: TimeToken): boolean {
  const c = tok.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Four digits ("1989"), the form of a year; the pattern is only tried on number tokens. */
export function isFourDigits(tok: TimeToken | undefined): boolean {
  return tok !== undefined && tok.num !== null && /^\d{4}$/.test(tok.text);
}

export function ref(first: number, end: number, value: string): Core {
  return { first, end, type: 'date', kind: 'ref', resolve: fixed(value) };
}

/** The n-th given ISO weekday of a month (Thanksgiving: 4th Thursday of November). */
export function nthWeekday(y: number, m: number, weekday: number, n: number): Day {
  const firstDay = { y, m, d: 1 };
  const offset = (weekday - isoWeekday(firstDay) + 7) % 7;
  return addDays(firstDay, offset + 7 * (n - 1));
}

/**
 * "two years ago" (from the dateline, at the unit's granularity) and "a year earlier"
 * (from the previous date, keeping its granularity). In earnings news "a year ago" follows a
 * quarter and means the same quarter a year before.
 */
export function shiftedDate(unit: Unit, n: number, anchored: boolean): Resolver {
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
