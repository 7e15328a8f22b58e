// People, organisations and places, with aliases, roles and every mention.
//
// wink's lite model has no person/organisation/place recogniser, so names are found from
// capitalisation and part of speech (entity/runs.ts), classified by titles, organisation and
// place heads, gazetteers and context, then merged: surnames to full names, acronyms to their
// expansions, "the department" to the latest department. Every step indexes by normal form,
// so the cost stays linear in the number of tokens.
import type { Entity, EntityKind, Span } from './facts.ts';
import type { NlpDoc, Token } from './nlp.ts';
import { firstNameGender, isFirstName, placeOfKey } from './entity/gazetteer.ts';
import { DEFINITE_HEADS, KNOWN_ACRONYMS, ORG_HEADS, OTHER_HEADS, RELATIONAL_NOUNS, SPEECH_VERBS, TITLE_HEADS } from './entity/lexicon.ts';
import { acronymLetters, endsInSingleS, initialsOfWords, isAcronym, isCapitalised, isLowerInitial, nameKey, nameWords, surnameKeysOfWords } from './entity/names.ts';
import { affiliationAfter, documentContext, findCandidates, low, type Candidate, type Votes } from './entity/runs.ts';

export { resolveName } from './entity/resolve.ts';

/** An entity while it is being built. */
interface Draft {
  key: string;
  /** Surface forms by key, first spelling kept. */
  names: Map<string, string>;
  mentions: Span[];
  roles: string[];
  votes: Votes;
  place: string | null;
  /** Extra aliases that are not surface forms ("the department", a known expansion). */
  aliases: string[];
  firstAt: number;
}

/**
 * nameWords by name for the document being read: each name is split many times over (pass A,
 * pass B, indexes, merges, finalise). Emptied at the start of every document.
 */
const wordsByName = new Map<string, readonly string[]>();

/** nameWords of a name, remembered; the list is shared, so it is read-only. */
function wordsOf(name: string): readonly string[] {
  let words = wordsByName.get(name);
  if (words === undefined) {
    words = nameWords(name);
    wordsByName.set(name, words);
  }
  return words;
}

/** nameKey of each canonical place name; there are only as many as the gazetteer has. */
const keysOfPlaces = new Map<string, string>();

/** nameKey of a canonical place name (a candidate's `place`), remembered. */
function placeKey(place: string): string {
  let key = keysOfPlaces.get(place);
  if (key === undefined) {
    key = nameKey(place);
    keysOfPlaces.set(place, key);
  }
  return key;
}

/** nameWords of a candidate's text, worked out on first use and kept on the candidate. */
function candidateWords(c: Candidate): readonly string[] {
  if (c.words === undefined) c.words = nameWords(c.text);
  return c.words;
}

function newDraft(key: string, at: number, place: string | null): Draft {
  return { key, names: new Map(), mentions: [], roles: [], votes: { person: 0, organization: 0, place: 0, other: 0 }, place, aliases: [], firstAt: at };
}

/** The kind with most votes; ties go to the first of organisation, place, person, other; none at all is "other". */
function kindOf(votes: Votes): EntityKind {
  let best: EntityKind = 'other';
  let most = 0;
  if (votes.organization > most) { best = 'organization'; most = votes.organization; }
  if (votes.place > most) { best = 'place'; most = votes.place; }
  if (votes.person > most) { best = 'person'; most = votes.person; }
  if (votes.other > most) best = 'other';
  return best;
}

function addAlias(draft: Draft, alias: string): void {
  if (!draft.aliases.includes(alias)) draft.aliases.push(alias);
}

function addRole(draft: Draft, role: string): void {
  const clean = role.trim();
  if (!clean) return;
  const key = clean.toLowerCase();
  for (const r of draft.roles) if (r.toLowerCase() === key) return;
  draft.roles.push(clean);
}

class Registry {
  readonly drafts: Draft[] = [];
  readonly byKey = new Map<string, Draft>();
  /** Which draft each candidate joined, by candidate index (undefined: none yet). */
  readonly owner: Array<Draft | undefined> = [];

  get(key: string): Draft | undefined {
    return this.byKey.get(key);
  }

  create(key: string, at: number, place: string | null): Draft {
    const draft = newDraft(key, at, place);
    this.drafts.push(draft);
    this.byKey.set(key, draft);
    return draft;
  }

  attach(draft: Draft, index: number, c: Candidate): void {
    const key = c.key;
    if (!draft.names.has(key)) draft.names.set(key, c.text);
    if (!this.byKey.has(key)) this.byKey.set(key, draft);
    draft.mentions.push({ start: c.start, end: c.end });
    for (const role of c.roles) addRole(draft, role);
    draft.votes.person += c.votes.person;
    draft.votes.organization += c.votes.organization;
    draft.votes.place += c.votes.place;
    draft.votes.other += c.votes.other;
    draft.firstAt = Math.min(draft.firstAt, c.start);
    this.owner[index] = draft;
  }
}

/** Person drafts by surname and by "first last", org drafts by initials. */
interface NameIndexes {
  surname: Map<string, Draft[]>;
  /** Given names of person-shaped drafts ("Hillary" → "Hillary Clinton"). */
  given: Map<string, Draft[]>;
  /** Org drafts by their head word ("Post" → "New York Post"). */
  orgHead: Map<string, Draft[]>;
  /** Two-word org drafts by their first word ("Northwind" → "Northwind Foods"). */
  orgModifier: Map<string, Draft[]>;
  initials: Map<string, Draft>;
}

/** A person, or a two-to-four-word name with no organisation or place evidence ("Silverio Villegas-Gonzalez"). */
function personShaped(draft: Draft, name: string): boolean {
  const kind = kindOf(draft.votes);
  if (kind === 'person') return true;
  // "Crystal Palace", "Affordable Care Act": a name with the head of a thing is not a person's.
  if (kind !== 'other' || draft.votes.organization > 0 || draft.votes.place > 0 || draft.votes.other > 0) return false;
  const words = wordsOf(name);
  return words.length >= 2 && words.length <= 4 && words.every((w) => isCapitalised(w) && !isAcronym(w));
}

/** "first|surname" of a name's words, or null. */
function firstLastKey(words: readonly string[]): string | null {
  const surnames = surnameKeysOfWords(words);
  if (words.length < 2 || surnames.length === 0) return null;
  return `${nameKey(words[0])}|${surnames[0]}`;
}

/** Adds a draft to the list under a key, once. */
function pushDraft(map: Map<string, Draft[]>, key: string, draft: Draft): void {
  const list = map.get(key) ?? [];
  if (!list.includes(draft)) list.push(draft);
  map.set(key, list);
}

function indexDrafts(registry: Registry): NameIndexes {
  const surname = new Map<string, Draft[]>();
  const given = new Map<string, Draft[]>();
  const orgHead = new Map<string, Draft[]>();
  const orgModifier = new Map<string, Draft[]>();
  const initials = new Map<string, Draft>();
  for (const draft of registry.drafts) {
    const kind = kindOf(draft.votes);
    for (const name of draft.names.values()) {
      if (personShaped(draft, name)) {
        for (const key of surnameKeysOfWords(wordsOf(name))) pushDraft(surname, key, draft);
        const words = wordsOf(name);
        if (words.length > 1) pushDraft(given, nameKey(words[0]), draft);
      }
      if (kind === 'organization' || kind === 'other') {
        const words = wordsOf(name);
        const head = words[words.length - 1]?.toLowerCase();
        // "Post" → "New York Post"; a team's plural too: "Cubs" → "Chicago Cubs".
        const teamPlural = kind === 'organization' && head !== undefined && endsInSingleS(head);
        if (words.length > 1 && head && ((kind === 'organization' ? ORG_HEADS : OTHER_HEADS).has(head) || teamPlural)) pushDraft(orgHead, head, draft);
        if (kind === 'organization' && words.length === 2 && head && ORG_HEADS.has(head)) pushDraft(orgModifier, nameKey(words[0]), draft);
      }
      if (kind === 'organization' || kind === 'other') {
        const letters = initialsOfWords(wordsOf(name));
        if (letters.length >= 2 && !initials.has(letters)) initials.set(letters, draft);
      }
    }
  }
  return { surname, given, orgHead, orgModifier, initials };
}

/** The person a bare surname refers to: the one mentioned last before it, else the first one. */
function bySurname(list: Draft[] | undefined, at: number): Draft | undefined {
  if (!list || list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  let best: Draft | undefined;
  let bestAt = -1;
  for (const draft of list) {
    for (const m of draft.mentions) if (m.start < at && m.start > bestAt) { bestAt = m.start; best = draft; }
  }
  return best ?? list[0];
}

/** Pass A: full (multi-word) names, which later single words resolve to. */
function registerFullNames(candidates: Candidate[], registry: Registry): void {
  const firstLast = new Map<string, Draft>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.weak || c.acronym || c.titleOnly || candidateWords(c).length < 2) continue;
    const key = c.place ? placeKey(c.place) : c.key;
    let draft = registry.get(key);
    const personal = c.votes.person > Math.max(c.votes.organization, c.votes.place);
    // "Donald J. Trump" and "Donald Trump" are one person.
    const fl = personal ? firstLastKey(candidateWords(c)) : null;
    if (!draft && fl) draft = firstLast.get(fl);
    if (!draft) draft = registry.create(key, c.start, c.place);
    if (fl && !firstLast.has(fl)) firstLast.set(fl, draft);
    registry.attach(draft, i, c);
  }
}

/** The draft an acronym belongs to: its parenthesised expansion, the same acronym, or initials. */
function acronymDraft(c: Candidate, registry: Registry, indexes: NameIndexes): Draft | undefined {
  if (c.expands !== undefined) {
    const expansion = registry.owner[c.expands];
    if (expansion) return expansion;
  }
  const letters = acronymLetters(c.text);
  const same = registry.get(c.key) ?? registry.get(letters);
  if (same) return same;
  const byInitials = indexes.initials.get(letters);
  if (byInitials) return byInitials;
  const known = KNOWN_ACRONYMS.get(c.text.replace(/\./g, ''));
  return known ? registry.get(nameKey(known)) : undefined;
}

/** Greedy longest match of a weak run's words against known names ("Hillary Clinton's" in a headline). */
function matchInside(c: Candidate, index: number, doc: NlpDoc, registry: Registry, indexes: NameIndexes): void {
  const tokens = doc.tokens;
  const words: Token[] = [];
  for (let i = c.first; i <= c.last; i++) if (tokens[i].type === 'word') words.push(tokens[i]);
  let s = 0;
  while (s < words.length) {
    let matched = false;
    for (let len = Math.min(4, words.length - s); len >= 1 && !matched; len--) {
      const start = words[s].start;
      const end = words[s + len - 1].end;
      const text = doc.text.slice(start, end);
      const key = nameKey(text);
      const place = placeOfKey(key, text);
      let draft = registry.get(key) ?? (place ? registry.get(placeKey(place)) : undefined);
      if (!draft && len === 1) draft = bySurname(indexes.surname.get(key), start);
      if (!draft && place) draft = registry.create(placeKey(place), start, place);
      if (!draft) continue;
      const sub: Candidate = { ...c, start, end, text, key, words: undefined, weak: false, votes: { person: 0, organization: 0, place: place ? 3 : 0, other: 0 }, roles: len === words.length ? c.roles : [] };
      registry.attach(draft, index, sub);
      s += len;
      matched = true;
    }
    if (!matched) s++;
  }
}

/** The gender a draft's given name says, when it says one. */
function draftGender(draft: Draft): 'female' | 'male' | null {
  for (const name of draft.names.values()) {
    const words = wordsOf(name);
    if (words.length >= 2) return firstNameGender(words[0]);
  }
  return null;
}

/**
 * "Mr. Ormand" when the only full name with that surname is "Michelle Ormand": another person
 * of the same surname. A draft of its own is made for the surname first, so that every bare
 * "Ormand" and "President Ormand" goes to it rather than to her.
 */
function separateSurnamesByCourtesy(candidates: Candidate[], registry: Registry, indexes: NameIndexes, separated: Set<Draft>): void {
  for (const c of candidates) {
    if (!c.courtesy || c.acronym || c.place || candidateWords(c).length !== 1) continue;
    const key = c.key;
    if (registry.get(key)) continue;
    const list = indexes.surname.get(key);
    if (!list || list.length === 0) continue;
    const fits = draftsNotOfGender(list, c.courtesy === 'male' ? 'female' : 'male');
    if (fits.length === 0) separated.add(registry.create(key, c.start, null));
    else if (fits.length < list.length) indexes.surname.set(key, fits);
  }
}

/** The drafts whose given name says `gender`. */
function draftsOfGender(list: Draft[], gender: 'female' | 'male'): Draft[] {
  const fits: Draft[] = [];
  for (const d of list) if (draftGender(d) === gender) fits.push(d);
  return fits;
}

/** The drafts whose given name does not say `gender`. */
function draftsNotOfGender(list: Draft[], gender: 'female' | 'male'): Draft[] {
  const fits: Draft[] = [];
  for (const d of list) if (draftGender(d) !== gender) fits.push(d);
  return fits;
}

/** "Mrs. Ormand" after a surname draft was set apart for "Mr. Ormand": the full name of her gender. */
function byCourtesy(c: Candidate, key: string, indexes: NameIndexes): Draft | undefined {
  if (!c.courtesy) return undefined;
  const list = indexes.surname.get(key) ?? [];
  const fits = draftsOfGender(list, c.courtesy);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Pass B: single words, acronyms and weak runs, resolved against pass A where possible. */
function registerShortNames(candidates: Candidate[], doc: NlpDoc, registry: Registry, indexes: NameIndexes): void {
  const separated = new Set<Draft>();
  separateSurnamesByCourtesy(candidates, registry, indexes, separated);
  for (let i = 0; i < candidates.length; i++) registerShortName(candidates[i], i, doc, registry, indexes, separated);
}

/** Pass B for one candidate (see registerShortNames). */
function registerShortName(c: Candidate, i: number, doc: NlpDoc, registry: Registry, indexes: NameIndexes, separated: Set<Draft>): void {
  if (registry.owner[i] !== undefined || c.titleOnly) return;
  if (c.acronym) {
    const draft = (c.place ? registry.get(placeKey(c.place)) : undefined) ?? acronymDraft(c, registry, indexes) ??
      registry.create(c.place ? placeKey(c.place) : acronymLetters(c.text), c.start, c.place);
    registry.attach(draft, i, c);
    return;
  }
  const key = c.place ? placeKey(c.place) : c.key;
  const single = candidateWords(c).length === 1;
  let draft = registry.get(key) ?? registry.get(c.key);
  if (draft && separated.has(draft) && single) draft = byCourtesy(c, key, indexes) ?? draft;
  if (!draft && single) {
    draft = bySurname(indexes.surname.get(key), c.start);
    // "Hollywood" is no surname of "Access Hollywood", a name only shaped like a person's.
    if (draft && c.place && kindOf(draft.votes) !== 'person') draft = undefined;
    // A surname used alone is itself evidence of a person.
    if (draft) draft.votes.person += 1.5;
  }
  if (!draft && single && !c.place) {
    // "Hillary" → the one person-shaped draft with that given name; "Post" → the one "... Post".
    // "The Donald" is such a given name even when the name lists miss it.
    const word = doc.tokens[c.first].text;
    const named = (isFirstName(word) || c.nickname ? indexes.given.get(key) : undefined) ?? indexes.orgHead.get(key) ?? indexes.orgModifier.get(key);
    if (named && named.length === 1) {
      draft = named[0];
      if (c.nickname) addAlias(draft, `The ${c.text}`);
    }
  }
  if (draft) {
    registry.attach(draft, i, c);
    return;
  }
  if (c.weak) {
    // A sentence-initial name seen nowhere else: keep it when it speaks ("Smith said").
    const next = doc.tokens[c.last + 1];
    const t = doc.tokens[c.first];
    // Not a plural common noun ("Witnesses said", "Officials said").
    const speaks = single && !c.furniture && t.pos === 'PROPN' && !t.text.endsWith('s') && next !== undefined && SPEECH_VERBS.has(low(next));
    if (c.place || speaks) {
      registry.attach(registry.create(key, c.start, c.place), i, c);
      return;
    }
    if (!single) matchInside(c, i, doc, registry, indexes);
    return;
  }
  registry.attach(registry.create(key, c.start, c.place), i, c);
}

/** "Peña Nieto" after "Enrique Peña Nieto": a shorter person name that ends a longer one. */
function mergeNameTails(registry: Registry): void {
  const tails = new Map<string, Draft>();
  for (const draft of registry.drafts) {
    for (const name of draft.names.values()) {
      const words = wordsOf(name);
      if (words.length >= 3 && personShaped(draft, name)) {
        const tail = nameKey(words.slice(-2).join(' '));
        if (!tails.has(tail)) tails.set(tail, draft);
      }
    }
  }
  for (const draft of registry.drafts.slice()) {
    if (draft.names.size !== 1) continue;
    const name = draft.names.values().next().value as string;
    if (wordsOf(name).length !== 2 || !personShaped(draft, name)) continue;
    const into = tails.get(nameKey(name));
    if (into && into !== draft) absorb(registry, into, draft);
  }
}

/** Orgs are merged with an acronym of theirs when both were registered apart (known expansions). */
function mergeKnownAcronyms(registry: Registry): void {
  for (const [acronymKey, expansionKey] of knownAcronymKeys()) {
    const short = registry.get(acronymKey);
    const long = registry.get(expansionKey);
    if (short && long && short !== long) absorb(registry, long, short);
  }
}

let expansionKeys: Array<[string, string]> | null = null;
let acronymKeys: Array<[string, string]> | null = null;

/** Each known acronym in lower case with its expansion's key, computed once per process. */
function knownAcronymKeys(): Array<[string, string]> {
  if (!acronymKeys) acronymKeys = knownExpansionKeys().map(([acronym, longKey]) => [acronym.toLowerCase(), longKey]);
  return acronymKeys;
}
let acronymsByExpansion: Map<string, string[]> | null = null;

/** Each known acronym with its expansion's key, computed once per process. */
function knownExpansionKeys(): Array<[string, string]> {
  if (!expansionKeys) expansionKeys = [...KNOWN_ACRONYMS].map(([acronym, long]) => [acronym, nameKey(long)]);
  return expansionKeys;
}

/** Known acronyms by their expansion's key ("department of homeland security" → ["DHS"]). */
function acronymsOf(key: string): string[] {
  if (!acronymsByExpansion) {
    acronymsByExpansion = new Map();
    for (const [acronym, longKey] of knownExpansionKeys()) {
      const list = acronymsByExpansion.get(longKey) ?? [];
      list.push(acronym);
      acronymsByExpansion.set(longKey, list);
    }
  }
  return acronymsByExpansion.get(key) ?? [];
}

function absorb(registry: Registry, into: Draft, from: Draft): void {
  for (const [key, name] of from.names) {
    if (!into.names.has(key)) into.names.set(key, name);
    registry.byKey.set(key, into);
  }
  into.mentions.push(...from.mentions);
  for (const role of from.roles) addRole(into, role);
  into.votes.person += from.votes.person;
  into.votes.organization += from.votes.organization;
  into.votes.place += from.votes.place;
  into.aliases.push(...from.aliases);
  into.firstAt = Math.min(into.firstAt, from.firstAt);
  for (let i = 0; i < registry.owner.length; i++) if (registry.owner[i] === from) registry.owner[i] = into;
  const at = registry.drafts.indexOf(from);
  if (at >= 0) registry.drafts.splice(at, 1);
}

// Apposition: "Silverio Villegas-Gonzalez, was a Mexican national", "X, a spokesman for Y,".
const APPOSITION_STOP = new Set(['who', 'whom', 'which', 'that', 'whose', 'where', 'and', 'but', 'with', 'when', 'while', 'after', 'before', 'because', 'as', 'since', 'said', 'says']);

const VAGUE_AFTER_THE = new Set(['one', 'same', 'other', 'first', 'last', 'only', 'latest', 'man', 'woman', 'person']);

/**
 * Inside a quotation: more opening than closing curly quotes since the paragraph start (a quotation
 * often runs over several sentences: '“X is a fraud. By any measure, X is a fraud!”'), or an odd
 * number of straight quotes since the sentence start (straight quotes say nothing of direction, so
 * one unbalanced quote earlier in a paragraph must not spoil the rest).
 */
function insideQuote(doc: NlpDoc, at: number): boolean {
  const sentence = doc.sentences[doc.tokens[at].sentence];
  const sentenceStart = sentence?.start ?? 0;
  const paragraphStart = doc.text.lastIndexOf('\n', sentenceStart) + 1;
  const paragraph = doc.text.slice(paragraphStart, doc.tokens[at].start);
  const opens = (paragraph.match(/[“]/g) ?? []).length;
  const closes = (paragraph.match(/[”]/g) ?? []).length;
  const straight = (doc.text.slice(sentenceStart, doc.tokens[at].start).match(/"/g) ?? []).length;
  return opens > closes || straight % 2 === 1;
}

/** The sentence opens with a preposition or subordinator before the name and its titles ("For Mr. Clarke,"). */
function frontedByPreposition(doc: NlpDoc, first: number): boolean {
  let k = first - 1;
  const fronting = (t: Token): boolean => t.pos === 'ADP' || t.pos === 'SCONJ';
  while (k >= 0 && doc.tokens[k].type === 'word' && !fronting(doc.tokens[k]) && /^\p{Lu}/u.test(doc.tokens[k].text)) k--;
  const before = doc.tokens[k];
  // Only a phrase that opens the sentence: "the trial of Frank Beck, a manager of homes accused ..." is an apposition.
  const opensSentence = before !== undefined && (k === 0 || doc.tokens[k - 1].sentence !== before.sentence ||
    /^[\p{Pi}\p{Ps}"'“‘]+$/u.test(doc.tokens[k - 1].text));
  return opensSentence && fronting(before);
}

function appositionAfter(doc: NlpDoc, first: number, last: number): string | null {
  const tokens = doc.tokens;
  let i = last + 1;
  const comma = tokens[i]?.text === ',';
  if (comma) i++;
  const copula = tokens[i] !== undefined && (low(tokens[i]) === 'was' || low(tokens[i]) === 'is');
  if (copula) i++;
  const det = tokens[i];
  if (!det || !(low(det) === 'a' || low(det) === 'an' || low(det) === 'the')) return null;
  if (!comma && !copula) return null; // "Smith the ..." is not an apposition
  // "X is a ..." as a claim inside a quotation is someone's opinion, not a description.
  if (copula && insideQuote(doc, first)) return null;
  if (low(det) === 'the' && VAGUE_AFTER_THE.has(low(tokens[i + 1]) ?? '')) return null;
  let end = i;
  let content = 0;
  let verbAt = -1;
  for (let j = i + 1; j < tokens.length && j <= i + 12; j++) {
    const t = tokens[j];
    if (t.sentence !== det.sentence || t.type === 'punctuation' && t.text !== '-' || t.pos === 'SPACE') break;
    // ("the WHO's regional director": an acronym, not the pronoun.)
    if (APPOSITION_STOP.has(low(t)) && !(t.text.length > 1 && isAcronym(t.text))) break;
    if (t.pos === 'VERB' && doc.text[t.start - 1] === ' ' && tokens[j - 1]?.text !== '-') {
      verbAt = j;
      break;
    }
    // "the baseball player Willie Mays": another name starts; the description ended before it.
    if (isCapitalised(t.text) && tokens[j - 1].pos === 'NOUN' && isLowerInitial(tokens[j - 1].text)) break;
    if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NUM') content++;
    end = j;
  }
  if (content === 0 || end === i) return null;
  // "For Mr. Clarke, the agreement opened the door": after a fronted phrase, the noun phrase is
  // the subject of the clause (a verb follows it), not a description of the name.
  if (comma && !copula && verbAt >= 0 && !/ing$/i.test(tokens[verbAt].text) && frontedByPreposition(doc, first)) return null;
  // Not ending on a dangling preposition or determiner ("a spokesman for").
  while (end > i && ['ADP', 'DET', 'CCONJ', 'PART'].includes(tokens[end].pos)) end--;
  return end > i ? doc.text.slice(det.start, tokens[end].end) : null;
}

const OWNERS = new Set(['the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'a', 'an']);

/**
 * "His lawyer, Peter Quon, asked …", "The company's chief executive, Marta Lindqvist, told …": a
 * role set off by commas before the name, opening the clause. The role's own words ("lawyer",
 * "chief executive"), without its owner; null unless its head is a title or a relation.
 */
function appositionBefore(doc: NlpDoc, first: number, last: number): string | null {
  const tokens = doc.tokens;
  if (tokens[first - 1]?.text !== ',' || tokens[last + 1]?.text !== ',') return null;
  const head = tokens[first - 2];
  if (!head || head.pos !== 'NOUN' || !isLowerInitial(head.text) || (!TITLE_HEADS.has(low(head)) && !RELATIONAL_NOUNS.has(low(head)))) return null;
  // Back over the role's words to its owner ("his", "the company's") at the clause's start.
  let k = first - 2;
  while (k - 1 >= 0 && first - 2 - (k - 1) < 4 && tokens[k - 1].sentence === head.sentence && isLowerInitial(tokens[k - 1].text) &&
    (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'ADJ')) k--;
  const owner = tokens[k - 1];
  if (!owner || owner.sentence !== head.sentence) return null;
  const ownedByName = owner.pos === 'PART' && /^['’]s$/.test(owner.text);
  if (!OWNERS.has(low(owner)) && !ownedByName) return null;
  // The owner's phrase opens its sentence or clause ("Meanwhile, his lawyer, …").
  let start = k - 1;
  if (ownedByName) {
    start -= 1;
    while (start - 1 >= 0 && tokens[start - 1].sentence === head.sentence && tokens[start - 1].text !== ',' && k - start < 5) start--;
  }
  const opener = tokens[start - 1];
  if (opener && opener.sentence === head.sentence && opener.text !== ',') return null;
  return doc.text.slice(tokens[k].start, head.end);
}

/** Affiliations ("D-Ill.") and appositions after each person mention. */
function collectRoles(candidates: Candidate[], doc: NlpDoc, registry: Registry): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const draft = registry.owner[i];
    if (!draft || kindOf(draft.votes) !== 'person') continue;
    const affiliation = affiliationAfter(doc.text, c.end);
    if (affiliation) addRole(draft, affiliation);
    const apposition = appositionAfter(doc, c.first, c.last);
    if (apposition) addRole(draft, apposition);
    const before = appositionBefore(doc, c.first, c.last);
    if (before) addRole(draft, before);
  }
}

interface Event {
  at: number;
  draft?: Draft;
  /** A definite description ("the department") or a bare title ("the President") to resolve. */
  pending?: { span: Span; text: string; heads?: readonly string[]; title?: string };
}

/** "the department", "the agency", and bare titles, each to the latest fitting entity before it. */
function resolveDescriptions(candidates: Candidate[], doc: NlpDoc, registry: Registry, definiteArticles: readonly number[]): void {
  const pendings: Event[] = [];
  const tokens = doc.tokens;
  for (const i of definiteArticles) {
    if (i + 1 >= tokens.length) break;
    const head = tokens[i + 1];
    const heads = DEFINITE_HEADS.get(low(head));
    if (!heads) continue;
    const after = tokens[i + 2];
    if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && after.type === 'word' && doc.text[head.end] === ' ') continue;
    if (isCapitalised(head.text)) continue; // "the Department of ..." is a name, found elsewhere
    const span = { start: tokens[i].start, end: head.end };
    pendings.push({ at: span.start, pending: { span, text: doc.text.slice(span.start, span.end), heads } });
  }
  for (const c of candidates) {
    if (!c.titleOnly) continue;
    const title = c.roles[c.roles.length - 1]?.toLowerCase();
    if (!title) continue;
    const word = title.split(/\s+/).find((w) => TITLE_HEADS.has(w)) ?? title;
    pendings.push({ at: c.start, pending: { span: { start: c.start, end: c.end }, text: c.text, title: word } });
  }
  // Mentions only matter as the latest fitting entity before a description or title.
  if (pendings.length === 0) return;
  // A draft's head words (organisations) or title words (people), listed once per draft rather than once per mention.
  const wordsByDraft = new Map<Draft, { heads: string[]; titles: string[] }>();
  const events: Event[] = [];
  for (const draft of registry.drafts) {
    if (draft.mentions.length === 0) continue;
    const words = draftWords(draft);
    // A draft with neither head nor title words can be the latest of nothing.
    if (words.heads.length === 0 && words.titles.length === 0) continue;
    wordsByDraft.set(draft, words);
    for (const m of draft.mentions) events.push({ at: m.start, draft });
  }
  for (const event of pendings) events.push(event);
  events.sort((a, b) => a.at - b.at);
  const latestByHead = new Map<string, Draft>();
  const latestByTitle = new Map<string, Draft>();
  for (const event of events) {
    if (event.draft) {
      const draft = event.draft;
      const words = wordsByDraft.get(draft)!;
      for (const w of words.heads) latestByHead.set(w, draft);
      for (const w of words.titles) latestByTitle.set(w, draft);
      continue;
    }
    const pending = event.pending!;
    let target: Draft | undefined;
    if (pending.heads) {
      let bestAt = -1;
      for (const head of pending.heads) {
        const draft = latestByHead.get(head);
        if (!draft) continue;
        const last = lastMentionBefore(draft, pending.span.start);
        if (last > bestAt) { bestAt = last; target = draft; }
      }
    } else if (pending.title) {
      target = latestByTitle.get(pending.title);
    }
    if (!target) continue;
    target.mentions.push(pending.span);
    const alias = pending.heads ? pending.text.toLowerCase() : pending.text;
    if (!target.aliases.includes(alias)) target.aliases.push(alias);
  }
}

/** The words an organisation's later "the <head>" or a person's later bare title may refer by. */
function draftWords(draft: Draft): { heads: string[]; titles: string[] } {
  const heads: string[] = [];
  const titles: string[] = [];
  const kind = kindOf(draft.votes);
  if (kind === 'organization') {
    for (const name of draft.names.values()) for (const w of wordsOf(name)) heads.push(w.toLowerCase());
  } else if (kind === 'person') {
    for (const role of draft.roles) for (const w of role.toLowerCase().split(/\s+/)) if (TITLE_HEADS.has(w) || w.endsWith('.')) titles.push(w);
  }
  return { heads, titles };
}

function lastMentionBefore(draft: Draft, at: number): number {
  let best = -1;
  for (const m of draft.mentions) if (m.start < at && m.start > best) best = m.start;
  return best;
}

const NON_ASCII = /[^\x00-\x7F]/;

/** The fullest of a draft's names: the canonical place, else the longest non-acronym form. */
function fullestName(draft: Draft): string {
  if (draft.place) {
    // "Turkey" in an English article stays "Turkey" even where the gazetteer's name is "Türkiye".
    if (NON_ASCII.test(draft.place)) {
      for (const name of draft.names.values()) if (!NON_ASCII.test(name) && !isAcronym(name) && !name.includes('.')) return name;
    }
    return draft.place;
  }
  let best = '';
  let bestScore = -1;
  for (const name of draft.names.values()) {
    const score = (isAcronym(name) ? 0 : 1000) + wordsOf(name).length * 100 + name.length;
    if (score > bestScore) { bestScore = score; best = name; }
  }
  return best;
}

/** Adds an alias unless its key is empty or already `seen`. */
function addDistinct(aliases: string[], seen: Set<string>, alias: string): void {
  addDistinctKeyed(aliases, seen, alias, nameKey(alias));
}

/** addDistinct of an alias whose key (nameKey) is known already. */
function addDistinctKeyed(aliases: string[], seen: Set<string>, alias: string, key: string): void {
  if (!key || seen.has(key)) return;
  seen.add(key);
  aliases.push(alias);
}

/**
 * The kind to report. A name no gazetteer knows, whose only place evidence is a preposition or two
 * before a few of many mentions ("changes to Zoblerone"), is not taken for a place.
 */
function finalKind(draft: Draft): EntityKind {
  const kind = kindOf(draft.votes);
  if (kind !== 'place' || draft.place) return kind;
  const place = draft.votes.place;
  if (place >= 3 || place * 5 >= draft.mentions.length) return kind;
  return kindOf({ ...draft.votes, place: 0 });
}

function finalise(registry: Registry): Entity[] {
  const drafts = registry.drafts.filter((d) => d.mentions.length > 0);
  drafts.sort((a, b) => a.firstAt - b.firstAt);
  return drafts.map((draft, n) => {
    const name = fullestName(draft);
    const kind = finalKind(draft);
    const seen = new Set([nameKey(name)]);
    const aliases: string[] = [];
    // A draft's names are kept by their keys already.
    for (const [key, surface] of draft.names) addDistinctKeyed(aliases, seen, surface, key);
    for (const alias of draft.aliases) addDistinct(aliases, seen, alias);
    if (draft.place) addDistinct(aliases, seen, draft.place);
    if (kind === 'organization') {
      // The well-known other form (DHS ↔ Department of Homeland Security), even if absent here.
      for (const [key, surface] of draft.names) {
        const expansion = KNOWN_ACRONYMS.get(surface.replace(/\./g, ''));
        if (expansion) addDistinct(aliases, seen, expansion);
        for (const acronym of acronymsOf(key)) addDistinct(aliases, seen, acronym);
      }
    }
    const mentions = dedupeSpans(draft.mentions);
    return { id: `e${n}`, name, kind, aliases, roles: draft.roles.slice(), mentions };
  });
}

function dedupeSpans(spans: Span[]): Span[] {
  const sorted = spans.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === s.start && prev.end === s.end) continue;
    out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function extractEntities(doc: NlpDoc): Entity[] {
  if (!doc || !doc.text || doc.tokens.length === 0) return [];
  wordsByName.clear();
  const ctx = documentContext(doc);
  const candidates = findCandidates(ctx);
  const registry = new Registry();
  registerFullNames(candidates, registry);
  registerShortNames(candidates, doc, registry, indexDrafts(registry));
  mergeKnownAcronyms(registry);
  mergeNameTails(registry);
  collectRoles(candidates, doc, registry);
  resolveDescriptions(candidates, doc, registry, ctx.definiteArticles);
  return finalise(registry);
}
