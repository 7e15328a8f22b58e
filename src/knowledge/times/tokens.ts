// A small tokeniser of its own: time grammar needs to see hyphens and periods as tokens and
// to know whether a token touches the previous one ("third-quarter", "Sept.", "1990s").
/** A token of the time grammar. Its text and lower case are made when first read: the grammar
 * reads the words around possible starts only, and most tokens are never asked. */
export class TimeToken {
  private textValue: string | undefined = undefined;
  private lowerText: string | undefined = undefined;
  constructor(
    /** The text the token is in. */
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    /** Numeric value of a digit token ("1,200" → 1200), else null. */
    readonly num: number | null,
    /** Starts with an upper-case letter. */
    readonly capital: boolean,
    /** No whitespace between this token and the previous one. */
    readonly glued: boolean,
    /** Made of ASCII letters only: its lower case has its length and first letter. */
    readonly plain: boolean,
  ) {}

  /** Text as in the source. */
  get text(): string {
    if (this.textValue === undefined) this.textValue = this.source.slice(this.start, this.end);
    return this.textValue;
  }

  /** Lower case. */
  get lower(): string {
    if (this.lowerText === undefined) this.lowerText = this.text.toLowerCase();
    return this.lowerText;
  }

  /** The UTF-16 code of the character at `offset` within the token (NaN past its end). */
  charCodeAt(offset: number): number {
    return offset < this.end - this.start ? this.source.charCodeAt(this.start + offset) : NaN;
  }
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

/** End of the run of ASCII letters starting at `at`. */
function asciiLettersEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  return end;
}

/**
 * End of the token starting at `at` (a character that is not white space), as TOKEN would
 * match it. ASCII digits and marks are scanned by hand (letters in tokenize); a token that
 * starts with or runs into a non-ASCII character is left to the pattern.
 */
function tokenEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (isDigit(c)) {
    let end = at + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    for (;;) {
      const sep = text.charCodeAt(end);
      if ((sep !== 58 && sep !== 46 && sep !== 44) || !isDigit(text.charCodeAt(end + 1))) return end;
      end += 2;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
  } else if (c < 128 && !isAsciiLetter(c)) {
    return at + 1;
  }
  return patternEnd(text, at);
}

function patternEnd(text: string, at: number): number {
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(text);
  return m ? at + m[0].length : at + 1;
}

/** The value of a token of digits ("1,200" → 1200); a clock time ("10:30") has none. */
function numberValue(digits: string): number | null {
  return digits.includes(':') ? null : Number(digits.replace(/,/g, ''));
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
    let end: number;
    let plain = false;
    if (isAsciiLetter(c)) {
      // A word of ASCII letters ends at the first other character, unless that one is a
      // non-ASCII letter the word runs into ("Café"): then the pattern decides.
      const letters = asciiLettersEnd(text, start);
      end = letters === text.length || text.charCodeAt(letters) < 128 ? letters : patternEnd(text, start);
      plain = end === letters;
    } else {
      end = tokenEnd(text, start);
    }
    tokens.push(new TimeToken(
      text,
      start,
      end,
      isDigit(c) ? numberValue(text.slice(start, end)) : null,
      c < 128 ? c >= 65 && c <= 90 : text[start] !== text[start].toLowerCase(),
      start === previousEnd,
      plain,
    ));
    previousEnd = end;
    start = end;
  }
  return tokens;
}
