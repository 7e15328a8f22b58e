// Answers and library listings as platform-neutral Replies.
import type { Answer, Citation } from './ask/index.ts';
import { articleInFocus, type ConversationContext } from './conversation.ts';
import { Library, terms, type LoadedArticle } from './library.ts';
import { reply, type Reply, type ReplySource } from './reply.ts';
import { digestFields } from './digest/post.ts';
import { displayTitle } from './wording.ts';

export const NOT_STATED = "The loaded articles don't say.";

export function sourceOf(loaded: LoadedArticle): ReplySource {
  const a = loaded.article;
  return { articleId: a.id, title: displayTitle(a.title, a.text), url: a.url, outlet: a.outlet, published: a.published };
}

function quotesFor(lib: Library, citations: Citation[]) {
  return citations.flatMap((c) => {
    const loaded = lib.get(c.articleId);
    return loaded ? [{ text: c.sentence, source: sourceOf(loaded) }] : [];
  });
}

export function answerReply(lib: Library, answer: Answer): Reply {
  // A failed answer is not "the articles don't say": the asker may try other words.
  if (answer.error) return reply('error', 'Sorry, I could not answer that question (an internal error, now logged). Try asking it in other words.');
  if (answer.answer === null) {
    const text = lib.size === 0 ? 'No articles are loaded yet.' : NOT_STATED;
    return reply('not-stated', text, { quotes: quotesFor(lib, answer.citations.slice(0, 1)) });
  }
  if (answer.type === 'list') {
    const items = answer.citations.flatMap((c) => {
      const loaded = lib.get(c.articleId);
      return loaded ? [{ title: displayTitle(loaded.article.title, loaded.article.text), detail: loaded.facts.summary[0] ?? null, source: sourceOf(loaded) }] : [];
    });
    return reply('list', answer.answer.split('\n')[0], { items });
  }
  // The short answer reads best in chat; the cited sentences follow as quotes.
  return reply('answer', answer.lead ?? answer.answer, { quotes: quotesFor(lib, answer.citations) });
}

/** The articles matching a query (or all, newest first), as a list reply. */
export function articleListReply(lib: Library, query: string | null): Reply {
  const chosen = lib.articlesMatching(query);
  if (chosen.length === 0) {
    return reply('not-stated', lib.size === 0 ? 'No articles are loaded yet.' : `No loaded article mentions "${query}".`);
  }
  const items = chosen.slice(0, 25).map((l) => ({ title: displayTitle(l.article.title, l.article.text), detail: l.facts.summary[0] ?? null, source: sourceOf(l) }));
  const head = query ? `${chosen.length} article${chosen.length === 1 ? '' : 's'} mention "${query}"` : `${chosen.length} article${chosen.length === 1 ? '' : 's'} loaded`;
  return reply('list', chosen.length > items.length ? `${head} (showing ${items.length})` : head, { items });
}

/** Finds an article by id, or by the words of its title or text; without any, the one in focus (see `articleInFocus`). */
export function findArticle(lib: Library, ref: string | null, context: ConversationContext = {}): LoadedArticle | undefined {
  if (!ref || !ref.trim()) return articleInFocus(lib, context);
  const byId = lib.get(ref.trim());
  if (byId) return byId;
  const hit = lib.search(terms(ref), { limit: 1 })[0];
  return hit ? lib.article(hit.article) : undefined;
}

/** /summary: the article asked for, else the one the conversation is about, else the newest. */
export function summaryReply(lib: Library, ref: string | null, context: ConversationContext = {}): Reply {
  const loaded = findArticle(lib, ref, context);
  if (!loaded) return reply('not-stated', lib.size === 0 ? 'No articles are loaded yet.' : `No loaded article matches "${ref}".`);
  const { facts } = loaded;
  const source = sourceOf(loaded);
  // The same Who / Where / When lines as a digest post of the article (its source is the item below).
  const fields = digestFields(loaded.article, facts).filter((f) => f.name !== 'Source');
  const text = facts.summary.length ? facts.summary.join(' ') : loaded.article.text.slice(0, 400);
  return reply('summary', text, { title: source.title, url: source.url, fields, quotes: [], items: [{ title: source.title, detail: null, source }] });
}
