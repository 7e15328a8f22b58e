// A stored article document (the deflated JSON {article, facts} of archive_articles.doc): made
// in one place whichever thread makes it (work threads do, off the main thread), and read whole
// or only its facts' sentences. Ranking asks "is sentence 7 a caption?" of a hundred
// articles per question; parsing their text, entities and quotes too costs about twice the time.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article, ArticleFacts, Sentence } from '../../knowledge/facts.ts';
import type { StoredArticle } from './types.ts';

/** An article's stored document: the JSON {article, facts}, deflated (raw). */
export function encodeDoc(article: Article, facts: ArticleFacts): Buffer {
  return deflateRawSync(JSON.stringify({ article, facts }));
}

export function readDoc(doc: Uint8Array): Omit<StoredArticle, 'index'> {
  return JSON.parse(inflateRawSync(doc).toString('utf8')) as Omit<StoredArticle, 'index'>;
}

const KEY = '"sentences":[';

/**
 * The facts' sentences of a document. Inside a JSON string every quote is escaped (a text holding
 * `"sentences":[` is stored as `\"sentences\":[`), so the pattern occurs only as a key, and no
 * object before facts.sentences has that key. A sentence holds numbers and `true` only, so the
 * first `]` after the key closes the list.
 */
export function readSentences(doc: Uint8Array): Sentence[] {
  const json = inflateRawSync(doc).toString('utf8');
  const at = json.indexOf(KEY);
  if (at < 0) return (JSON.parse(json) as Omit<StoredArticle, 'index'>).facts.sentences;
  const from = at + KEY.length - 1;
  return JSON.parse(json.slice(from, json.indexOf(']', from) + 1)) as Sentence[];
}
