// Quotation marks → quoted stretches of text, in one left-to-right pass over the characters.
// Handles “curly”, "straight", ‘single’, 'straight single', « guillemets », „low-high“ and the
// NYT ``…'' style; single marks told from apostrophes (don't, the miners' union, '90s); double
// quotes nested in single ones (British style) and single in double; quotations that run over
// paragraphs (each new paragraph reopens the quote and the closing mark comes only at the end),
// which become one quotation per paragraph; and unbalanced marks (a double quote never closed
// ends with its paragraph).

export interface Quotation {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph when never closed). */
  end: number;
  /** Double quotation marks (“ ” " `` ''), as opposed to single ones (‘ ’). */
  double: boolean;
  /** False when no closing mark was found. */
  closed: boolean;
}

type Role = 'open' | 'close';

interface Mark {
  length: number;
  double: boolean;
  role: Role | null;
  /** A single closing mark that may be an apostrophe of a plural possessive (the miners' union). */
  weak?: boolean;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\u2015\-/:]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\u2015\-…]/;
/** Double marks right before a single opening one ("‘…’" nested at a quote's start). */
const OPENING_DOUBLES = /["\u201c\u201e\u00ab\u00bb]/;

/**
 * What follows an apostrophe that stands for dropped letters or a century, never a quote's
 * opening mark: '90s, '05, rock 'n' roll, 'em, 'til, 'tis, 'twas.
 */
const ELIDED = /^(?:\d\ds?|n['\u2018\u2019]?|em|til|tis|twas)(?![\p{L}\p{N}])/iu;

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The role a double mark's surroundings suggest: open before a word, close after one. */
function roleFromContext(text: string, at: number, length: number): Role | null {
  const before = at === 0 ? ' ' : text[at - 1];
  const after = at + length >= text.length ? ' ' : text[at + length];
  const spaceBefore = OPENING_CONTEXT.test(before) || /[\u201c"\u2018]/.test(before);
  const spaceAfter = CLOSING_CONTEXT.test(after) || /[\u201d"\u2019]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return null;
}

/**
 * A single mark (' ‘ ’) as a quotation mark, or null for an apostrophe: inside a word (don't,
 * it's, O'Brien), before an elision ('90s), or neither opening before a word nor closing after one.
 * A close after a letter with a space after it ("the miners' union") is weak: it may be a possessive.
 */
function singleMark(text: string, at: number): Mark | null {
  const ch = text[at];
  const before = text[at - 1];
  const after = text[at + 1];
  const wordBefore = isLetterOrDigit(before);
  const wordAfter = isLetterOrDigit(after);
  if (wordBefore && wordAfter) return null;
  if (!wordBefore && ELIDED.test(text.slice(at + 1, at + 6))) return null;
  if (ch !== '\u2019' && !wordBefore) {
    const opensAfter = before === undefined || OPENING_CONTEXT.test(before) || OPENING_DOUBLES.test(before);
    // ‘ opens whatever precedes it (but a letter); a straight ' only where a word could start.
    if ((ch === '\u2018' || opensAfter) && after !== undefined && !/\s/.test(after)) return { length: 1, double: false, role: 'open' };
  }
  if (ch === '\u2018' || before === undefined || /\s/.test(before) || wordAfter) return null;
  const weak = wordBefore && after !== undefined && after !== '\n' && /\s/.test(after);
  return { length: 1, double: false, role: 'close', weak };
}

/** The quotation mark at `at`, or null. */
function markAt(text: string, at: number): Mark | null {
  const ch = text[at];
  if (ch === '`' && text[at + 1] === '`') return { length: 2, double: true, role: 'open' };
  if (ch === "'" && text[at + 1] === "'") return { length: 2, double: true, role: roleFromContext(text, at, 2) ?? 'close' };
  if (ch === '\u201c' || ch === '\u201d' || ch === '"' || ch === '\u201e' || ch === '\u00ab' || ch === '\u00bb') {
    const context = roleFromContext(text, at, 1);
    // « French » opens with «; »German« opens with » before a word (the context settles it).
    const fallback: Role | null = ch === '\u201d' || ch === '\u00bb' ? 'close' : ch === '"' ? null : 'open';
    return { length: 1, double: true, role: context ?? fallback };
  }
  if (ch === "'" || ch === '\u2018' || ch === '\u2019') return singleMark(text, at);
  return null;
}

/** Offset where the paragraph starting after the break at `at` has its first visible character. */
function nextParagraphStart(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** End of visible text before `at` (trailing whitespace dropped). */
function trimmedEnd(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}

/** Offset of the line break ending the paragraph that holds `at`, else the text's length. */
function paragraphEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/** Where a paragraph's last firm single closing mark and last double mark are (-1 when none). */
interface ParagraphMarks {
  end: number;
  lastFirmSingleClose: number;
  lastDouble: number;
}

/**
 * The marks of the paragraph that holds `at`, read once per paragraph (a weak close or a
 * nested double asks what comes later in its paragraph: one scan answers them all).
 */
function paragraphMarks(text: string, at: number, known: ParagraphMarks | null): ParagraphMarks {
  if (known && at < known.end) return known;
  const end = paragraphEnd(text, at);
  let lastFirmSingleClose = -1;
  let lastDouble = -1;
  for (let k = nextThatMatters(text, at); k < end; k = nextThatMatters(text, k + 1)) {
    const mark = markAt(text, k);
    if (!mark) continue;
    if (mark.double) lastDouble = k;
    else if (mark.role === 'close' && !mark.weak) lastFirmSingleClose = k;
    k += mark.length - 1;
  }
  return { end, lastFirmSingleClose, lastDouble };
}

/** Line breaks and the characters that may start a quotation mark (markAt is null for any other). */
const MAY_MATTER = /[\n"'`\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb]/g;

/** Offset of the next line break or possible quotation mark at or after `from`, else the text's length. */
function nextThatMatters(text: string, from: number): number {
  MAY_MATTER.lastIndex = from;
  const found = MAY_MATTER.exec(text);
  return found ? found.index : text.length;
}

export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let openDouble = -1;
  let openSingle = -1;
  // Double marks nested in the open single quote ('He shouted "stop",' she said): not quotes of their own.
  let nested = false;
  /** Ends the open quotation at `at` without a closing mark (its paragraph ended). */
  const cut = (open: number, at: number, double: boolean) => {
    const end = trimmedEnd(text, at, open + 1);
    if (end > open + 1) out.push({ start: open, end, double, closed: false });
  };
  let marks: ParagraphMarks | null = null;
  let i = 0;
  while (i < text.length) {
    // Only line breaks and quotation marks matter: step over everything else at once.
    i = nextThatMatters(text, i);
    if (i >= text.length) break;
    const ch = text[i];
    if (ch === '\n') {
      // Any line break ends a paragraph: news text has one paragraph per line. A quotation that
      // runs on opens the next paragraph with the same kind of mark (and the previous one has no
      // closing mark). A single-quoted one gives each paragraph's part as a quotation of its own,
      // which the continuation pass credits to the same speaker.
      const next = nextParagraphStart(text, i);
      const reopen = next < text.length ? markAt(text, next) : null;
      const open = openDouble >= 0 ? openDouble : openSingle;
      nested = false;
      if (open >= 0) {
        const double = openDouble >= 0;
        const runsOn = reopen !== null && reopen.double === double && reopen.role !== 'close';
        if (double && runsOn) {
          // A run-on double quotation stays one quotation, the span US annotation (PARC, PolNeAR)
          // gives it; a run-on single one is cut into one quotation per paragraph below.
          i = next + reopen.length;
          continue;
        }
        if (double || runsOn) cut(open, i, double);
        openDouble = -1;
        openSingle = runsOn ? next : -1;
        if (runsOn) {
          i = next + reopen.length;
          continue;
        }
      }
      i = Math.max(next, i + 1);
      continue;
    }
    const mark = markAt(text, i);
    if (!mark) {
      i++;
      continue;
    }
    if (mark.double) {
      const role = mark.role ?? (openDouble >= 0 ? 'close' : 'open');
      if (openSingle >= 0 && !nested && role === 'open') {
        // Nested when the single quote closes after the paragraph's last double mark.
        marks = paragraphMarks(text, i, marks);
        nested = marks.lastFirmSingleClose > marks.lastDouble;
      }
      if (openSingle >= 0 && nested) {
        // Part of the open single quote, not a quotation of its own.
      } else if (role === 'open') {
        // A second opening mark: the first was never closed.
        if (openDouble >= 0) cut(openDouble, i, true);
        openDouble = i;
        openSingle = -1;
      } else if (openDouble >= 0) {
        out.push({ start: openDouble, end: i + mark.length, double: true, closed: true });
        openDouble = -1;
        openSingle = -1;
      }
    } else if (openDouble < 0) {
      // Single quotes only count at the top level; inside a double quote they are nested.
      if (mark.role === 'open') {
        openSingle = i;
        nested = false;
      } else if (openSingle >= 0 && !(mark.weak && (marks = paragraphMarks(text, i, marks)).lastFirmSingleClose > i)) {
        // (A weak close with a firm one later in the paragraph is a possessive: 'the miners' union,'.)
        out.push({ start: openSingle, end: i + 1, double: false, closed: true });
        openSingle = -1;
        nested = false;
      }
    }
    i += mark.length;
  }
  if (openDouble >= 0) cut(openDouble, text.length, true);
  return inHouseStyle(out);
}

/**
 * Speech is quoted in one house style per article: double marks (most US outlets) or single
 * ones (most British, Irish, Australian and Indian ones). In an article that quotes speech in
 * double marks, a top-level 'single-quoted' stretch is a title or a headline ('Coal Is Not
 * the Villain'), not speech: it is dropped when double quotations outnumber single ones.
 */
function inHouseStyle(quotations: Quotation[]): Quotation[] {
  let doubles = 0;
  for (const q of quotations) if (q.double) doubles++;
  if (doubles * 2 <= quotations.length) return quotations;
  return quotations.filter((q) => q.double);
}
