// Finding name candidates: runs of capitalised tokens (with the connectors names contain), one
// left-to-right pass over each sentence's tokens; candidate.ts turns each run into candidates.
import { furnitureSentences, furnitureWordSpans, type FurnitureSpan } from '../furniture.ts';
import { abbreviates, analyseRun } from './candidate.ts';
import { type Candidate, type DocContext, isCapitalisedWordAt, isFirstNameAt, isNameToken, low, PARTICLES, touching } from './context.ts';
import { placeName } from './gazetteer.ts';
import { unglueLeadingWords } from './glued.ts';
import { OF_HEADS, ORG_HEADS, TITLE_HEADS, TITLES } from './lexicon.ts';
import { acronymLetters, initialsOf, isAcronym, isCapitalised } from './names.ts';

/** Where a run starting at `from` ends, and which "and"/"&" connectors it crossed. */
function scanRun(ctx: DocContext, from: number, lastInSentence: number): { end: number; ands: number[] } {
  const tokens = ctx.doc.tokens;
  let end = from;
  const ands: number[] = [];
  let j = from + 1;
  while (j <= lastInSentence) {
    if (isNameToken(ctx, j)) {
      end = j;
      j++;
      continue;
    }
    const t = tokens[j];
    const prev = tokens[j - 1];
    const next = tokens[j + 1];
    if (j + 1 > lastInSentence || !next) break;
    if ((t.text === '-' || t.text === '‐') && touching(prev, t) && touching(t, next) && isNameToken(ctx, j + 1)) {
      end = j + 1;
      j += 2;
      continue;
    }
    if ((low(t) === 'of' && OF_HEADS.has(low(prev))) || (low(t) === 'for' && (ORG_HEADS.has(low(prev)) || OF_HEADS.has(low(prev))))) {
      if (isNameToken(ctx, j + 1) && low(tokens[j + 1]) !== 'the') {
        end = j + 1;
        j += 2;
        continue;
      }
      if (low(next) === 'the' && j + 2 <= lastInSentence && isNameToken(ctx, j + 2)) {
        end = j + 2;
        j += 3;
        continue;
      }
    }
    if ((low(t) === 'and' || t.text === '&') && isNameToken(ctx, j + 1)) {
      ands.push(j);
      end = j + 1;
      j += 2;
      continue;
    }
    if (PARTICLES.has(t.text) && isNameToken(ctx, j + 1)) {
      end = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  return { end, ands };
}

/** "Immigration and Customs Enforcement (ICE)": the acronym in parentheses after a run, if any. */
function parenthesisedAcronym(ctx: DocContext, end: number): number | null {
  const tokens = ctx.doc.tokens;
  if (tokens[end + 1]?.text !== '(' || tokens[end + 3]?.text !== ')') return null;
  const inner = tokens[end + 2];
  return inner && isAcronym(inner.text) ? end + 2 : null;
}

/** Splits a run at "and" unless the whole reads as one organisation. */
function splitAtAnd(ctx: DocContext, from: number, end: number, ands: number[]): Array<[number, number]> {
  if (ands.length === 0) return [[from, end]];
  const tokens = ctx.doc.tokens;
  const whole = ctx.doc.text.slice(tokens[from].start, tokens[end].end);
  const acronym = parenthesisedAcronym(ctx, end);
  const oneOrg =
    ORG_HEADS.has(low(tokens[end])) ||
    ands.every((j) => tokens[j].text === '&') ||
    (acronym !== null && acronymLetters(tokens[acronym].text) === initialsOf(whole));
  if (oneOrg) return [[from, end]];
  const parts: Array<[number, number]> = [];
  let start = from;
  for (const j of ands) {
    parts.push([start, j - 1]);
    start = j + 1;
  }
  parts.push([start, end]);
  return parts;
}

/** Index of the first token after a title starting at `at`, given the run's end; or -1. */
export function titleEnd(ctx: DocContext, at: number, end: number): number {
  const tokens = ctx.doc.tokens;
  if (!TITLE_HEADS.has(low(tokens[at]))) return -1;
  let j = at + 1;
  while (j <= end && TITLES.has(low(tokens[j])) && isCapitalised(tokens[j].text)) j++;
  // "Secretary of State Marco Rubio": the title runs to the first given name, or leaves two words.
  if (j <= end && low(tokens[j]) === 'of') {
    let k = j + 1;
    if (low(tokens[k]) === 'the') k++;
    const rest: number[] = [];
    for (let r = k; r <= end; r++) if (isCapitalisedWordAt(ctx, r)) rest.push(r);
    if (rest.length === 0) return j;
    // "President of the United States", "Governor of New Mexico": a place ends the title.
    for (let n = Math.min(rest.length - 1, 3); n >= 0; n--) {
      if (placeName(ctx.doc.text.slice(tokens[rest[0]].start, tokens[rest[n]].end))) return rest[n] + 1;
    }
    for (let n = 1; n < rest.length; n++) if (isFirstNameAt(ctx, rest[n])) return rest[n];
    if (rest.length >= 3) return rest[rest.length - 2];
    if (rest.length === 2) return rest[1];
    return end + 1;
  }
  return j;
}

/** All name candidates of a document, in text order. */
export function findCandidates(ctx: DocContext): Candidate[] {
  const { doc } = ctx;
  const out: Candidate[] = [];
  const furniture = furnitureSentences(doc);
  for (let n = 0; n < doc.sentences.length; n++) {
    const sentence = doc.sentences[n];
    const before = out.length;
    scanSentence(ctx, sentence.firstToken, sentence.lastToken, out);
    if (out.length === before || furniture[n] !== 1) continue;
    // Credits and furniture words only count when they name something the story names.
    const spans = furnitureWordSpans(doc.text.slice(sentence.start, sentence.end), sentence.start);
    for (let k = before; k < out.length; k++) {
      if (!touchesAnyFurniture(out[k], spans)) continue;
      out[k].weak = true;
      out[k].furniture = true;
    }
  }
  unglueLeadingWords(ctx, out);
  return out;
}

/** How far a credit may sit from its furniture words ("Ann Lee, Getty Images", "Ann Lee/Getty"). */
const CREDIT_GAP = 3;

function touchesAnyFurniture(c: Candidate, spans: FurnitureSpan[]): boolean {
  for (const span of spans) if (touchesFurniture(c, span)) return true;
  return false;
}

/**
 * A name that is furniture itself ("Getty Images", "Image Caption"), a credit right before
 * furniture words ("Ann Lee, Getty Images", a byline before "Read more") or right after a
 * copyright or photo label. Caption text further away ("Image caption Ann Lee waves") still counts.
 */
function touchesFurniture(c: Candidate, span: FurnitureSpan): boolean {
  if (c.start < span.end && c.end > span.start) return true;
  if (c.end <= span.start && span.start - c.end <= CREDIT_GAP) return true;
  return span.creditAfter && c.start >= span.end && c.start - span.end <= CREDIT_GAP;
}

/** The name runs of one sentence, from its first to its last token. */
function scanSentence(ctx: DocContext, firstToken: number, lastToken: number, out: Candidate[]): void {
  let i = firstToken;
  while (i <= lastToken) {
    if (!isNameToken(ctx, i)) {
      i++;
      continue;
    }
    const { end, ands } = scanRun(ctx, i, lastToken);
    if (ands.length === 0) analyseRun(ctx, i, end, out);
    else for (const part of splitAtAnd(ctx, i, end, ands)) analyseRun(ctx, part[0], part[1], out);
    // "Immigration and Customs Enforcement (ICE)": link the acronym to the name before it.
    const acronymAt = parenthesisedAcronym(ctx, end);
    if (acronymAt !== null && out.length > 0) {
      const expansion = out.length - 1;
      const before = out.length;
      analyseRun(ctx, acronymAt, acronymAt, out);
      if (out.length > before && out[before].acronym && abbreviates(out[before].text, out[expansion].text)) out[before].expands = expansion;
      i = acronymAt + 1;
      continue;
    }
    i = end + 1;
  }
}
