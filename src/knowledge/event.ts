// The article's main event as who/what/when/where/why/how phrases.
import type { Article, Entity, EventFacts, QuoteFact, TimeFact } from './facts.ts';
import type { NlpDoc } from './nlp.ts';

export interface EventInput {
  article: Article;
  entities: Entity[];
  times: TimeFact[];
  quotes: QuoteFact[];
}

export function extractEvent(doc: NlpDoc, input: EventInput): EventFacts | null {
  void doc;
  void input;
  return null;
}
