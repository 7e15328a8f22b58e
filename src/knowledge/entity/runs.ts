// Finding name candidates: runs of capitalised tokens (with the connectors names contain),
// split into roles (titles, honorifics, party) and the name itself, with kind votes from the
// run's shape, the gazetteers and the words around it. One left-to-right pass over tokens.
import type { NlpDoc, Token } from '../nlp.ts';
import { isFirstName, placeName } from './gazetteer.ts';
import {
  DEMONYM_SUFFIX, HONORIFICS, KNOWN_ORGS, NOT_ACRONYMS, NOT_NAMES, OF_HEADS, ORG_HEADS, PARTY_WORDS,
  PLACE_HEADS, PLACE_PREPOSITIONS, SPEECH_VERBS, STATE_ABBREVIATIONS, TITLES, TITLE_HEADS,
} from './lexicon.ts';
import { NAME_SUFFIXES, acronymLetters, initialsOf, isAcronym, isCapitalised, nameKey } from './names.ts';

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
}

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'y']);
const OPENING_PUNCTUATION = /^[\p{Pi}\p{Ps}"'“‘«—–-]+$/u;

/** What the extractor needs to know about the document beyond its tokens. */
export interface DocContext {
  doc: NlpDoc;
  /** Token indices never part of a name (dateline header, "D-Ill." affiliations). */
  skipped: Uint8Array;
  /** Normal forms seen written in lower case: a sentence-initial "Video" is then an ordinary word. */
  lowerWords: Set<string>;
  /** Sentences in capitals or title case (headlines), where capitals say nothing. */
  shouty: Uint8Array;
  /** For each token index: is it the first word of its sentence. */
  sentenceInitial: Uint8Array;
}

function emptyVotes(): Votes {
  return { person: 0, organization: 0, place: 0, other: 0 };
}

function isWord(t: Token | undefined): t is Token {
  return !!t && t.type === 'word' && /\p{L}/u.test(t.text);
}

function isNameToken(ctx: DocContext, i: number): boolean {
  const t = ctx.doc.tokens[i];
  return isWord(t) && ctx.skipped[i] === 0 && isCapitalised(t.text);
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
    if (t.normal === 'of' && OF_HEADS.has(prev.normal)) {
      if (isNameToken(ctx, j + 1) && tokens[j + 1].normal !== 'the') {
        end = j + 1;
        j += 2;
        continue;
      }
      if (next.normal === 'the' && j + 2 <= lastInSentence && isNameToken(ctx, j + 2)) {
        end = j + 2;
        j += 3;
        continue;
      }
    }
    if ((t.normal === 'and' || t.text === '&') && isNameToken(ctx, j + 1)) {
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
    ORG_HEADS.has(tokens[end].normal) ||
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
  if (!TITLE_HEADS.has(tokens[at].normal)) return -1;
  let j = at + 1;
  while (j <= end && TITLES.has(tokens[j].normal) && isCapitalised(tokens[j].text)) j++;
  // "Secretary of State Marco Rubio": the title runs to the first given name, or leaves two words.
  if (j <= end && tokens[j].normal === 'of') {
    let k = j + 1;
    if (tokens[k]?.normal === 'the') k++;
    const rest: number[] = [];
    for (let r = k; r <= end; r++) if (isWord(tokens[r]) && isCapitalised(tokens[r].text)) rest.push(r);
    if (rest.length === 0) return j;
    const given = rest.findIndex((r, n) => n > 0 && isFirstName(tokens[r].text));
    if (given > 0) return rest[given];
    if (rest.length >= 3) return rest[rest.length - 2];
    if (rest.length === 2) return rest[1];
    return end + 1;
  }
  return j;
}

/** True when a token starts a sentence (only quotes or dashes before it). */
function computeSentenceInitial(doc: NlpDoc): Uint8Array {
  const flags = new Uint8Array(doc.tokens.length);
  for (const s of doc.sentences) {
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (!t) break;
      if (t.pos === 'SPACE' || OPENING_PUNCTUATION.test(t.text)) continue;
      flags[i] = 1;
      break;
    }
  }
  return flags;
}

function computeShouty(doc: NlpDoc): Uint8Array {
  const flags = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, n) => {
    let words = 0;
    let capitals = 0;
    let upper = 0;
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (!isWord(t) || t.text.length < 2) continue;
      words++;
      if (isCapitalised(t.text)) capitals++;
      if (!/\p{Ll}/u.test(t.text)) upper++;
    }
    if (words >= 3 && upper / words >= 0.8) flags[n] = 1;
    else if (words >= 4 && capitals / words >= 0.75) flags[n] = 1;
  });
  return flags;
}

// The seed format's header "date 2025-09-13 (Author, Outlet)" when it was left in the text.
const DATELINE_HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*\([^()\n]*\)/i;
// "D-Ill.", "R-Texas", "I-Vt." after a comma or in parentheses.
const AFFILIATION = /(?<=[,(]\s?)[RDI]\s?-\s?[A-Z][A-Za-z]{0,12}\.?(?:\s[A-Z][a-z]{1,12}\.?)?(?=\s*[,);.]|\s*$)/g;

export function affiliationAfter(text: string, end: number): string | null {
  const m = /^\s*[,(]\s?([RDI]\s?-\s?[A-Z][A-Za-z]{0,12}\.?(?:\s[A-Z][a-z]{1,12}\.?)?)(?=\s*[,);.]|\s*$)/.exec(text.slice(end, end + 40));
  return m ? m[1] : null;
}

export function documentContext(doc: NlpDoc): DocContext {
  const skipped = new Uint8Array(doc.tokens.length);
  const skipSpans: Array<[number, number]> = [];
  const header = DATELINE_HEADER.exec(doc.text);
  if (header) skipSpans.push([0, header[0].length]);
  for (const m of doc.text.matchAll(AFFILIATION)) skipSpans.push([m.index, m.index + m[0].length]);
  const lowerWords = new Set<string>();
  let s = 0;
  skipSpans.sort((a, b) => a[0] - b[0]);
  doc.tokens.forEach((t, i) => {
    while (s < skipSpans.length && skipSpans[s][1] <= t.start) s++;
    if (s < skipSpans.length && t.start >= skipSpans[s][0] && t.end <= skipSpans[s][1]) skipped[i] = 1;
    if (t.type === 'word' && /^\p{Ll}/u.test(t.text)) lowerWords.add(t.normal);
  });
  return { doc, skipped, lowerWords, shouty: computeShouty(doc), sentenceInitial: computeSentenceInitial(doc) };
}

/** Lower-case titles right before a name ("spokesman Tom Smith"): the role's text, or null. */
function lowerCaseTitleBefore(ctx: DocContext, first: number): string | null {
  const tokens = ctx.doc.tokens;
  const prev = tokens[first - 1];
  if (!isWord(prev) || isCapitalised(prev.text) || !TITLE_HEADS.has(prev.normal)) return null;
  let from = first - 1;
  while (from > 0 && isWord(tokens[from - 1]) && !isCapitalised(tokens[from - 1].text) && TITLES.has(tokens[from - 1].normal)) from--;
  return slice(ctx, from, first - 1);
}

/** Kind votes for a name from its own words and the words around it. */
function voteKind(ctx: DocContext, idx: number[], titled: boolean, place: string | null): Votes {
  const tokens = ctx.doc.tokens;
  const votes = emptyVotes();
  const words = idx.filter((i) => isWord(tokens[i]));
  const firstTok = tokens[idx[0]];
  const lastTok = tokens[idx[idx.length - 1]];
  const text = slice(ctx, idx[0], idx[idx.length - 1]);
  if (place) votes.place += 3;
  if (ORG_HEADS.has(lastTok.normal) || KNOWN_ORGS.has(nameKey(text))) votes.organization += 3;
  if (PLACE_HEADS.has(lastTok.normal) && words.length > 1) votes.place += 3;
  if (titled) votes.person += 3;
  if (words.length > 1 && isFirstName(firstTok.text)) votes.person += 2;
  const allPlainWords = words.every((i) => !isAcronym(tokens[i].text));
  if (words.length > 1 && allPlainWords && !placeName(firstTok.text) && votes.organization === 0 && votes.place === 0) votes.person += 1;
  // Context: "in Chicago", "Chicago-based", "Franklin Park, Ill.", "DHS said".
  const before = tokens[idx[0] - 1];
  const after = tokens[idx[idx.length - 1] + 1];
  const after2 = tokens[idx[idx.length - 1] + 2];
  if (before && PLACE_PREPOSITIONS.has(before.normal) && !titled && words.length === 1) votes.place += 1;
  if (after?.text === '-' && after2?.normal === 'based' && touching(lastTok, after)) votes.place += 2;
  if (after?.text === ',' && after2 && (STATE_ABBREVIATIONS.has(after2.normal) || (placeName(after2.text) && isCapitalised(after2.text))) &&
      isCapitalised(after2.text) && !titled) votes.place += 2;
  if (after && SPEECH_VERBS.has(after.normal) && words.length === 1) votes.person += 0.5;
  return votes;
}

/** Turns a run of tokens into zero, one or two candidates (an affiliation before a mid-run title). */
function analyseRun(ctx: DocContext, from: number, end: number, out: Candidate[]): void {
  const tokens = ctx.doc.tokens;
  let idx: number[] = [];
  for (let i = from; i <= end; i++) idx.push(i);
  const sentence = tokens[from].sentence;
  const shouty = ctx.shouty[sentence] === 1;
  const dropEdge = () => {
    while (idx.length && !isWord(tokens[idx[0]])) idx.shift();
    while (idx.length && (!isWord(tokens[idx[idx.length - 1]]) || !isCapitalised(tokens[idx[idx.length - 1]].text))) idx.pop();
  };
  // Ordinary capitalised words at the edges ("The", "But", "Friday").
  while (idx.length && NOT_NAMES.has(tokens[idx[0]].normal) && !PARTY_WORDS.has(tokens[idx[0]].normal)) {
    idx.shift();
    dropEdge();
  }
  while (idx.length && NOT_NAMES.has(tokens[idx[idx.length - 1]].normal) && !isAcronym(tokens[idx[idx.length - 1]].text)) {
    idx.pop();
    dropEdge();
  }
  if (idx.length === 0) return;
  // A sentence-initial common word in front of a name ("Yesterday Smith ...").
  const head = tokens[idx[0]];
  if (idx.length > 1 && ctx.sentenceInitial[idx[0]] && isNameToken(ctx, idx[0] + 1) && idx[1] === idx[0] + 1 &&
      !HONORIFICS.has(head.normal) && !TITLE_HEADS.has(head.normal) && !PARTY_WORDS.has(head.normal) &&
      !ORG_HEADS.has(tokens[idx[idx.length - 1]].normal) && !placeName(head.text) && !isAcronym(head.text) &&
      (ctx.lowerWords.has(head.normal) || (head.pos !== 'PROPN' && !isFirstName(head.text)))) {
    idx.shift();
  }
  if (idx.length === 0) return;

  const roles: string[] = [];
  const orgShaped = ORG_HEADS.has(tokens[idx[idx.length - 1]].normal);
  let titled = false;
  let titleOnly = false;
  // Roles in front: party words, honorifics, titles ("Democrat Rep.", "Assistant Secretary").
  for (;;) {
    if (idx.length === 0) break;
    const t = tokens[idx[0]];
    const nextT = idx.length > 1 ? tokens[idx[1]] : undefined;
    if (PARTY_WORDS.has(t.normal) && nextT && !orgShaped && (HONORIFICS.has(nextT.normal) || TITLE_HEADS.has(nextT.normal))) {
      roles.push(t.text);
      idx.shift();
      continue;
    }
    if (HONORIFICS.has(t.normal) && !orgShaped) {
      roles.push(t.text);
      titled = true;
      idx.shift();
      if (idx.length === 0) titleOnly = true;
      continue;
    }
    if (TITLE_HEADS.has(t.normal) && !orgShaped) {
      const after = titleEnd(ctx, idx[0], idx[idx.length - 1]);
      if (after < 0) break;
      const titleLast = Math.min(after - 1, idx[idx.length - 1]);
      roles.push(slice(ctx, idx[0], titleLast));
      titled = true;
      idx = idx.filter((i) => i > titleLast);
      dropEdge();
      if (idx.length === 0) titleOnly = true;
      continue;
    }
    break;
  }
  if (titleOnly) {
    const first = from;
    out.push({
      first, last: end, start: tokens[first].start, end: tokens[end].end, text: roles[roles.length - 1], roles,
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
      if (!(TITLE_HEADS.has(t.normal) || HONORIFICS.has(t.normal)) || !isCapitalised(t.text)) continue;
      const after = HONORIFICS.has(t.normal) ? idx[n] + 1 : titleEnd(ctx, idx[n], idx[idx.length - 1]);
      const rest = idx.filter((i) => i >= after && isWord(tokens[i]));
      if (rest.length === 0 || NAME_SUFFIXES.has(nameKey(tokens[rest[0]].text))) continue;
      const pre = idx.slice(0, n);
      roles.push(slice(ctx, pre[0], after - 1));
      titled = true;
      pushCandidate(ctx, pre, [], false, shouty, out, true);
      idx = idx.filter((i) => i >= after);
      dropEdge();
      break;
    }
  }
  if (idx.length === 0) return;
  const lowerTitle = lowerCaseTitleBefore(ctx, roles.length ? from : idx[0]);
  if (lowerTitle && roles.length === 0) roles.push(lowerTitle);
  pushCandidate(ctx, idx, roles, titled || lowerTitle !== null, shouty, out, false);
}

function pushCandidate(ctx: DocContext, idx: number[], roles: string[], titled: boolean, shouty: boolean,
    out: Candidate[], affiliation: boolean): void {
  const tokens = ctx.doc.tokens;
  const first = idx[0];
  const last = idx[idx.length - 1];
  const text = slice(ctx, first, last);
  const words = idx.filter((i) => isWord(tokens[i]));
  const single = words.length === 1;
  const acronym = single && isAcronym(text) && !shouty;
  const place = placeName(text);
  if (single && !place) {
    const t = tokens[first];
    if (acronym && NOT_ACRONYMS.has(acronymLetters(text))) return;
    if (!acronym && NOT_NAMES.has(t.normal)) return;
    // "a Mexican national", "Chinese officials": a nationality adjective, not a name.
    const next = tokens[last + 1];
    if (!acronym && !titled && DEMONYM_SUFFIX.test(t.text) && next && isWord(next) && !isCapitalised(next.text) &&
        (next.pos === 'NOUN' || next.pos === 'ADJ') && !isFirstName(t.text)) return;
  }
  const votes = voteKind(ctx, idx, titled, place);
  if (acronym && !place) votes.organization += 2;
  let weak = shouty || words.length > 6;
  if (!weak && single && !acronym && !titled && !place && ctx.sentenceInitial[first]) weak = true;
  if (affiliation && votes.organization === 0 && votes.place === 0 && !acronym) weak = true;
  out.push({ first, last, start: tokens[first].start, end: tokens[last].end, text, roles, votes, weak, acronym, place, titleOnly: false });
}

/** All name candidates of a document, in text order. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const { doc } = ctx;
  const out: Candidate[] = [];
  for (const sentence of doc.sentences) {
    let i = sentence.firstToken;
    while (i <= sentence.lastToken) {
      if (!isNameToken(ctx, i)) {
        i++;
        continue;
      }
      const { end, ands } = scanRun(ctx, i, sentence.lastToken);
      const parts = splitAtAnd(ctx, i, end, ands);
      for (const [a, b] of parts) analyseRun(ctx, a, b, out);
      // "Immigration and Customs Enforcement (ICE)": link the acronym to the name before it.
      const acronymAt = parenthesisedAcronym(ctx, end);
      if (acronymAt !== null && out.length > 0) {
        const expansion = out.length - 1;
        const before = out.length;
        analyseRun(ctx, acronymAt, acronymAt, out);
        if (out.length > before && out[before].acronym) out[before].expands = expansion;
        i = acronymAt + 1;
        continue;
      }
      i = end + 1;
    }
  }
  return out;
}
