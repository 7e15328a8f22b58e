// Quotation marks → quoted stretches of text, in one left-to-right pass over the characters.
// Handles “curly”, "straight", ‘single’ and the NYT ``…'' style, quotations that run over
// paragraphs (each new paragraph reopens the quote and the closing mark comes only at the
// end), and unbalanced marks (a quote never closed ends with its paragraph).

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
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\u2015\-/:]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\u2015\-…]/;

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

/** The quotation mark at `at`, or null. Straight single quotes are left alone (apostrophes). */
function markAt(text: string, at: number): Mark | null {
  const ch = text[at];
  if (ch === '`' && text[at + 1] === '`') return { length: 2, double: true, role: 'open' };
  if (ch === "'" && text[at + 1] === "'") return { length: 2, double: true, role: roleFromContext(text, at, 2) ?? 'close' };
  if (ch === '\u201c' || ch === '\u201d' || ch === '"' || ch === '\u201e') {
    const context = roleFromContext(text, at, 1);
    const fallback: Role | null = ch === '\u201d' ? 'close' : ch === '"' ? null : 'open';
    return { length: 1, double: true, role: context ?? fallback };
  }
  if (ch === '\u2018') {
    return isLetterOrDigit(text[at - 1]) ? null : { length: 1, double: false, role: 'open' };
  }
  if (ch === '\u2019') {
    // Clinton’s, don’t: an apostrophe inside a word never closes a quotation.
    return isLetterOrDigit(text[at + 1]) ? null : { length: 1, double: false, role: 'close' };
  }
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

/** Line breaks and the characters that may start a quotation mark (markAt is null for any other). */
const MAY_MATTER = /[\n"'`\u201c\u201d\u201e\u2018\u2019]/g;

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
  let i = 0;
  while (i < text.length) {
    // Only line breaks and quotation marks matter: step over everything else at once.
    i = nextThatMatters(text, i);
    if (i >= text.length) break;
    const ch = text[i];
    if (ch === '\n') {
      const next = nextParagraphStart(text, i);
      {
        // Any line break ends a paragraph: news text has one paragraph per line.
        openSingle = -1;
        if (openDouble >= 0) {
          const reopen = next < text.length ? markAt(text, next) : null;
          if (reopen && reopen.double && reopen.role !== 'close') {
            // Multi-paragraph quotation: the next paragraph reopens it; keep it open.
            i = next + reopen.length;
            continue;
          }
          const end = trimmedEnd(text, i, openDouble + 1);
          if (end > openDouble + 1) out.push({ start: openDouble, end, double: true, closed: false });
          openDouble = -1;
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
      if (role === 'open') {
        if (openDouble >= 0) {
          // A second opening mark: the first was never closed.
          const end = trimmedEnd(text, i, openDouble + 1);
          if (end > openDouble + 1) out.push({ start: openDouble, end, double: true, closed: false });
        }
        openDouble = i;
        openSingle = -1;
      } else if (openDouble >= 0) {
        out.push({ start: openDouble, end: i + mark.length, double: true, closed: true });
        openDouble = -1;
        openSingle = -1;
      }
    } else if (openDouble < 0) {
      // Single quotes only count at the top level; inside a double quote they are nested.
      if (mark.role === 'open') openSingle = i;
      else if (openSingle >= 0) {
        out.push({ start: openSingle, end: i + 1, double: false, closed: true });
        openSingle = -1;
      }
    }
    i += mark.length;
  }
  if (openDouble >= 0) {
    const end = trimmedEnd(text, text.length, openDouble + 1);
    if (end > openDouble + 1) out.push({ start: openDouble, end, double: true, closed: false });
  }
  return out;
}
