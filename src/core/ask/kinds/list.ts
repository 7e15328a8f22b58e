// "List the articles about the ferry", "what's new about it": the articles themselves, not a fact in them.
import type { Question } from '../../../knowledge/question/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, type LoadedArticle, terms } from '../../library.ts';
import { displayTitle } from '../../wording.ts';
import { result } from '../compose.ts';
import { citation, GENERIC } from '../evidence.ts';
import type { AskResult } from '../types.ts';

/** Share of a query's weight an article must hold to be about it ("what's new about the ferry strike"). */
const MIN_ABOUT = 0.5;

/** The articles about some words (holding most of their weight), best match first; all without words. */
export function articlesAbout(lib: Library, query: string): LoadedArticle[] {
  const words = terms(query).filter((t) => !GENERIC.has(t));
  const matching = lib.articlesMatching(query);
  return words.length === 0 ? matching : matching.filter((l) => lib.articleCoverage(words, l.index) >= MIN_ABOUT);
}

/**
 * "List the articles about the ferry": best match first. "What's new about the ferry": the articles
 * that are about it (most of its words), newest first.
 */
export function answerList(lib: Library, q: Question, context: ConversationContext): AskResult {
  const chosen = q.newest ? lib.newestFirst(articlesAbout(lib, q.query ?? '')) : lib.articlesMatching(q.query ?? null);
  if (chosen.length === 0) return result('list', null, 0.3, [], context);
  const shown = chosen.slice(0, 10);
  const lines = shown.map((l, i) => `${i + 1}. ${displayTitle(l.article.title, l.article.text)}${l.article.outlet ? ` (${l.article.outlet}${l.article.published ? `, ${l.article.published.slice(0, 10)}` : ''})` : l.article.published ? ` (${l.article.published.slice(0, 10)})` : ''}`);
  const more = chosen.length > shown.length ? `\n… and ${chosen.length - shown.length} more` : '';
  const cites = shown.map((l) => citation(lib, { article: l.index, sentence: 0 }));
  return result('list', `${chosen.length} article${chosen.length === 1 ? '' : 's'}${q.newest ? ', newest first' : ''}:\n${lines.join('\n')}${more}`, 0.9, cites, context);
}
