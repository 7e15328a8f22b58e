// Quarters and halves ("the third quarter", "the first half of fiscal 1990"), anaphora ("the
// same day", "that year") and holidays ("Thanksgiving", "Christmas Eve").
import { addDays, type Day, dayOfValue, formatDay, formatQuarter, formatYear, quarterOf, shiftDay, shiftValue, valueAt } from './calendar.ts';
import { monthDateAt } from './dates.ts';
import { MONTHS, ORDINALS, UNITS } from './lexicon.ts';
import { TimeReader } from './reader.ts';
import { type Core, fromDct, isFourDigits, nthWeekday, previousQuarter, yearForQuarter } from './values.ts';

/** "the third quarter", "third-quarter", "the fiscal first quarter of 1989", "the first half",
 * "the latest quarter", "the year-earlier quarter", "the quarter", "year-earlier". */
export function quarterAt(t: TimeReader, k: number): Core | null {
  let i = k;
  if (t.w(i) === 'the') i++;
  if (isFourDigits(t.toks[i]) && t.w(i + 1) === "'" && t.w(i + 2) === 's') i += 3; // "1989's"
  if (t.w(k) === 'the' && /^(19|20)\d{2}$/.test(t.toks[i]?.text ?? '')) {
    // "the 1988 quarter", "the 1989 period", "the 1988 second quarter": the quarter in that year.
    const y = t.toks[i].num as number;
    const nounAt = ORDINALS.has(t.w(i + 1)) ? i + 2 : i + 1;
    const noun = t.w(nounAt);
    if (noun === 'quarter' || noun === 'period') {
      const ordinal = nounAt === i + 2 ? ORDINALS.get(t.w(i + 1)) ?? null : null;
      return { first: k, end: nounAt + 1, type: 'date', kind: 'date', derived: ordinal === null, resolve: (ctx) => {
        const anchor = noun === 'period' ? ctx.reportedQuarter ?? ctx.lastQuarter : ctx.lastQuarter;
        const q = ordinal ?? (anchor ? Number(anchor.slice(-1)) : ctx.dct ? quarterOf(shiftDay(ctx.dct, 'quarter', -1)) : null);
        return q === null ? null : formatQuarter(y, q);
      } };
    }
  }
  // "this year's", "next year's first quarter": the year is the dateline's, moved.
  const yearShift = t.w(i + 1) === 'year' && (t.w(i + 2) === "'" || t.w(i + 2) === '’') && t.w(i + 3) === 's' ? RELATIVE_YEARS.get(t.w(i)) : undefined;
  if (yearShift !== undefined) i += 4;
  if (t.w(i) === 'fiscal') { i++; if (t.w(i) === '-') i++; }
  const lead = t.w(i);
  let anchor: 'latest' | 'yearEarlier' | null = null;
  let leadEnd = i;
  if (lead === 'current' && t.w(i + 1) === 'quarter') {
    // "the current quarter" is the one the dateline falls in.
    return { first: k, end: i + 2, type: 'date', kind: 'date', resolve: fromDct((dct) => formatQuarter(dct.y, quarterOf(dct))) };
  }
  if (lead === 'latest' || lead === 'recent' || lead === 'most') {
    anchor = 'latest';
    leadEnd = lead === 'most' && t.w(i + 1) === 'recent' ? i + 2 : i + 1;
  } else if ((lead === 'year' && t.w(i + 1) === '-' && (t.w(i + 2) === 'earlier' || t.w(i + 2) === 'ago')) ) {
    anchor = 'yearEarlier';
    leadEnd = i + 3;
  } else if ((lead === 'same' || lead === 'comparable' || lead === 'prior' || lead === 'previous') && t.w(k) === 'the' &&
      (t.w(i + 1) === 'quarter' || t.w(i + 1) === 'period')) {
    anchor = 'yearEarlier';
    leadEnd = i + 1;
  }
  if (anchor) {
    const noun = t.w(leadEnd);
    const isNoun = noun === 'quarter' || noun === 'period';
    // "year-earlier" as a bare adjective ("year-earlier profit") is a date too.
    if (!isNoun && (anchor !== 'yearEarlier' || t.w(k) === 'the')) return null;
    const end = isNoun ? leadEnd + 1 : leadEnd;
    const mode = anchor;
    return { first: k, end, type: 'date', kind: 'date', derived: true, shifted: mode === 'yearEarlier', resolve: (ctx) => {
      const latest = ctx.dct ? previousQuarter(ctx.dct) : null;
      if (mode === 'latest') return ctx.reportedQuarter ?? latest;
      const base = (noun === 'period' ? ctx.reportedQuarter : null) ?? ctx.lastQuarter ?? latest;
      const from = noun === 'quarter' || noun === 'period' ? base : (ctx.last ?? base);
      return from ? shiftValue(from, 'year', -1) : null;
    } };
  }
  // "this quarter", "that quarter": the quarter under discussion.
  if ((t.w(k) === 'this' || t.w(k) === 'that') && t.w(k + 1) === 'quarter' && !(t.w(k + 2) === '-')) {
    return { first: k, end: k + 2, type: 'date', kind: 'date', derived: true, resolve: (ctx) =>
      ctx.lastQuarter ?? (ctx.dct ? formatQuarter(ctx.dct.y, quarterOf(ctx.dct)) : null) };
  }
  // "the quarter" alone refers back to the quarter under discussion.
  if ((lead === 'quarter' || lead === 'period') && t.w(k) === 'the' && i === k + 1 && !(t.w(i + 1) === '-' && t.glued(i + 1))) {
    if (lead === 'period') return null;
    const ended = endedDateAt(t, i + 1);
    if (ended) {
      // "the quarter ended Sept. 30" is the quarter holding that day, unless the report named its
      // quarter: a fiscal year numbers its own ("the fiscal first quarter" ended Sept. 29).
      return { first: k, end: i + 1, type: 'date', kind: 'date', resolve: (ctx) => {
        const day = dayOfValue(ended.resolve(ctx));
        if (!day) return null;
        return ctx.reportedQuarter?.startsWith(formatYear(day.y)) ? ctx.reportedQuarter : formatQuarter(day.y, quarterOf(day));
      } };
    }
    return { first: k, end: i + 1, type: 'date', kind: 'date', derived: true, resolve: (ctx) => ctx.lastQuarter ?? (ctx.dct ? previousQuarter(ctx.dct) : null) };
  }
  // "the last half of 1989" is the second half; "the last quarter" the fourth.
  const ordinal = lead === 'last' ? -1 : ORDINALS.get(lead);
  if (ordinal === undefined) return null;
  let at = i + 1;
  if (t.w(at) === '-' && t.glued(at)) at++;
  // "the first two quarters of 1990" is the year's first half; without a year it stays a length.
  if ((ordinal === 1 || ordinal === -1) && t.w(at) === 'two' && t.w(at + 1) === 'quarters') {
    const yearAt = t.w(at + 2) === 'of' ? at + 3 : at + 2;
    if (!isFourDigits(t.toks[yearAt])) return null;
    return quarterCore(k, yearAt + 1, 'half', ordinal, t.toks[yearAt].num as number, 0);
  }
  const noun = t.w(at);
  if (noun !== 'quarter' && noun !== 'half' && noun !== 'quarters') return null;
  if (noun === 'half' && ordinal > 2) return null;
  let end = at + 1;
  // "of 1989", "1989" after the noun.
  let year: number | null = null;
  const yearAt = t.w(end) === 'of' ? end + 1 : end;
  const yearTok = t.toks[yearAt];
  if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) { year = yearTok.num; end = yearAt + 1; }
  else if (t.w(end) === 'of' && (t.w(end + 1) === 'this' || t.w(end + 1) === 'last' || t.w(end + 1) === 'next') && t.w(end + 2) === 'year') {
    const shift = t.w(end + 1) === 'last' ? -1 : t.w(end + 1) === 'next' ? 1 : 0;
    end += 3;
    return quarterCore(k, end, noun, ordinal, null, shift);
  }
  return quarterCore(k, end, noun, ordinal, year, 0, yearShift);
}

/** The shift of "last year's" / "this year's" / "next year's" from the dateline's year. */
const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map([['last', -1], ['this', 0], ['next', 1]]);

/** The date after "ended" / "ending" at k. */
function endedDateAt(t: TimeReader, k: number): Core | null {
  if (t.w(k) !== 'ended' && t.w(k) !== 'ending') return null;
  return MONTHS.has(t.w(k + 1)) ? monthDateAt(t, k + 1) : null;
}

/** A quarter or half; `yearShift` when a relative year names it ("next year's first quarter"). */
function quarterCore(first: number, end: number, noun: string, ordinal: number, year: number | null, shift: number, yearShift?: number): Core {
  const half = noun === 'half';
  return { first, end, type: 'date', kind: 'date', resolve: (ctx) => {
    const q = ordinal < 0 ? (half ? 2 : 4) : ordinal;
    const y = year ?? (ctx.dct ? (yearShift !== undefined ? ctx.dct.y + yearShift : (half ? ctx.dct.y : yearForQuarter(ctx.dct, q)) + shift) : null);
    if (y === null) return null;
    return half ? `${formatYear(y)}-H${q}` : formatQuarter(y, q);
  } };
}

/** "the same day", "the next day", "the following week", "that year", "the day before", "the previous year". */
export function anaphorAt(t: TimeReader, k: number): Core | null {
  const a = t.w(k);
  const b = t.w(k + 1);
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
  } else if (a === 'the' && b === 'day' && (t.w(k + 2) === 'before' || t.w(k + 2) === 'after')) {
    unitAt = k + 1;
    if (t.isClauseEnd(k + 3)) {
      offset = t.w(k + 2) === 'before' ? -1 : 1;
      end = k + 3;
    } else {
      // "the day before the crash": that day is the one last spoken of.
      offset = 0;
      end = k + 2;
    }
  }
  if (offset === null) return null;
  const unitWord = t.w(unitAt);
  const unit = UNITS.get(unitWord);
  if (!unit || unitWord.endsWith('s') || unit === 'second' || unit === 'minute' || unit === 'hour' || unit === 'decade' || unit === 'century') return null;
  if (unit === 'quarter') return null;
  const n = offset;
  return { first: k, end, type: 'date', kind: 'date', resolve: (ctx) => {
    const lastDay = dayOfValue(ctx.last);
    // "In October he fled; that same day ...": a day of the month last named, which one unknown.
    if (unit === 'day' && !lastDay && ctx.last && /^\d{4}-\d{2}$/.test(ctx.last)) return `${ctx.last}-XX`;
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

/** Fixed-date and rule-based holidays of US news. */
export function holidayAt(t: TimeReader, k: number): Core | null {
  const a = t.w(k);
  const tok = t.toks[k];
  if (!tok || !tok.capital) return null;
  let end = k + 1;
  let date: ((y: number) => Day) | null = null;
  if (a === 'christmas') {
    const eve = t.w(k + 1) === 'eve';
    if (t.w(k + 1) === 'day' || eve) end++;
    date = (y) => ({ y, m: 12, d: eve ? 24 : 25 });
  } else if (a === 'thanksgiving') {
    if (t.w(k + 1) === 'day') end++;
    date = (y) => nthWeekday(y, 11, 4, 4);
  } else if (a === 'new' && t.w(k + 1) === 'year' && t.w(k + 2) === "'" && t.w(k + 3) === 's' && (t.w(k + 4) === 'day' || t.w(k + 4) === 'eve')) {
    const eve = t.w(k + 4) === 'eve';
    end = k + 5;
    date = (y) => (eve ? { y, m: 12, d: 31 } : { y, m: 1, d: 1 });
  } else if (a === 'independence' && t.w(k + 1) === 'day') {
    end = k + 2;
    date = (y) => ({ y, m: 7, d: 4 });
  } else if (a === 'election' && t.w(k + 1) === 'day') {
    // US federal elections: the Tuesday after the first Monday of November.
    end = k + 2;
    date = (y) => addDays(nthWeekday(y, 11, 1, 1), 1);
  } else if (a === 'labor' && t.w(k + 1) === 'day') {
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
