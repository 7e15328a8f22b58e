// A short extractive summary: up to three sentences, best first.
import type { NlpDoc } from './nlp.ts';

export function summarise(doc: NlpDoc): string[] {
  return doc.sentences.slice(0, 3).map((s) => doc.text.slice(s.start, s.end));
}
