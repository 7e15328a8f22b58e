// The facts schema: what one article becomes. Facts are plain JSON so they can be cached;
// bump FACTS_SCHEMA_VERSION whenever the shape or the extractors' output changes, so cached
// facts from an older extractor are re-parsed.
export const FACTS_SCHEMA_VERSION = 4;

/** An article as every reader produces it, whatever the source format. */
export interface Article {
  id: string;
  title: string | null;
  /** ISO date or date-time as given by the source (the dateline), or null. */
  published: string | null;
  url: string | null;
  author: string | null;
  outlet: string | null;
  /** The body: paragraphs separated by blank lines. All offsets index this string. */
  text: string;
  /** Where the article came from (file path or URL), for messages. */
  source?: string;
}

/** A half-open character range [start, end) into Article.text (UTF-16 indices). */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** Index of the paragraph the sentence belongs to (0-based). */
  paragraph: number;
  /** Present and true for page furniture (captions, credits, promos): not the news itself. */
  furniture?: true;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  /** Stable within one article: e0, e1, ... */
  id: string;
  /** The fullest name seen ("Silverio Villegas-Gonzalez"). */
  name: string;
  kind: EntityKind;
  /** Other names that refer to it ("Gonzalez", "DHS", "the department"). */
  aliases: string[];
  /** Titles and roles ("Assistant Secretary", "Rep."), affiliations ("D-Ill."), descriptions ("a Mexican national"). */
  roles: string[];
  mentions: Span[];
}

export type TimeType = 'date' | 'time' | 'duration' | 'set';

export interface TimeFact extends TextSpan {
  type: TimeType;
  /** TIMEX3 value: 2025-09-12, 2025-09, 2025-W37, T14:00, PT5M, P3D, PRESENT_REF, ... or null. */
  value: string | null;
}

export type QuoteKind = 'direct' | 'indirect' | 'partial';

export interface Speaker extends TextSpan {
  /** The resolved entity's name, or null when the mention could not be resolved. */
  name: string | null;
  /** The resolved entity's id, when resolved. */
  entity?: string;
}

export interface QuoteFact extends TextSpan {
  kind: QuoteKind;
  speaker: Speaker | null;
  cue: TextSpan | null;
}

export interface EventFacts {
  who: string | null;
  what: string | null;
  when: string | null;
  where: string | null;
  why: string | null;
  how: string | null;
  /** The people and organisations of the event as whole names, the actor first ("Janet Mills"); never a phrase or a fragment. */
  names?: string[];
  /** The time of `when` as a TIMEX3 value resolved against the publication date ("2024-03-09", "2024-03-09TNI"), or null. */
  date?: string | null;
}

export interface ArticleFacts {
  schema: number;
  id: string;
  sentences: Sentence[];
  entities: Entity[];
  times: TimeFact[];
  quotes: QuoteFact[];
  event: EventFacts | null;
  /** Sentences, best first, at most 3. */
  summary: string[];
}
