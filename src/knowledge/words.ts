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
