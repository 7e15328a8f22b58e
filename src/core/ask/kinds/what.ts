// "What …" and questions of no other kind: a score, what a name or acronym is, a defining sentence.
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { partyNextTo, SCORE, spelledOut } from '../../../knowledge/sentence/index.ts';
import { articleInFocus, type ConversationContext } from '../../conversation.ts';
import { Library, lookupKey, terms } from '../../library.ts';
import { clip, escapeRegExp } from '../../wording.ts';
import { attributed, remember, result, supported } from '../compose.ts';
import { actSentences, citation, coverage, leadSentence, retrieve, sentenceAt, topicTerms } from '../evidence.ts';
import { resolveSubject } from '../focus.ts';
import type { AskResult } from '../types.ts';
import { answerBySentence } from './sentence.ts';
import { answerWhoIs } from './who-is.ts';

/** "What is the WHO?", "What does CDC stand for?": a name the articles know, described like a who-is. */
export function answerWhatIs(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const { acronym: expands, thing } = frameOf(q).constraints;
  const name = thing ?? expands;
  if (!name) return null;
  if (!/\p{Lu}/u.test(name)) return expands ? null : definingSentence(lib, name, context);
  const ref = lib.findEntities(name, 1)[0];
  if (!ref) return definingSentence(lib, name, context);
  if (expands) {
    // The longest of the entity's names that is not the acronym itself spells it out, else the
    // capitalised words right before "(ACRONYM)" in the text.
    const loaded = lib.article(ref.article);
    const mention = ref.entity.mentions[0];
    const full = [ref.entity.name, ...ref.entity.aliases].filter((n) => lookupKey(n) !== lookupKey(name)).sort((a, b) => b.length - a.length)[0] ??
      spelledOut(loaded.article.text, name);
    if (full && mention) {
      const cite = citation(lib, { article: ref.article, sentence: sentenceAt(loaded, mention.start) });
      return result('what', `${name} stands for ${full}. — ${cite.sentence}`, 0.8, [cite], remember(context, [cite], ref.entity));
    }
  }
  const r = answerWhoIs(lib, { ...q, type: 'who-is', subject: name }, context);
  return r.answer.answer === null ? null : r;
}

/** "What is measles?": a sentence that opens with the thing and says what it is or does ("Measles spreads through the air …"). */
function definingSentence(lib: Library, thing: string, context: ConversationContext): AskResult | null {
  const words = terms(thing);
  if (words.length === 0) return null;
  const opening = new RegExp(`^(?:the\\s+)?${escapeRegExp(thing)}\\s+(?:is|are|was|were|\\p{Ll}+s)\\b`, 'iu');
  for (const hit of retrieve(lib, words, context, 20)) {
    if (!lib.article(hit.article).facts.sentences[hit.sentence] || !opening.test(lib.sentenceText(hit))) continue;
    const cite = citation(lib, hit);
    return result('what', clip(attributed(lib, hit), 500), 0.6, [cite], remember(context, [cite]));
  }
  return null;
}

/** "What was the score?": the score in the sentences about the asked words, else in the story's lead. */
export function answerScore(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const asking = new Set(terms('score scoreline final'));
  const words = topicTerms(q).filter((t) => !asking.has(t));
  const hits = words.length > 0 ? retrieve(lib, words, context, 5).filter((h) => coverage(lib, words, h) >= 0.4) : [];
  // The story's lead holds its result: the story of the best sentence, the conversation's, or the one that talks of scoring.
  const anchor = hits[0] ?? (context.articleId ? undefined : retrieve(lib, terms(q.text), context, 1)[0]);
  const loaded = anchor ? lib.article(anchor.article) : articleInFocus(lib, context);
  const lead = loaded ? [0, 1, 2].map((i) => ({ article: loaded.index, sentence: leadSentence(loaded) + i, score: 0, matched: 0 })) : [];
  for (const hit of [...hits, ...lead]) {
    if (!lib.article(hit.article).facts.sentences[hit.sentence]) continue;
    const score = SCORE.exec(lib.sentenceText(hit));
    if (!score) continue;
    const cite = citation(lib, hit);
    return result('what', supported(lib, hit, score[0]), 0.6, [cite], remember(context, [cite]));
  }
  return null;
}

/**
 * "What party is she?": the party written next to one of her mentions (", a Democrat,", "(R-Roswell)",
 * "Labour councillor Amy Firth"), in the conversation's article first; none written there: the
 * articles don't say (her party is not whatever party her story mentions).
 */
export function answerParty(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const attribute = frameOf(q).constraints.attribute;
  if (attribute?.noun !== 'party') return null;
  const subject = resolveSubject(attribute.of.replace(/^(?:the )/i, ''), context);
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  const refs = subject ? lib.findEntities(subject, 20).filter((r) => r.entity.kind === 'person') : [];
  for (const ref of [...refs.filter((r) => r.article === current), ...refs.filter((r) => r.article !== current)]) {
    const loaded = lib.article(ref.article);
    const text = loaded.article.text;
    for (const m of ref.entity.mentions) {
      const s = loaded.facts.sentences[sentenceAt(loaded, m.start)];
      const party = s && partyNextTo(text.slice(Math.max(s.start, m.start - 60), m.start), text.slice(m.end, Math.min(s.end, m.end + 40)));
      if (!party) continue;
      const hit = { article: ref.article, sentence: sentenceAt(loaded, m.start) };
      const cite = citation(lib, hit);
      return result('what', supported(lib, hit, party), 0.75, [cite], remember(context, [cite], ref.entity));
    }
  }
  return result('what', null, 0.2, [], context);
}

/** "What did she text him", "what does the law ban": a what-question about what someone or something did. */
const ASKS_WHAT_WAS_DONE = /^what\s+(?:did|does|do|has|have|had|will|would)\s/i;

/**
 * "What did Tamsin Orloff message her cousin?": what was done is told where the act is ("A
 * teenager messaged her cousin … 'leave the keys in'"), which need not be the sentence that names
 * her most ("Tamsin Orloff, 17, and her cousin … appeared at court"): the best of the story's
 * sentences that tell the act (evidence.ts actSentences); none: null, and the best sentence answers.
 */
function answerByAct(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const act = frameOf(q).predicate.act;
  if (!act || !ASKS_WHAT_WAS_DONE.test(q.text)) return null;
  const words = topicTerms(q);
  const hits = retrieve(lib, words, context, 10);
  const top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return null;
  const telling = actSentences(lib, hits, words, act)[0];
  if (!telling || telling === top) return null;
  const cite = citation(lib, telling);
  return result(q.type, clip(attributed(lib, telling, words), 500), 0.5 * coverage(lib, words, telling) + 0.2, [cite], remember(context, [cite]));
}

/** "What …", "how …" and questions of no known kind: a score, a name the articles know, a defining sentence, the act's sentence, else the best sentence. */
export function answerWhat(lib: Library, q: Question, context: ConversationContext): AskResult {
  const { score, attribute } = frameOf(q).constraints;
  if (attribute) return answerParty(lib, q, context) ?? result('what', null, 0.1, [], context);
  return (score ? answerScore(lib, q, context) : null) ?? answerWhatIs(lib, q, context) ?? answerByAct(lib, q, context) ?? answerBySentence(lib, q, context);
}
