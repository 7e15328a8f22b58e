// What a subscription's source holds right now: feed entries or folder articles, each with
// its identity (guid → link → content hash) and a way to build the full article.
import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Article } from '../../knowledge/facts.ts';
import { draftFromEntry, feedOutlet, type FeedEntry } from '../../knowledge/ingest/feed.ts';
import { articleFromDraft, contentHash } from '../../knowledge/ingest/index.ts';
import { safeFetch, type FetchOptions } from '../fetch.ts';
import { sharedPool } from '../work/pool.ts';
import { readArticles } from '../work/read.ts';
import { shortHash } from './state.ts';

export interface Candidate {
  /** Identity within the subscription: g:guid, else l:link, else h:content hash. */
  key: string;
  title: string | null;
  published: string | null;
  /** The article as it will be added and posted; teasers are completed from the page. */
  build(): Promise<BuiltArticle>;
}

export interface BuiltArticle {
  article: Article;
  /** Why the body is not the full article, when it is not (e.g. the page could not be read). */
  note: string | null;
}

export interface SourceSnapshot {
  /** The server said nothing changed since the validators we sent. */
  notModified: boolean;
  name: string | null;
  candidates: Candidate[];
  etag: string | null;
  lastModified: string | null;
  /** Files or entries that could not be read (shown, not fatal). */
  problems: SourceProblem[];
}

/** A file of a folder source that could not be read as an article. */
export interface SourceProblem {
  /** The file, relative to the folder (e.g. "broken.json"). */
  where: string;
  message: string;
  /** Identity of this version of the file, so it is announced once, and again if replaced. */
  key: string;
}

/** "broken.json: malformed JSON …" */
export function describeProblem(p: Pick<SourceProblem, 'where' | 'message'>): string {
  return `${p.where}: ${p.message}`;
}

/** The file's version by size and modification time ("" when it is gone). */
function fileVersion(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}@${st.mtimeMs}`;
  } catch {
    return '';
  }
}

/** Identity of an entry: its guid, else its link, else a hash of what it says (never its date). */
export function entryKey(e: Pick<FeedEntry, 'guid' | 'link' | 'title' | 'text'>): string {
  if (e.guid) return `g:${e.guid}`;
  if (e.link) return `l:${e.link}`;
  return `h:${contentHash(`${e.title ?? ''}\n${e.text}`)}`;
}

function slug(title: string | null): string {
  const s = (title ?? 'article')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
  return s || 'article';
}

/** A stable, readable article id for a feed item: same item, same id, on every poll. */
export function feedArticleId(title: string | null, key: string): string {
  return `${slug(title)}-${shortHash(key).slice(0, 8)}`;
}

/** Reads the page of a teaser entry; keeps the feed's text when the page gives less. */
async function completeFromPage(e: FeedEntry, fetchOptions: FetchOptions): Promise<{ text: string; note: string | null }> {
  if (!e.link) return { text: e.text, note: 'the feed gives only a teaser and no link' };
  try {
    const page = await safeFetch(e.link, { ...fetchOptions, etag: null, lastModified: null, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
    const draft = await sharedPool().run('page', { html: page.body, url: page.url }, { label: page.url, size: page.body.length });
    if (draft.text.length > e.text.length) return { text: draft.text, note: null };
    return { text: e.text, note: 'the page had no longer article text than the feed' };
  } catch (err) {
    return { text: e.text, note: `teaser only: the page could not be read (${(err as Error).message})` };
  }
}

export async function readFeedSource(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  fetchOptions: FetchOptions,
): Promise<SourceSnapshot> {
  const res = await safeFetch(url, { ...fetchOptions, ...validators, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' });
  if (res.notModified) {
    return { notModified: true, name: null, candidates: [], etag: res.etag ?? validators.etag, lastModified: res.lastModified ?? validators.lastModified, problems: [] };
  }
  const feed = await sharedPool().run('feed', { xml: res.body, url: res.url }, { label: res.url, size: res.body.length });
  const outlet = feedOutlet(feed, res.url);
  const candidates = feed.entries.map((e): Candidate => {
    const key = entryKey(e);
    return {
      key,
      title: e.title,
      published: e.published,
      build: async () => {
        const { text, note } = e.teaser ? await completeFromPage(e, fetchOptions) : { text: e.text, note: null };
        const draft = draftFromEntry(e, outlet, text);
        return { article: articleFromDraft(draft, feedArticleId(e.title, key), e.link ?? url), note };
      },
    };
  });
  return { notModified: false, name: feed.title, candidates, etag: res.etag, lastModified: res.lastModified, problems: [] };
}

/** Every article file in the folder; identity is the file's path in the folder plus the article id. */
export async function readFolderSource(folder: string): Promise<SourceSnapshot> {
  const { articles, problems } = await readArticles(folder, sharedPool());
  const candidates = articles.map((article): Candidate => {
    const where = article.source ? relative(folder, article.source) : article.id;
    return {
      key: `g:file:${where}#${article.id}`,
      title: article.title,
      published: article.published,
      build: async () => ({ article: { ...article, id: `${slug(article.title ?? article.id)}-${shortHash(folder, where, article.id).slice(0, 8)}` }, note: null }),
    };
  });
  return {
    notModified: false,
    name: basename(folder),
    candidates,
    etag: null,
    lastModified: null,
    problems: problems.map((p): SourceProblem => {
      const where = relative(folder, p.source) || p.source;
      return { where, message: p.message, key: `bad:${where}#${fileVersion(p.source)}` };
    }),
  };
}
