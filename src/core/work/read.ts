// Files and folders → Articles through the work pool, one task per file, so a file that hangs
// or crashes its reader is skipped with a reason and the others load.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoadResult } from '../../knowledge/ingest/index.ts';
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

/** Every file below a folder in name order, hidden files and folders left out. */
function filesIn(folder: string): string[] {
  const visible = (e: Dirent) => !relative(folder, join(e.parentPath, e.name)).split(sep).some((part) => part.startsWith('.'));
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && visible(e))
    .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep))
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i].localeCompare(b[i]);
      return a.length - b.length;
    })
    .map((parts) => join(folder, ...parts));
}

/** Every article under a file or folder path, ids unique across the load; unreadable files are problems. */
export async function readArticles(path: string, pool: WorkPool): Promise<LoadResult> {
  const files = isFolder(path) ? filesIn(path) : [path];
  const read = (file: string): Promise<LoadResult> =>
    pool.run('file', { path: file }, { label: file, size: size(file) }).catch((e: Error) => ({ articles: [], problems: [{ source: file, message: e.message }] }));
  const results = await Promise.all(files.map(read));
  // Two files may give the same id (notes/a.txt and old/a.txt): the later one becomes a-2.
  const seen = new Set<string>();
  const unique = (id: string): string => {
    let free = id;
    for (let n = 2; seen.has(free); n++) free = `${id}-${n}`;
    seen.add(free);
    return free;
  };
  return {
    articles: results.flatMap((r) => r.articles).map((article) => ({ ...article, id: unique(article.id) })),
    problems: results.flatMap((r) => r.problems),
  };
}
