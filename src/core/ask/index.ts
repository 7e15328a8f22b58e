// Questions → answers: read the question (knowledge/question), answer it by its kind (kinds/),
// from the evidence of the loaded articles (evidence.ts), composed with its source (compose.ts),
// and checked against what was asked (on-topic.ts, verify.ts). Null when the articles do not say.
import { followUpTopic, leansOnConversation, parseQuestion, pronounSubject, type Question, type QuestionType } from '../../knowledge/question/index.ts';
import type { ConversationContext } from '../conversation.ts';
import { Library } from '../library.ts';
import { log } from '../log.ts';
import { clip } from '../wording.ts';
import { result } from './compose.ts';
import { topicTerms } from './evidence.ts';
import { withPersonResolved } from './focus.ts';
import { answerByKind } from './kinds/index.ts';
import { answerBySentence } from './kinds/sentence.ts';
import { onTopic } from './on-topic.ts';
import { ANSWER_FAILED, type Answerer, type AskResult } from './types.ts';

export { ANSWER_FAILED, type Answer, type AskResult, type Citation } from './types.ts';

/** Question types a bare follow-up ("Why?", "And where?") asks of the last question's topic. */
const FOLLOW_UP_TYPES = new Set<QuestionType>(['when', 'where', 'why', 'count']);

/**
 * Answers a question; never throws. A fault in an answerer is logged and the next answerer in
 * ANSWERERS is tried; when none can answer, the answer says so (`error`), and the context is kept.
 */
export function ask(lib: Library, questionText: string, context: ConversationContext = {}): AskResult {
  let kind: QuestionType = 'unknown';
  try {
    let q = withPersonResolved(parseQuestion(questionText), context);
    kind = q.type;
    if (lib.size === 0) return result(q.type, null, 0, [], context);
    if (!q.text) return result('unknown', null, 0, [], context);
    // "When did the plant close?" … "Why?": the follow-up keeps the topic of the question before it.
    const ownTopic = topicTerms(q).length > 0;
    if (!ownTopic && context.topic && FOLLOW_UP_TYPES.has(q.type)) q = { ...q, text: `${q.text} ${context.topic}` };
    const followUp = !ownTopic || leansOnConversation(questionText);
    const r = onTopic(lib, q, firstAnswer(lib, q, context), context, followUp, pronounSubject(questionText));
    if (ownTopic && r.answer.answer !== null && FOLLOW_UP_TYPES.has(q.type)) {
      r.context = { ...r.context, topic: followUpTopic(q.text) };
    }
    return r;
  } catch (e) {
    answerFailed(e, kind, 'ask', questionText);
    return failedAnswer(kind, context);
  }
}

/**
 * Answerers in the order they are tried when one fails: the question's own kind, then the
 * sentence that best matches the question (which fits every kind: "When did the ferry sail?"
 * gets the sentence about the ferry rather than nothing).
 */
const ANSWERERS: Array<{ name: string; answer: Answerer }> = [
  { name: 'kind', answer: answerByKind },
  { name: 'sentence', answer: (lib, q, context) => answerBySentence(lib, q, context) },
];

function firstAnswer(lib: Library, q: Question, context: ConversationContext): AskResult {
  for (const answerer of ANSWERERS) {
    try {
      return answerer.answer(lib, q, context);
    } catch (e) {
      answerFailed(e, q.type, answerer.name, q.text);
    }
  }
  return failedAnswer(q.type, context);
}

/** The operator learns what failed, for which kind of question, and where. */
function answerFailed(e: unknown, kind: QuestionType, answerer: string, question: string): void {
  const err = e instanceof Error ? e.message : String(e);
  const at = e instanceof Error ? e.stack?.split('\n').slice(1, 4).map((l) => l.trim()).join(' < ') : undefined;
  log().error({ err, at, kind, answerer, question: clip(String(question), 200) }, 'answering failed');
}

function failedAnswer(kind: QuestionType, context: ConversationContext): AskResult {
  return { answer: { answer: null, type: kind, confidence: 0, citations: [], error: ANSWER_FAILED }, context };
}
