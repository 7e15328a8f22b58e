// Files and folders → Articles through the work pool, one task per file, so a file that hangs
// or crashes its reader is skipped with a reason and the others load.
import { statSync } from 'node:fs';
import { listFiles, uniqueIds, type LoadResult } from '../../knowledge/ingest/index.ts';
import type { WorkPool } from './pool.ts';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Every article under a file or folder path, ids unique across the load; unreadable files are problems. */
export async function readArticles(path: string, pool: WorkPool): Promise<LoadResult> {
  const files = isFolder(path) ? listFiles(path) : [path];
  const read = (file: string): Promise<LoadResult> =>
    pool.run('file', { path: file }, { label: file, size: size(file) }).catch((e: Error) => ({ articles: [], problems: [{ source: file, message: e.message }] }));
  const results = await Promise.all(files.map(read));
  const unique = uniqueIds();
  return {
    articles: results.flatMap((r) => r.articles).map((article) => ({ ...article, id: unique(article.id) })),
    problems: results.flatMap((r) => r.problems),
  };
}
