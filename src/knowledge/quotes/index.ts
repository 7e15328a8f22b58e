// Direct, partial and indirect speech with cue and speaker, resolved to entities.
//
// Three passes over the word list, each linear in the article's length:
//   1. direct: every quotation with a cue right after it ("…," X said) or right before it
//      (X said: "…"), continued by following quotation sentences of the same paragraph;
//   2. indirect: each sentence's cue verbs, with the content after the cue (X said that …),
//      before it (…, X said) or around "according to X";
//   3. continuations: a quotation paragraph without a cue goes to the previous speaker.
// Content spans follow the usual annotation conventions (PolNeAR, PARC): a direct quote keeps
// its quotation marks, an indirect content keeps a leading "that" and drops the final period.
import { resolveName } from '../entities/index.ts';
import type { Entity, QuoteFact, QuoteKind, TimeFact } from '../facts.ts';
import type { NlpDoc } from '../nlp.ts';
import { continuationPass, directPass } from './direct.ts';
import { indirectPass } from './indirect.ts';
import { findQuotations } from './marks.ts';
import { resolveSpeakers } from './speaker.ts';
import { Extraction, type Draft } from './state.ts';
import { buildWordView, type Word } from './words.ts';


function kindOf(words: Word[], d: Draft): QuoteKind {
  if (d.kind === 'direct') return 'direct';
  for (let i = d.content[0]; i <= d.content[1]; i++) if (words[i].quotation >= 0) return 'partial';
  return 'indirect';
}

/** A cue's span and text, built in one literal (a spread of a partial object is slow on this hot path). */
function cueOf(text: string, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Quotes and reported speech. With `times` (the time extractor's facts), words inside dates,
 * times and durations are known from them, so the document needs no wink entities.
 */
export function extractQuotes(doc: NlpDoc, entities: Entity[], times?: TimeFact[]): QuoteFact[] {
  const text = doc.text;
  if (!text || doc.tokens.length === 0) return [];
  const quotations = findQuotations(text);
  const timeSpans = times?.filter((t) => t.type === 'date' || t.type === 'time' || t.type === 'duration');
  const view = buildWordView(doc, quotations, timeSpans);
  if (view.words.length === 0) return [];
  const ex = new Extraction(text, view);
  directPass(ex);
  indirectPass(ex);
  continuationPass(ex);

  const drafts = ex.drafts.sort((a, b) => a.content[0] - b.content[0]);
  const words = view.words;
  const contents = drafts.map((d): [number, number] => [words[d.content[0]].start, words[d.content[1]].end]);
  const speakers = resolveSpeakers({ text, words, entities, resolver: resolveName, contents }, drafts.map((d) => d.speaker ?? d.inherits?.speaker ?? null));
  const out: QuoteFact[] = [];
  drafts.forEach((d, i) => {
    const start = words[d.content[0]].start;
    const end = words[d.content[1]].end;
    if (end <= start) return;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: kindOf(words, d),
      speaker: speakers[i],
      cue: d.cue ? cueOf(text, words[d.cue[0]].start, words[d.cue[1]].end) : null,
    });
  });
  return out;
}
