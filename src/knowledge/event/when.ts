// When the main event happened: the most specific time phrase nearest the lead.
import type { TimeFact } from '../facts.ts';
import type { NlpDoc } from '../nlp.ts';

export interface TimePhrase {
  start: number;
  end: number;
  text: string;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY = `(?:${WEEKDAY_NAMES.join('|')})`;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const PART_OF_DAY = '(?:\\s+(?:morning|afternoon|evening|night))?';
const CLOCK = '(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:a\\.m\\.|p\\.m\\.|am|pm)|midnight|noon)';

const COUNT = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\\d+)';
/** Words that cannot end a phrase naming an event ("the results of"). */
const FUNCTION_WORD = '(?:of|in|on|at|to|for|by|with|and|or|but|was|were|is|are|had|has|that|which)';
/** Units an event-relative phrase counts in; plural when no count is given ("days before the vote"). */
const COUNTED_UNIT = '(?:minutes?|hours?|days?|weeks?|months?)';

const EVENT_RELATIVE_SOURCE =
  `\\b(?:(?:just|only|barely)\\s+)?(?:${COUNT}\\s+)?${COUNTED_UNIT}\\s+(?:before|after|ahead of)\\s+(?:the|his|her|their|its)\\s+(?:[\\w-]+\\s+)?(?!${FUNCTION_WORD}\\b)[a-z][\\w-]*`;
/** As specific as "last week": a point fixed by a named event. */
const EVENT_RELATIVE = new RegExp(`^${EVENT_RELATIVE_SOURCE}$`);

/**
 * What every event-relative phrase contains ("days before the"), a unit, white space, a linking
 * word and white space (COUNTED_UNIT\\s+(?:before|after|ahead of)\\s, tested by hand in
 * eventRelativeCores): most articles have none, and this test is cheaper than trying the full
 * pattern's optional counts at every word. Its units (singular and plural) and linking words:
 */
const UNIT_WORDS = ['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months'];
const EVENT_LINKS = ['before', 'after', 'ahead of'];

/** Finds every match of one of our patterns in a text, in the order matchAll would list them. */
type PhraseFinder = (text: string) => RegExpExecArray[];

/** Every match of a global pattern, by exec over the shared pattern (matchAll would copy it). Our patterns never match empty text. */
function everyMatch(pattern: RegExp): PhraseFinder {
  return (text) => {
    const out: RegExpExecArray[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push(m);
    return out;
  };
}

/**
 * The next offset at or after `from` where one of `openings` occurs, or -1. `next` holds each
 * opening's last known next offset (-2: not yet searched), so every opening's occurrences are
 * each found once however often this is asked.
 */
function nextOpening(text: string, openings: string[], next: number[], from: number): number {
  let best = -1;
  for (let i = 0; i < openings.length; i++) {
    if (next[i] === -2 || (next[i] >= 0 && next[i] < from)) next[i] = text.indexOf(openings[i], from);
    if (next[i] >= 0 && (best < 0 || next[i] < best)) best = next[i];
  }
  return best;
}

/**
 * The matches of a pattern every match of which starts with one of `openings` (literal text):
 * the pattern, made sticky, is only tried where an opening occurs, in text order. The first
 * such place where it matches is where a scan of the whole text would find the next match.
 * A plain substring search is far cheaper than trying the pattern at every word.
 */
function matchesAtOpenings(source: string, openings: string[]): PhraseFinder {
  const sticky = new RegExp(source, 'y');
  return (text) => {
    const out: RegExpExecArray[] = [];
    const next = openings.map(() => -2);
    let from = 0;
    for (let at = nextOpening(text, openings, next, from); at >= 0; at = nextOpening(text, openings, next, from)) {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m) out.push(m);
      from = m ? at + m[0].length : at + 1;
    }
    return out;
  };
}

/** Whether the character at i is white space (\\s). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(text[i]));
}

/**
 * Where the event-relative cores ("days before ") of the text start, ascending, found from
 * their linking words: one followed by white space, with white space before it that follows a
 * unit word. (A unit word ends in a letter, so it ends where the run of white space before the
 * linking word starts.)
 */
function eventRelativeCores(text: string): number[] {
  const starts: number[] = [];
  for (const link of EVENT_LINKS) {
    for (let at = text.indexOf(link); at >= 0; at = text.indexOf(link, at + 1)) {
      if (!isSpaceAt(text, at + link.length)) continue;
      let unitEnd = at;
      while (unitEnd > 0 && isSpaceAt(text, unitEnd - 1)) unitEnd--;
      const unit = unitEnd < at ? UNIT_WORDS.find((u) => text.endsWith(u, unitEnd)) : undefined;
      if (unit !== undefined) starts.push(unitEnd - unit.length);
    }
  }
  return starts.sort((a, b) => a - b);
}

/** Times told against another event: "two days before the election", "hours after the attack". */
const EVENT_RELATIVE_ALL = new RegExp(EVENT_RELATIVE_SOURCE, 'g');

/** Whether a character may stand before the unit of an event-relative phrase ("just two", "several"). */
function mayOpenEventRelative(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || isSpaceAt(text, i);
}

/**
 * Whether a character may stand in the clock time that opens a weekday phrase ("10:30 a.m.
 * local time on Friday"): digits, ':', '.', lower-case letters and white space.
 */
function mayOpenWeekdayPhrase(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 58) || c === 46 || (c >= 97 && c <= 122) || isSpaceAt(text, i);
}

/**
 * Every match of a global pattern, as a scan of the whole text finds them, with the pattern only
 * run from near each anchor that every match holds (`nextAnchor(from)`: the first at or after
 * `from`, or -1). What may stand before the anchor in a match is only characters `mayOpen`
 * accepts, so the next match starts at the next anchor or within the run of such characters
 * right before it, and running the pattern from the start of that run finds it.
 */
function matchesNearAnchors(text: string, pattern: RegExp, nextAnchor: (from: number) => number,
    mayOpen: (text: string, i: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (let anchor = nextAnchor(from); anchor >= 0; anchor = nextAnchor(from)) {
    let start = anchor;
    while (start > from && mayOpen(text, start - 1)) start--;
    pattern.lastIndex = start;
    const m = pattern.exec(text);
    if (!m) break;
    out.push(m);
    from = m.index + m[0].length;
  }
  return out;
}

/** Every "two days before the election" of the text, run from near each core (`cores`: eventRelativeCores, ascending). */
function eventRelativePhrases(text: string, cores: number[]): RegExpExecArray[] {
  let next = 0;
  const nextCore = (from: number) => {
    while (next < cores.length && cores[next] < from) next++;
    return next < cores.length ? cores[next] : -1;
  };
  return matchesNearAnchors(text, EVENT_RELATIVE_ALL, nextCore, mayOpenEventRelative);
}

const WEEKDAY_PHRASE = new RegExp(`\\b(?:${CLOCK}\\s+(?:local time\\s+)?(?:on\\s+)?)?${WEEKDAY}${PART_OF_DAY}\\b`, 'g');

/**
 * Every weekday phrase of the text, run from near each weekday name (a name starts with a
 * capital, so it never stands inside the clock time before it).
 */
function weekdayPhrases(text: string): RegExpExecArray[] {
  const next = WEEKDAY_NAMES.map(() => -2);
  return matchesNearAnchors(text, WEEKDAY_PHRASE, (from) => nextOpening(text, WEEKDAY_NAMES, next, from), mayOpenWeekdayPhrase);
}

/** A finder run only on a text holding `word`, which all its matches hold. */
function onlyWhereHeld(word: string, find: PhraseFinder): PhraseFinder {
  return (text) => (text.includes(word) ? find(text) : []);
}

/** The first letters of every month name and abbreviation ("Sept" and "September" open with "Sep"). */
const MONTH_OPENINGS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Time phrases our own patterns find: weekdays, calendar dates and clock times. */
const OWN_PHRASES: PhraseFinder[] = [
  weekdayPhrases,
  matchesAtOpenings(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?:\\s+at\\s+${CLOCK})?\\b`, MONTH_OPENINGS),
  everyMatch(new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?\\b`, 'g')),
  everyMatch(new RegExp(`\\b${CLOCK}\\b`, 'g')),
  everyMatch(/\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?!\s*(?:am|pm|a\.m|p\.m))/g),
  everyMatch(/\b(?:last|this|next)\s+(?:week|month|year|night|weekend)\b/g),
  onlyWhereHeld('hours', everyMatch(/\b(?:early|late)\s+hours\s+of\s+[A-Z][a-z]+day\b/g)),
];


const HAS_WEEKDAY = new RegExp(WEEKDAY);
const HAS_CLOCK = new RegExp(CLOCK);
const MONTH_THEN_DAY = new RegExp(`${MONTH}\\s+\\d`);
const DAY_THEN_MONTH = new RegExp(`\\d\\s+${MONTH}`);

/**
 * A day named from the story's own day: "yesterday", "last night", "this morning", "tonight".
 * British papers and broadcasters date the act this way in the opening sentence ("was killed
 * in a crash yesterday"), as exactly as a weekday; further down such a day dates side events
 * ("her friend tweeted yesterday"). ("today" is left out: "the world today" names no day.)
 */
const DEICTIC_DAY = /^(?:(?:late|early)\s+)?(?:yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)$/i;

/** How specific a time phrase is: a weekday or a full date beats a bare year or "now" (rank: its news-sentence rank). */
function specificity(text: string, rank: number): number {
  if (/^(now|today|currently|recently|then|so far|once|early this year|earlier this year)$/i.test(text.trim())) return 0;
  if (rank === 0 && DEICTIC_DAY.test(text.trim())) return 3;
  if (HAS_WEEKDAY.test(text)) return 3 + (HAS_CLOCK.test(text) || /morning|night|evening|afternoon/.test(text) ? 0.3 : 0);
  if (MONTH_THEN_DAY.test(text) || DAY_THEN_MONTH.test(text)) return /\d{4}/.test(text) ? 3.2 : 3.1;
  if (/^(?:midnight|noon)$/i.test(text.trim())) return 1.5;
  if (HAS_CLOCK.test(text) || /^\d{1,2}:\d{2}$/.test(text)) return 2.5;
  if (/\b(last|this|next)\s+(week|month|year|night|weekend)\b/i.test(text)) return 2;
  if (EVENT_RELATIVE.test(text)) return 2;
  if (/^(in\s+)?\d{4}$/.test(text.trim())) return 0.8;
  if (/^(now|today|currently|recently|then|so far|once|early this year)$/i.test(text.trim())) return 0;
  return 1;
}

/** Phrases that are durations or ages, not points in time ("108 years", "five-year-old"). */
function isNotAPoint(text: string): boolean {
  return /\b(years?|months?|weeks?|days?|hours?|minutes?)\s*(old|long|ago)?$/i.test(text) && !/\b(last|this|next)\b/i.test(text) ||
    /-(year|month|day)/i.test(text);
}

/** All time phrases: the times extractor's when present, else wink's, plus our own patterns. */
export function timePhrases(doc: NlpDoc, times: TimeFact[]): TimePhrase[] {
  const out: TimePhrase[] = [];
  const given = times.length > 0
    ? times.filter((t) => t.type === 'date' || t.type === 'time')
    : doc.entities.filter((e) => e.type === 'DATE' || e.type === 'TIME');
  for (const t of given) out.push({ start: t.start, end: t.end, text: doc.text.slice(t.start, t.end) });
  const cores = eventRelativeCores(doc.text);
  const finders = cores.length > 0 ? [...OWN_PHRASES, (text: string) => eventRelativePhrases(text, cores)] : OWN_PHRASES;
  for (const find of finders) {
    for (const m of find(doc.text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out.filter((p) => p.text.trim().length > 1 && !isNotAPoint(p.text));
}

/** Beyond this news-sentence rank a time phrase's distance from the lead no longer counts against it. */
export const MAX_TIME_RANK = 8;

/** A bare year far from the dateline's is history, not the event ("since 1908"). */
function isDistantYear(text: string, publishedYear: number): boolean {
  const m = /^(?:in\s+)?(\d{4})$/.exec(text.trim());
  return !!m && Math.abs(Number(m[1]) - publishedYear) > 1;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A calendar date more than a week before the dateline (or after it) is background, not the news. */
function isStaleDate(text: string, published: Date): boolean {
  const m = /\b([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/.exec(text) ??
    /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2})[a-z]*(?:\s+(\d{4}))?/.exec(text);
  if (!m) return false;
  const [monthName, day] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0) return false;
  const year = m[3] ? Number(m[3]) : published.getUTCFullYear();
  const days = (published.getTime() - Date.UTC(year, month, Number(day))) / 86_400_000;
  return days > 7 || days < -1;
}

/**
 * True when the phrase dates a post, not the event: the date line of a tweet ("— Jane Doe
 * (@handle) November 8, 2016"), a photo credit ("posted by X (@handle) on Nov 9") or the
 * page's own time stamp ("Published: 08:12 EST, 8 November 2016").
 */
export function isPostDate(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return (
    /\(@\w{1,30}\)\s*(?:on\s+)?$/.test(before) ||
    /\b(?:posted|shared|tweeted)\s+(?:by\s+[^\n]{1,40}?\s+)?on\s+$/i.test(before) ||
    // The page's own stamp: "PUBLISHED: 08:12 EST, 8 November 2016 | UPDATED: ..."
    /\b(?:published|updated|last updated|posted)\s*:?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[A-Z]{2,4}\b)?,?\s*)?$/i.test(before)
  );
}

/**
 * A post's date loses to the times the lead gives. Past the lead every phrase is background,
 * and there a post's full date is as good a guess as any.
 */
const POST_DATE_PENALTY = 1.5;

/**
 * A phrase in the lead's own clause, after its verb ("watched it give way on Thursday morning"),
 * dates the act; one in a clause hung on a noun before it ("who had warned ... at a meeting on
 * Monday") dates something else.
 */
const ACT_CLAUSE_BONUS = 0.5;

/**
 * The time of the event: specific phrases early in the story win (rankOf: the news-sentence
 * rank of an offset; act: the span of the lead clause's verb group and what follows it).
 */
export function bestTime(
  phrases: TimePhrase[],
  rankOf: (offset: number) => number,
  published: Date | null = null,
  text: string | null = null,
  act: { start: number; end: number } | null = null,
): TimePhrase | null {
  let best: { phrase: TimePhrase; score: number } | null = null;
  for (const p of phrases) {
    const specific = specificity(p.text, rankOf(p.start));
    if (/^(this|that|the|last) day$/i.test(p.text.trim()) || specific === 0) continue;
    // A vague phrase ("Christmas", "the fall") found only past the lead is background, not the event's time.
    if (specific <= 1 && rankOf(p.start) >= MAX_TIME_RANK) continue;
    if (published && isDistantYear(p.text, published.getUTCFullYear())) continue;
    const stale = published && isStaleDate(p.text, published) ? 1.5 : 0;
    const rank = rankOf(p.start);
    const posted = text !== null && rank < MAX_TIME_RANK && isPostDate(text, p.start) ? POST_DATE_PENALTY : 0;
    const inAct = act !== null && p.start >= act.start && p.end <= act.end ? ACT_CLAUSE_BONUS : 0;
    const score = specific - stale - posted + inAct - 0.4 * Math.min(rank, MAX_TIME_RANK) + Math.min(p.text.length, 30) / 300;
    if (!best || score > best.score) best = { phrase: p, score };
  }
  if (!best) return null;
  return { ...best.phrase, text: best.phrase.text.replace(/\s+/g, ' ').trim() };
}

/** A day value (2024-03-19, 2024-03-19TNI) moved by whole days. */
function shiftDays(value: string, days: number): string {
  const d = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + value.slice(10);
}

/**
 * The calendar value of the event's time phrase: the value the times extractor resolved
 * against the publication date ("Saturday" in a story of Monday, March 11, 2024 is
 * 2024-03-09). A weekday alone that the act tells in the past ("approved plans on Tuesday")
 * cannot fall after the story: it is the week before. Null when no date is known.
 */
export function eventDate(phrase: TimePhrase, times: TimeFact[], published: string | null, actInPast: boolean): string | null {
  const time = times.find((t) => (t.type === 'date' || t.type === 'time') && t.start < phrase.end && t.end > phrase.start && t.value && /^\d{4}-\d{2}(?:-\d{2})?/.test(t.value));
  if (!time?.value) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.test(time.value) ? time.value : null;
  const dateline = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  if (day && dateline && actInPast && HAS_WEEKDAY.test(time.text) && !MONTH_THEN_DAY.test(time.text) && !DAY_THEN_MONTH.test(time.text) && day.slice(0, 10) > dateline) {
    return shiftDays(day, -7);
  }
  return time.value;
}
