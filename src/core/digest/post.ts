// A new article as a digest post: linked title, a 2–3 sentence summary, the key who / where /
// when, and the outlet and date. Platform-neutral; each adapter renders the Reply.
import type { Article, ArticleFacts, Entity } from '../../knowledge/facts.ts';
import { reply, type Reply, type ReplyField } from '../reply.ts';

const MAX_SUMMARY_CHARS = 700;
const MAX_FIELD_CHARS = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The most mentioned entities of some kinds, most mentioned first. */
function topEntities(entities: Entity[], kinds: Entity['kind'][], n: number): string[] {
  return entities
    .filter((e) => kinds.includes(e.kind))
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, n)
    .map((e) => e.name);
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

/** The event's actor, then the most mentioned people and organisations it does not already name. */
function whoLine(actor: string | null, names: string[]): string | null {
  const out = actor ? [actor] : [];
  for (const name of names) {
    if (out.length >= 3) break;
    const known = out.some((o) => o.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(o.toLowerCase()));
    if (!known) out.push(name);
  }
  return out.length ? out.join('; ') : null;
}

export function digestFields(article: Article, facts: ArticleFacts | undefined): ReplyField[] {
  const event = facts?.event ?? null;
  const entities = facts?.entities ?? [];
  const who = whoLine(event?.who ?? null, topEntities(entities, ['person', 'organization'], 3));
  const where = event?.where ?? topEntities(entities, ['place'], 1)[0] ?? null;
  const when = event?.when ?? day(article.published);
  const source = [article.outlet, day(article.published)].filter(Boolean).join(' · ');
  const fields: ReplyField[] = [];
  if (who) fields.push({ name: 'Who', value: clip(who, MAX_FIELD_CHARS) });
  if (where) fields.push({ name: 'Where', value: clip(where, MAX_FIELD_CHARS) });
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
