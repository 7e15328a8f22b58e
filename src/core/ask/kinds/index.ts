// The kinds of question and the order of answering: one module per kind, one table here.
import type { Question, QuestionType } from '../../../knowledge/question/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library } from '../../library.ts';
import type { Answerer, AskResult } from '../types.ts';
import { answerCount } from './count.ts';
import { answerHappened, answerSummary } from './happened.ts';
import { answerList } from './list.ts';
import { answerMeta } from './meta.ts';
import { answerName } from './name.ts';
import { answerWhatSaid } from './what-said.ts';
import { answerWhat } from './what.ts';
import { answerWhen } from './when.ts';
import { answerWhere } from './where.ts';
import { answerWhoIsQuestion } from './who-is.ts';
import { answerWhoSaid } from './who-said.ts';
import { answerWho } from './who.ts';
import { answerWhy } from './why.ts';

/**
 * The answerer of each kind of question. A kind not listed ('what', 'how', 'unknown') is read as a
 * what-question; when an answerer fails, ask() falls back to the best sentence (index.ts).
 */
const KINDS: Partial<Record<QuestionType, Answerer>> = {
  'who-said': answerWhoSaid,
  'what-said': answerWhatSaid,
  'who-is': answerWhoIsQuestion,
  who: answerWho,
  name: answerName,
  when: answerWhen,
  where: answerWhere,
  count: answerCount,
  why: answerWhy,
  'what-happened': answerHappened,
  meta: answerMeta,
  list: answerList,
  summary: answerSummary,
};

export function answerByKind(lib: Library, q: Question, context: ConversationContext): AskResult {
  return (KINDS[q.type] ?? answerWhat)(lib, q, context);
}
