// The answer `ask` gives, its citations, and the shape of an answerer.
import type { Question, QuestionType } from '../../knowledge/question/index.ts';
import type { ConversationContext } from '../conversation.ts';
import { Library } from '../library.ts';

export interface Citation {
  articleId: string;
  title: string;
  sentence: string;
  start: number;
  end: number;
}

export interface Answer {
  /** The answer with its supporting sentence, or null when the articles do not say (or on `error`). */
  answer: string | null;
  /** The short answer alone ("Friday, September 12, 2025"), with its source when it is a claim. */
  lead?: string;
  type: QuestionType;
  confidence: number;
  citations: Citation[];
  /** Set (with `answer: null`, no citations) when answering failed; the failure is in the operator log. */
  error?: string;
}

export const ANSWER_FAILED = 'could not answer this question (internal error); it has been logged';

export interface AskResult {
  answer: Answer;
  context: ConversationContext;
}

export type AnswerText = string | null | { text: string; lead: string };

export type Answerer = (lib: Library, q: Question, context: ConversationContext) => AskResult;
