// Finding name candidates: runs of capitalised tokens (with the connectors names contain),
// split into roles (titles, honorifics, party) and the name itself, with kind votes from the
// run's shape, the gazetteers and the words around it. One left-to-right pass over tokens.
import { lowerOf, type NlpDoc, type Token } from '../nlp.ts';
import { isFirstName, isPlainName, placeName, placeOfKey } from './gazetteer.ts';
import {
  DEMONYM_SUFFIX, KNOWN_ACRONYMS, KNOWN_ORGS, NOT_ACRONYMS, NOT_NAMES, OF_HEADS, ORG_HEADS,
  PARTY_WORDS, PLACE_HEADS, PLACE_PREPOSITIONS, SPEECH_VERBS, TITLES, TITLE_HEADS,
  OTHER_HEADS, TITLE_MODIFIERS, isLowerDemonym, isHonorific, isStateAbbreviation,
  ORG_OF_HEADS, PHOTO_CREDITS, PLACE_OF_HEADS, RELATIONAL_NOUNS, RELATION_DETERMINERS, SENTENCE_CUE_VERBS,
  COURTESY_TITLES, INTERJECTIONS, SENTENCE_OPENERS, TENSE_MODIFIERS,
} from './lexicon.ts';
import { FURNITURE, furnitureSentences } from '../furniture.ts';
import { NAME_SUFFIXES, acronymLetters, endsInSingleS, initialsOf, isAcronym, isCapitalised, isLowerInitial, nameKey, nameWords } from './names.ts';

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

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'y']);
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

function isSkipped(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & SKIPPED) !== 0;
}

function isSentenceInitial(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & SENTENCE_INITIAL) !== 0;
}

function emptyVotes(): Votes {
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

function isWord(t: Token | undefined): t is Token {
  return !!t && t.type === 'word' && hasLetter(t.text);
}

/** isWord of the token at `i`, read from the flags documentContext worked out once per token. */
function isWordAt(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & WORD) !== 0;
}

/** isWordAt and isCapitalised, read from the token's flags. */
function isCapitalisedWordAt(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & CAPITALISED_WORD) !== 0;
}

/** isFirstName of the token at `i`: the same tokens are asked several times per run, so the answer is kept in its flags. */
function isFirstNameAt(ctx: DocContext, i: number): boolean {
  const flags = ctx.tokenFlags[i];
  if (flags & FIRST_NAME_KNOWN) return (flags & FIRST_NAME) !== 0;
  const answer = isFirstName(ctx.doc.tokens[i].text);
  ctx.tokenFlags[i] = flags | FIRST_NAME_KNOWN | (answer ? FIRST_NAME : 0);
  return answer;
}

function isNameToken(ctx: DocContext, i: number): boolean {
  return (ctx.tokenFlags[i] & NAME_TOKEN) !== 0;
}

/**
 * A token's lower-cased text with straight apostrophes, for word-list lookups. (Not wink's
 * `normal`, which also respells words: "Vice" → "vise".)
 */
export function low(t: Token | undefined): string {
  return t ? lowerOf(t) : '';
}

const plain = low;

/**
 * placeName of one token's text. A plain word's key is its lower case (see nameKey), which the
 * token keeps already: no new string to make and hash.
 */
function placeOfToken(t: Token): string | null {
  return placeOfKey(keyOfToken(t), t.text);
}

/** nameKey of one token's text; a plain word's key is the lower case the token keeps. */
function keyOfToken(t: Token): string {
  return isPlainName(t.text) ? low(t) : nameKey(t.text);
}

/** Directly adjacent tokens (no space between), as in "Villegas-Gonzalez". */
function touching(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/** Where a run starting at `from` ends, and which "and"/"&" connectors it crossed. */
function scanRun(ctx: DocContext, from: number, lastInSentence: number): { end: number; ands: number[] } {
  const tokens = ctx.doc.tokens;
  let end = from;
  const ands: number[] = [];
  let j = from + 1;
  while (j <= lastInSentence) {
    if (isNameToken(ctx, j)) {
      end = j;
      j++;
      continue;
    }
    const t = tokens[j];
    const prev = tokens[j - 1];
    const next = tokens[j + 1];
    if (j + 1 > lastInSentence || !next) break;
    if ((t.text === '-' || t.text === '‐') && touching(prev, t) && touching(t, next) && isNameToken(ctx, j + 1)) {
      end = j + 1;
      j += 2;
      continue;
    }
    if ((low(t) === 'of' && OF_HEADS.has(low(prev))) || (low(t) === 'for' && (ORG_HEADS.has(low(prev)) || OF_HEADS.has(low(prev))))) {
      if (isNameToken(ctx, j + 1) && low(tokens[j + 1]) !== 'the') {
        end = j + 1;
        j += 2;
        continue;
      }
      if (low(next) === 'the' && j + 2 <= lastInSentence && isNameToken(ctx, j + 2)) {
        end = j + 2;
        j += 3;
        continue;
      }
    }
    if ((low(t) === 'and' || t.text === '&') && isNameToken(ctx, j + 1)) {
      ands.push(j);
      end = j + 1;
      j += 2;
      continue;
    }
    if (PARTICLES.has(t.text) && isNameToken(ctx, j + 1)) {
      end = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  return { end, ands };
}

/** "Immigration and Customs Enforcement (ICE)": the acronym in parentheses after a run, if any. */
function parenthesisedAcronym(ctx: DocContext, end: number): number | null {
  const tokens = ctx.doc.tokens;
  if (tokens[end + 1]?.text !== '(' || tokens[end + 3]?.text !== ')') return null;
  const inner = tokens[end + 2];
  return inner && isAcronym(inner.text) ? end + 2 : null;
}

/** Splits a run at "and" unless the whole reads as one organisation. */
function splitAtAnd(ctx: DocContext, from: number, end: number, ands: number[]): Array<[number, number]> {
  if (ands.length === 0) return [[from, end]];
  const tokens = ctx.doc.tokens;
  const whole = ctx.doc.text.slice(tokens[from].start, tokens[end].end);
  const acronym = parenthesisedAcronym(ctx, end);
  const oneOrg =
    ORG_HEADS.has(low(tokens[end])) ||
    ands.every((j) => tokens[j].text === '&') ||
    (acronym !== null && acronymLetters(tokens[acronym].text) === initialsOf(whole));
  if (oneOrg) return [[from, end]];
  const parts: Array<[number, number]> = [];
  let start = from;
  for (const j of ands) {
    parts.push([start, j - 1]);
    start = j + 1;
  }
  parts.push([start, end]);
  return parts;
}

function slice(ctx: DocContext, first: number, last: number): string {
  return ctx.doc.text.slice(ctx.doc.tokens[first].start, ctx.doc.tokens[last].end);
}

/** Index of the first token after a title starting at `at`, given the run's end; or -1. */
function titleEnd(ctx: DocContext, at: number, end: number): number {
  const tokens = ctx.doc.tokens;
  if (!TITLE_HEADS.has(low(tokens[at]))) return -1;
  let j = at + 1;
  while (j <= end && TITLES.has(low(tokens[j])) && isCapitalised(tokens[j].text)) j++;
  // "Secretary of State Marco Rubio": the title runs to the first given name, or leaves two words.
  if (j <= end && low(tokens[j]) === 'of') {
    let k = j + 1;
    if (low(tokens[k]) === 'the') k++;
    const rest: number[] = [];
    for (let r = k; r <= end; r++) if (isCapitalisedWordAt(ctx, r)) rest.push(r);
    if (rest.length === 0) return j;
    // "President of the United States", "Governor of New Mexico": a place ends the title.
    for (let n = Math.min(rest.length - 1, 3); n >= 0; n--) {
      if (placeName(ctx.doc.text.slice(tokens[rest[0]].start, tokens[rest[n]].end))) return rest[n] + 1;
    }
    for (let n = 1; n < rest.length; n++) if (isFirstNameAt(ctx, rest[n])) return rest[n];
    if (rest.length >= 3) return rest[rest.length - 2];
    if (rest.length === 2) return rest[1];
    return end + 1;
  }
  return j;
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

// The seed format's header "date 2025-09-13 (Author, Outlet)" when it was left in the text.
const DATELINE_HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*\([^()\n]*\)/i;
// "D-Ill.", "R-Texas", "I-Vt." after a comma or in parentheses.
const STATE_PART = String.raw`[RDI]\s?-\s?(?:[A-Z]\.[A-Z]\.|[A-Z][A-Za-z]{0,12}\.?)(?:\s[A-Z][a-z]{1,12}\.?)?`;
const AFFILIATION = new RegExp(String.raw`(?<=[,(]\s?)${STATE_PART}(?=\s*[,);.]|\s*$)`, 'g');
const SPACE = /\s/;

function isPartyLetter(c: number): boolean {
  return c === 82 || c === 68 || c === 73; // R, D, I
}

function isAsciiCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && SPACE.test(text[i]);
}

/**
 * Whether /[RDI]\s?-\s?[A-Z]/ matches somewhere in the text: a party letter and a hyphen, as in
 * "D-Ill.". Only the hyphens are looked at, found by indexOf, rather than trying a pattern at
 * every offset.
 */
function mayHoldAffiliation(text: string): boolean {
  for (let p = text.indexOf('-'); p >= 0; p = text.indexOf('-', p + 1)) {
    const party = isPartyLetter(text.charCodeAt(p - 1)) || (isSpaceAt(text, p - 1) && isPartyLetter(text.charCodeAt(p - 2)));
    if (!party) continue;
    if (isAsciiCapital(text.charCodeAt(p + 1)) || (isSpaceAt(text, p + 1) && isAsciiCapital(text.charCodeAt(p + 2)))) return true;
  }
  return false;
}
const AFFILIATION_AFTER = new RegExp(String.raw`^\s*[,(]\s?(${STATE_PART})(?=\s*[,);.]|\s*$)`);

export function affiliationAfter(text: string, end: number): string | null {
  // Most names are followed by neither a comma nor a parenthesis: no slice and no pattern then.
  let k = end;
  while (k < end + 40 && isSpaceAt(text, k)) k++;
  const next = text.charCodeAt(k);
  if (next !== 44 && next !== 40) return null; // "," or "("
  const m = AFFILIATION_AFTER.exec(text.slice(end, end + 40));
  return m ? m[1] : null;
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

/** Lower-case titles right before a name ("spokesman Tom Smith"): the role's text, or null. */
function lowerCaseTitleBefore(ctx: DocContext, first: number): string | null {
  const tokens = ctx.doc.tokens;
  const prev = tokens[first - 1];
  // "Chief executive Ines Roth", "attorney general Ann Lee": the modifier word ends a two-word title.
  const opener = tokens[first - 2];
  if (isWord(prev) && !isCapitalised(prev.text) && TITLE_ENDINGS.has(low(prev)) && isWord(opener) && TITLE_OPENERS.has(low(opener)) &&
    opener.sentence === prev.sentence) return `${low(opener)} ${low(prev)}`;
  if (!isWord(prev) || isCapitalised(prev.text) || !TITLE_HEADS.has(low(prev)) || TITLE_MODIFIERS.has(low(prev))) return null;
  let from = first - 1;
  while (from > 0 && isWordAt(ctx, from - 1) && !isCapitalised(tokens[from - 1].text) && TITLES.has(low(tokens[from - 1]))) from--;
  // A noun that says of what: "operations manager", "sales director", "campaign spokesman".
  const what = tokens[from - 1];
  if (from === first - 1 && isWord(what) && !isCapitalised(what.text) && what.pos === 'NOUN' && what.sentence === prev.sentence) from--;
  return slice(ctx, from, first - 1);
}

/** Two-word titles whose last word is otherwise a modifier ("chief executive", "attorney general"). */
const TITLE_OPENERS = new Set(['chief', 'attorney', 'surgeon', 'inspector', 'postmaster', 'secretary', 'solicitor']);
const TITLE_ENDINGS = new Set(['executive', 'general']);

/** The text between two offsets is exactly one space (checked without slicing). */
function oneSpaceBetween(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}

const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/**
 * A lower-case kinship or relational noun right before a name, after a possessive or a
 * determiner ("her sister-in-law Kasia Smith", "the family's lawyer Tom Ames"): the role's text.
 */
function relationBefore(ctx: DocContext, first: number): string | null {
  const tokens = ctx.doc.tokens;
  const end = first - 1;
  const nounEnd = tokens[end];
  if (!isWord(nounEnd) || isCapitalised(nounEnd.text) || isAcronym(tokens[first].text)) return null;
  // Same line, one space apart: "the child\n\nRescue efforts" is no relation.
  if (nounEnd.sentence !== tokens[first].sentence || !oneSpaceBetween(ctx.doc.text, nounEnd.end, tokens[first].start)) return null;
  // Hyphenated compounds come as several touching tokens ("sister", "-", "in", "-", "law").
  let from = end;
  while (from >= 2 && tokens[from - 1].text === '-' && touching(tokens[from - 2], tokens[from - 1]) && touching(tokens[from - 1], tokens[from]) &&
      isWordAt(ctx, from - 2)) from -= 2;
  if (!RELATIONAL_NOUNS.has(slice(ctx, from, end).toLowerCase())) return null;
  // Up to two adjectives ("younger brother", "longtime friend").
  let k = from - 1;
  while (k >= 0 && from - k <= 2 && isWordAt(ctx, k) && !isCapitalised(tokens[k].text) && tokens[k].pos === 'ADJ') { from = k; k--; }
  const det = tokens[from - 1];
  if (!det) return null;
  const owned = RELATION_DETERMINERS.has(low(det)) || POSSESSIVE_MARKS.has(low(det));
  return owned ? slice(ctx, from, end) : null;
}

const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/** A lower-case letter right before a capital ("PayPal"); ASCII words are checked over char codes. */
function hasInnerCapital(word: string): boolean {
  let lowerBefore = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return INNER_CAPITAL.test(word);
    if (lowerBefore && c >= 65 && c <= 90) return true;
    lowerBefore = c >= 97 && c <= 122;
  }
  return false;
}

// Loops over a run's token indices, written as functions of their own so that voteKind
// makes no closures per candidate.

/** Some token is "of" or "for". */
function hasOfOrFor(tokens: Token[], idx: number[]): boolean {
  for (const i of idx) if (low(tokens[i]) === 'of' || low(tokens[i]) === 'for') return true;
  return false;
}

/** A capitalised organisation head before the last token ("Department of Justice"). */
function hasOrgHeadBeforeLast(tokens: Token[], idx: number[]): boolean {
  for (let n = 0; n < idx.length - 1; n++) if (ORG_HEADS.has(low(tokens[idx[n]])) && isCapitalised(tokens[idx[n]].text)) return true;
  return false;
}

const SURNAME_PREFIX_CAPITAL = /^(?:Mc|Mac|De|Di|Le|La|Van|O')\p{Lu}/u;

/** Brand-like inner capitals ("SiriusXM", "PayPal"), not "McLaughlin" or "DeSantis". */
function hasBrandCapitals(tokens: Token[], words: number[]): boolean {
  for (const i of words) if (hasInnerCapital(tokens[i].text) && !SURNAME_PREFIX_CAPITAL.test(tokens[i].text)) return true;
  return false;
}

function hasAcronym(tokens: Token[], words: number[]): boolean {
  for (const i of words) if (isAcronym(tokens[i].text)) return true;
  return false;
}

/** Every word a particle, or no acronym, never written in lower case here and no place ("Dainis Ivans"). */
function allPlainNameWords(ctx: DocContext, words: number[]): boolean {
  const tokens = ctx.doc.tokens;
  for (const i of words) {
    const t = tokens[i];
    if (PARTICLES.has(t.text)) continue;
    if (isAcronym(t.text) || ctx.lowerWords.has(low(t)) || placeOfToken(t)) return false;
  }
  return true;
}

/**
 * Kind votes for a name from its own words and the words around it. `words` are the run's word
 * tokens, `text` and `key` the run's text and nameKey (as pushCandidate has them already).
 */
function voteKind(ctx: DocContext, idx: number[], words: number[], text: string, key: string, titled: boolean, place: string | null): Votes {
  const tokens = ctx.doc.tokens;
  const votes = emptyVotes();
  const firstTok = tokens[idx[0]];
  const lastTok = tokens[idx[idx.length - 1]];
  if (place) votes.place += 3;
  // "Port of Brenton", "University of Marrowfield": the head before "of" says what it is.
  const ofHead = words.length > 1 && low(tokens[idx[0] + 1]) === 'of' ? low(firstTok) : '';
  if (PLACE_OF_HEADS.has(ofHead) && !ORG_HEADS.has(low(lastTok))) votes.place += 3;
  if (ORG_OF_HEADS.has(ofHead)) votes.organization += 3;
  if (ORG_HEADS.has(low(lastTok)) || KNOWN_ORGS.has(key)) votes.organization += 3;
  // "Department of Justice", "Center for Transatlantic Relations": the head comes first.
  else if (words.length > 2 && hasOfOrFor(tokens, idx) && hasOrgHeadBeforeLast(tokens, idx)) votes.organization += 3;
  if (hasBrandCapitals(tokens, words)) votes.organization += 1;
  if (PLACE_HEADS.has(low(lastTok)) && words.length > 1) votes.place += 3;
  // "Chicago Cubs", "New York Yankees": a place and a plural is a team, not a person.
  if (words.length > 1 && !place && endsInSingleS(lastTok.text) && !PLACE_HEADS.has(low(lastTok)) && !isLowerDemonym(low(lastTok)) && placeName(slice(ctx, idx[0], words[words.length - 2]))) votes.organization += 3;
  if (titled) votes.person += 3;
  if (words.length > 1 && isFirstNameAt(ctx, idx[0]) && !ofHead) votes.person += 2;
  // Context: "in Chicago", "Chicago-based", "Franklin Park, Ill.", "DHS said".
  const before = tokens[idx[0] - 1];
  const after = tokens[idx[idx.length - 1] + 1];
  const after2 = tokens[idx[idx.length - 1] + 2];
  if (before && PLACE_PREPOSITIONS.has(low(before)) && !titled && words.length === 1) votes.place += 1;
  // "the mayor of Brenton", "the town of Dunmore", "residents of Marlow": what such a word is of is a place.
  if (before && low(before) === 'of' && !titled && PLACE_OWNERS.has(low(tokens[idx[0] - 2]))) votes.place += 2;
  if (after?.text === '-' && low(after2) === 'based' && touching(lastTok, after)) votes.place += 2;
  if (after?.text === ',' && after2 && (isStateAbbreviation(after2.text) || (placeOfToken(after2) && isCapitalised(after2.text))) &&
      isCapitalised(after2.text) && !titled) votes.place += 2;
  const speechAfter = after !== undefined && SPEECH_VERBS.has(low(after));
  if (speechAfter) votes.person += 0.5;
  // Speech context only speaks for short plain names, not "MSNBC Political Correspondent Ann Lee".
  const plainName = words.length >= 2 && words.length <= 3 && !place && !hasAcronym(tokens, words);
  if (!speechAfter && plainName && speaksAfterApposition(ctx, idx[idx.length - 1])) votes.person += 0.5;
  // '"...," said Mitt Romney', "according to Mitt Romney".
  if (plainName && before && (low(before) === 'said' || low(before) === 'says' ||
      (low(before) === 'to' && low(tokens[idx[0] - 2]) === 'according'))) votes.person += 0.5;
  // Two or three plain capitalised words never written in lower case here ("Dainis Ivans"), with
  // nothing saying organisation or place: most likely a person.
  if (words.length >= 2 && words.length <= 3 && votes.organization === 0 && votes.place === 0 && votes.other === 0 && !titled &&
      allPlainNameWords(ctx, words)) votes.person += 0.5;
  // "FLINT, Mich." — the state abbreviation itself.
  if (words.length === 1 && before?.text === ',' && isStateAbbreviation(firstTok.text) && /\.|^\p{Lu}\p{Ll}/u.test(firstTok.text + (after?.text === '.' ? '.' : ''))) votes.place += 3;
  if (OTHER_HEADS.has(low(lastTok)) && words.length > 1 && votes.organization === 0) votes.other += 3;
  // A lone given name never written in lower case here ("Laura"): a person.
  if (words.length === 1 && isFirstNameAt(ctx, idx[0]) && !place && !ctx.lowerWords.has(low(firstTok))) votes.person += 1;
  return votes;
}

/** "Mitt Romney, 70, a former governor, said": a speech verb right after the apposition closes. */
function speaksAfterApposition(ctx: DocContext, last: number): boolean {
  const tokens = ctx.doc.tokens;
  if (tokens[last + 1]?.text !== ',') return false;
  const sentence = tokens[last].sentence;
  for (let j = last + 2; j < tokens.length && j <= last + 14 && tokens[j].sentence === sentence; j++) {
    if (tokens[j].text === ',' && SPEECH_VERBS.has(low(tokens[j + 1]))) return true;
  }
  return false;
}

const GALLERY_COUNTER = /^\d+\/\d+$/;

/** Drops non-words from the start of a run's token indices, and non-words or lower-case words from its end (in place). */
function dropEdges(ctx: DocContext, idx: number[]): void {
  while (idx.length && !isWordAt(ctx, idx[0])) idx.shift();
  while (idx.length && !isCapitalisedWordAt(ctx, idx[idx.length - 1])) idx.pop();
}

const MONTH_SURNAMES = new Set(['may', 'june', 'april', 'august']);

/** The run ends in a month name right after a given name ("Theresa May"): a surname, not a date. */
function surnameMonth(tokens: Token[], idx: number[]): boolean {
  if (idx.length < 2) return false;
  const last = idx[idx.length - 1];
  const before = idx[idx.length - 2];
  return before === last - 1 && MONTH_SURNAMES.has(low(tokens[last])) && isFirstName(tokens[before].text) && !NOT_NAMES.has(low(tokens[before]));
}

/** Titles held over a place ("Dunmore Mayor", "Ohio Gov."). */
const PLACE_TITLES = new Set(['mayor', 'governor', 'gov.', 'gov', 'sheriff', 'lt.', 'alderman', 'alderwoman', 'councilman', 'councilwoman', 'premier']);
/** Words that take a place after "of" ("the mayor of X", "the outskirts of X"). */
const PLACE_OWNERS = new Set(['mayor', 'governor', 'sheriff', 'city', 'town', 'village', 'county', 'province', 'state', 'suburb', 'suburbs',
  'outskirts', 'residents', 'capital', 'streets', 'centre', 'center', 'north', 'south', 'east', 'west', 'heart', 'citizens', 'people']);

/** Tags of words that cannot start a name ("Yesterday", "But", "Did"). */
const FUNCTION_TAGS = new Set(['AUX', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'PRON', 'PART', 'ADV']);

/** The roles read in front of a name so far (see addTitle). */
interface TitleState {
  roles: string[];
  /** "Retired", "Former" alone say nothing: they join the title that follows ("Former Ohio Gov."). */
  modifier: { first: number; last: number } | null;
  /** Where the last title piece ended, so "Lt." "Gen." read as one role "Lt. Gen.". */
  titleTokenEnd: number;
  titleStart: number;
}

/** Adds the title of tokens [first, last] to the roles, with a waiting modifier, or joins it to the title just before. */
function addTitle(ctx: DocContext, titles: TitleState, first: number, last: number): void {
  const modifier = titles.modifier;
  const from = modifier && modifier.last === first - 1 ? modifier.first : first;
  titles.modifier = null;
  const text = slice(ctx, from, last);
  const roles = titles.roles;
  if (titles.titleTokenEnd === from - 1 && roles.length > 0) roles[roles.length - 1] = slice(ctx, titles.titleStart, last);
  else {
    roles.push(text);
    titles.titleStart = from;
  }
  titles.titleTokenEnd = last;
}

/** Turns a run of tokens into zero, one or two candidates (an affiliation before a mid-run title). */
function analyseRun(ctx: DocContext, from: number, end: number, out: Candidate[]): void {
  const tokens = ctx.doc.tokens;
  let idx: number[] = [];
  for (let i = from; i <= end; i++) idx.push(i);
  const sentence = tokens[from].sentence;
  const shouty = ctx.shouty[sentence] === 1;
  // Ordinary capitalised words at the edges ("The", "But", "Friday"), greetings ("Hi Anna").
  while (idx.length && (NOT_NAMES.has(plain(tokens[idx[0]])) || INTERJECTIONS.has(low(tokens[idx[0]]))) && !PARTY_WORDS.has(low(tokens[idx[0]]))) {
    idx.shift();
    dropEdges(ctx, idx);
  }
  // "... Convention Center Among them": a sentence opener after a lost sentence break ends the name.
  // "Theresa May", "Brian May": a month right after a given name is a surname.
  while (idx.length && (NOT_NAMES.has(plain(tokens[idx[idx.length - 1]])) || SENTENCE_OPENERS.has(low(tokens[idx[idx.length - 1]]))) &&
      !isAcronym(tokens[idx[idx.length - 1]].text) && !surnameMonth(tokens, idx)) {
    idx.pop();
    dropEdges(ctx, idx);
  }
  if (idx.length === 0) return;
  // "Wembley Arena Getty 7/19": a gallery caption's photo credit is not part of the name before it.
  const lastWord = tokens[idx[idx.length - 1]];
  if (PHOTO_CREDITS.has(low(lastWord)) && GALLERY_COUNTER.test(tokens[idx[idx.length - 1] + 1]?.text ?? '')) {
    idx.pop();
    dropEdges(ctx, idx);
    if (idx.length === 0) return;
  }
  // 'Said Smith, "..."': a capitalised cue verb opening the sentence is not part of the name.
  if (isSentenceInitial(ctx, idx[0]) && SENTENCE_CUE_VERBS.has(low(tokens[idx[0]]))) {
    idx.shift();
    dropEdges(ctx, idx);
    if (idx.length === 0) return;
  }
  // A sentence-initial common word in front of a name ("Yesterday Smith ...").
  const head = tokens[idx[0]];
  const functionWord = FUNCTION_TAGS.has(head.pos) ||
    (head.pos === 'VERB' && ctx.lowerWords.has(low(head)));
  // "Poor Mexico", "Did Trump": a common word stuck to a name. After a lower-case word the capital is
  // deliberate: "the leaked Access Hollywood tapes" names a show, not Hollywood.
  const afterLowerWord = isWordAt(ctx, idx[0] - 1) && isLowerInitial(tokens[idx[0] - 1].text) && tokens[idx[0] - 1].sentence === sentence;
  if (idx.length > 1 && idx[1] === idx[0] + 1 && !isFirstNameAt(ctx, idx[0]) && !isHonorific(head.text) && !TITLE_HEADS.has(low(head)) &&
      !isAcronym(head.text) && !placeName(slice(ctx, idx[0], idx[idx.length - 1])) &&
      (((isSentenceInitial(ctx, idx[0]) || (head.pos !== 'PROPN' && !afterLowerWord)) && placeName(slice(ctx, idx[1], idx[idx.length - 1])) !== null) || functionWord)) {
    idx.shift();
  }
  if (idx.length > 1 && isSentenceInitial(ctx, idx[0]) && isNameToken(ctx, idx[0] + 1) && idx[1] === idx[0] + 1 &&
      !isHonorific(head.text) && !TITLE_HEADS.has(low(head)) && !PARTY_WORDS.has(low(head)) &&
      !ORG_HEADS.has(low(tokens[idx[idx.length - 1]])) && !placeOfToken(head) && !isAcronym(head.text) &&
      ctx.lowerWords.has(low(head))) {
    idx.shift();
  }
  // "Even Barack Obama", "Follow Jane Roe" inside captions and headlines: a word this article also
  // writes in lower case, stuck before a given name, is not part of the name.
  if (idx.length >= 3 && idx[1] === idx[0] + 1 && ctx.lowerWords.has(low(tokens[idx[0]])) &&
      (tokens[idx[0]].pos !== 'PROPN' || !isFirstNameAt(ctx, idx[0])) &&
      isFirstNameAt(ctx, idx[1]) && !isHonorific(tokens[idx[0]].text) && !TITLE_HEADS.has(low(tokens[idx[0]])) &&
      !PARTY_WORDS.has(low(tokens[idx[0]])) && !RELATIONAL_NOUNS.has(low(tokens[idx[0]])) && !isAcronym(tokens[idx[0]].text) &&
      !ORG_HEADS.has(low(tokens[idx[idx.length - 1]])) && !placeName(slice(ctx, idx[0], idx[1]))) {
    idx.shift();
  }
  if (idx.length === 0) return;

  const roles: string[] = [];
  // "Mother Jean Lee", "Actress Ann Lee" opening a sentence or caption: the capitalised noun is a role.
  if (idx.length >= 3 && (isSentenceInitial(ctx, idx[0]) || !isWordAt(ctx, idx[0] - 1)) && idx[1] === idx[0] + 1 && RELATIONAL_NOUNS.has(low(tokens[idx[0]])) &&
      !TITLE_HEADS.has(low(tokens[idx[0]])) && isFirstNameAt(ctx, idx[1])) {
    roles.push(tokens[idx[0]].text.toLowerCase());
    idx.shift();
  }
  const related = roles.length > 0;
  const orgShaped = ORG_HEADS.has(low(tokens[idx[idx.length - 1]]));
  let titled = related;
  let titleOnly = false;
  const titles: TitleState = { roles, modifier: null, titleTokenEnd: -2, titleStart: -1 };
  let courtesy: 'male' | 'female' | undefined;
  // Roles in front: party words, honorifics, titles ("Democrat Rep.", "Assistant Secretary").
  for (;;) {
    if (idx.length === 0) break;
    const t = tokens[idx[0]];
    const nextT = idx.length > 1 ? tokens[idx[1]] : undefined;
    if (PARTY_WORDS.has(low(t)) && nextT && !orgShaped &&
        (isHonorific(nextT.text) || TITLE_HEADS.has(low(nextT)) || isFirstNameAt(ctx, idx[1]) ||
         (idx.length >= 3 && !placeName(slice(ctx, idx[1], idx[idx.length - 1]))))) {
      roles.push(t.text);
      idx.shift();
      continue;
    }
    if (isHonorific(t.text) && !orgShaped) {
      // "Mr." tells nothing worth keeping as a role, but still marks a person.
      if (!COURTESY_TITLES.has(low(t))) addTitle(ctx, titles, idx[0], idx[0]);
      else courtesy = /^mr\.?$/.test(low(t)) ? 'male' : 'female';
      titled = true;
      idx.shift();
      if (idx.length === 0) titleOnly = true;
      continue;
    }
    if (TITLE_HEADS.has(low(t)) && !orgShaped) {
      const after = titleEnd(ctx, idx[0], idx[idx.length - 1]);
      if (after < 0) break;
      const titleLast = Math.min(after - 1, idx[idx.length - 1]);
      // "Justice for Victims", "Justice Against Sponsors", "Premier League": a name that starts with a title word.
      const next = tokens[titleLast + 1];
      if (titleLast < idx[idx.length - 1] && next && (!isCapitalised(next.text) || SENTENCE_OPENERS.has(low(next)) || ORG_HEADS.has(low(next)))) break;
      // A modifier alone ("Former", "Retired", "Deputy") waits for the title it modifies.
      if (titleLast === idx[0] && (TENSE_MODIFIERS.has(low(t)) || TITLE_MODIFIERS.has(low(t))) && idx.length > 1) {
        titles.modifier = { first: idx[0], last: idx[0] };
        idx.shift();
        continue;
      }
      addTitle(ctx, titles, idx[0], titleLast);
      titled = true;
      idx = indicesFrom(idx, titleLast + 1);
      dropEdges(ctx, idx);
      if (idx.length === 0) titleOnly = true;
      continue;
    }
    break;
  }
  if (titleOnly) {
    // A courtesy title alone ("signed by Mrs. and dated …") names no one and keeps no role.
    if (roles.length === 0) return;
    const first = from;
    const text = roles[roles.length - 1];
    out.push({
      first, last: end, start: tokens[first].start, end: tokens[end].end, text, key: nameKey(text), roles,
      votes: emptyVotes(), weak: true, acronym: false, place: null, titleOnly: true,
    });
    return;
  }
  if (idx.length === 0) return;

  // A title inside the run ("Illinois Gov. JB Pritzker", "Apple CEO Tim Cook"): what comes before
  // it is an affiliation, what comes after it the person.
  if (!titled && idx.length >= 3 && !orgShaped) {
    for (let n = 1; n < idx.length - 1; n++) {
      const t = tokens[idx[n]];
      if (!(TITLE_HEADS.has(low(t)) || isHonorific(t.text)) || !isCapitalised(t.text)) continue;
      const after = isHonorific(t.text) ? idx[n] + 1 : titleEnd(ctx, idx[n], idx[idx.length - 1]);
      const rest = wordsAmong(ctx, idx, after);
      if (rest.length === 0 || NAME_SUFFIXES.has(keyOfToken(tokens[rest[0]]))) continue;
      const pre = idx.slice(0, n);
      const pending = titles.modifier;
      titles.modifier = null;
      titled = true;
      // "Dana Pruitt Mr Searle" (captions run together): nobody is "Org Mr. X", so what comes before
      // a courtesy title is a name of its own, not an affiliation.
      if (COURTESY_TITLES.has(low(t))) {
        courtesy = /^mr\.?$/.test(low(t)) ? 'male' : 'female';
        // Kept (as a weak run) only when it names something the article names elsewhere.
        pushCandidate(ctx, pre, [], false, shouty, out, true);
        idx = indicesFrom(idx, after);
        dropEdges(ctx, idx);
        break;
      }
      roles.push(slice(ctx, pending && pending.last === pre[0] - 1 ? pending.first : pre[0], after - 1));
      pushCandidate(ctx, pre, [], false, shouty, out, true);
      const affiliation = out[out.length - 1];
      // "Dunmore Mayor Ruth Adair": a mayor's or a governor's affiliation is a place; "Apple CEO Tim Cook": a CEO's a firm.
      if (affiliation && affiliation.first === pre[0] && affiliation.votes.place === 0) {
        if (PLACE_TITLES.has(low(t))) {
          affiliation.votes.place += 2;
          affiliation.weak = affiliation.weak && shouty;
        }
        else affiliation.votes.organization += 1.5;
      }
      idx = indicesFrom(idx, after);
      dropEdges(ctx, idx);
      break;
    }
  }
  if (idx.length === 0) return;
  const lowerTitle = lowerCaseTitleBefore(ctx, roles.length ? from : idx[0]) ?? (roles.length ? null : relationBefore(ctx, idx[0]));
  if (lowerTitle && roles.length === 0) roles.push(lowerTitle);
  const count = out.length;
  pushCandidate(ctx, idx, roles, titled || lowerTitle !== null, shouty, out, false);
  const pushed = out[count];
  if (pushed && courtesy) pushed.courtesy = courtesy;
  const the = tokens[idx[0] - 1];
  if (pushed && idx.length === 1 && the?.text === 'The' && !pushed.acronym && !pushed.place) pushed.nickname = true;
}

/** A word's length not counting its dots ("U.S." → 2); most words have none to remove. */
function lengthWithoutDots(word: string): number {
  return word.includes('.') ? word.replace(/\./g, '').length : word.length;
}

/** The token indices of `idx` from token `from` on. */
function indicesFrom(idx: number[], from: number): number[] {
  const out: number[] = [];
  for (const i of idx) if (i >= from) out.push(i);
  return out;
}

/** The word tokens among `idx`, from token `from` on. */
function wordsAmong(ctx: DocContext, idx: number[], from: number): number[] {
  const words: number[] = [];
  for (const i of idx) if (i >= from && isWordAt(ctx, i)) words.push(i);
  return words;
}

/** Words of three or more letters in capitals that are no known acronym ("SAVE", "QUARTER"). */
function countUnknownAcronyms(tokens: Token[], words: number[]): number {
  let count = 0;
  for (const i of words) if (tokens[i].text.length >= 3 && isAcronym(tokens[i].text) && !KNOWN_ACRONYMS.has(tokens[i].text)) count++;
  return count;
}

function pushCandidate(ctx: DocContext, idx: number[], roles: string[], titled: boolean, shouty: boolean,
    out: Candidate[], affiliation: boolean): void {
  const tokens = ctx.doc.tokens;
  const first = idx[0];
  const last = idx[idx.length - 1];
  const text = slice(ctx, first, last);
  const key = nameKey(text);
  const words = wordsAmong(ctx, idx, 0);
  const single = words.length === 1;
  const acronym = single && isAcronym(text) && !shouty;
  const place = placeOfKey(key, text);
  const lastTok = tokens[last];
  // "Mexican", "Polish American", "Democrats": groups and nationalities, not names.
  if (!place && !titled && isLowerDemonym(low(lastTok)) && !ORG_HEADS.has(low(lastTok))) return;
  // "SAVE A QUARTER": a sub-heading in capitals, not a name.
  if (!place && countUnknownAcronyms(tokens, words) >= 2) return;
  if (single && !place) {
    const t = tokens[first];
    if (lengthWithoutDots(t.text) < 2 || SENTENCE_OPENERS.has(low(t))) return;
    // A capitalised ordinary word ("Take", "Home") that the article also writes in lower case.
    if (!acronym && !titled && t.pos !== 'PROPN' && ctx.lowerWords.has(low(t))) return;
    if (acronym && NOT_ACRONYMS.has(acronymLetters(text))) return;
    if (!acronym && (NOT_NAMES.has(plain(t)) || NAME_SUFFIXES.has(keyOfToken(t)))) return;
    // "a Mexican national", "Chinese officials": a nationality adjective, not a name.
    const next = tokens[last + 1];
    if (!acronym && !titled && next && isWord(next) && !isCapitalised(next.text) && (next.pos === 'NOUN' || next.pos === 'ADJ') &&
        DEMONYM_SUFFIX.test(t.text) && !isFirstName(t.text)) return;
  }
  const votes = voteKind(ctx, idx, words, text, key, titled, place);
  if (acronym && !place) votes.organization += 2;
  let weak = shouty || words.length > 6;
  if (!weak && single && !acronym && !titled && !place && votes.place < 2 && atSentenceStart(ctx, first)) weak = true;
  if (affiliation && votes.organization === 0 && votes.place === 0 && !acronym) weak = true;
  out.push({ first, last, start: tokens[first].start, end: tokens[last].end, text, key, roles, votes, weak, acronym, place, titleOnly: false });
}

/** Only punctuation or ordinary capitalised words ("The", "But") before it in its sentence. */
function atSentenceStart(ctx: DocContext, i: number): boolean {
  const tokens = ctx.doc.tokens;
  const sentence = tokens[i].sentence;
  for (let j = i - 1; j >= 0 && tokens[j].sentence === sentence; j--) {
    const t = tokens[j];
    if (isSkipped(ctx, j) || t.type === 'punctuation' || t.pos === 'SPACE' || t.pos === 'PUNCT') continue;
    if (isCapitalised(t.text) && NOT_NAMES.has(plain(t))) continue;
    return false;
  }
  return true;
}

/** An acronym in parentheses names the run before it when its letters are that run's initials. */
function abbreviates(acronym: string, expansion: string): boolean {
  const letters = acronymLetters(acronym);
  if (letters === initialsOf(expansion)) return true;
  const known = KNOWN_ACRONYMS.get(acronym.replace(/\./g, ''));
  return known !== undefined && nameKey(known) === nameKey(expansion);
}

/** All name candidates of a document, in text order. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const { doc } = ctx;
  const out: Candidate[] = [];
  const furniture = furnitureSentences(doc);
  for (let n = 0; n < doc.sentences.length; n++) {
    const sentence = doc.sentences[n];
    const before = out.length;
    scanSentence(ctx, sentence.firstToken, sentence.lastToken, out);
    if (out.length === before || furniture[n] !== 1) continue;
    // Credits and furniture words only count when they name something the story names.
    const spans = furnitureSpans(doc.text.slice(sentence.start, sentence.end), sentence.start);
    for (let k = before; k < out.length; k++) {
      if (!touchesAnyFurniture(out[k], spans)) continue;
      out[k].weak = true;
      out[k].furniture = true;
    }
  }
  unglueLeadingWords(ctx, out);
  return out;
}

/** Whether a word may be a stray word glued in front of a name rather than its first part. */
function mayBeGlued(ctx: DocContext, t: Token, rest: string, restWords: number, restFirst: Token): boolean {
  if (isFirstName(t.text) || isHonorific(t.text) || TITLES.has(low(t)) || RELATIONAL_NOUNS.has(low(t)) || PARTY_WORDS.has(low(t)) ||
      isAcronym(t.text) || isLowerDemonym(low(t))) return false;
  // "South London", "Greater Manchester": a word before a place makes a place name.
  if (placeName(rest)) return false;
  // "National Guard" → "Guard", "Crystal Palace" → "Palace": a head word alone is a short form, not the name;
  // "Cricket World Cup" → "World Cup": a name with a head word takes modifiers in front.
  const restHead = nameKey(rest).split(' ').pop() ?? '';
  if (ORG_HEADS.has(restHead) || PLACE_HEADS.has(restHead) || OTHER_HEADS.has(restHead)) return false;
  // "Moment Brantham" (a caption word the article also writes in lower case), or "Snapchat Dana
  // Pruitt" (a platform before a full personal name).
  return t.pos !== 'PROPN' || ctx.lowerWords.has(low(t)) || (restWords >= 2 && isFirstName(restFirst.text));
}

/**
 * "Moment Brantham", "Snapchat Dana Pruitt": in captions and run-on text a word gets glued in
 * front of a name. When the glued form occurs once and the rest occurs on its own elsewhere,
 * the candidate becomes the rest. Two passes over the candidates, no token scan.
 */
function unglueLeadingWords(ctx: DocContext, out: Candidate[]): void {
  const counts = new Map<string, number>();
  const tokens = ctx.doc.tokens;
  // Each candidate's key, worked out once for both passes.
  const keys = out.map((c) => c.key);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (c.acronym || c.place || c.titleOnly || c.roles.length > 0 || c.last <= c.first) continue;
    if (counts.get(keys[k]) !== 1 || KNOWN_ORGS.has(keys[k])) continue;
    // "the World Series Champions": after a determiner the capitalised words make one name.
    const before = tokens[c.first - 1];
    if (before && (before.pos === 'DET' || POSSESSIVE_MARKS.has(low(before)))) continue;
    const from = gluedRestStart(ctx, c, counts);
    if (from < 0) continue;
    const idx: number[] = [];
    for (let i = from; i <= c.last; i++) idx.push(i);
    const rebuilt: Candidate[] = [];
    pushCandidate(ctx, idx, [], false, ctx.shouty[tokens[from].sentence] === 1, rebuilt, false);
    if (rebuilt.length === 0) continue;
    const next = rebuilt[0];
    next.weak = next.weak || c.weak;
    if (c.furniture) next.furniture = true;
    out[k] = next;
  }
}

/**
 * Where the name inside a glued run starts: after one stray word ("Moment Brantham"), or after two
 * before a full personal name ("Invalid Email Dana Pruitt"); -1 when nothing is glued.
 */
function gluedRestStart(ctx: DocContext, c: Candidate, counts: Map<string, number>): number {
  const tokens = ctx.doc.tokens;
  for (let skip = 1; skip <= 2; skip++) {
    const from = c.first + skip;
    if (from > c.last) break;
    // Single spaces between name tokens only: the words sit on one line.
    let plainRun = true;
    for (let i = c.first + 1; i <= from; i++) {
      if (!isNameToken(ctx, i) || ctx.doc.text.slice(tokens[i - 1].end, tokens[i].start) !== ' ') plainRun = false;
    }
    if (!plainRun) break;
    const rest = slice(ctx, from, c.last);
    if (!counts.has(nameKey(rest))) continue;
    const restWords = nameWords(rest).length;
    if (skip === 2 && !(restWords >= 2 && isFirstName(tokens[from].text))) continue;
    let glued = true;
    for (let i = c.first; i < from && glued; i++) glued = mayBeGlued(ctx, tokens[i], rest, restWords, tokens[from]);
    if (glued) return from;
  }
  return -1;
}

const FURNITURE_ALL = new RegExp(FURNITURE.source, 'gi');
// "Image copyright The Paper", "Photo: Ann Lee": the credit comes right after these.
const CREDIT_AFTER = /^(?:image copyright|copyright|\bphoto:|published:|updated:|\bvideo:)$/i;
/** How far a credit may sit from its furniture words ("Ann Lee, Getty Images", "Ann Lee/Getty"). */
const CREDIT_GAP = 3;

interface FurnitureSpan { start: number; end: number; creditAfter: boolean }

/** Where the furniture words of a sentence are, in document offsets. */
function furnitureSpans(text: string, offset: number): FurnitureSpan[] {
  const spans: FurnitureSpan[] = [];
  FURNITURE_ALL.lastIndex = 0;
  for (const m of text.matchAll(FURNITURE_ALL)) {
    spans.push({ start: offset + m.index, end: offset + m.index + m[0].length, creditAfter: CREDIT_AFTER.test(m[0]) });
  }
  return spans;
}

function touchesAnyFurniture(c: Candidate, spans: FurnitureSpan[]): boolean {
  for (const span of spans) if (touchesFurniture(c, span)) return true;
  return false;
}

/**
 * A name that is furniture itself ("Getty Images", "Image Caption"), a credit right before
 * furniture words ("Ann Lee, Getty Images", a byline before "Read more") or right after a
 * copyright or photo label. Caption text further away ("Image caption Ann Lee waves") still counts.
 */
function touchesFurniture(c: Candidate, span: FurnitureSpan): boolean {
  if (c.start < span.end && c.end > span.start) return true;
  if (c.end <= span.start && span.start - c.end <= CREDIT_GAP) return true;
  return span.creditAfter && c.start >= span.end && c.start - span.end <= CREDIT_GAP;
}

/** The name runs of one sentence, from its first to its last token. */
function scanSentence(ctx: DocContext, firstToken: number, lastToken: number, out: Candidate[]): void {
  let i = firstToken;
  while (i <= lastToken) {
    if (!isNameToken(ctx, i)) {
      i++;
      continue;
    }
    const { end, ands } = scanRun(ctx, i, lastToken);
    if (ands.length === 0) analyseRun(ctx, i, end, out);
    else for (const part of splitAtAnd(ctx, i, end, ands)) analyseRun(ctx, part[0], part[1], out);
    // "Immigration and Customs Enforcement (ICE)": link the acronym to the name before it.
    const acronymAt = parenthesisedAcronym(ctx, end);
    if (acronymAt !== null && out.length > 0) {
      const expansion = out.length - 1;
      const before = out.length;
      analyseRun(ctx, acronymAt, acronymAt, out);
      if (out.length > before && out[before].acronym && abbreviates(out[before].text, out[expansion].text)) out[before].expands = expansion;
      i = acronymAt + 1;
      continue;
    }
    i = end + 1;
  }
}
