// Calendar arithmetic on TIMEX3 values. Everything works in UTC days so no time zone or
// daylight-saving shift can move a date.
/** A calendar day; month 1-12. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** The dateline's day, from an ISO date or date-time ("2025-09-12", "2025-09-12T14:00"), or null. */
export function parseDateline(published: string | null): Day | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day) ? day : null;
}

export function isValidDay(day: Day): boolean {
  return day.m >= 1 && day.m <= 12 && day.d >= 1 && day.d <= daysInMonth(day.y, day.m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function toEpochDays(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY;
}

function fromEpochDays(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromEpochDays(toEpochDays(day) + n);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const index = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const w = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO-8601 week: the week belongs to the year holding its Thursday. */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor((toEpochDays(thursday) - toEpochDays(jan1)) / 7) + 1 };
}

export function quarterOf(day: Day): number {
  return Math.floor((day.m - 1) / 3) + 1;
}

export const formatYear = (y: number): string => pad(y, 4);
export const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m, 2)}`;
export const formatDay = (day: Day): string => `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
export const formatQuarter = (y: number, q: number): string => `${pad(y, 4)}-Q${q}`;

export function formatWeek(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${pad(y, 4)}-W${pad(w, 2)}`;
}

/** The value of "the unit that holds this day" at the unit's granularity. */
export function valueAt(day: Day, unit: Unit): string {
  switch (unit) {
    case 'year': return formatYear(day.y);
    case 'decade': return pad(Math.floor(day.y / 10), 3);
    case 'century': return pad(Math.floor(day.y / 100), 2);
    case 'quarter': return formatQuarter(day.y, quarterOf(day));
    case 'month': return formatMonth(day.y, day.m);
    case 'week': return formatWeek(day);
    default: return formatDay(day);
  }
}

/** Moves a day by n units (weeks as 7 days; quarters as 3 months). */
export function shiftDay(day: Day, unit: Unit, n: number): Day {
  switch (unit) {
    case 'day': return addDays(day, n);
    case 'week': return addDays(day, 7 * n);
    case 'month': return addMonths(day, n);
    case 'quarter': return addMonths(day, 3 * n);
    case 'year': return addMonths(day, 12 * n);
    case 'decade': return addMonths(day, 120 * n);
    case 'century': return addMonths(day, 1200 * n);
    default: return day;
  }
}

/**
 * Shifts a TIMEX3 date value by n units keeping its own granularity
 * ("1989-Q3" - 1 year = "1988-Q3"; "1989-11-02" - 1 year = "1988-11-02"), or null when the
 * value is not a calendar date this knows how to move.
 */
export function shiftValue(value: string, unit: Unit, n: number): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return formatDay(shiftDay({ y: +m[1], m: +m[2], d: +m[3] }, unit, n));
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const months = unit === 'year' ? 12 * n : unit === 'quarter' ? 3 * n : unit === 'month' ? n : 0;
    const start = addMonths({ y: +m[1], m: (+m[2] - 1) * 3 + 1, d: 1 }, months);
    return formatQuarter(start.y, quarterOf(start));
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const monday = addDays({ y: +m[1], m: 1, d: 4 }, 7 * (+m[2] - 1));
    return formatWeek(shiftDay(monday, unit, n));
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const day = shiftDay({ y: +m[1], m: +m[2], d: 1 }, unit, n);
    return formatMonth(day.y, day.m);
  }
  m = /^(\d{4})(-(?:H[12]|SP|SU|FA|WI))?$/.exec(value);
  if (m) {
    const years = unit === 'year' ? n : unit === 'decade' ? 10 * n : unit === 'century' ? 100 * n : null;
    return years === null ? null : formatYear(+m[1] + years) + (m[2] ?? '');
  }
  return null;
}

/** The day a date value starts on, when it names one (for anchoring "the next day"). */
export function dayOfValue(value: string | null): Day | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}
