// Who a speaker mention is: the resolved entity when the entity extractor knows it, else the
// fullest proper name seen for it in the article ("Caddell" → "Pat Caddell"); pronouns
// ("he said", "it said") go to the nearest earlier compatible person, organisation or group.
import type { Entity, Speaker } from '../facts.ts';
import { Antecedents, antecedent, sortInTextOrder, type Antecedent, type SpeakerClass } from './antecedents.ts';
import { ORGANIZATION_NOUNS, PERSON_NOUNS, SPEAKER_PRONOUNS, type Referent } from './lexicon.ts';
import { describedName, genderOf, isNameWord, isTitle, properNames, surnameIndex, titleGenderBefore, type ProperName } from './names.ts';
import type { WordRange } from './phrases.ts';
import type { Word } from './words.ts';

/** resolveName(entities, mention) as entities.ts exports it (once it does). */
export type NameResolver = (entities: Entity[], mention: string) => Entity | null;

/** Each entity's class, worked out once: it is asked again for every mention of the entity. */
const entityClasses = new WeakMap<Entity, { name: string; kind: Entity['kind']; cls: SpeakerClass }>();

function classOfEntity(e: Entity): SpeakerClass {
  const known = entityClasses.get(e);
  // Kept only while the entity's name and kind are those it was worked out from.
  if (known && known.name === e.name && known.kind === e.kind) return known.cls;
  const cls = entityClass(e);
  entityClasses.set(e, { name: e.name, kind: e.kind, cls });
  return cls;
}

function entityClass(e: Entity): SpeakerClass {
  if (e.kind === 'person') {
    const g = genderOf(e.name.split(/\s+/)[0] ?? '');
    return { referent: 'person', gender: g === 'none' ? null : g };
  }
  return { referent: e.kind === 'organization' ? 'organization' : 'unknown' };
}

export interface SpeakerContext {
  text: string;
  words: Word[];
  /** Character spans of the quotes' contents: names inside them are reported, not narrated. */
  contents?: Array<[number, number]>;
  entities: Entity[];
  resolver: NameResolver | null;
  cache?: Map<string, Entity | null>;
}

interface Named {
  name: string;
  /** The phrase names no one ("a police spokesman", "the 52-year-old"): its name is the phrase itself. */
  common?: boolean;
  entity?: string;
  cls: SpeakerClass;
}

/** The resolver, asked once per distinct mention text (speakers repeat a lot). */
function resolveOnce(ctx: SpeakerContext, mention: string): Entity | null {
  const cache = (ctx.cache ??= new Map<string, Entity | null>());
  let entity = cache.get(mention);
  if (entity === undefined) {
    entity = ctx.resolver ? ctx.resolver(ctx.entities, mention) : null;
    cache.set(mention, entity);
  }
  return entity ?? null;
}

/** Name and class of a non-pronoun speaker phrase: the resolved entity's when it has one. */
function nameSpeaker(ctx: SpeakerContext, range: WordRange, index: Map<string, ProperName>): Named {
  const own = describeSpeaker(ctx, range, index);
  if (!ctx.resolver) return own;
  const { text, words } = ctx;
  const mention = text.slice(words[range[0]].start, words[range[1]].end);
  // The proper name inside the phrase is asked first: a title or a description ("Rep. Gwen
  // Moore (D-Wis.)", "Mr. McGinley, the law professor") can lead the resolver to someone else.
  const candidate = (own.name !== mention ? resolveOnce(ctx, own.name) : null) ?? resolveOnce(ctx, mention);
  const entity = candidate && entityFits(candidate, own) ? candidate : null;
  if (!entity) return own;
  // A plural head ("Residents", "officials") is a group whatever kind the entity was given.
  const typed = entity.kind === 'person' || entity.kind === 'organization';
  const cls = own.cls.referent === 'group' || !typed ? own.cls : classOfEntity(entity);
  return { name: entity.name, entity: entity.id, cls };
}

/** Words a tagger may glue to a name at a sentence start ("Said Ellis"). */
const CUE_WORDS = new Set(['said', 'says', 'told', 'tells', 'added', 'asked', 'wrote', 'according']);

/**
 * A resolved entity must carry the speaker's own surname, and must not be a name glued to a
 * cue verb ("Said Ellis" for "Ellis"); otherwise the words' own reading is kept.
 */
function entityFits(entity: Entity, own: Named): boolean {
  const entityWords = entity.name.toLowerCase().split(/\s+/);
  if (CUE_WORDS.has(entityWords[0])) return false;
  if (own.cls.referent === 'group') return true;
  // A common-noun speaker ("the department") has no surname to check.
  const last = own.name.split(/\s+/).pop() ?? '';
  if (!/^\p{Lu}/u.test(last)) return true;
  // (Lower-casing never makes or removes whitespace: the last word's lower case is the surname.)
  const surname = last.toLowerCase();
  return entityWords.includes(surname) || entityWords.some((w) => w.replace(/[’']s$/, '') === surname.replace(/[’']s$/, ''));
}

/** Name and class from the words alone (fullest proper name seen, or the phrase itself). */
function describeSpeaker(ctx: SpeakerContext, range: WordRange, index: Map<string, ProperName>): Named {
  const { text, words } = ctx;
  const mention = text.slice(words[range[0]].start, words[range[1]].end);
  // The head part: before "of/for/at" ("a spokesman for the agency" → "a spokesman").
  let headEnd = range[1];
  for (let i = range[0]; i <= range[1]; i++) {
    if (words[i].pos === 'ADP' || words[i].text === ',' || words[i].text === '(') {
      headEnd = i - 1;
      break;
    }
  }
  let properFirst = -1;
  let properLast = -1;
  for (let i = headEnd; i >= range[0]; i--) {
    if (isNameWord(words[i])) {
      if (properLast < 0) properLast = i;
      properFirst = i;
    } else if (properLast >= 0) break;
  }
  // "His former partner, Lena Broun": a common-noun head with the name in apposition after it.
  if (properLast < 0 && headEnd < range[1] && words[headEnd + 1].text === ',') {
    for (let i = headEnd + 2; i <= range[1] && words[i].text !== ','; i++) {
      if (isNameWord(words[i])) {
        if (properFirst < 0) properFirst = i;
        properLast = i;
      } else if (properLast >= 0) break;
    }
  }
  const proper = properLast >= 0 ? text.slice(words[properFirst].start, words[properLast].end) : null;
  const head = words[headEnd];
  // "Residents", "Officials" opening a paragraph are tagged as proper nouns; they are groups.
  if (head.normal.endsWith('s') && (PERSON_NOUNS.has(head.normal.slice(0, -1)) || (PERSON_NOUNS.has(head.lemma) && head.normal !== head.lemma))) {
    return { name: mention, cls: { referent: 'group' }, common: true };
  }
  let titled = false;
  for (let i = range[0]; i <= headEnd && !titled; i++) titled = isTitle(words[i]) || PERSON_NOUNS.has(words[i].normal);
  if (proper) {
    const full = index.get(words[properLast].normal);
    const name = full && full.text.length > proper.length && full.text.endsWith(proper) ? full.text : proper;
    const g = full ? full.gender : genderOf(words[properFirst].text);
    const gender = titleGenderBefore(words, range[0], properFirst) ?? g;
    if (gender !== 'none' || titled || (full && full.gender !== 'none')) {
      return { name, cls: { referent: 'person', gender: gender === 'none' ? null : gender } };
    }
    if (ORGANIZATION_NOUNS.has(head.normal) || properFirst === properLast) {
      return { name, cls: { referent: properFirst === properLast && !ORGANIZATION_NOUNS.has(head.normal) ? 'unknown' : 'organization' } };
    }
    return { name, cls: { referent: 'organization' } };
  }
  if (PERSON_NOUNS.has(head.lemma) || PERSON_NOUNS.has(head.normal)) {
    const g = genderOf(head.normal);
    const plural = head.normal !== head.lemma && head.normal.endsWith('s');
    return { name: mention, cls: plural ? { referent: 'group' } : { referent: 'person', gender: g === 'none' ? null : g }, common: true };
  }
  if (head.pos === 'NOUN' && head.normal !== head.lemma && head.normal.endsWith('s')) return { name: mention, cls: { referent: 'group' }, common: true };
  // "The announcement", "the report": a thing is an "it", never a "he" or "she".
  return { name: mention, cls: { referent: ORGANIZATION_NOUNS.has(head.lemma) || head.pos === 'NOUN' ? 'organization' : 'unknown' }, common: true };
}

/**
 * Flags the antecedents that are a clause's subject (a verb follows the name) outside every
 * quote content. Both lists are walked once in text order.
 */
function markNarratedSubjects(ctx: SpeakerContext, sorted: Antecedent[]): void {
  const { words } = ctx;
  const contents = [...(ctx.contents ?? [])].sort((a, b) => a[0] - b[0]);
  let c = 0;
  let reachedEnd = -1;
  let k = 0;
  for (const a of sorted) {
    while (c < contents.length && contents[c][0] <= a.at) reachedEnd = Math.max(reachedEnd, contents[c++][1]);
    if (reachedEnd > a.at) continue;
    while (k < words.length && words[k].start < a.at) k++;
    const first = words[k];
    if (!first || first.start !== a.at || first.quotation >= 0) continue;
    // The name's last word: the run of proper nouns from its first word.
    let last = k;
    while (last + 1 < words.length && words[last + 1].pos === 'PROPN' && last - k < 5) last++;
    const next = words[last + 1];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX') && next.quotation < 0) a.narratedSubject = true;
  }
}

/** Speakers for the given phrases (in any order), with names and pronouns resolved. */
export function resolveSpeakers(ctx: SpeakerContext, ranges: Array<WordRange | null>): Array<Speaker | null> {
  const { text, words } = ctx;
  const proper = properNames(text, words);
  const index = surnameIndex(proper);
  // A pronoun speaker is a single word ("he"); "my father" is a phrase with a name of its own.
  const isPronoun = (r: WordRange) => r[0] === r[1] && words[r[0]].pos === 'PRON';
  // Antecedents are only ever looked up for pronoun speakers, among those before them: one at or
  // after the last pronoun speaker is never read, so it is not collected (none when no pronoun speaks).
  let horizon = -1;
  for (const r of ranges) if (r && isPronoun(r)) horizon = Math.max(horizon, words[r[0]].start);
  const antecedents: Antecedent[] = [];
  for (const p of proper) {
    if (p.start >= horizon) break;
    const full = index.get(p.surname);
    const gender = p.gender !== 'none' ? p.gender : full && full.gender !== 'none' ? full.gender : 'none';
    if (gender !== 'none' || p.titled) {
      antecedents.push(antecedent(p.start, full && full.text.endsWith(p.text) ? full.text : p.text, undefined, { referent: 'person', gender: gender === 'none' ? null : gender }));
    }
  }
  for (const e of ctx.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    let cls: SpeakerClass | null = null;
    for (const m of e.mentions) {
      if (m.start >= horizon) continue;
      cls ??= classOfEntity(e);
      antecedents.push(antecedent(m.start, e.name, e.id, cls));
    }
  }
  const named: Array<Named | null> = ranges.map((r) => (r && !isPronoun(r) ? nameSpeaker(ctx, r, index) : null));
  named.forEach((n, i) => {
    const r = ranges[i];
    if (!n?.common || !r) return;
    const at = words[r[0]].start;
    const described = describedName(text, proper, text.slice(at, words[r[1]].end), at);
    if (!described) return;
    const full = index.get(described.surname);
    const name = full && full.text.endsWith(described.text) ? full.text : described.text;
    const entity = resolveOnce(ctx, name);
    const gender = described.gender;
    named[i] = { name: entity?.name ?? name, entity: entity?.id, cls: { referent: 'person', gender: gender === 'none' ? null : gender } };
  });
  ranges.forEach((r, i) => {
    const n = named[i];
    if (r && n && words[r[0]].start < horizon) antecedents.push(antecedent(words[r[0]].start, n.name, n.entity, n.cls));
  });
  sortInTextOrder(antecedents);
  markNarratedSubjects(ctx, antecedents);

  const order = ranges.map((_, i) => i).filter((i) => ranges[i] !== null);
  order.sort((a, b) => (ranges[a] as WordRange)[0] - (ranges[b] as WordRange)[0]);
  const out: Array<Speaker | null> = ranges.map(() => null);
  const seen = new Antecedents();
  let next = 0;
  for (const i of order) {
    const r = ranges[i] as WordRange;
    const start = words[r[0]].start;
    const end = words[r[1]].end;
    while (next < antecedents.length && antecedents[next].at < start) seen.see(antecedents[next++]);
    const n = named[i];
    const paragraph = words[r[0]].paragraph;
    const speaker: Speaker = { start, end, text: text.slice(start, end), name: null };
    if (n) {
      speaker.name = n.common ? null : n.name;
      if (n.entity) speaker.entity = n.entity;
      seen.see(antecedent(start, n.name, n.entity, n.cls), paragraph);
    } else {
      const referent = SPEAKER_PRONOUNS.get(words[r[0]].normal);
      const found = referent ? seen.find(referent, paragraph) : null;
      if (found) {
        // A pronoun takes its antecedent's words even when they name no one ("It" → "the
        // transport department"): the pronoun alone says less.
        speaker.name = found.name;
        if (found.entity) speaker.entity = found.entity;
        // The resolved pronoun keeps its referent current ("he said … he added").
        seen.see(found, paragraph);
      }
    }
    out[i] = speaker;
  }
  return out;
}
