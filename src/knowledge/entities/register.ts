// Which draft each name joins: pass A registers full names, pass B resolves surnames, given
// names, acronyms and heads ("Post" → "New York Post") to them.
import type { NlpDoc, Token } from '../nlp.ts';
import { type Candidate, low } from './context.ts';
import { addAlias, candidateWords, type Draft, kindOf, placeKey, Registry, wordsOf } from './draft.ts';
import { firstNameGender, isFirstName, placeOfKey } from './gazetteer.ts';
import { KNOWN_ACRONYMS, ORG_HEADS, OTHER_HEADS, SPEECH_VERBS } from './lexicon.ts';
import { acronymLetters, endsInSingleS, initialsOfWords, isAcronym, isCapitalised, nameKey, surnameKeysOfWords } from './names.ts';

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
export function personShaped(draft: Draft, name: string): boolean {
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

export function indexDrafts(registry: Registry): NameIndexes {
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
export function registerFullNames(candidates: Candidate[], registry: Registry): void {
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
export function registerShortNames(candidates: Candidate[], doc: NlpDoc, registry: Registry, indexes: NameIndexes): void {
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
