// The tokens a time grammar reads, with the small readings every production shares: the word
// at an index, whether it is glued to the one before, number phrases ("twenty-four", "a few"),
// a clause end, a meridiem, a time context.
import { NUMBER_WORDS, UNITS, VAGUE_NUMBERS } from './lexicon.ts';
import type { TimeToken } from './tokens.ts';

/** Words after which a bare hh:mm is a clock time. */
const CLOCK_CONTEXT: ReadonlySet<string> = new Set(['at', 'by', 'until', 'till', 'before', 'after', 'around', 'from', 'between', 'since']);
/** Words joining the two ends of a range ("7:30 to 20:00", "9:30 and 16:00"). */
const RANGE_JOINERS: ReadonlySet<string> = new Set(['to', 'and', '-', '–', 'until', 'till']);

export class TimeReader {
  constructor(readonly toks: TimeToken[]) {}

  w(k: number): string {
    return k < this.toks.length && k >= 0 ? this.toks[k].lower : '';
  }

  glued(k: number): boolean {
    return k < this.toks.length && this.toks[k].glued;
  }

  /** "Sept." → end after the period; "Sept" → end after the word. */
  skipAbbrevPeriod(k: number): number {
    return this.w(k) === '.' && this.glued(k) ? k + 1 : k;
  }

  /** A number phrase at k: digits, number words ("twenty-four"), "a", "a few", "several". */
  number(k: number): { end: number; n: number | 'X' } | null {
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
    // "half an hour", "half a century", "a half-hour"
    if (word === 'half' && (this.w(k + 1) === 'a' || this.w(k + 1) === 'an')) return { end: k + 2, n: 0.5 };
    if (word === 'half' && this.w(k + 1) === '-' && this.glued(k + 1)) return { end: k + 1, n: 0.5 };
    if (word === 'a' || word === 'an') {
      if (this.w(k + 1) === 'half' && (UNITS.has(this.w(k + 2)) || this.w(k + 2) === '-')) return { end: k + 2, n: 0.5 };
      if (this.w(k + 1) === 'few') return { end: k + 2, n: 'X' };
      if (this.w(k + 1) === 'couple' && this.w(k + 2) === 'of') return { end: k + 3, n: 2 };
      if (this.w(k + 1) === 'dozen') return { end: k + 2, n: 12 };
      if (this.w(k + 1) === 'hundred') return { end: k + 2, n: 100 };
      return { end: k + 1, n: 1 };
    }
    if (VAGUE_NUMBERS.has(word)) return { end: k + 1, n: 'X' };
    // "the next couple of years"
    if (word === 'couple' && this.w(k + 1) === 'of') return { end: k + 2, n: 2 };
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
    if (this.w(end) === 'thousand') { n *= 1000; end++; }
    // "one and a half years"
    if (this.w(end) === 'and' && this.w(end + 1) === 'a' && this.w(end + 2) === 'half' && UNITS.has(this.w(end + 3))) return { end: end + 3, n: n + 0.5 };
    return this.range({ end, n });
  }

  /** "two to three weeks", "12 to 18 months": a range keeps its first number. */
  range(num: { end: number; n: number }): { end: number; n: number | 'X' } {
    const joiner = this.w(num.end);
    if (joiner === 'to' || joiner === 'or') {
      const other = this.toks[num.end + 1];
      if (other && (other.num !== null || NUMBER_WORDS.has(other.lower)) && UNITS.has(this.w(num.end + 2))) {
        return { end: num.end + 2, n: num.n };
      }
    }
    return num;
  }

  isClauseEnd(k: number): boolean {
    const word = this.w(k);
    return word === '' || word === '.' || word === ',' || word === ';' || word === ')' || word === 'and' || word === '"';
  }

  /** "a.m.", "p.m", "am", "PM" at k. */
  meridiem(k: number): { end: number; pm: boolean } | null {
    const word = this.w(k);
    if (word === 'am' || word === 'pm') return { end: k + 1, pm: word === 'pm' };
    if ((word === 'a' || word === 'p') && this.w(k + 1) === '.' && this.w(k + 2) === 'm') {
      return { end: this.w(k + 3) === '.' ? k + 4 : k + 3, pm: word === 'p' };
    }
    return null;
  }

  /** "at 10:30", "by 14:00", "from 7:30 to 20:00": a bare hh:mm is a time only after such a word,
   * or as the second end of a range whose first end is one. */
  isTimeContext(k: number): boolean {
    const before = this.w(k - 1);
    if (CLOCK_CONTEXT.has(before)) return true;
    return RANGE_JOINERS.has(before) && /^\d{1,2}:\d{2}$/.test(this.toks[k - 2]?.text ?? '');
  }

  /** "this year", "last year", "next year" right after a month ("February this year"). */
  relativeYear(k: number): { end: number; shift: number } | null {
    if (this.w(k + 1) !== 'year') return null;
    const word = this.w(k);
    const shift = word === 'this' ? 0 : word === 'last' ? -1 : word === 'next' ? 1 : null;
    return shift === null ? null : { end: k + 2, shift };
  }

  /** Whether a number or a unit starts at k ("the past two years", "the past year"). */
  startsQuantity(k: number): boolean {
    const tok = this.toks[k];
    if (!tok) return false;
    return tok.num !== null || NUMBER_WORDS.has(tok.lower) || VAGUE_NUMBERS.has(tok.lower) || UNITS.has(tok.lower) ||
      tok.lower === 'a' || tok.lower === 'few' || tok.lower === 'couple';
  }
}
