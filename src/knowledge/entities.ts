// People, organisations and places, with aliases, roles and every mention.
import type { Entity } from './facts.ts';
import type { NlpDoc } from './nlp.ts';

export function extractEntities(doc: NlpDoc): Entity[] {
  void doc;
  return [];
}
