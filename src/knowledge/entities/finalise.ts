// Drafts → reported entities: the fullest name, the final kind, distinct aliases and mentions.
import type { Entity, EntityKind, Span } from '../facts.ts';
import { type Draft, kindOf, Registry, wordsOf } from './draft.ts';
import { KNOWN_ACRONYMS } from './lexicon.ts';
import { acronymsOf } from './merge.ts';
import { isAcronym, nameKey } from './names.ts';

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

export function finalise(registry: Registry): Entity[] {
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
