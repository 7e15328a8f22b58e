// Clock times, calendar dates ("Sept. 12", "12 September 2025", "1989"), weekdays and deictic
// days ("Tuesday", "yesterday", "this morning").
import { addDays, dayOfValue, formatDay, formatMonth, formatYear, isValidDay } from './calendar.ts';
import { AMBIGUOUS_MONTHS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, SHORT_WEEKDAYS, TIME_ZONES, UNITS, WEEKDAYS } from './lexicon.ts';
import { TimeReader } from './reader.ts';
import { type Core, fixed, fromDct, ref, weekdayDay, yearForMonth } from './values.ts';

/** Parts of the day that stand for a.m. or p.m. after an hour ("4 in the morning"). */
const CLOCK_PARTS: ReadonlyMap<string, { pm: boolean }> = new Map([
  ['morning', { pm: false }], ['afternoon', { pm: true }], ['evening', { pm: true }],
]);

/** "10:30 a.m.", "9 p.m. EST", "noon", "4 in the morning", optionally followed by the day it falls on. */
export function clockTimeAt(t: TimeReader, k: number): Core | null {
  const tok = t.toks[k];
  let hour: number;
  let minute = 0;
  let end: number;
  if (tok.lower === 'noon' || tok.lower === 'midday') { hour = 12; end = k + 1; }
  else if (tok.lower === 'midnight') { hour = 24; end = k + 1; }
  else if (zonedClock(t, k)) {
    // "1400 GMT": wire copy's 24-hour clock, which only a time zone tells from a year.
    const zoned = zonedClock(t, k) as RegExpExecArray;
    hour = +zoned[1];
    minute = +zoned[2];
    end = k + 1;
  } else if (isClockHours(t, k)) {
    // "at 0800 hours": the military way of saying a 24-hour clock time.
    hour = Number(tok.text.slice(0, 2));
    minute = Number(tok.text.slice(2));
    end = k + 2;
  } else {
    const clock = /^(\d{1,2}):(\d{2})$/.exec(tok.text);
    if (clock) { hour = +clock[1]; minute = +clock[2]; }
    else if (tok.num !== null && Number.isInteger(tok.num) && tok.num >= 1 && tok.num <= 12) hour = tok.num;
    else if (spokenHour(t, k) !== null) hour = spokenHour(t, k) as number;
    else return null;
    end = k + 1;
    // "10 o'clock", "ten o'clock" (the tokeniser splits the word at its apostrophe).
    const oclock = clock ? 0 : oclockEnd(t, end);
    if (oclock > 0) end = oclock;
    const meridiem = oclock > 0 ? null : t.meridiem(end);
    const spokenPart = !clock && t.w(end) === 'in' && t.w(end + 1) === 'the' ? CLOCK_PARTS.get(t.w(end + 2)) : undefined;
    const dayPart = clock || meridiem || oclock > 0 || spokenPart ? undefined : deicticPartAt(t, end);
    if (spokenPart) {
      // "4 in the morning", "9 in the evening": the part of the day says a.m. or p.m.
      if (spokenPart.pm && hour < 12) hour += 12;
      end += 3;
    } else if (meridiem) {
      if (meridiem.pm && hour < 12) hour += 12;
      if (!meridiem.pm && hour === 12) hour = 0;
      end = meridiem.end;
    } else if (oclock > 0) {
      // "ten o'clock" alone: the hour as said.
    } else if (dayPart) {
      // "at 10 this morning", "11 last night": the part of the day that follows says a.m. or p.m.
      if (hour < 12 && (dayPart === 'AF' || dayPart === 'EV' || (dayPart === 'NI' && hour >= 6))) hour += 12;
    } else if (!clock || hour > 24 || minute > 59) {
      return null;
    } else if (!TIME_ZONES.has(t.w(end)) && !t.isTimeContext(k)) {
      return null;
    }
  }
  if (TIME_ZONES.has(t.w(end)) && t.toks[end].text === t.toks[end].text.toUpperCase()) end++;
  return dayAfterClock(t, k, end, `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** The part of the day named by "this morning", "last night", "tonight", "yesterday afternoon" at k, or undefined. */
function deicticPartAt(t: TimeReader, k: number): string | undefined {
  if (t.w(k) === 'tonight') return 'NI';
  const day = t.w(k);
  return day === 'this' || day === 'last' || day === 'yesterday' || day === 'today' || day === 'tomorrow' ? PARTS_OF_DAY.get(t.w(k + 1)) : undefined;
}

/** "ten" in "ten o'clock": an hour in words, only before o'clock. */
function spokenHour(t: TimeReader, k: number): number | null {
  const n = NUMBER_WORDS.get(t.w(k));
  return n !== undefined && n <= 12 && oclockEnd(t, k + 1) > 0 ? n : null;
}

/** End of "o'clock" at k, or 0. */
function oclockEnd(t: TimeReader, k: number): number {
  return t.w(k) === 'o' && (t.w(k + 1) === "'" || t.w(k + 1) === '’') && t.w(k + 2) === 'clock' ? k + 3 : 0;
}

/** A clock time [k, end) with the day it falls on when one follows ("noon Saturday"). */
function dayAfterClock(t: TimeReader, k: number, end: number, clockText: string): Core {
  // The day it falls on: "10 p.m. Wednesday", "noon Saturday", "9 p.m. EST, Nov. 9".
  let dayAt = end;
  if (t.w(dayAt) === ',') dayAt++;
  if (t.w(dayAt) === 'on') dayAt++;
  // "4:30 this morning", "11 p.m. last night": the part of the day only names the day.
  const day = weekdayAt(t, dayAt) ?? deicticAt(t, dayAt) ?? (MONTHS.has(t.w(dayAt)) ? monthDateAt(t, dayAt) : null);
  if (day && (day.kind === 'date' || day.kind === 'time') && day.end - dayAt <= 4) {
    return { first: k, end: day.end, type: 'time', kind: 'time', resolve: (ctx) => {
      const date = /^\d{4}-\d{2}-\d{2}(?=$|T[A-Z]{2}$)/.exec(day.resolve(ctx) ?? '');
      return date ? date[0] + clockText : null;
    } };
  }
  // A clock time alone falls on the day last spoken of, else on the dateline.
  return { first: k, end, type: 'time', kind: 'time', resolve: (ctx) => {
    const day = dayOfValue(ctx.last) ?? ctx.dct;
    return day ? formatDay(day) + clockText : null;
  } };
}

/** Four digits of a 24-hour clock before "hours", with a leading zero or after "at", "by"... ("at 1400 hours"). */
export function isClockHours(t: TimeReader, k: number): boolean {
  return t.w(k + 1) === 'hours' && /^([01]\d|2[0-3])[0-5]\d$/.test(t.toks[k].text) && (t.toks[k].text[0] === '0' || t.isTimeContext(k));
}

/** Four digits of a 24-hour clock followed by an upper-case time zone ("0530 GMT"), or null. */
function zonedClock(t: TimeReader, k: number): RegExpExecArray | null {
  const zone = t.toks[k + 1];
  if (!zone || !TIME_ZONES.has(zone.lower) || zone.text !== zone.text.toUpperCase()) return null;
  return /^([01]\d|2[0-3])([0-5]\d)$/.exec(t.toks[k].text);
}

/** "Aug. 7", "August 7, 1998", "August 1998", "August of 1998", "last April", bare "August". */
export function monthDateAt(t: TimeReader, k: number): Core | null {
  const tok = t.toks[k];
  const month = MONTHS.get(tok.lower);
  if (month === undefined) return null;
  const isAbbrev = tok.lower.length <= 4 && tok.lower !== 'june' && tok.lower !== 'july' && tok.lower !== 'may';
  if (isAbbrev && !tok.capital) return null;
  // Only an abbreviation owns the period after it: "Sept." but not "December." at a sentence end.
  let end = isAbbrev || tok.lower === 'sept' ? t.skipAbbrevPeriod(k + 1) : k + 1;
  if (isAbbrev && end === k + 1 && tok.lower !== 'sept' && !t.toks[end]?.num) return null;

  const dayTok = t.toks[end];
  if (dayTok && dayTok.num !== null && Number.isInteger(dayTok.num) && dayTok.num >= 1 && dayTok.num <= 31 && !dayTok.glued) {
    const day = dayTok.num;
    let stop = end + 1;
    if (['st', 'nd', 'rd', 'th'].includes(t.w(stop)) && t.glued(stop)) stop++;
    if (t.w(stop) === '%' || (t.w(stop) === ':' && t.glued(stop) && t.glued(stop + 1))) return null;
    let year: number | null = null;
    const comma = t.w(stop) === ',' ? stop + 1 : stop;
    const yearTok = t.toks[comma];
    if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) { year = yearTok.num; stop = comma + 1; }
    const fixedYear = year;
    const relative = fixedYear === null ? t.relativeYear(stop) : null;
    if (relative) stop = relative.end;
    return { first: k, end: stop, type: 'date', kind: 'date', resolve: (ctx) => {
      const y = fixedYear ?? (ctx.dct ? (relative ? ctx.dct.y + relative.shift : yearForMonth(ctx.dct, month, ctx)) : null);
      if (y === null) return null;
      const date = { y, m: month, d: day };
      return isValidDay(date) ? formatDay(date) : null;
    } };
  }
  // "August 1998", "August of 1998", "January nineteen ninety-seven"
  const yearAt = t.w(end) === 'of' ? end + 1 : end === k + 1 && t.w(end) === ',' ? end + 1 : end;
  const yearTok = t.toks[yearAt];
  if (yearTok && yearTok.num !== null && /^\d{4}$/.test(yearTok.text)) {
    const y = yearTok.num;
    return { first: k, end: yearAt + 1, type: 'date', kind: 'date', resolve: fixed(formatMonth(y, month)) };
  }
  const spelled = tok.capital ? spelledYear(t, yearAt) : null;
  if (spelled) return { first: k, end: spelled.end, type: 'date', kind: 'date', resolve: fixed(formatMonth(spelled.year, month)) };
  // A bare month name: "May" and "March" only where a month fits.
  if (AMBIGUOUS_MONTHS.has(tok.lower)) {
    if (!tok.capital) return null;
    const before = t.w(k - 1);
    // "the March vote", "the May summit": a month before a common noun; "the May family" is a name.
    const modifiesNoun = before === 'the' && t.toks[k + 1]?.plain === true && !t.toks[k + 1].capital;
    if (!modifiesNoun && !['in', 'since', 'until', 'by', 'through', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'before', 'after', 'from'].includes(before)) return null;
  }
  if (!tok.capital && tok.lower !== tok.text) return null;
  const relative = t.relativeYear(end);
  if (relative) {
    return { first: k, end: relative.end, type: 'date', kind: 'date', resolve: fromDct((dct) => formatMonth(dct.y + relative.shift, month)) };
  }
  return { first: k, end, type: 'date', kind: 'date', resolve: fromDct((dct, ctx) => formatMonth(yearForMonth(dct, month, ctx), month)) };
}

/** "9/11/2001" (month first, as US copy writes it) and "2001-09-11" (ISO): a full date in digits;
 * a year is required, so "6/4" and "1/2" stay numbers. */
export function numericDateAt(t: TimeReader, k: number): Core | null {
  if (![1, 2, 3, 4].every((j) => t.glued(k + j))) return null;
  const parts = [k, k + 2, k + 4].map((j) => t.toks[j]?.text ?? '');
  let date: { y: number; m: number; d: number } | null = null;
  if (t.w(k + 1) === '/' && t.w(k + 3) === '/' && /^\d{1,2}$/.test(parts[0]) && /^\d{1,2}$/.test(parts[1]) && /^\d{4}$/.test(parts[2])) {
    date = { y: +parts[2], m: +parts[0], d: +parts[1] };
  } else if (t.w(k + 1) === '-' && t.w(k + 3) === '-' && /^\d{4}$/.test(parts[0]) && /^\d{2}$/.test(parts[1]) && /^\d{2}$/.test(parts[2])) {
    date = { y: +parts[0], m: +parts[1], d: +parts[2] };
  }
  if (!date || !isValidDay(date)) return null;
  return { first: k, end: k + 5, type: 'date', kind: 'date', resolve: fixed(formatDay(date)) };
}

/** "7 August 1998", "7th of August". */
export function dayMonthAt(t: TimeReader, k: number): Core | null {
  const tok = t.toks[k];
  if (tok.num === null || !Number.isInteger(tok.num) || tok.num < 1 || tok.num > 31) return null;
  let at = k + 1;
  if (['st', 'nd', 'rd', 'th'].includes(t.w(at)) && t.glued(at)) at++;
  if (t.w(at) === 'of') at++;
  const month = MONTHS.get(t.w(at));
  if (month === undefined || !t.toks[at].capital) return null;
  let end = t.skipAbbrevPeriod(at + 1);
  const yearTok = t.toks[end];
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
export function yearAt(t: TimeReader, k: number): Core | null {
  let i = k;
  let fiscal = false;
  if (t.w(i) === 'the') i++;
  if (t.w(i) === 'fiscal') { fiscal = true; i++; if (t.w(i) === 'year') i++; }
  // "'80s"
  if ((t.w(i) === "'" || t.w(i) === '’') && t.toks[i + 1]?.num !== null && /^\d0$/.test(t.toks[i + 1]?.text ?? '') &&
      t.w(i + 2) === 's' && t.glued(i + 2)) {
    const decade = `19${t.toks[i + 1].text[0]}`;
    return { first: k, end: i + 3, type: 'date', kind: 'date', resolve: fixed(decade) };
  }
  const spelled = spelledYear(t, i);
  if (spelled) return { first: k, end: spelled.end, type: 'date', kind: 'date', resolve: fixed(formatYear(spelled.year)) };
  const tok = t.toks[i];
  // "the 20th century" → 19
  if (tok && tok.num !== null && Number.isInteger(tok.num) && tok.num >= 1 && tok.num <= 21 &&
      ['st', 'nd', 'rd', 'th'].includes(t.w(i + 1)) && t.glued(i + 1) && t.w(i + 2) === 'century') {
    return { first: k, end: i + 3, type: 'date', kind: 'date', resolve: fixed(String(tok.num - 1).padStart(2, '0')) };
  }
  if (!tok || tok.num === null || !/^\d{4}$/.test(tok.text)) return null;
  const y = tok.num;
  if (y < 1000 || y > 2100) return null;
  if (t.w(i + 1) === 's' && t.glued(i + 1)) {
    // A decade: "1990s" → 199; a century: "1900s" is taken as a decade too, as TimeML does.
    return { first: k, end: i + 2, type: 'date', kind: 'date', resolve: fixed(String(Math.floor(y / 10))) };
  }
  if (t.w(k) === 'the' && !fiscal) return null;
  const before = t.toks[i - 1];
  if (before && (before.text === '$' || before.text === '#' || before.text === '£' || before.text === '€') ) return null;
  const after = t.w(i + 1);
  if (['%', 'percent', 'million', 'billion', 'people', 'shares', 'troops', 'feet', 'meters', 'miles', 'tons', 'points'].includes(after)) return null;
  if (after === ':' || (after === '-' && t.toks[i + 2]?.num !== null && !t.toks[i + 2]?.text.match(/^\d{2}$/))) return null;
  // "1989-90": the first year is the date.
  return { first: k, end: i + 1, type: 'date', kind: 'date', resolve: fixed(formatYear(y)) };
}

/** "nineteen ninety-six" (broadcast transcripts spell years out). */
function spelledYear(t: TimeReader, k: number): { end: number; year: number } | null {
  if (t.w(k) !== 'nineteen') return null;
  const rest = t.number(k + 1);
  if (!rest || typeof rest.n !== 'number' || rest.n < 10 || rest.n > 99 || !Number.isInteger(rest.n)) return null;
  if (t.toks[k + 1].num !== null) return null;
  return { end: rest.end, year: 1900 + rest.n };
}

/** "year-end", "year end", "year's end": the end of the dateline's year. */
export function yearEndAt(t: TimeReader, k: number): Core | null {
  if (t.w(k) !== 'year') return null;
  let end = -1;
  if (t.w(k + 1) === '-' && t.w(k + 2) === 'end') end = k + 3;
  else if (t.w(k + 1) === 'end') end = k + 2;
  else if ((t.w(k + 1) === "'" || t.w(k + 1) === '’') && t.w(k + 2) === 's' && t.w(k + 3) === 'end') end = k + 4;
  if (end < 0) return null;
  return { first: k, end, type: 'date', kind: 'date', resolve: fromDct((dct) => formatYear(dct.y)) };
}

/** "Friday", "last Friday", "next Tuesday", "Monday morning", "each Thursday". */
export function weekdayAt(t: TimeReader, k: number): Core | null {
  let i = k;
  let mode: 'auto' | 'last' | 'next' = 'auto';
  const lead = t.w(i);
  if (lead === 'last' || lead === 'past' || lead === 'previous') { mode = 'last'; i++; }
  else if (lead === 'next' || lead === 'coming') { mode = 'next'; i++; }
  else if (lead === 'this') { i++; }
  else if (lead === 'early' || lead === 'late') { i++; }
  const set = lead === 'each' || lead === 'every';
  if (set) i++;
  const tok = t.toks[i];
  if (!tok) return null;
  const weekday = WEEKDAYS.get(tok.lower);
  if (weekday === undefined || !tok.capital) return null;
  let end = i + 1;
  if (SHORT_WEEKDAYS.has(tok.lower)) {
    if (t.w(end) !== '.' || !t.glued(end)) return null;
    end++;
  }
  if (tok.lower === 'sat' || tok.lower === 'sun' || tok.lower === 'wed') return null;
  if (t.w(end) === 's' && t.glued(end)) return null; // "Fridays" as a set is rare: leave it
  const part = PARTS_OF_DAY.get(t.w(end));
  if (part) end++;
  else if (t.w(end) === 'nights' || t.w(end) === 'mornings') end++;
  if (set) {
    return { first: k, end, type: 'set', kind: 'set', resolve: fixed(`XXXX-WXX-${weekday}${part ? `T${part}` : ''}`) };
  }
  // "Friday, Oct. 23": one expression, valued by its calendar date.
  const dateAt = t.w(end) === ',' ? end + 1 : end;
  if (!part && MONTHS.has(t.w(dateAt))) {
    const date = monthDateAt(t, dateAt);
    if (date && date.end - dateAt >= 2 && /\d/.test(t.toks[date.end - 1].text)) {
      return { first: k, end: date.end, type: 'date', kind: 'date', resolve: date.resolve };
    }
  }
  return { first: lead === 'early' || lead === 'late' ? i : k, end, type: part ? 'time' : 'date', kind: 'date', resolve: fromDct((dct, ctx) => {
    const day = formatDay(weekdayDay(dct, weekday, mode, ctx.futureBefore));
    return part ? `${day}T${part}` : day;
  }) };
}

/** today, yesterday, tomorrow, tonight, this morning, last night; now, currently, recently, the future. */
export function deicticAt(t: TimeReader, k: number): Core | null {
  const word = t.w(k);
  const shift = word === 'today' ? 0 : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : null;
  if (shift !== null) {
    const part = PARTS_OF_DAY.get(t.w(k + 1));
    const end = part ? k + 2 : k + 1;
    return { first: k, end, type: part ? 'time' : 'date', kind: 'date', resolve: fromDct((dct) => formatDay(addDays(dct, shift)) + (part ? `T${part}` : '')) };
  }
  if (word === 'tonight') return { first: k, end: k + 1, type: 'date', kind: 'date', resolve: fromDct((dct) => formatDay(dct)) };
  const part = PARTS_OF_DAY.get(t.w(k + 1));
  if (part && (word === 'this' || (word === 'last' && part === 'NI'))) {
    const offset = word === 'last' ? -1 : 0;
    return { first: k, end: k + 2, type: 'time', kind: 'time', resolve: fromDct((dct) => `${formatDay(addDays(dct, offset))}T${part}`) };
  }
  if (word === 'now' && !(t.w(k + 1) === '-' && t.glued(k + 1))) {
    // "Now, ..." opening a sentence is a discourse marker, not a time.
    if (t.toks[k].capital && t.w(k + 1) === ',') return null;
    return ref(k, k + 1, 'PRESENT_REF');
  }
  if (word === 'currently' || word === 'presently' || word === 'nowadays') return ref(k, k + 1, 'PRESENT_REF');
  if (word === 'at' && t.w(k + 1) === 'present') return ref(k + 1, k + 2, 'PRESENT_REF');
  if (word === 'these' && t.w(k + 1) === 'days') return ref(k, k + 2, 'PRESENT_REF');
  if (word === 'current' && !UNITS.has(t.w(k + 1)) && t.w(k + 1) !== 'fiscal' && t.w(k + 1) !== '-') {
    return ref(k, k + 1, 'PRESENT_REF');
  }
  if (word === 'recently' || word === 'lately') return ref(k, k + 1, 'PAST_REF');
  // "the then current price", "the then-current chairman": current at a past time.
  if (word === 'then' && t.w(k + 1) === 'current') return ref(k, k + 2, 'PAST_REF');
  if (word === 'then' && t.w(k + 1) === '-' && t.w(k + 2) === 'current') return ref(k, k + 3, 'PAST_REF');
  if (word === 'the' && t.w(k + 1) === 'past' && !t.startsQuantity(k + 2)) return ref(k, k + 2, 'PAST_REF');
  if (word === 'the' && t.w(k + 1) === 'future') return ref(k, k + 2, 'FUTURE_REF');
  if (word === 'the' && t.w(k + 1) === 'near' && t.w(k + 2) === 'term') return ref(k, k + 3, 'FUTURE_REF');
  if (word === 'the' && t.w(k + 1) === 'near' && t.w(k + 2) === 'future') return ref(k, k + 3, 'FUTURE_REF');
  return null;
}

/** Words before a bare part of the day that make it a time ("mid-afternoon", "late evening"). */
const PART_OF_DAY_EDGES: ReadonlySet<string> = new Set(['mid', 'early', 'late']);

/** "mid-afternoon", "early morning yesterday", "late evening Friday": a part of a day, the one
 * named after it, else the day last spoken of, else the dateline. A bare "morning" is left
 * alone: without the edge word it is as often a greeting or a name ("Morning Edition"). */
export function partOfDayAt(t: TimeReader, k: number): Core | null {
  const part = PARTS_OF_DAY.get(t.w(k));
  if (!part) return null;
  const before = t.w(k - 1) === '-' && t.glued(k) ? t.w(k - 2) : t.w(k - 1);
  if (!PART_OF_DAY_EDGES.has(before)) return null;
  const day = deicticAt(t, k + 1) ?? weekdayAt(t, k + 1);
  if (day && day.kind === 'date' && day.type === 'date') {
    return { first: k, end: day.end, type: 'time', kind: 'time', resolve: (ctx) => {
      const value = day.resolve(ctx);
      return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${part}` : null;
    } };
  }
  return { first: k, end: k + 1, type: 'time', kind: 'time', resolve: (ctx) => {
    const on = dayOfValue(ctx.last) ?? ctx.dct;
    return on ? `${formatDay(on)}T${part}` : null;
  } };
}

/** "April 24 and 25", "Sept. 3 or 4": the second day of the month just named is a date of its
 * own (the first is read by monthDateAt, which leaves it the previous date). */
export function coordinatedDayAt(t: TimeReader, k: number): Core | null {
  const day = dayNumber(t, k);
  if (day === null || (t.w(k - 1) !== 'and' && t.w(k - 1) !== 'or') || dayNumber(t, k - 2) === null) return null;
  const monthAt = t.w(k - 3) === '.' ? k - 4 : k - 3;
  if (!MONTHS.has(t.w(monthAt)) || !t.toks[monthAt].capital) return null;
  const after = t.w(k + 1);
  if (UNITS.has(after) || after === '%' || after === 'percent' || (after === ',' && t.toks[k + 2]?.num !== null && t.toks[k + 2]?.num !== undefined && !/^\d{4}$/.test(t.toks[k + 2].text))) return null;
  return { first: k, end: k + 1, type: 'date', kind: 'date', resolve: (ctx) => {
    const m = ctx.last ? /^(\d{4})-(\d{2})-\d{2}$/.exec(ctx.last) : null;
    if (!m) return null;
    const date = { y: +m[1], m: +m[2], d: day };
    return isValidDay(date) ? formatDay(date) : null;
  } };
}

/** A day of the month written in digits at k (1-31, not glued to a word), or null. */
function dayNumber(t: TimeReader, k: number): number | null {
  const tok = t.toks[k];
  if (!tok || tok.num === null || !Number.isInteger(tok.num) || tok.num < 1 || tok.num > 31 || tok.glued) return null;
  return /^\d{1,2}$/.test(tok.text) ? tok.num : null;
}
