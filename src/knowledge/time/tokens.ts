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
const TOKEN = /\p{L}+|\d+(?:[:.,]\d+)*|\S/gu;

export function tokenize(text: string): TimeToken[] {
  const tokens: TimeToken[] = [];
  let previousEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const value = m[0];
    const start = m.index;
    const first = value.charCodeAt(0);
    const isDigit = first >= 48 && first <= 57;
    tokens.push({
      start,
      end: start + value.length,
      text: value,
      lower: value.toLowerCase(),
      num: isDigit && !value.includes(':') ? Number(value.replace(/,/g, '')) : null,
      capital: first < 128 ? first >= 65 && first <= 90 : value[0] !== value[0].toLowerCase(),
      glued: start === previousEnd,
    });
    previousEnd = start + value.length;
  }
  return tokens;
}
