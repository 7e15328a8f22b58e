// Stray words glued in front of a name by capitalisation ("Watch Tom Smith"): split off when the
// rest of the run is a name found elsewhere in the document.
import type { Token } from '../nlp.ts';
import { pushCandidate } from './candidate.ts';
import { type Candidate, type DocContext, isNameToken, low, slice } from './context.ts';
import { isFirstName, placeName } from './gazetteer.ts';
import { POSSESSIVE_MARKS } from './kind.ts';
import { isHonorific, isLowerDemonym, KNOWN_ORGS, ORG_HEADS, OTHER_HEADS, PARTY_WORDS, PLACE_HEADS, RELATIONAL_NOUNS, TITLES } from './lexicon.ts';
import { isAcronym, nameKey, nameWords } from './names.ts';

/** Whether a word may be a stray word glued in front of a name rather than its first part. */
function mayBeGlued(ctx: DocContext, t: Token, rest: string, restWords: number, restFirst: Token): boolean {
  if (isFirstName(t.text) || isHonorific(t.text) || TITLES.has(low(t)) || RELATIONAL_NOUNS.has(low(t)) || PARTY_WORDS.has(low(t)) ||
      isAcronym(t.text) || isLowerDemonym(low(t))) return false;
  // "South London", "Greater Manchester": a word before a place makes a place name.
  if (placeName(rest)) return false;
  // "National Guard" → "Guard", "Crystal Palace" → "Palace": a head word alone is a short form, not the name;
  // "Cricket World Cup" → "World Cup": a name with a head word takes modifiers in front.
  const restHead = nameKey(rest).split(' ').pop() ?? '';
  if (ORG_HEADS.has(restHead) || PLACE_HEADS.has(restHead) || OTHER_HEADS.has(restHead)) return false;
  // "Moment Brantham" (a caption word the article also writes in lower case), or "Snapchat Dana
  // Pruitt" (a platform before a full personal name).
  return t.pos !== 'PROPN' || ctx.lowerWords.has(low(t)) || (restWords >= 2 && isFirstName(restFirst.text));
}

/**
 * "Moment Brantham", "Snapchat Dana Pruitt": in captions and run-on text a word gets glued in
 * front of a name. When the glued form occurs once and the rest occurs on its own elsewhere,
 * the candidate becomes the rest. Two passes over the candidates, no token scan.
 */
export function unglueLeadingWords(ctx: DocContext, out: Candidate[]): void {
  const counts = new Map<string, number>();
  const tokens = ctx.doc.tokens;
  // Each candidate's key, worked out once for both passes.
  const keys = out.map((c) => c.key);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (c.acronym || c.place || c.titleOnly || c.roles.length > 0 || c.last <= c.first) continue;
    if (counts.get(keys[k]) !== 1 || KNOWN_ORGS.has(keys[k])) continue;
    // "the World Series Champions": after a determiner the capitalised words make one name.
    const before = tokens[c.first - 1];
    if (before && (before.pos === 'DET' || POSSESSIVE_MARKS.has(low(before)))) continue;
    const from = gluedRestStart(ctx, c, counts);
    if (from < 0) continue;
    const idx: number[] = [];
    for (let i = from; i <= c.last; i++) idx.push(i);
    const rebuilt: Candidate[] = [];
    pushCandidate(ctx, idx, [], false, ctx.shouty[tokens[from].sentence] === 1, rebuilt, false);
    if (rebuilt.length === 0) continue;
    const next = rebuilt[0];
    next.weak = next.weak || c.weak;
    if (c.furniture) next.furniture = true;
    out[k] = next;
  }
}

/**
 * Where the name inside a glued run starts: after one stray word ("Moment Brantham"), or after two
 * before a full personal name ("Invalid Email Dana Pruitt"); -1 when nothing is glued.
 */
function gluedRestStart(ctx: DocContext, c: Candidate, counts: Map<string, number>): number {
  const tokens = ctx.doc.tokens;
  for (let skip = 1; skip <= 2; skip++) {
    const from = c.first + skip;
    if (from > c.last) break;
    // Single spaces between name tokens only: the words sit on one line.
    let plainRun = true;
    for (let i = c.first + 1; i <= from; i++) {
      if (!isNameToken(ctx, i) || ctx.doc.text.slice(tokens[i - 1].end, tokens[i].start) !== ' ') plainRun = false;
    }
    if (!plainRun) break;
    const rest = slice(ctx, from, c.last);
    if (!counts.has(nameKey(rest))) continue;
    const restWords = nameWords(rest).length;
    if (skip === 2 && !(restWords >= 2 && isFirstName(tokens[from].text))) continue;
    let glued = true;
    for (let i = c.first; i < from && glued; i++) glued = mayBeGlued(ctx, tokens[i], rest, restWords, tokens[from]);
    if (glued) return from;
  }
  return -1;
}
