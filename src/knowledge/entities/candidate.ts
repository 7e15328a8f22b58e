// One run of capitalised tokens → zero, one or two candidates: roles (titles, honorifics, party)
// split from the name itself, with the run's kind votes.
import type { Token } from '../nlp.ts';
import { type Candidate, type DocContext, emptyVotes, isCapitalisedWordAt, isFirstNameAt, isNameToken, isSentenceInitial, isSkipped, isWord, isWordAt, keyOfToken, low, placeOfToken, plain, slice } from './context.ts';
import { isFirstName, placeName, placeOfKey } from './gazetteer.ts';
import { lowerCaseTitleBefore, relationBefore, voteKind } from './kind.ts';
import { COURTESY_TITLES, DEMONYM_SUFFIX, INTERJECTIONS, isHonorific, isLowerDemonym, KNOWN_ACRONYMS, NOT_ACRONYMS, NOT_NAMES, ORG_HEADS, PARTY_WORDS, PHOTO_CREDITS, RELATIONAL_NOUNS, SENTENCE_CUE_VERBS, SENTENCE_OPENERS, TENSE_MODIFIERS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.ts';
import { acronymLetters, initialsOf, isAcronym, isCapitalised, isLowerInitial, NAME_SUFFIXES, nameKey } from './names.ts';
import { titleEnd } from './runs.ts';

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
export function analyseRun(ctx: DocContext, from: number, end: number, out: Candidate[]): void {
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

export function pushCandidate(ctx: DocContext, idx: number[], roles: string[], titled: boolean, shouty: boolean,
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
  const votes = voteKind(ctx, idx, words, key, titled, place);
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
export function abbreviates(acronym: string, expansion: string): boolean {
  const letters = acronymLetters(acronym);
  if (letters === initialsOf(expansion)) return true;
  const known = KNOWN_ACRONYMS.get(acronym.replace(/\./g, ''));
  return known !== undefined && nameKey(known) === nameKey(expansion);
}
