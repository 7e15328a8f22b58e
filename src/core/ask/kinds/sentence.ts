// The best-matching sentence as the answer: the fallback of every kind.
import { happenedTo, type Question } from '../../../knowledge/question/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, terms } from '../../library.ts';
import { clip } from '../../wording.ts';
import { attributed, remember, result } from '../compose.ts';
import { citation, coverage, mostlyAsSource, retrieve, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';

export function answerBySentence(lib: Library, q: Question, context: ConversationContext, notSource = false): AskResult {
  const words = topicTerms(q);
  const hits = retrieve(lib, words, context, 5);
  if (notSource) {
    // The one asked about, without its possessor: "the boy's parents" → parents.
    const object = terms(happenedTo(q.text));
    for (const h of hits) if (mostlyAsSource(lib, h, object)) h.score *= 0.5;
    hits.sort((a, b) => b.score - a.score);
  }
  const top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return result(q.type, null, 0.1, [], context);
  const cite = citation(lib, top);
  return result(q.type, clip(attributed(lib, top, words), 500), 0.5 * coverage(lib, words, top) + 0.2, [cite], remember(context, [cite]));
}
