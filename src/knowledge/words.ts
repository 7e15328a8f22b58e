// One definition of a word for reading text without the tagger: a run of letters and digits
// (/[\p{L}\p{N}]+/u), so "U.S." is "u" and "s", "don't" is "don" and "t", "COVID-19" is "covid"
// and "19". The summary's scoring and the event's checks against the body count words this way,
// as core's search terms do (library.ts terms()).

/** A word: a run of Unicode letters and digits (global: use with match / matchAll). */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased runs of letters and digits of a text, as /[\p{L}\p{N}]+/gu finds them. */
export function lowerWords(text: string): string[] {
  const lower = text.toLowerCase();
  // ASCII text is scanned by hand (its only letters and digits are a-z and 0-9 once lower-cased);
  // any other character hands the text to the Unicode pattern.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 128) return lower.match(WORD) ?? [];
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar && start < 0) start = i;
    else if (!wordChar && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

/** The words of a text as written, in order. */
export function wordsIn(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** A letter in any script, tested one code point at a time. */
const LETTER = /\p{L}/u;

/** Whether the code point starting at i is a letter (false past the end). */
function letterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** Whether the code point ending right before i is a letter (a surrogate pair read whole). */
function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  const pair = (c & 0xfc00) === 0xdc00 && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
  return letterAt(text, pair ? i - 2 : i - 1);
}

/**
 * Whether `word` occurs in `text`, exactly as written, with no letter right before or after it
 * ("state" in "the state's" and "state-run", not in "statement" or "estate"): what the pattern
 * /(?<!\p{L})word(?!\p{L})/u finds, without compiling one pattern per word.
 */
export function occursAsWord(text: string, word: string): boolean {
  if (!word) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!letterBefore(text, at) && !letterAt(text, at + word.length)) return true;
  }
  return false;
}
