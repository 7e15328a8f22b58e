// What is being asked: the kinds of question and the parts a question is read into.
// Read by parse.ts from plain language; core/ask resolves names and pronouns against the facts.

/** Every kind of question, as an answer's `type` names it. */
export const QUESTION_TYPES = [
  'who-said', // who said "…" / who said that …
  'what-said', // what did X say (about Y)
  'who-is', // who is <name>
  'who', // who did / was <something>
  'name', // what was the officer's name
  'when',
  'where',
  'count', // how many / how much / how long
  'why',
  'how',
  'what-happened',
  'summary', // summarise (the ferry strike) / tl;dr
  'what',
  'meta', // author, outlet, date, title of an article
  'list', // list or search articles
  'unknown',
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

export type MetaField = 'author' | 'outlet' | 'published' | 'title' | 'url';

export interface Question {
  type: QuestionType;
  text: string;
  /** who-said: the quoted words (or the paraphrase). */
  quote?: string;
  /** who-is: the name was guessed from a question typed all in lower case. */
  nameGuess?: boolean;
  /** who-is / what-said: the name or pronoun asked about. */
  subject?: string;
  /** what-said: what about ("about the shooting"); name: whose name; who-said: the speaker's role asked by ("the senator"). */
  about?: string;
  meta?: MetaField;
  /** list: search words, if any; summary: the article's words, if any. */
  query?: string;
  /** list: newest articles first ("what's new about the ferry"), not best match first. */
  newest?: true;
}
