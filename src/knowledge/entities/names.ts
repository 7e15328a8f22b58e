// The name key, and small word-shape helpers shared by the entity extractor and resolveName.
import { ACRONYM_SKIP } from './lexicon.ts';


const UPPER_INITIAL = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** "Chicago", "McLaughlin", "U.S.", "ICE", "O'Brien": starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_INITIAL.test(word);
}

const LOWER_INITIAL = /^\p{Ll}/u;

/** Starts with a lower-case letter (ASCII checked without a regular expression). */
export function isLowerInitial(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_INITIAL.test(word);
}

/** Ends in one "s" after another letter, as /[^s]s$/ matches ("Cubs", not "Hess" or "s"). */
export function endsInSingleS(word: string): boolean {
  const n = word.length;
  return n >= 2 && word.charCodeAt(n - 1) === 115 && word.charCodeAt(n - 2) !== 115;
}

/** "ICE", "DHS", "U.S.", "AT&T": two or more capitals and no lower-case letter. */
export function isAcronym(word: string): boolean {
  // ASCII words (nearly all) are answered by counting capitals over char codes.
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return isAcronymByPattern(word);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals >= 2 && capitals <= 8;
}

function isAcronymByPattern(word: string): boolean {
  if (HAS_LOWER.test(word)) return false;
  const letters = word.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 2 && letters.length <= 8;
}

/** Generational suffixes that belong to a person's name but are not the surname. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The words of a name, hyphenated parts kept together ("Silverio", "Villegas-Gonzalez"). */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let from = 0;
  let letter = false;
  // ASCII names (nearly all) are split in one pass over char codes; others by the patterns.
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 32;
    if (c >= 128) return name.split(/\s+/).filter((w) => HAS_LETTER.test(w));
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (letter) words.push(name.slice(from, i));
      from = i + 1;
      letter = false;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letter = true;
    }
  }
  return words;
}

const HAS_LETTER = /[\p{L}]/u;
const HYPHEN = /[-‐–]/;

/** The surname keys of a person's name: the last word and, if hyphenated, each of its parts. */
export function surnameKeys(name: string): string[] {
  return surnameKeysOfWords(nameWords(name));
}

/** surnameKeys of a name already split by nameWords (the list is not changed). */
export function surnameKeysOfWords(nameWordList: readonly string[]): string[] {
  const words = nameWordList.slice();
  while (words.length > 1 && NAME_SUFFIXES.has(nameKey(words[words.length - 1]))) words.pop();
  if (words.length < 2) return [];
  const last = words[words.length - 1];
  const keys = [nameKey(last)];
  // Most surnames have no hyphen to split at.
  if (!HYPHEN.test(last)) return keys;
  const parts = last.split(/[-‐–]/).filter(Boolean);
  if (parts.length > 1) for (const part of parts) keys.push(nameKey(part));
  return keys;
}

/** The letters an acronym of this name would have ("Immigration and Customs Enforcement" → "ice"). */
export function initialsOf(name: string): string {
  return initialsOfWords(nameWords(name));
}

/** initialsOf a name already split by nameWords. */
export function initialsOfWords(nameWordList: readonly string[]): string {
  let initials = '';
  let count = 0;
  for (const w of nameWordList) {
    // Skipped words are short: a longer word needs no lower-casing to be kept.
    if (w.length <= ACRONYM_SKIP_MAX_LENGTH && ACRONYM_SKIP.has(w.toLowerCase())) continue;
    initials += w.charAt(0);
    count++;
  }
  return count < 2 ? '' : initials.toLowerCase();
}

const ACRONYM_SKIP_MAX_LENGTH = Math.max(...[...ACRONYM_SKIP].map((w) => w.length));

/** An acronym's letters in lower case ("U.S." → "us"). */
export function acronymLetters(word: string): string {
  return word.replace(/[^\p{L}]/gu, '').toLowerCase();
}

/** Name keys already computed (bounded below). */
const keyCache = new Map<string, string>();

/**
 * Plain ASCII words (letters, digits, "&", "-") separated by single spaces: their key is just
 * the lower case. Checked by char codes, as /^[A-Za-z0-9&-]+(?: [A-Za-z0-9&-]+)*$/ would.
 */
export function isPlainName(name: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 45) {
      afterSpace = false;
    } else {
      return false;
    }
  }
  return !afterSpace;
}

/**
 * The one key every name of an article is compared by: lower-case, no dots, one space, straight
 * apostrophes, no possessive ("Trump's" and "trump" → "trump", "U.S." → "us").
 */
export function nameKey(name: string): string {
  if (isPlainName(name)) return name.toLowerCase();
  let key = keyCache.get(name);
  if (key === undefined) {
    // Bounded: names repeat within and across articles, but a long-running bot must not grow forever.
    if (keyCache.size > 50_000) keyCache.clear();
    key = computeKey(name);
    keyCache.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/i, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
