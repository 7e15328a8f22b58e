// Durations ("three years", "the past two weeks"), units relative to the dateline ("last
// year", "two years ago", "a year earlier") and sets ("every week", "annually").
import { addDays, formatMonth, formatWeek, formatYear, shiftDay, shiftValue, valueAt } from './calendar.ts';
import { isClockHours } from './dates.ts';
import { AGED_STATES, FREQUENCY_WORDS, LENGTH_WORDS, MONTHS, SEASONS, UNITS } from './lexicon.ts';
import { TimeReader } from './reader.ts';
import { type Core, durationValue, fixed, fromDct, isFourDigits, shiftedDate, weekdayDay } from './values.ts';

/**
 * Durations ("three months", "the past two years", "10-year", "several days", "a week")
 * and what they turn into with "ago" / "earlier" / "later" after them (dates).
 */
export function durationAt(t: TimeReader, k: number): Core | null {
  const length = LENGTH_WORDS.get(t.w(k));
  if (length) return { first: k, end: k + 1, type: 'duration', kind: 'duration', resolve: fixed(durationValue(1, length)) };
  let i = k;
  let the = -1;
  if (t.w(i) === 'the') { the = i; i++; }
  // "for years", "in recent weeks": a bare plural unit after these is a vague duration.
  const lead = t.w(i);
  let direction: 'past' | 'next' | null = null;
  if (lead === 'past' || lead === 'last' || lead === 'previous' || lead === 'recent' || lead === 'latest') { direction = 'past'; i++; }
  else if (lead === 'next' || lead === 'coming' || lead === 'following') { direction = 'next'; i++; }
  else if (lead === 'first' || lead === 'final' || lead === 'remaining' || lead === 'initial') { i++; }
  if (t.w(i) === 'year' && t.w(i + 1) === '-' && (t.w(i + 2) === 'earlier' || t.w(i + 2) === 'ago')) i += 3;

  let num = t.number(i);
  let unitAt: number;
  if (num) {
    unitAt = num.end;
    // "two more weeks", "eight trading days", "an additional year"
    const filler = t.w(unitAt);
    if (filler === 'more' || filler === 'additional' || filler === 'trading' || filler === 'business' ||
        filler === 'straight' || filler === 'consecutive' || filler === 'full' || filler === 'calendar') unitAt++;
    // "10-year", "two-day"
    if (t.w(unitAt) === '-' && t.glued(unitAt) && t.glued(unitAt + 1)) unitAt++;
  } else {
    unitAt = i;
  }
  const unitWord = t.w(unitAt);
  const unit = UNITS.get(unitWord);
  if (!unit || isClockHours(t, i)) return null;
  const plural = unitWord.endsWith('s');
  let end = unitAt + 1;
  // "a week or so ago": the hedge belongs to the amount.
  if (num && t.w(end) === 'or' && t.w(end + 1) === 'so') end += 2;
  // "a minute and a half", "two and a half years"
  if (num && t.w(end) === 'and' && t.w(end + 1) === 'a' && t.w(end + 2) === 'half' && typeof num.n === 'number') {
    num = { end: num.end, n: num.n + 0.5 };
    end += 3;
  }

  if (!num) {
    // "the hour-long speech": a length of one unit.
    if (!plural && t.w(end) === '-' && t.glued(end) && t.w(end + 1) === 'long') {
      return { first: unitAt, end: end + 2, type: 'duration', kind: 'duration', resolve: fixed(durationValue(1, unit)) };
    }
    // Bare units: only plural ones after a cue word, or after "the past/next".
    const before = t.w(k - 1);
    const cue = direction !== null || before === 'for' || before === 'in' || before === 'within' || before === 'over' ||
      before === 'recent' || before === 'coming';
    // "the first hours of the war", "the final months of his term": a vague stretch of an event.
    if (plural && t.w(end) === 'of' && (lead === 'first' || lead === 'final' || lead === 'initial')) {
      return { first: the >= 0 ? the : k, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue('X', unit)) };
    }
    if (!plural || !cue) return null;
    if (direction === 'past' && lead === 'recent' && unit === 'year') {
      // "recent years" is the past as a whole in TimeML.
      return { first: the >= 0 ? the : i - 1, end, type: 'date', kind: 'ref', resolve: fixed('PAST_REF') };
    }
    if (the >= 0 && direction === null) {
      // "in the weeks before the shooting": a stretch of time anchored on an event.
      const next = t.w(end);
      if (next === 'ahead') return { first: the, end: end + 1, type: 'duration', kind: 'duration', resolve: fixed(durationValue('X', unit)) };
      if (next === 'that') return { first: the, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue('X', unit)) };
      // The value depends on the event named after "before"/"after", which a grammar cannot date.
      if (next === 'before' || next === 'after') return { first: unitAt, end, type: 'date', kind: 'date', resolve: () => null };
      return null;
    }
    num = { end: unitAt, n: 'X' };
  } else if (num.n === 1 && (t.w(i) === 'a' || t.w(i) === 'an') && plural) {
    return null;
  }
  // "a year-earlier loss", "year-end": the unit belongs to another expression.
  if (t.w(end) === '-' && t.glued(end) && ['earlier', 'ago', 'end', 'to'].includes(t.w(end + 1))) return null;
  // Titles ("60 Minutes", "This Week"): a capitalised unit after a number is a name.
  if (t.toks[unitAt].capital && num && t.toks[i].num !== null) return null;
  // A year is not a count: "the 1988 second quarter".
  if (num && typeof num.n === 'number' && /^(19|20)\d{2}$/.test(t.toks[i]?.text ?? '') && (unit === 'second' || unit === 'quarter')) return null;
  // Ages and lengths are not time expressions: "6-year-old", "37 years old", "decades-long";
  // the age of a state of affairs is ("the 8-month-old truce" lasted eight months).
  if (t.w(end) === '-' && t.w(end + 1) === 'old' && AGED_STATES.has(t.w(end + 2)) && num) {
    return { first: i, end: end + 2, type: 'duration', kind: 'duration', resolve: fixed(durationValue(num.n, unit)) };
  }
  if (t.w(end) === 'old' || (t.w(end) === '-' && t.w(end + 1) === 'old')) return null;
  if (t.w(end) === '-' && t.glued(end) && (t.w(end + 1) === 'long')) end += 2;

  const start = the >= 0 ? the : direction !== null || ['first', 'final', 'remaining', 'initial'].includes(lead) ? k : i;
  const n = num.n;

  // "two years ago", "a year earlier", "three days later": dates.
  const after = t.w(end);
  // "ten days before the shooting" stays a duration; "the day before." is a date.
  // "three days later" is a duration in TimeML: the span stops before "later".
  const anchoredOnEvent = ((after === 'before' || after === 'after') && !t.isClauseEnd(end + 1)) || after === 'later';
  if (direction === null && !anchoredOnEvent && (after === 'ago' || after === 'earlier' || after === 'later' || after === 'before' || after === 'after' ||
      (after === 'from' && t.w(end + 1) === 'now'))) {
    const sign = after === 'ago' || after === 'earlier' || after === 'before' ? -1 : 1;
    const anchored = after !== 'ago' && after !== 'from';
    const stop = after === 'from' ? end + 2 : end + 1;
    if (n === 'X') return { first: start, end: stop, type: 'date', kind: 'date', resolve: fixed(sign < 0 ? 'PAST_REF' : 'FUTURE_REF') };
    return { first: start, end: stop, type: 'date', kind: 'date', derived: anchored || unit === 'year', shifted: true, resolve: shiftedDate(unit, sign * n, anchored) };
  }
  if (start === i && num.n === 1 && (t.w(i) === 'a' || t.w(i) === 'an')) {
    // "$5 a year", "700 seats a week": a rate, which TimeML leaves unmarked.
    const prev = t.toks[i - 1];
    if (prev && (prev.num !== null || ['%', 'percent', 'cents', 'times', 'million', 'billion', 'twice', 'once', 'dollars', 'seats', 'shares', 'flights'].includes(prev.lower))) {
      return null;
    }
    // "a second group": an ordinal, not a second of time.
    if (unit === 'second') return null;
  }
  return { first: start, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue(n, unit)) };
}

/** "last year", "this month", "next week", "the past year", "this fall", "last April", "the weekend", "the year". */
export function relativeUnitAt(t: TimeReader, k: number): Core | null {
  let i = k;
  const hasThe = t.w(i) === 'the';
  if (hasThe) i++;
  // "the early summer", "the late spring": the season itself.
  if (hasThe && (t.w(i) === 'early' || t.w(i) === 'late') && SEASONS.has(t.w(i + 1))) i++;
  const lead = t.w(i);
  let offset: number | null = null;
  if (lead === 'last' || lead === 'past' || lead === 'previous' || lead === 'prior') offset = -1;
  else if (lead === 'this' || lead === 'current' || lead === 'present') offset = 0;
  else if (lead === 'next' || lead === 'coming' || lead === 'following') offset = 1;
  if (offset !== null) i++;
  else if (!hasThe && !(SEASONS.has(lead) && isFourDigits(t.toks[i + 1]))) return null;
  if (hasThe && (lead === 'following' || lead === 'previous' || lead === 'prior' || lead === 'next')) return null; // anaphoric: see anaphor()
  const fiscal = t.w(i) === 'fiscal';
  if (fiscal) i++;
  const word = t.w(i);
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
  // "the summer of 1998", "spring 1999": that year's season.
  const seasonYearAt = t.w(end) === 'of' ? end + 1 : end;
  if (season && offset === null && !fiscal && isFourDigits(t.toks[seasonYearAt])) {
    return { first, end: seasonYearAt + 1, type: 'date', kind: 'date', resolve: fixed(`${t.toks[seasonYearAt].text}-${season}`) };
  }
  if (season && offset === null && hasThe && !fiscal) {
    // "the summer": this year's, or last year's when it has not come yet and nothing points ahead.
    return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
      const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[season] ?? 1;
      return `${formatYear(startMonth > dct.m && !ctx.future && season !== 'WI' ? dct.y - 1 : dct.y)}-${season}`;
    }) };
  }
  if ((word === 'full' || word === 'entire' || word === 'whole') && hasThe && offset === null && t.w(i + 1) === 'year') {
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
  // "last May": after last/next/this the short month is no verb; abbreviations stay out ("last Jan").
  if (month !== undefined && offset !== null && t.toks[i].capital && (word.length > 3 || word === 'may')) {
    return { first, end, type: 'date', kind: 'date', resolve: fromDct((dct) => {
      let y = dct.y;
      if (offset < 0 && month >= dct.m) y -= 1;
      if (offset > 0 && month <= dct.m) y += 1;
      return formatMonth(y, month);
    }) };
  }
  const unit = UNITS.get(word);
  if (!unit || word.endsWith('s') || unit === 'second' || unit === 'minute' || unit === 'hour') return null;
  if (t.toks[i].capital && t.toks[k].capital) return null; // "This Week", a programme
  if (unit === 'quarter') return null; // quarter() handles quarters
  if (t.w(end) === '-' && t.glued(end)) return null; // "the year-earlier period"
  if (offset === null) {
    // "the year", "the month", "the week": the dateline's unit (a duration after "for").
    if (unit === 'day' || unit === 'decade' || unit === 'century') return null;
    const before = t.w(k - 1);
    const next = t.w(end);
    // "the year ended Sept. 30" is a reporting period; "throughout the year" a stretch of time.
    if (next === 'ended' || next === 'ending' || before === 'throughout' || before === 'all') {
      return { first, end, type: 'duration', kind: 'duration', resolve: fixed(durationValue(1, unit)) };
    }
    if (unit === 'year' && next === 'two' && t.w(end + 1) === 'thousand') {
      return { first, end: end + 2, type: 'date', kind: 'date', resolve: fixed('2000') };
    }
    // "the year 2000": the year named.
    if (unit === 'year' && isFourDigits(t.toks[end])) {
      return { first, end: end + 1, type: 'date', kind: 'date', resolve: fixed(t.toks[end].text) };
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

/** "daily", "weekly", "every day", "each month", "each July". */
export function frequencyAt(t: TimeReader, k: number): Core | null {
  const word = t.w(k);
  const value = FREQUENCY_WORDS.get(word);
  if (value) return { first: k, end: k + 1, type: 'set', kind: 'set', resolve: fixed(value) };
  if (word !== 'every' && word !== 'each' && word !== 'per') return null;
  let i = k + 1;
  let n = 1;
  if (t.w(i) === 'other') { n = 2; i++; }
  const unit = UNITS.get(t.w(i));
  if (unit && !t.w(i).endsWith('s')) return { first: k, end: i + 1, type: 'set', kind: 'set', resolve: fixed(durationValue(n, unit)) };
  const month = MONTHS.get(t.w(i));
  if (month !== undefined && t.toks[i].capital) return { first: k, end: i + 1, type: 'set', kind: 'set', resolve: fixed(`XXXX-${String(month).padStart(2, '0')}`) };
  return null;
}
