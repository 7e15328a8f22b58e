// "What happened (to X)?", "summarise (X)": the article's summary, or the sentence about X.
import { frameOf, type Question, type QuestionType } from '../../../knowledge/question/index.ts';
import { articleInFocus, type ConversationContext } from '../../conversation.ts';
import { Library, type LoadedArticle } from '../../library.ts';
import { clip } from '../../wording.ts';
import { attributed, remember, result } from '../compose.ts';
import { citation, coverage, leadSentence, retrieve, sentenceAt, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';
import { articlesAbout } from './list.ts';
import { answerBySentence } from './sentence.ts';

/** The words that frame a what-happened question, not its topic: "what's going on (with)", "what's up (with)". */
const FRAME = /^what(?:'s| is| was) (?:going on|happening|up)\b/i;

export function answerHappened(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = topicTerms({ ...q, text: q.text.replace(FRAME, '') });
  let loaded: LoadedArticle | undefined;
  // "What happened to the driver?" is about one thing: the sentence that says it, where the
  // driver is not merely the source ("according to the driver, …").
  if (frameOf(q).constraints.happenedTo) return answerBySentence(lib, q, context, true);
  // "What about the officer?": what the articles say about that topic.
  if (q.query) return answerBySentence(lib, { ...q, text: q.query }, context);
  if (words.length > 0) {
    const top = retrieve(lib, words, context, 5)[0];
    if (top && coverage(lib, words, top) >= 0.5) loaded = lib.article(top.article);
    // "Whats going on with the cargo boat headed to farrow island": the story holds the asked words
    // between its sentences ("supply barge … Farrow Island station", "The cargo vessel …").
    else loaded = storyAbout(lib, words, context);
  }
  return summaryOf(lib, 'what-happened', loaded ?? articleInFocus(lib, context), context);
}

/** Of the stories of the best sentences, the one that holds most of the words, if it holds at least half of them (by weight). */
function storyAbout(lib: Library, words: string[], context: ConversationContext): LoadedArticle | undefined {
  let best: { article: number; share: number } | undefined;
  for (const { article } of retrieve(lib, words, context, 10)) {
    const share = lib.articleCoverage(words, article);
    if (share >= STORY_COVERAGE && (!best || share > best.share)) best = { article, share };
  }
  return best ? lib.article(best.article) : undefined;
}

/** The share of the question's words a story must hold to be the one asked about (as on-topic.ts checks answers). */
const STORY_COVERAGE = 0.5;

/** An article's summary sentences (else its lead), each keeping its source, as the answer. */
function summaryOf(lib: Library, type: QuestionType, loaded: LoadedArticle | undefined, context: ConversationContext): AskResult {
  if (!loaded) return result(type, null, 0.1, [], context);
  const lines = loaded.facts.summary.length ? loaded.facts.summary.slice(0, 2) : [lib.sentenceText({ article: loaded.index, sentence: leadSentence(loaded) })];
  const cites = lines.map((line) => {
    const at = loaded.article.text.indexOf(line);
    return citation(lib, { article: loaded.index, sentence: at >= 0 ? sentenceAt(loaded, at) : 0 });
  });
  const text = cites.map((c) => attributed(lib, { article: loaded.index, sentence: sentenceAt(loaded, c.start) })).join(' ');
  return result(type, clip(text, 700), 0.7, cites, remember(context, cites));
}

/**
 * "Summarise the ferry strike": the article those words are about (none: the articles don't say);
 * "summarise" alone: the article in focus (the conversation's, else the newest).
 */
export function answerSummary(lib: Library, q: Question, context: ConversationContext): AskResult {
  const about = q.query ? articlesAbout(lib, q.query) : null;
  return summaryOf(lib, 'summary', about ? about[0] : articleInFocus(lib, context), context);
}
