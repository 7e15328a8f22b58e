// A new article as a digest post: linked title, a 2–3 sentence summary, the key who / where /
// when, and the outlet and date. Platform-neutral; each adapter renders the Reply.
import type { Article, ArticleFacts } from '../../knowledge/facts.ts';
import { reply, type Reply, type ReplyField } from '../reply.ts';
import { dateInWords } from '../wording.ts';

const MAX_SUMMARY_CHARS = 700;
const MAX_FIELD_CHARS = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** First sentences of the text, for an article whose facts give no summary. */
function leadSentences(text: string, n: number): string {
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+["”’)]*(\s|$)/g) ?? [text];
  return sentences.slice(0, n).join('').trim();
}

/** YYYY-MM-DD of an ISO date, or the raw value when it is not one. */
function day(published: string | null): string | null {
  if (!published) return null;
  const m = /^\d{4}-\d{2}-\d{2}/.exec(published);
  return m ? m[0] : published;
}

/** The part of day of a TIMEX3 value, in words ("2024-03-09TNI" → "at night"). */
const PARTS_OF_DAY: Record<string, string> = { MO: 'in the morning', AF: 'in the afternoon', EV: 'in the evening', NI: 'at night' };

/**
 * The event's day written out ("Saturday, March 9, 2024", "Saturday, March 9, 2024, at night"),
 * or null when the facts resolve no day: a weekday or a month alone would not say when.
 */
function writtenDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const part = PARTS_OF_DAY[/T(MO|AF|EV|NI)$/.exec(value)?.[1] ?? ''];
  const words = dateInWords(part ? value.slice(0, 10) : value);
  return words && part ? `${words}, ${part}` : words;
}

/** The post's Who / Where / When / Source lines; a line the facts cannot fill is left out. */
export function digestFields(article: Article, facts: ArticleFacts | undefined): ReplyField[] {
  const event = facts?.event ?? null;
  const who = event?.names?.length ? event.names.join('; ') : null;
  const when = writtenDate(event?.date);
  const source = [article.outlet, day(article.published)].filter(Boolean).join(' · ');
  const fields: ReplyField[] = [];
  if (who) fields.push({ name: 'Who', value: clip(who, MAX_FIELD_CHARS) });
  if (event?.where) fields.push({ name: 'Where', value: clip(event.where, MAX_FIELD_CHARS) });
  if (when) fields.push({ name: 'When', value: clip(when, MAX_FIELD_CHARS) });
  if (source) fields.push({ name: 'Source', value: clip(source, MAX_FIELD_CHARS) });
  return fields;
}

/** The summary's sentences in the article's own order: a post reads as a short story, not a ranking. */
function inReadingOrder(sentences: string[], text: string): string[] {
  return sentences
    .map((s, i) => ({ s, i, at: text.indexOf(s) }))
    .sort((a, b) => (a.at < 0 || b.at < 0 ? a.i - b.i : a.at - b.at))
    .map((x) => x.s);
}

export function digestReply(article: Article, facts: ArticleFacts | undefined, note: string | null = null): Reply {
  const summary = facts?.summary?.length ? inReadingOrder(facts.summary.slice(0, 3), article.text).join(' ') : leadSentences(article.text, 3);
  const text = clip(summary, MAX_SUMMARY_CHARS) + (note ? `\n(${note})` : '');
  return reply('digest', text, {
    title: article.title ?? article.url ?? article.id,
    url: article.url,
    fields: digestFields(article, facts),
  });
}
