// Verification of an answer before it is given: the rules of verify.ts, then the story check (the
// cited article must hold most of what the question names).
import { PERSON_PRONOUNS, type Question, type QuestionType, withoutFrameWords } from '../../knowledge/question/index.ts';
import type { ConversationContext } from '../conversation.ts';
import { Library, terms } from '../library.ts';
import { result } from './compose.ts';
import { topicTerms } from './evidence.ts';
import type { AskResult } from './types.ts';
import { verify } from './verify.ts';

/** Kinds whose answer is read from the story the question names (not meta questions about the articles themselves). */
const TOPICAL = new Set<QuestionType>(['who', 'who-is', 'name', 'when', 'where', 'count', 'why', 'what-happened', 'what-said', 'who-said', 'what', 'unknown']);

/** Below this share of the question's topic in every cited article, the answer is from another story. */
const MIN_TOPIC_COVERAGE = 0.5;

/**
 * An answer from an article that holds little more than half of what the question names stands
 * only when no other article holds clearly more of it: "when's the harbour one punch case back in
 * court" answered from a story with "case … back … court" but no one-punch death, when the
 * one-punch story holds the rest.
 */
const WEAK_TOPIC_COVERAGE = 0.6;
const RIVAL_MARGIN = 0.3;

/** Words of the question's frame, not its topic: "what's the name of", "what's going on". */
const SCAFFOLD = new Set(terms('name names called going happening'));

/**
 * Verification of the answer against what the question asks for (the rules of ask/verify.ts):
 * null when it breaks one, else the answer with a little more confidence for each rule it kept.
 */
function verified(lib: Library, q: Question, r: AskResult): AskResult | null {
  const a = r.answer;
  if (a.answer === null) return r;
  const cited = new Set(a.citations.map((c) => lib.get(c.articleId)?.index));
  const { broken, held } = verify({
    question: q,
    type: a.type,
    lead: a.lead ?? a.answer.split(' — ')[0],
    hasLead: a.lead !== undefined || a.answer.includes(' — '),
    evidence: a.citations.map((c) => c.sentence),
    kindOf: (name) => (name ? lib.findEntities(name, 50).find((x) => cited.has(x.article))?.entity.kind : undefined),
  });
  if (broken.length > 0) return null;
  return held > 0 ? { ...r, answer: { ...a, confidence: Math.min(0.95, Math.round((a.confidence + 0.05 * held) * 100) / 100) } } : r;
}

/**
 * Verification of the story: an answer stands only when one of its cited articles holds most of
 * what the question names (by rarity), else the articles don't say. "whats going on with the
 * russian cargo ship" must not be answered from a story about a meat trader because its
 * sentence happened to score best.
 */
export function onTopic(lib: Library, q: Question, r: AskResult, context: ConversationContext, followUp: boolean, pronoun: string | null = null): AskResult {
  if (r.answer.answer === null || !TOPICAL.has(q.type)) return r;
  // "where's he from" in a conversation that has named no one and no story: "he" is nobody the
  // articles can be asked about, and any answer would be about someone else.
  if (pronoun && PERSON_PRONOUNS.test(pronoun) && !context.person && !context.articleId) return result(q.type, null, 0, [], context);
  const checked = verified(lib, q, r);
  if (checked === null) return result(q.type, null, 0, [], context);
  r = checked;
  // "where's he from", asked after a question about one story, is about someone in that story:
  // an answer from another story is about someone (or something) else.
  if (pronoun && context.articleId && !r.answer.citations.some((c) => c.articleId === context.articleId)) return result(q.type, null, 0, [], context);
  const words = topicTerms({ ...q, text: withoutFrameWords(q.text) }).filter((t) => !SCAFFOLD.has(t));
  if (words.length === 0) return r;
  let best = 0;
  for (const c of r.answer.citations) {
    // A follow-up ("how old is he") answered from the conversation's own story needs no second proof.
    if (followUp && c.articleId === context.articleId) return r;
    const loaded = lib.get(c.articleId);
    if (loaded) best = Math.max(best, lib.articleCoverage(words, loaded.index));
  }
  if (r.answer.citations.length === 0) return r;
  return best < MIN_TOPIC_COVERAGE || otherStory(lib, words, best) ? result(q.type, null, 0, [], context) : r;
}

/** Whether an article holding `other` of the question's topic is clearly the story asked about rather than the one holding `held`. */
export function outweighs(other: number, held: number): boolean {
  return held < WEAK_TOPIC_COVERAGE && other >= held + RIVAL_MARGIN;
}

/** Whether an article among those that best match the question's words clearly outweighs the one answering it (which holds `held`). */
function otherStory(lib: Library, words: string[], held: number): boolean {
  if (held >= WEAK_TOPIC_COVERAGE) return false;
  return [...new Set(lib.search(words, { limit: 30 }).map((h) => h.article))].some((a) => outweighs(lib.articleCoverage(words, a), held));
}
