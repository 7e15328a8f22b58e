// Who the event is about, as whole names: the actor's full name as the article gives it, then
// the people and organisations the story names most. A phrase that is no name ("Harbour town",
// "State", "Governor") or only part of one ("Corran" of "Corran Falls") is never listed.
import type { Entity } from '../facts.ts';
import { occursAsWord } from '../words.ts';

/** Names listed at most. */
const MAX_NAMES = 3;

/** A word the article also writes in lower case is a common noun ("State", "Council", "People"). */
function writtenInLowerCase(word: string, text: string): boolean {
  return occursAsWord(text, word.toLowerCase());
}

/** A proper name: every word capitalised (joiners such as "of" and "&" aside), and not a lone common noun. */
export function isProperName(phrase: string, text: string): boolean {
  const words = phrase.split(/\s+/).filter((w) => !/^(?:of|the|and|&|de|for|du|van|von|al)$/i.test(w));
  if (words.length === 0 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  // Capitals throughout ("AUGUSTA", "EXCLUSIVE") are a dateline's or a kicker's typography.
  if (words.every((w) => w.length > 3 && !/\p{Ll}/u.test(w))) return false;
  return words.length > 1 || !writtenInLowerCase(words[0], text);
}

/** The entity a who phrase names: one whose name or alias it is, or whose name it begins ("Corran" → "Corran Falls"). */
function entityOf(who: string, entities: Entity[]): Entity | undefined {
  const same = (n: string) => n === who;
  const begins = (n: string) => n.startsWith(`${who} `);
  const within = (n: string) => who.endsWith(` ${n}`) || who === n;
  return entities.find((e) => same(e.name) || e.aliases.some(same)) ??
    entities.find((e) => begins(e.name)) ??
    entities.find((e) => e.kind !== 'place' && within(e.name));
}

/**
 * The actor's whole name when the who phrase is a short form the article uses for a person or
 * an organisation ("Hartley" of "Tom Hartley", "Hawks" of "Harbour Hawks"); else the phrase.
 */
export function fullName(who: string, entities: Entity[], text: string): string {
  if (!isProperName(who, text)) return who;
  const named = entities.find((e) => (e.kind === 'person' || e.kind === 'organization') && e.name.length > who.length && e.aliases.includes(who));
  return named && isProperName(named.name, text) ? named.name : who;
}

/**
 * Whole names for a who line: the actor (an entity's full name, or the who phrase when it is a
 * proper name), then the most mentioned people and organisations, none repeating another.
 * `where`: the event's place, which is not a who even when an entity says it is.
 */
export function eventNames(who: string | null, entities: Entity[], text: string, where: string | null): string[] {
  const out: string[] = [];
  const known = (name: string) => out.some((o) => o.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(o.toLowerCase()));
  if (who) {
    const entity = entityOf(who, entities);
    const actor = entity ? entity.name : who;
    if (isProperName(actor, text)) out.push(actor);
  }
  const people = entities
    .filter((e) => e.kind === 'person' || e.kind === 'organization')
    .sort((a, b) => b.mentions.length - a.mentions.length);
  for (const e of people) {
    if (out.length >= MAX_NAMES) break;
    if (known(e.name) || (where && e.name.toLowerCase() === where.toLowerCase()) || !isProperName(e.name, text)) continue;
    out.push(e.name);
  }
  return out;
}
