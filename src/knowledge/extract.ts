// Article → ArticleFacts: one pass of the tagger, then each extractor over the same doc.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from './entities/index.ts';
import { extractEvent } from './event.ts';
import { furnitureSentences } from './furniture.ts';
import { FACTS_SCHEMA_VERSION, type Article, type ArticleFacts, type Sentence } from './facts.ts';
import { checkArticle } from './limits.ts';
import { analyse, type NlpDoc } from './nlp.ts';
import { hasParagraphBreak } from './paragraphs.ts';
import { extractQuotes } from './quotes/index.ts';
import { summarise } from './summary.ts';
import { extractTimes } from './times/index.ts';

let version: string | null = null;

/** Set by the compiled build (scripts/build.mjs) to the fingerprint of the sources it bundled: dist/ has no .ts files to read. */
declare const LEDE_EXTRACTOR_VERSION: string | undefined;

/**
 * Which extractor produced a set of facts: the schema version plus a fingerprint of this
 * folder's code, so cached facts are re-parsed exactly when the extractor changes.
 */
export function extractorVersion(): string {
  if (version) return version;
  if (typeof LEDE_EXTRACTOR_VERSION === 'string') return (version = LEDE_EXTRACTOR_VERSION);
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(import.meta.dirname);
  version = `${FACTS_SCHEMA_VERSION}.${hash.digest('hex').slice(0, 12)}`;
  return version;
}

/** Sentences with the index of their paragraph (paragraphs.ts). */
function sentencesOf(doc: NlpDoc): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let previousEnd = 0;
  const furniture = furnitureSentences(doc);
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i];
    if (out.length > 0 && hasParagraphBreak(doc.text.slice(previousEnd, s.start))) paragraph++;
    const sentence: Sentence = { start: s.start, end: s.end, paragraph };
    if (furniture[i] === 1) sentence.furniture = true;
    out.push(sentence);
    previousEnd = s.end;
  }
  return out;
}

/** The facts of an article; throws LimitError for a text over LIMITS.articleChars rather than reading it. */
export function extractFacts(article: Article): ArticleFacts {
  checkArticle(article.text);
  // wink's own entity recogniser is skipped: our time facts replace its DATE/TIME spans.
  const doc = analyse(article.text, { winkEntities: false });
  const entities = extractEntities(doc);
  const times = extractTimes(doc, article.published);
  const quotes = extractQuotes(doc, entities, times);
  const event = extractEvent(doc, { article, entities, times, quotes });
  return {
    schema: FACTS_SCHEMA_VERSION,
    id: article.id,
    sentences: sentencesOf(doc),
    entities,
    times,
    quotes,
    event,
    summary: summarise(doc),
  };
}
