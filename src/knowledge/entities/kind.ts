// The kind votes of a run (person, organisation, place, other) from its shape and the words
// around it ("spokesman Tom Smith", "his brother Tom").
import type { Token } from '../nlp.ts';
import { type DocContext, emptyVotes, isFirstNameAt, isWord, isWordAt, low, PARTICLES, placeOfToken, slice, touching, type Votes } from './context.ts';
import { placeName } from './gazetteer.ts';
import { isLowerDemonym, isStateAbbreviation, KNOWN_ORGS, ORG_HEADS, ORG_OF_HEADS, OTHER_HEADS, PLACE_HEADS, PLACE_OF_HEADS, PLACE_PREPOSITIONS, RELATION_DETERMINERS, RELATIONAL_NOUNS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS, TITLES } from './lexicon.ts';
import { endsInSingleS, isAcronym, isCapitalised } from './names.ts';

/** Lower-case titles right before a name ("spokesman Tom Smith"): the role's text, or null. */
export function lowerCaseTitleBefore(ctx: DocContext, first: number): string | null {
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

export const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/**
 * A lower-case kinship or relational noun right before a name, after a possessive or a
 * determiner ("her sister-in-law Kasia Smith", "the family's lawyer Tom Ames"): the role's text.
 */
export function relationBefore(ctx: DocContext, first: number): string | null {
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

/** What the vote rules read of a run: its tokens, its words and the tokens around it. */
interface RunView {
  ctx: DocContext;
  tokens: Token[];
  /** The run's token indices, and those of its words (punctuation left out). */
  idx: number[];
  words: number[];
  key: string;
  titled: boolean;
  place: string | null;
  firstTok: Token;
  lastTok: Token;
  before: Token | undefined;
  after: Token | undefined;
  after2: Token | undefined;
  /** The head before "of" ("Port" of "Port of Brenton"), or "". */
  ofHead: string;
  speechAfter: boolean;
  /** Two or three words, no gazetteer place and no acronym: the names speech context speaks for. */
  plainName: boolean;
}

/** One piece of evidence for a kind: when it holds (given the votes so far), the kind gains `weight`. */
interface VoteRule {
  name: string;
  kind: keyof Votes;
  weight: number;
  holds: (r: RunView, votes: Votes) => boolean;
}

const orgHeadLast = (r: RunView): boolean => ORG_HEADS.has(low(r.lastTok)) || KNOWN_ORGS.has(r.key);

/** The vote rules, in order: the later ones read the votes the earlier ones gave. */
const VOTE_RULES: readonly VoteRule[] = [
  { name: 'a gazetteer place', kind: 'place', weight: 3, holds: (r) => !!r.place },
  // "Port of Brenton", "University of Marrowfield": the head before "of" says what it is.
  { name: 'a place head before "of"', kind: 'place', weight: 3, holds: (r) => PLACE_OF_HEADS.has(r.ofHead) && !ORG_HEADS.has(low(r.lastTok)) },
  { name: 'an organisation head before "of"', kind: 'organization', weight: 3, holds: (r) => ORG_OF_HEADS.has(r.ofHead) },
  { name: 'an organisation head last, or a known organisation', kind: 'organization', weight: 3, holds: orgHeadLast },
  // "Department of Justice", "Center for Transatlantic Relations": the head comes first.
  { name: 'an organisation head before "of" or "for"', kind: 'organization', weight: 3,
    holds: (r) => !orgHeadLast(r) && r.words.length > 2 && hasOfOrFor(r.tokens, r.idx) && hasOrgHeadBeforeLast(r.tokens, r.idx) },
  { name: 'brand capitals', kind: 'organization', weight: 1, holds: (r) => hasBrandCapitals(r.tokens, r.words) },
  { name: 'a place head last', kind: 'place', weight: 3, holds: (r) => PLACE_HEADS.has(low(r.lastTok)) && r.words.length > 1 },
  // "Chicago Cubs", "New York Yankees": a place and a plural is a team, not a person.
  { name: 'a place and a plural', kind: 'organization', weight: 3,
    holds: (r) => r.words.length > 1 && !r.place && endsInSingleS(r.lastTok.text) && !PLACE_HEADS.has(low(r.lastTok)) && !isLowerDemonym(low(r.lastTok)) &&
      !!placeName(slice(r.ctx, r.idx[0], r.words[r.words.length - 2])) },
  { name: 'a title', kind: 'person', weight: 3, holds: (r) => r.titled },
  { name: 'a first name first', kind: 'person', weight: 2, holds: (r) => r.words.length > 1 && isFirstNameAt(r.ctx, r.idx[0]) && !r.ofHead },
  // Context: "in Chicago", "Chicago-based", "Franklin Park, Ill.", "DHS said".
  { name: 'a place preposition before one word', kind: 'place', weight: 1,
    holds: (r) => !!r.before && PLACE_PREPOSITIONS.has(low(r.before)) && !r.titled && r.words.length === 1 },
  // "the mayor of Brenton", "the town of Dunmore", "residents of Marlow": what such a word is of is a place.
  { name: 'of a place owner', kind: 'place', weight: 2,
    holds: (r) => !!r.before && low(r.before) === 'of' && !r.titled && PLACE_OWNERS.has(low(r.tokens[r.idx[0] - 2])) },
  { name: '"-based" after', kind: 'place', weight: 2, holds: (r) => r.after?.text === '-' && low(r.after2) === 'based' && touching(r.lastTok, r.after) },
  { name: 'a state or place after a comma', kind: 'place', weight: 2,
    holds: (r) => r.after?.text === ',' && !!r.after2 && (isStateAbbreviation(r.after2.text) || (!!placeOfToken(r.after2) && isCapitalised(r.after2.text))) &&
      isCapitalised(r.after2.text) && !r.titled },
  { name: 'a speech verb after', kind: 'person', weight: 0.5, holds: (r) => r.speechAfter },
  // Speech context only speaks for short plain names, not "MSNBC Political Correspondent Ann Lee".
  { name: 'a speech verb after an apposition', kind: 'person', weight: 0.5,
    holds: (r) => !r.speechAfter && r.plainName && speaksAfterApposition(r.ctx, r.idx[r.idx.length - 1]) },
  // '"...," said Mitt Romney', "according to Mitt Romney".
  { name: '"said" or "according to" before', kind: 'person', weight: 0.5,
    holds: (r) => r.plainName && !!r.before && (low(r.before) === 'said' || low(r.before) === 'says' || (low(r.before) === 'to' && low(r.tokens[r.idx[0] - 2]) === 'according')) },
  // Two or three plain capitalised words never written in lower case here ("Dainis Ivans"), with
  // nothing saying organisation or place: most likely a person.
  { name: 'plain name words and no other evidence', kind: 'person', weight: 0.5,
    holds: (r, votes) => r.words.length >= 2 && r.words.length <= 3 && votes.organization === 0 && votes.place === 0 && votes.other === 0 && !r.titled &&
      allPlainNameWords(r.ctx, r.words) },
  // "FLINT, Mich." — the state abbreviation itself.
  { name: 'a state abbreviation after a comma', kind: 'place', weight: 3,
    holds: (r) => r.words.length === 1 && r.before?.text === ',' && isStateAbbreviation(r.firstTok.text) && /\.|^\p{Lu}\p{Ll}/u.test(r.firstTok.text + (r.after?.text === '.' ? '.' : '')) },
  { name: 'a head of another kind', kind: 'other', weight: 3, holds: (r, votes) => OTHER_HEADS.has(low(r.lastTok)) && r.words.length > 1 && votes.organization === 0 },
  // A lone given name never written in lower case here ("Laura"): a person.
  { name: 'a lone given name', kind: 'person', weight: 1, holds: (r) => r.words.length === 1 && isFirstNameAt(r.ctx, r.idx[0]) && !r.place && !r.ctx.lowerWords.has(low(r.firstTok)) },
];

/**
 * Kind votes for a name from its own words and the words around it: the weights of the VOTE_RULES
 * that hold, in order. `words` are the run's word tokens, `key` its nameKey.
 */
export function voteKind(ctx: DocContext, idx: number[], words: number[], key: string, titled: boolean, place: string | null): Votes {
  const tokens = ctx.doc.tokens;
  const firstTok = tokens[idx[0]];
  const after = tokens[idx[idx.length - 1] + 1];
  const r: RunView = {
    ctx, tokens, idx, words, key, titled, place, firstTok, lastTok: tokens[idx[idx.length - 1]],
    before: tokens[idx[0] - 1], after, after2: tokens[idx[idx.length - 1] + 2],
    ofHead: words.length > 1 && low(tokens[idx[0] + 1]) === 'of' ? low(firstTok) : '',
    speechAfter: after !== undefined && SPEECH_VERBS.has(low(after)),
    plainName: words.length >= 2 && words.length <= 3 && !place && !hasAcronym(tokens, words),
  };
  const votes = emptyVotes();
  for (const rule of VOTE_RULES) if (rule.holds(r, votes)) votes[rule.kind] += rule.weight;
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

/** Words that take a place after "of" ("the mayor of X", "the outskirts of X"). */
const PLACE_OWNERS = new Set(['mayor', 'governor', 'sheriff', 'city', 'town', 'village', 'county', 'province', 'state', 'suburb', 'suburbs',
  'outskirts', 'residents', 'capital', 'streets', 'centre', 'center', 'north', 'south', 'east', 'west', 'heart', 'citizens', 'people']);
