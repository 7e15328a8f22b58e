// An entity while it is being built (a draft), and the registry of drafts by name key.
import type { EntityKind, Span } from '../facts.ts';
import type { Candidate, Votes } from './context.ts';
import { nameKey, nameWords } from './names.ts';

/** An entity while it is being built. */
export interface Draft {
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
export const wordsByName = new Map<string, readonly string[]>();

/** nameWords of a name, remembered; the list is shared, so it is read-only. */
export function wordsOf(name: string): readonly string[] {
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
export function placeKey(place: string): string {
  let key = keysOfPlaces.get(place);
  if (key === undefined) {
    key = nameKey(place);
    keysOfPlaces.set(place, key);
  }
  return key;
}

/** nameWords of a candidate's text, worked out on first use and kept on the candidate. */
export function candidateWords(c: Candidate): readonly string[] {
  if (c.words === undefined) c.words = nameWords(c.text);
  return c.words;
}

function newDraft(key: string, at: number, place: string | null): Draft {
  return { key, names: new Map(), mentions: [], roles: [], votes: { person: 0, organization: 0, place: 0, other: 0 }, place, aliases: [], firstAt: at };
}

/** The kind with most votes; ties go to the first of organisation, place, person, other; none at all is "other". */
export function kindOf(votes: Votes): EntityKind {
  let best: EntityKind = 'other';
  let most = 0;
  if (votes.organization > most) { best = 'organization'; most = votes.organization; }
  if (votes.place > most) { best = 'place'; most = votes.place; }
  if (votes.person > most) { best = 'person'; most = votes.person; }
  if (votes.other > most) best = 'other';
  return best;
}

export function addAlias(draft: Draft, alias: string): void {
  if (!draft.aliases.includes(alias)) draft.aliases.push(alias);
}

export function addRole(draft: Draft, role: string): void {
  const clean = role.trim();
  if (!clean) return;
  const key = clean.toLowerCase();
  for (const r of draft.roles) if (r.toLowerCase() === key) return;
  draft.roles.push(clean);
}

export class Registry {
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

/** Where the draft was last mentioned before `at`, or -1. */
export function lastMentionBefore(draft: Draft, at: number): number {
  let best = -1;
  for (const m of draft.mentions) if (m.start < at && m.start > best) best = m.start;
  return best;
}
