// Drafts registered apart that are one entity: name tails ("Peña Nieto") and known acronyms.
import { addRole, type Draft, Registry, wordsOf } from './draft.ts';
import { KNOWN_ACRONYMS } from './lexicon.ts';
import { nameKey } from './names.ts';
import { personShaped } from './register.ts';

/** "Peña Nieto" after "Enrique Peña Nieto": a shorter person name that ends a longer one. */
export function mergeNameTails(registry: Registry): void {
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
export function mergeKnownAcronyms(registry: Registry): void {
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
export function acronymsOf(key: string): string[] {
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
