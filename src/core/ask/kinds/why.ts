// "Why …": the sentence that gives the reason (a causal cue), in the act's sentence or the next.
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { CAUSAL, FOLLOW_ON } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, terms } from '../../library.ts';
import { clip, escapeRegExp } from '../../wording.ts';
import { attributed, remember, result } from '../compose.ts';
import { actSentences, actWords, citation, coverage, inNamingArticles, neighbours, type Ranked, retrieve, sharesWord, tellsAct, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';

/** The question's words after the act's verb: "over … van" of "why did the porter go over to the van". */
function actTold(q: Question, words: string[]): string[] {
  const act = frameOf(q).predicate.act;
  const at = act ? q.text.toLowerCase().search(new RegExp(`\\b${escapeRegExp(act)}\\b`)) : -1;
  if (!act || at < 0) return [];
  const told = new Set(terms(q.text.slice(at + act.length)));
  return words.filter((w) => told.has(w));
}

/** Whether a sentence gives a reason, or the sentence after it does as it goes on about it ("… The reason was …"). */
function givesReason(lib: Library, h: Ranked): boolean {
  if (CAUSAL.test(lib.sentenceText(h))) return true;
  const next = { ...h, sentence: h.sentence + 1 };
  return !!lib.article(h.article).facts.sentences[next.sentence] && CAUSAL.test(lib.sentenceText(next)) && FOLLOW_ON.test(lib.sentenceText(next));
}

export function answerWhy(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms(q);
  let hits = inNamingArticles(lib, q, retrieve(lib, words, context, 8).filter((h) => coverage(lib, words, h) >= 0.3));
  if (hits.length === 0) return result('why', null, 0.1, [], context);
  // "Why was Victor Hale sentenced?": the reason is told where the act is, not where the name is.
  const told = actWords(q, words);
  const telling = told.length > 0 ? hits.filter((h) => sharesWord(lib, h, told)) : [];
  if (telling.length > 0) hits = telling;
  // … best where the act is written as asked ("sentenced", not "a lighter sentence").
  const asked = (q.text.match(/\p{L}+/gu) ?? []).filter((w) => told.includes(terms(w)[0] ?? ''));
  const asWritten = asked.length > 0 ? hits.filter((h) => asked.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(lib.sentenceText(h)))) : [];
  if (asWritten.length > 0) hits = asWritten;
  // "Why did the valley councils sign the 2019 agreement?": the reason is told where the act is
  // told as a verb, with a reason in it or right after it ("The councils signed the agreement …
  // The reason was …"), not in the lead that names the agreement most ("An agreement struck … means …").
  const verb = frameOf(q).predicate.act;
  const acting = verb && !tellsAct(verb)(lib.sentenceText(hits[0])) ? actSentences(lib, hits, words, verb).filter((h) => givesReason(lib, h)) : [];
  if (acting.length > 0) hits = acting;
  // A question that names no one, whose best sentence does not tell the act: that sentence picks the
  // story, and within it a sentence that tells the act with a reason does ("why did the night porter
  // go over to the van": the porter is in every sentence; "… was attacked after spotting two men
  // trying to break into a guest's van" has the van and the why).
  const act = told.length === 0 ? actTold(q, words) : [];
  const untold = act.length > 0 && !sharesWord(lib, hits[0], act);
  const inStory = untold ? hits.filter((h) => h.article === hits[0].article && sharesWord(lib, h, act) && CAUSAL.test(lib.sentenceText(h))) : [];
  if (inStory.length > 0) hits = inStory;
  const near = neighbours(lib, hits.slice(0, 3)).filter((n) => sharesWord(lib, n, words));
  const weigh = (h: Ranked) => h.score * (CAUSAL.test(lib.sentenceText(h)) ? 1.6 : 1);
  const top = [...hits, ...near].reduce((best, h) => (weigh(h) > weigh(best) ? h : best));
  const cite = citation(lib, top);
  const confidence = 0.5 * coverage(lib, words, hits[0]) + 0.2;
  // "Cases rose to 127,000. The agency blamed falling vaccination rates …": the reason often
  // follows in the next sentence, which names the subject again in other words.
  const next = { ...top, sentence: top.sentence + 1 };
  if (!CAUSAL.test(lib.sentenceText(top)) && lib.article(top.article).facts.sentences[next.sentence] && CAUSAL.test(lib.sentenceText(next)) &&
    FOLLOW_ON.test(lib.sentenceText(next))) {
    const cites = [cite, citation(lib, next)];
    return result('why', clip(`${attributed(lib, top)} ${attributed(lib, next)}`, 700), confidence, cites, remember(context, cites));
  }
  return result('why', clip(attributed(lib, top), 500), confidence, [cite], remember(context, [cite]));
}
