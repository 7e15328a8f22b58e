// Words of time: month and weekday names, number words, units, parts of the day.
import type { Unit } from './calendar.ts';

/** Month names and their abbreviations (lower case, without the period) → 1-12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9], ['october', 10],
  ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Month words that are also ordinary English words: only taken as months in a date context. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'jan', 'jun', 'sep', 'dec']);

/** Weekday names → ISO weekday (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 7],
]);

/** Abbreviated weekdays are only weekdays when capitalised and followed by a period. */
export const SHORT_WEEKDAYS: ReadonlySet<string> = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['dozen', 12],
]);

/** Vague quantities: a duration of "several years" has the value PXY. */
export const VAGUE_NUMBERS: ReadonlySet<string> = new Set(['several', 'few', 'many', 'some', 'numerous']);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
]);

/** Unit words (singular and plural) → unit. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['second', 'second'], ['seconds', 'second'], ['minute', 'minute'], ['minutes', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'],
  ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'], ['quarters', 'quarter'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'],
  ['century', 'century'], ['centuries', 'century'],
]);

/** One-word lengths of one unit ("a weeklong festival"), as "week-long" is written apart. */
export const LENGTH_WORDS: ReadonlyMap<string, Unit> = new Map([
  ['daylong', 'day'], ['weeklong', 'week'], ['monthlong', 'month'], ['yearlong', 'year'],
]);

/** TIMEX3 duration letter of each unit; decades and centuries are written in years. */
export const UNIT_LETTER: Record<Unit, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'Y', century: 'Y',
};

export const IS_CLOCK_UNIT: Record<Unit, boolean> = {
  second: true, minute: true, hour: true, day: false, week: false, month: false, quarter: false, year: false, decade: false, century: false,
};

/** Years per unit for decades and centuries, which TIMEX3 writes as years. */
export const UNIT_SCALE: Partial<Record<Unit, number>> = { decade: 10, century: 100 };

export const PARTS_OF_DAY: ReadonlyMap<string, string> = new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'],
]);

export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

/** Adverbs of frequency → SET value. */
export const FREQUENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['daily', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['annually', 'P1Y'], ['yearly', 'P1Y'],
  ['hourly', 'PT1H'], ['nightly', 'P1D'], ['biweekly', 'P2W'],
]);

/** Words before a duration that belong to its span ("about two years", "at least 10 days"). */
export const APPROXIMATORS: ReadonlySet<string> = new Set([
  'about', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'some', 'within', 'over', 'under', 'only', 'just',
]);
export const TWO_WORD_APPROXIMATORS: ReadonlySet<string> = new Set(['at least', 'more than', 'less than', 'up to', 'fewer than', 'no more than', 'at most']);

/** Tense cues before a weekday or month: the first one found walking back decides. */
export const FUTURE_CUES: ReadonlySet<string> = new Set([
  'will', 'll', 'would', 'shall', 'plan', 'plans', 'planned', 'planning', 'scheduled', 'schedule', 'expected', 'expects',
  'expect', 'due', 'soon', 'next', 'upcoming', 'going', 'payable', 'effective', 'tomorrow', 'intends', 'hopes', 'aims',
]);
export const PAST_CUES: ReadonlySet<string> = new Set([
  'said', 'was', 'were', 'had', 'did', 'told', 'announced', 'reported', 'last', 'ago', 'earlier', 'yesterday',
  'began', 'ended', 'closed', 'killed', 'died', 'rose', 'fell', 'since',
  // Irregular simple pasts that are never participles, so never the "will be held" of a plan.
  'took', 'came', 'went', 'gave', 'saw', 'knew', 'became', 'ran', 'wrote', 'spoke', 'chose', 'drove', 'grew', 'threw',
  'flew', 'drew', 'broke', 'stole', 'froze', 'woke', 'wore', 'swore', 'shook', 'rode', 'rang', 'sang', 'sank', 'swam',
  'withdrew', 'overtook', 'undertook', 'arose', 'forgave', 'forgot', 'ate', 'fled', 'won',
]);

/** Nouns for states of affairs: "the 8-month-old truce" gives the truce's age, a duration,
 * where "a 6-year-old boy" gives a person's age, which TimeML leaves unmarked. */
export const AGED_STATES: ReadonlySet<string> = new Set([
  'truce', 'ceasefire', 'cease', 'war', 'strike', 'lockout', 'dispute', 'conflict', 'crisis', 'standoff', 'stalemate', 'siege',
  'blockade', 'embargo', 'boycott', 'ban', 'moratorium', 'freeze', 'occupation', 'insurgency', 'uprising', 'rebellion',
  'recession', 'slump', 'downturn', 'boom', 'rally', 'investigation', 'probe', 'inquiry', 'campaign', 'talks', 'negotiations',
  'government', 'coalition', 'administration', 'regime', 'agreement', 'accord', 'deal', 'policy', 'programme', 'program',
]);

/** Time zones that belong to a clock time's span. */
export const TIME_ZONES: ReadonlySet<string> = new Set([
  'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc', 'et', 'bst', 'cet',
]);
