// Direct, partial and indirect speech with cue and speaker, resolved to entities.
import type { Entity, QuoteFact } from './facts.ts';
import type { NlpDoc } from './nlp.ts';

export function extractQuotes(doc: NlpDoc, entities: Entity[]): QuoteFact[] {
  void doc;
  void entities;
  return [];
}
