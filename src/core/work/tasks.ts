// What a work thread can do: each task is one item of untrusted input (a file, an article, a
// feed document, a page) turned into plain data. The pool runs them off the main thread, one
// at a time per thread, each under a time budget.
import { extractFacts } from '../../knowledge/extract.ts';
import type { Article, ArticleFacts } from '../../knowledge/facts.ts';
import { parseFeed, type ParsedFeed } from '../../knowledge/ingest/feed.ts';
import { readHtml } from '../../knowledge/ingest/html.ts';
import { loadArticles, type LoadResult } from '../../knowledge/ingest/index.ts';
import type { ArticleDraft } from '../../knowledge/ingest/text.ts';

export interface Tasks {
  /** One article file → its articles and problems (a single file: folders are walked by the pool's caller). */
  file(input: { path: string }): LoadResult;
  extract(input: { article: Article }): ArticleFacts;
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
  feed: ({ xml, url }) => parseFeed(xml, url),
  page: ({ html, url }) => readHtml(html, url),
};

/** How a task's overrun is worded: "took longer than 20 s to read; skipped". */
export const DOING: Record<TaskName, string> = {
  file: 'to read',
  extract: 'to read',
  feed: 'to read the feed',
  page: 'to read the page',
};
