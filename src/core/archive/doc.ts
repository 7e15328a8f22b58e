// A stored article document (the deflated JSON {article, facts} of archive_articles.doc): made
// in one place whichever thread makes it (work threads do, off the main thread), and read whole,
// or only its facts' sentences, or only what a speaker's quotes are found by. Ranking asks "is
// sentence 7 a caption?" of a hundred articles per question; parsing their text, entities and
// quotes too costs about twice the time.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article, ArticleFacts, Sentence } from '../../knowledge/facts.ts';
import type { Speakers, StoredArticle } from './types.ts';

/** An article's stored document: the JSON {article, facts}, deflated (raw). */
export function encodeDoc(article: Article, facts: ArticleFacts): Buffer {
  return deflateRawSync(JSON.stringify({ article, facts }));
}

export function readDoc(doc: Uint8Array): Omit<StoredArticle, 'index'> {
  return JSON.parse(inflateRawSync(doc).toString('utf8')) as Omit<StoredArticle, 'index'>;
}

/**
 * The list between `"key":[` and `],"next":` in a document's JSON, where facts hold `key` just
 * before `next` (see extractFacts). Inside a JSON string every quote is escaped (a text holding
 * `"sentences":[` is stored as `\"sentences\":[`), so both occur only as keys; no object before
 * facts.sentences has that key, and no entity or quote has a key `entities`, `times` or `event`,
 * so a list read ends where it should. A document laid out otherwise reads as undefined (then
 * read whole), never as a wrong list.
 */
function listBefore(json: string, key: string, next: string): unknown[] | undefined {
  const at = json.indexOf(`"${key}":[`);
  const end = at < 0 ? -1 : json.indexOf(`],"${next}":`, at);
  if (end < 0) return undefined;
  try {
    const list: unknown = JSON.parse(json.slice(at + key.length + 3, end + 1));
    return Array.isArray(list) ? list : undefined;
  } catch {
    return undefined;
  }
}

/** The facts' sentences of a document, without parsing the rest of it (see listBefore). */
export function readSentences(doc: Uint8Array): Sentence[] {
  const json = inflateRawSync(doc).toString('utf8');
  return (listBefore(json, 'sentences', 'entities') as Sentence[] | undefined) ?? (JSON.parse(json) as Omit<StoredArticle, 'index'>).facts.sentences;
}

/**
 * The facts' sentences, entities and quotes of a document, without parsing its text and other
 * facts: "what did AP say" reads sixty articles' quotes to find and place AP's (a quarter less
 * parsing for a long article).
 */
export function readSpeakers(doc: Uint8Array): Speakers {
  const json = inflateRawSync(doc).toString('utf8');
  const sentences = listBefore(json, 'sentences', 'entities') as Speakers['sentences'] | undefined;
  const entities = listBefore(json, 'entities', 'times') as Speakers['entities'] | undefined;
  const quotes = listBefore(json, 'quotes', 'event') as Speakers['quotes'] | undefined;
  if (sentences && entities && quotes) return { sentences, entities, quotes };
  const { facts } = JSON.parse(json) as Omit<StoredArticle, 'index'>;
  return { sentences: facts.sentences, entities: facts.entities, quotes: facts.quotes };
}
