// What a work thread can do: each task is one item of untrusted input (a file, an article, a
// feed document, a page) turned into plain data. The pool runs them off the main thread, one
// at a time per thread, each under a time budget.
import { extractFacts } from '../../knowledge/extract.ts';
import type { Article, ArticleFacts } from '../../knowledge/facts.ts';
import { parseFeed, type ParsedFeed } from '../../knowledge/ingest/feed.ts';
import { readHtml } from '../../knowledge/ingest/html.ts';
import { loadArticles, type LoadResult } from '../../knowledge/ingest/index.ts';
import type { ArticleDraft } from '../../knowledge/ingest/text.ts';
import { preparedEntry, type PreparedEntry } from '../library.ts';

export interface Tasks {
  /** One article file → its articles and problems (a single file: folders are walked by the pool's caller). */
  file(input: { path: string }): LoadResult;
  extract(input: { article: Article }): ArticleFacts;
  /** Extraction and what an ingest writes of it (index entry, stored document), so the main thread only writes. */
  entry(input: { article: Article; key: string }): PreparedEntry;
  feed(input: { xml: string; url: string | null }): ParsedFeed;
  page(input: { html: string; url: string | null }): ArticleDraft;
}

export type TaskName = keyof Tasks;
export type TaskInput<T extends TaskName> = Parameters<Tasks[T]>[0];
export type TaskOutput<T extends TaskName> = ReturnType<Tasks[T]>;

/**
 * Test hook: an article whose text holds the marker in LEDE_TEST_EXTRACT_FAULT throws in
 * extraction, standing in for any extractor bug (each real one gets fixed, so no real input
 * throws for long). Read here only.
 */
function testFault(text: string): void {
  const marker = process.env.LEDE_TEST_EXTRACT_FAULT;
  if (marker && text.includes(marker)) throw new Error(`test fault: the text holds ${marker}`);
}

export const TASKS: Tasks = {
  file: ({ path }) => loadArticles(path),
  extract: ({ article }) => {
    testFault(article.text);
    return extractFacts(article);
  },
  entry: ({ article, key }) => {
    const prepared = preparedEntry(article, TASKS.extract({ article }), key);
    // Its own bytes: a small Buffer is a view of a shared pool, which passing would copy whole.
    return { ...prepared, doc: new Uint8Array(prepared.doc!) };
  },
  feed: ({ xml, url }) => parseFeed(xml, url),
  page: ({ html, url }) => readHtml(html, url),
};

/** Tasks whose input is sized as another's: an 'entry' runs in place whenever an 'extract' of the article would. */
export const SIZED_AS: Partial<Record<TaskName, TaskName>> = { entry: 'extract' };

/** How a task's overrun is worded: "took longer than 20 s to read; skipped". */
export const DOING: Record<TaskName, string> = {
  file: 'to read',
  extract: 'to read',
  entry: 'to read',
  feed: 'to read the feed',
  page: 'to read the page',
};
