// What the candidate finder knows of a document: its tokens' flags (word, capitalised, first name,
// sentence-initial…), the shouty sentences, and the candidate and vote types it produces.
import { lowerOf, type NlpDoc, type Token } from '../nlp.ts';
import { AFFILIATION, DATELINE_HEADER, mayHoldAffiliation } from './affiliation.ts';
import { isFirstName, placeOfKey } from './gazetteer.ts';
import { isCapitalised, isLowerInitial, isPlainName, nameKey } from './names.ts';

export interface Votes {
  person: number;
  organization: number;
  place: number;
  other: number;
}

export interface Candidate {
  /** Token range of the name itself (roles excluded), inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** nameKey(text), worked out once: every later step compares names by it. */
  key: string;
  /** nameWords(text), filled in by the registry on first use. */
  words?: readonly string[];
  roles: string[];
  votes: Votes;
  /** Sentence-initial, headline or over-long: kept only when it names something already known. */
  weak: boolean;
  acronym: boolean;
  /** Canonical gazetteer place, when the whole name is one. */
  place: string | null;
  /** A title with no name after it ("President", "Secretary of State"): resolved to a person. */
  titleOnly: boolean;
  /** For an acronym in parentheses right after a name: that name's candidate index. */
  expands?: number;
  /** Inside page furniture (a caption, a credit): kept only when it names something known. */
  furniture?: boolean;
  /** "The Donald": a single word after a capitalised "The", a nickname of a known person. */
  nickname?: boolean;
  /** "Mr." / "Mrs.", "Ms." before the name: which person a bare surname may be. */
  courtesy?: 'male' | 'female';
}

export const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'y']);
const OPENING_PUNCTUATION = /^[\p{Pi}\p{Ps}"'“‘«—–-]+$/u;

/** Only quotes, brackets or dashes; a word starting with an ASCII letter or digit is none, without the pattern. */
function isOpeningPunctuation(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return false;
  return OPENING_PUNCTUATION.test(text);
}

/** What the extractor needs to know about the document beyond its tokens. */
export interface DocContext {
  doc: NlpDoc;
  /**
   * For each token index, the bits SKIPPED, WORD, NAME_TOKEN, SENTENCE_INITIAL, CAPITALISED_WORD,
   * LONG_WORD, NO_LOWER_CASE and the remembered first-name answer. One array for all: a typed
   * array is dear to allocate, and one is made per document.
   */
  tokenFlags: Uint16Array;
  /** Normal forms seen written in lower case: a sentence-initial "Video" is then an ordinary word. */
  lowerWords: Set<string>;
  /** For each sentence index: 1 when it is in capitals or title case (headlines), where capitals say nothing. */
  shouty: number[];
  /** Indices of the tokens that lower-case to "the", in order ("the department" is looked for after them). */
  definiteArticles: number[];
}

/** Never part of a name (dateline header, "D-Ill." affiliations). */
const SKIPPED = 1;
/** A word with a letter (see isWord). */
const WORD = 2;
/** A capitalised word without digits, outside skipped spans (see isNameToken). */
const NAME_TOKEN = 4;
/** The first word of its sentence. */
const SENTENCE_INITIAL = 8;
/** A word (see WORD) starting with a capital letter (see isCapitalised). */
const CAPITALISED_WORD = 16;
/** isFirstName of the token's text has been asked (FIRST_NAME holds the answer). */
const FIRST_NAME_KNOWN = 32;
const FIRST_NAME = 64;
/** A word (see WORD) of two or more characters, the words the headline test counts. */
const LONG_WORD = 128;
/** A LONG_WORD without a lower-case letter ("NASA", "SAVE"). */
const NO_LOWER_CASE = 256;

export function isSkipped(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & SKIPPED) !== 0;
}

export function isSentenceInitial(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & SENTENCE_INITIAL) !== 0;
}

export function emptyVotes(): Votes {
  return { person: 0, organization: 0, place: 0, other: 0 };
}

const LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u1FFF\u2C00-\uFFEF]/;

/** Has a letter (see LETTER); a word starting with an ASCII letter is answered without the pattern. */
function hasLetter(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return (c >= 97 && c <= 122) || LETTER.test(text);
}

const LOWER_CASE_LETTER = /\p{Ll}/u;

/** Has a lower-case letter; ASCII words are answered over char codes, without the pattern. */
function hasLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return LOWER_CASE_LETTER.test(text);
  }
  return false;
}

export function isWord(t: Token | undefined): t is Token {
  return !!t && t.type === 'word' && hasLetter(t.text);
}

/** isWord of the token at `i`, read from the flags documentContext worked out once per token. */
export function isWordAt(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & WORD) !== 0;
}

/** isWordAt and isCapitalised, read from the token's flags. */
export function isCapitalisedWordAt(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & CAPITALISED_WORD) !== 0;
}

/** isFirstName of the token at `i`: the same tokens are asked several times per run, so the answer is kept in its flags. */
export function isFirstNameAt(ctx: DocContext, i: number): boolean {
  const flags = ctx.tokenFlags[i];
  if (flags & FIRST_NAME_KNOWN) return (flags & FIRST_NAME) !== 0;
  const answer = isFirstName(ctx.doc.tokens[i].text);
  ctx.tokenFlags[i] = flags | FIRST_NAME_KNOWN | (answer ? FIRST_NAME : 0);
  return answer;
}

export function isNameToken(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & NAME_TOKEN) !== 0;
}

/**
 * A token's lower-cased text with straight apostrophes, for word-list lookups. (Not wink's
 * `normal`, which also respells words: "Vice" → "vise".)
 */
export function low(t: Token | undefined): string {
  return t ? lowerOf(t) : '';
}

export const plain = low;

/**
 * placeName of one token's text. A plain word's key is its lower case (see nameKey), which the
 * token keeps already: no new string to make and hash.
 */
export function placeOfToken(t: Token): string | null {
  return placeOfKey(keyOfToken(t), t.text);
}

/** nameKey of one token's text; a plain word's key is the lower case the token keeps. */
export function keyOfToken(t: Token): string {
  return isPlainName(t.text) ? low(t) : nameKey(t.text);
}

/** Directly adjacent tokens (no space between), as in "Villegas-Gonzalez". */
export function touching(a: Token, b: Token): boolean {
  return a.end === b.start;
}
/** Marks SENTENCE_INITIAL the token that starts each sentence (only quotes or dashes before it). */
function markSentenceInitial(doc: NlpDoc, tokenFlags: Uint16Array): void {
  for (const s of doc.sentences) {
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (!t) break;
      if (t.pos === 'SPACE' || isOpeningPunctuation(t.text)) continue;
      tokenFlags[i] |= SENTENCE_INITIAL;
      break;
    }
  }
}

function computeShouty(doc: NlpDoc, tokenFlags: Uint16Array): number[] {
  const flags: number[] = [];
  for (let n = 0; n < doc.sentences.length; n++) {
    const s = doc.sentences[n];
    let words = 0;
    let capitals = 0;
    let upper = 0;
    let commonCapitals = 0;
    // Read from the token flags: only capitalised words need their token read again.
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const bits = tokenFlags[i];
      if ((bits & LONG_WORD) === 0) continue;
      words++;
      const capitalised = (bits & CAPITALISED_WORD) !== 0;
      if (capitalised) capitals++;
      // Capitalised verbs and nouns after the first word: title case, not a list of names.
      if (words > 1 && capitalised && doc.tokens[i].pos !== 'PROPN') commonCapitals++;
      if (bits & NO_LOWER_CASE) upper++;
    }
    const allCapitals = words >= 3 && upper / words >= 0.8;
    const titleCase = words >= 4 && capitals / words >= 0.75 && commonCapitals >= 2;
    flags.push(allCapitals || titleCase ? 1 : 0);
  }
  return flags;
}

/** Has an ASCII digit (what /\d/ matches), checked over char codes. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export function documentContext(doc: NlpDoc): DocContext {
  const tokenFlags = new Uint16Array(doc.tokens.length);
  const skipSpans: Array<[number, number]> = [];
  const header = DATELINE_HEADER.exec(doc.text);
  if (header) skipSpans.push([0, header[0].length]);
  // The look-behind pattern is slow to try at every offset: run it only where a party letter and hyphen occur.
  if (mayHoldAffiliation(doc.text)) for (const m of doc.text.matchAll(AFFILIATION)) skipSpans.push([m.index, m.index + m[0].length]);
  const lowerWords = new Set<string>();
  const definiteArticles: number[] = [];
  let s = 0;
  skipSpans.sort((a, b) => a[0] - b[0]);
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    while (s < skipSpans.length && skipSpans[s][1] <= t.start) s++;
    const skipped = s < skipSpans.length && t.start >= skipSpans[s][0] && t.end <= skipSpans[s][1];
    if (skipped) tokenFlags[i] = SKIPPED;
    // Only "the"/"The"/"THE" lower-cases to "the": other lengths need no lower-casing.
    if (t.text.length === 3 && low(t) === 'the') definiteArticles.push(i);
    if (t.type !== 'word') continue;
    if (isLowerInitial(t.text)) lowerWords.add(low(t));
    if (!hasLetter(t.text)) continue;
    tokenFlags[i] |= WORD;
    if (t.text.length >= 2) tokenFlags[i] |= hasLowerCase(t.text) ? LONG_WORD : LONG_WORD | NO_LOWER_CASE;
    if (!isCapitalised(t.text)) continue;
    tokenFlags[i] |= CAPITALISED_WORD;
    if (!skipped && !hasDigit(t.text)) tokenFlags[i] |= NAME_TOKEN;
  }
  markSentenceInitial(doc, tokenFlags);
  return { doc, tokenFlags, lowerWords, shouty: computeShouty(doc, tokenFlags), definiteArticles };
}

export function slice(ctx: DocContext, first: number, last: number): string {
  return ctx.doc.text.slice(ctx.doc.tokens[first].start, ctx.doc.tokens[last].end);
}
