// resolveName: a name-like mention ("McLaughlin", "DHS", "Mr. Trump", "the department") → its
// entity. The lookup tables are built once per entity list (cached by identity; the name-word
// tables only when first needed), so each call is a handful of Map lookups.
import type { Entity } from '../facts.ts';
import { placeName } from './gazetteer.ts';
import { DEFINITE_HEADS, HONORIFICS, KNOWN_ACRONYMS, PARTY_WORDS, TITLE_HEADS, TITLES } from './lexicon.ts';
import { acronymLetters, initialsOf, initialsOfWords, isAcronym, nameKey, nameWords, surnameKeys, surnameKeysOfWords } from './names.ts';

/** The tables of name words, needed only when a mention is no exact name or alias. */
interface WordTables {
  bySurname: Map<string, Entity[]>;
  byFirstName: Map<string, Entity[]>;
  byInitials: Map<string, Entity>;
}

/**
 * Name keys at once; the word tables on first use (most mentions are found by key), and the
 * table of every name word only for the last resort that reads it (a mention of several words
 * found by no other way), as it takes a key per word of every name.
 */
class NameIndex {
  readonly byKey = new Map<string, Entity>();
  private tables: WordTables | null = null;
  private wordTable: Map<string, Entity[]> | null = null;
  constructor(private readonly entities: Entity[]) {
    // Names first so that a name always wins over another entity's alias.
    for (const e of entities) {
      const key = nameKey(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
    for (const e of entities) {
      for (const alias of e.aliases) {
        const key = nameKey(alias);
        if (!this.byKey.has(key)) this.byKey.set(key, e);
      }
    }
  }
  get words(): WordTables {
    this.tables ??= buildWordTables(this.entities);
    return this.tables;
  }
  /** Lower-case name words → entities holding them, for "Homeland Security" → the department. */
  get byWord(): Map<string, Entity[]> {
    this.wordTable ??= buildByWord(this.entities);
    return this.wordTable;
  }
}

const cache = new WeakMap<Entity[], NameIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** More mentions first, then earlier id: the deterministic pick among several candidates. */
function prominent(list: Entity[] | undefined): Entity | null {
  if (!list || list.length === 0) return null;
  let best = list[0];
  for (const e of list) if (e.mentions.length > best.mentions.length) best = e;
  return best;
}

function buildWordTables(entities: Entity[]): WordTables {
  const tables: WordTables = { bySurname: new Map(), byFirstName: new Map(), byInitials: new Map() };
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      // Split once: surnames and initials come from the same list.
      const words = nameWords(form);
      if (e.kind === 'person' || (e.kind === 'other' && words.length >= 2 && !isAcronym(form))) {
        for (const s of surnameKeysOfWords(words)) push(tables.bySurname, s, e);
        if (words.length > 1) push(tables.byFirstName, nameKey(words[0]), e);
      }
      const letters = initialsOfWords(words);
      if (letters.length >= 2 && !tables.byInitials.has(letters)) tables.byInitials.set(letters, e);
    }
  }
  return tables;
}

function buildByWord(entities: Entity[]): Map<string, Entity[]> {
  const byWord = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) for (const w of nameWords(form)) push(byWord, nameKey(w), e);
  }
  return byWord;
}

function indexOf(entities: Entity[]): NameIndex {
  let index = cache.get(entities);
  if (!index) {
    index = new NameIndex(entities);
    cache.set(entities, index);
  }
  return index;
}

/** The mention without quotes, possessive, leading article, honorifics and titles. */
function stripMention(mention: string): { bare: string; definite: boolean; title: string | null } {
  let text = mention.normalize('NFC').replace(/[“”"‘’'«»()\[\]]+$/u, '').replace(/^[“”"‘’'«»()\[\]]+/u, '').trim();
  text = text.replace(/['’]s?$/u, '').replace(/[,;:.]+$/, (m) => (/\b[A-Z]$/.test(text.slice(0, -m.length)) ? m : '')).trim();
  let definite = false;
  if (/^the\s/i.test(text)) {
    definite = true;
    text = text.slice(4).trim();
  }
  const words = text.split(/\s+/).filter(Boolean);
  const titleWords: string[] = [];
  // Honorifics and party words always; a title head and the title words that follow it.
  while (words.length > 1) {
    const w = words[0].toLowerCase();
    if (HONORIFICS.has(w) || PARTY_WORDS.has(w)) {
      titleWords.push(words.shift()!);
      continue;
    }
    if (TITLE_HEADS.has(w)) {
      titleWords.push(words.shift()!);
      while (words.length > 1 && (TITLES.has(words[0].toLowerCase()) || words[0] === 'of')) titleWords.push(words.shift()!);
      continue;
    }
    break;
  }
  if (words.length === 1 && (TITLE_HEADS.has(words[0].toLowerCase()) || HONORIFICS.has(words[0].toLowerCase())) && !/^\p{Lu}{2,}$/u.test(words[0])) {
    titleWords.push(words.shift()!);
  }
  const title = titleWords.length ? titleWords.join(' ') : null;
  return { bare: words.join(' '), definite, title };
}

/** A person whose roles hold this title ("the president" → the one with role "President"). */
// Abbreviated titles and the word they stand for, so "the senator" finds a "Sen.".
const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sen.', 'senator'], ['rep.', 'representative'], ['gov.', 'governor'], ['gen.', 'general'], ['lt.', 'lieutenant'],
  ['col.', 'colonel'], ['capt.', 'captain'], ['sgt.', 'sergeant'], ['adm.', 'admiral'], ['prof.', 'professor'],
  ['dr.', 'doctor'], ['det.', 'detective'], ['supt.', 'superintendent'], ['congressman', 'representative'],
  ['congresswoman', 'representative'],
]);

function titleWords(role: string): string[] {
  return role.toLowerCase().split(/\s+/).map((w) => TITLE_ABBREVIATIONS.get(w) ?? w);
}

function byTitle(entities: Entity[], title: string): Entity | null {
  const last = title.toLowerCase().split(/\s+/).pop() ?? '';
  const wanted = TITLE_ABBREVIATIONS.get(last) ?? last;
  const holders = entities.filter((e) => e.kind === 'person' && e.roles.some((r) => titleWords(r).includes(wanted)));
  return prominent(holders);
}

/**
 * The entity a name-like mention refers to, or null. Tries, in order: the exact name or alias;
 * the name without titles ("Mr. Trump" → "Trump"); a surname or hyphenated surname part; an
 * acronym against initials and well-known expansions; "the department" by head noun; a bare
 * title ("the president") by role; a gazetteer place form ("U.S." → "United States"); and last
 * a mention whose words all occur in one entity's name ("Homeland Security").
 */
export function resolveName(entities: Entity[], mention: string): Entity | null {
  if (!entities || entities.length === 0 || typeof mention !== 'string') return null;
  const raw = mention.trim();
  if (!raw || raw.length > 200) return null;
  const index = indexOf(entities);
  const exact = index.byKey.get(nameKey(raw));
  if (exact) return exact;
  const { bare, definite, title } = stripMention(raw);
  if (!bare) return title ? byTitle(entities, title) : null;
  const key = nameKey(bare);
  const direct = index.byKey.get(key);
  if (direct) return direct;
  const words = nameWords(bare);
  if (words.length === 0) return null;

  if (definite && words.length === 1 && /^\p{Ll}/u.test(bare)) {
    const heads = DEFINITE_HEADS.get(key);
    if (heads) {
      const orgs = entities.filter((e) => e.kind === 'organization' && nameWords(e.name).concat(e.aliases.flatMap(nameWords)).some((w) => heads.includes(w.toLowerCase())));
      const pick = prominent(orgs);
      if (pick) return pick;
    }
    return title ? byTitle(entities, title) : null;
  }
  if (words.length === 1) {
    const surname = prominent(index.words.bySurname.get(key));
    if (surname) return surname;
    const part = key.includes('-') ? prominent(key.split('-').flatMap((p) => index.words.bySurname.get(p) ?? [])) : null;
    if (part) return part;
    if (isAcronym(bare)) {
      const letters = acronymLetters(bare);
      const initials = index.words.byInitials.get(letters);
      if (initials) return initials;
      const expansion = KNOWN_ACRONYMS.get(bare.replace(/\./g, ''));
      if (expansion) {
        const known = index.byKey.get(nameKey(expansion));
        if (known) return known;
      }
    }
    const firstNamed = index.words.byFirstName.get(key);
    if (firstNamed && firstNamed.length === 1) return firstNamed[0];
  } else {
    // "Tricia A. McLaughlin", "Mr. Donald Trump": same surname and same first word.
    const surnames = surnameKeys(bare);
    const people = surnames.length ? index.words.bySurname.get(surnames[0]) ?? [] : [];
    const first = nameKey(words[0]);
    const sameFirst = people.filter((e) => nameKey(nameWords(e.name)[0] ?? '') === first);
    if (sameFirst.length) return prominent(sameFirst);
    const initials = index.words.byInitials.get(initialsOf(bare));
    if (initials && initialsOf(bare).length >= 3 && nameKey(initials.name) === key) return initials;
  }
  const place = placeName(bare);
  if (place) {
    const hit = index.byKey.get(nameKey(place));
    if (hit) return hit;
  }
  // Every word of the mention inside one entity's name ("Homeland Security").
  if (words.length > 1) {
    const keys = words.map(nameKey);
    let shared = index.byWord.get(keys[0]) ?? [];
    for (const k of keys.slice(1)) {
      const holders = index.byWord.get(k) ?? [];
      shared = shared.filter((e) => holders.includes(e));
      if (shared.length === 0) break;
    }
    if (shared.length) return prominent(shared);
  }
  if (title) return byTitle(entities, title);
  return null;
}
