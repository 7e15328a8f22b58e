// "Who wrote the article?", "when was it published?": the byline, outlet, date, title or link.
import type { Question } from '../../../knowledge/question/index.ts';
import { articleInFocus, type ConversationContext } from '../../conversation.ts';
import { Library, terms } from '../../library.ts';
import { dateInWords, displayTitle } from '../../wording.ts';
import { remember, result } from '../compose.ts';
import { citation, coverage, retrieve } from '../evidence.ts';
import type { AskResult } from '../types.ts';

export function answerMeta(lib: Library, q: Question, context: ConversationContext): AskResult {
  // "Who wrote the measles article?": the article about those words, else the conversation's.
  const about = q.query ? terms(q.query) : [];
  const top = about.length > 0 ? retrieve(lib, about, context, 1)[0] : undefined;
  const loaded = top && coverage(lib, about, top) >= 0.5 ? lib.article(top.article) : articleInFocus(lib, context);
  if (!loaded) return result('meta', null, 0.1, [], context);
  const a = loaded.article;
  const cite = citation(lib, { article: loaded.index, sentence: 0 });
  const title = displayTitle(a.title, a.text);
  const value =
    q.meta === 'author' ? (a.author ? `${a.author}${a.outlet ? ` (${a.outlet})` : ''}` : null)
      : q.meta === 'outlet' ? a.outlet
        : q.meta === 'published' ? (a.published ? `${dateInWords(a.published.slice(0, 10)) ?? a.published}` : null)
          : q.meta === 'url' ? a.url
            : title;
  return result('meta', value ? `${value} — "${title}"` : null, value ? 0.95 : 0.5, [cite], remember(context, [cite]));
}
