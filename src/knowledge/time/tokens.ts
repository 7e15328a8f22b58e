// A small tokeniser of its own: time grammar needs to see hyphens and periods as tokens and
// to know whether a token touches the previous one ("third-quarter", "Sept.", "1990s").

export interface TimeToken {
  start: number;
  end: number;
  /** Text as in the source. */
  text: string;
  /** Lower case. */
  lower: string;
  /** Numeric value of a digit token ("1,200" → 1200), else null. */
  num: number | null;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** No whitespace between this token and the previous one. */
  glued: boolean;
}

// Letters, numbers with inner separators ("10:30", "1,200", "3.5"), or any other single
// character. Each alternative consumes at least one character and never backtracks far.
const TOKEN = /\p{L}+|\d+(?:[:.,]\d+)*|\S/uy;
const SPACE = /\s/;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * End of the token starting at `at` (a character that is not white space), as TOKEN would
 * match it. ASCII text is scanned by hand; a token that starts with or runs into a non-ASCII
 * character is left to the pattern.
 */
function tokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (isAsciiLetter(c)) {
    let end = at + 1;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    if (end === text.length || text.charCodeAt(end) < 128) return end;
  } else if (isDigit(c)) {
    let end = at + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    for (;;) {
      const sep = text.charCodeAt(end);
      if ((sep !== 58 && sep !== 46 && sep !== 44) || !isDigit(text.charCodeAt(end + 1))) return end;
      end += 2;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
  } else if (c < 128) {
    return at + 1;
  }
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(text);
  return m ? at + m[0].length : at + 1;
}

export function tokenize(text: string): TimeToken[] {
  const tokens: TimeToken[] = [];
  let previousEnd = -1;
  let start = 0;
  while (start < text.length) {
    const c = text.charCodeAt(start);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[start]))) {
      start++;
      continue;
    }
    const end = tokenEnd(text, start);
    const value = text.slice(start, end);
    const digit = isDigit(c);
    tokens.push({
      start,
      end,
      text: value,
      lower: value.toLowerCase(),
      num: digit && !value.includes(':') ? Number(value.replace(/,/g, '')) : null,
      capital: c < 128 ? c >= 65 && c <= 90 : value[0] !== value[0].toLowerCase(),
      glued: start === previousEnd,
    });
    previousEnd = end;
    start = end;
  }
  return tokens;
}
