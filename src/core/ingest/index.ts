// Streaming ingest: files, folders and JSON Lines → the library, in bounded memory. Items are
// read one at a time; a few articles at once have their facts computed (known ones read back, the
// others on the work pool's threads, so both cores work); they are written in order, in batches,
// and only then is a source's stamp saved. A crash loses nothing already parsed (a stored archive
// holds it until its batch is written, else the facts cache), and a re-run skips what is in:
// unchanged files by their stamp, articles by id and content. One bad line or article is a problem reported and counted, never the end of the run.
import { resolve } from 'node:path';
import type { Article } from '../../knowledge/facts.ts';
import { uniqueIds, type LoadProblem } from '../../knowledge/ingest/index.ts';
import type { Insertable, Library, Preparer } from '../library.ts';
import type { WorkPool } from '../work/pool.ts';
import { countUnits, readItems, type Item } from './items.ts';
import type { SourceLog, SourceStamp } from './sources.ts';

export interface IngestProgress {
  /** Units (a line of JSON Lines, any other file) done, and in all (null while uncounted). */
  done: number;
  total: number | null;
  /** Articles written (new, or changed since they were last ingested). */
  added: number;
  /** Articles already in with the same content, and units of sources unchanged since their last ingest. */
  already: number;
  /** Bad lines, unreadable files, articles whose facts could not be computed. */
  failed: number;
}

export interface IngestResult extends IngestProgress {
  /** The first MAX_KEPT problems (all of them go to `onProblem`). */
  problems: LoadProblem[];
}

export interface IngestOptions {
  /** Where stamps of read files are kept; without one, every file is read. */
  sources?: SourceLog | null;
  /** Count the units first, so progress has a total (one pass over the files; default true). */
  count?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  onProblem?: (problem: LoadProblem) => void;
  /** Articles written at once (default 200). */
  batch?: number;
}

/** Problems kept in the result; a million bad lines are reported one by one, not held. */
const MAX_KEPT = 1000;

type Outcome =
  | { kind: 'article'; item: Insertable; units: number }
  | { kind: 'already'; units: number }
  /** `retry`: the file to read again next time (its article's facts could not be computed: a time-out may pass then). */
  | { kind: 'problem'; problem: LoadProblem; units: number; retry?: string }
  | Extract<Item, { kind: 'skip' | 'stamp' }>;

/** The archive holds this article with this very content (id, date, text): its key says so, no facts are read. */
function alreadyIn(library: Library, article: Article): boolean {
  const index = library.archive.indexOf(article.id);
  return index !== undefined && library.archive.keyAt(index) === library.cacheKey(article);
}

function sourceOf(article: Article): string {
  return article.source ? `${article.source} (${article.id})` : article.id;
}

export async function ingest(paths: string[], library: Library, pool: WorkPool, options: IngestOptions = {}): Promise<IngestResult> {
  const sources = options.sources ?? null;
  const batchSize = options.batch ?? 200;
  const progress: IngestProgress = { done: 0, total: null, added: 0, already: 0, failed: 0 };
  const problems: LoadProblem[] = [];
  if (options.count !== false) progress.total = await countUnits(paths);
  options.onProgress?.({ ...progress });

  const unique = uniqueIds();
  let batch: Insertable[] = [];
  const stamps = new Map<string, SourceStamp>();
  /** Files not to stamp this run: one of their articles failed extraction, so the next run reads them again. */
  const retry = new Set<string>();
  const flush = async () => {
    if (batch.length) library.insertMany(batch);
    progress.added += batch.length;
    batch = [];
    // A stamp says "everything before this is in": written only once what preceded it is.
    for (const [path, stamp] of stamps) await sources?.set(path, stamp);
    stamps.clear();
  };

  // Facts and rows are made on the pool's threads: the main thread reads, orders and writes.
  // Bulk items: each thread holds several, so it goes on while this thread writes a batch.
  const prepare: Preparer = (article, key) => pool.run('entry', { article, key }, { label: article.id, size: article.text.length, bulk: true });

  // Ids are made unique in input order; a whole file's final ids go into its stamp.
  let fileIds: string[] = [];
  const start = (item: Item): Promise<Outcome> => {
    if (item.kind === 'skip') for (const id of item.ids ?? []) unique(id);
    if (item.kind === 'stamp' && item.units) {
      const stamped: Item = { ...item, stamp: { ...item.stamp, ids: fileIds } };
      fileIds = [];
      return Promise.resolve(stamped);
    }
    if (item.kind !== 'article') return Promise.resolve(item);
    const article = { ...item.article, id: unique(item.article.id) };
    if (!item.units) fileIds.push(article.id);
    if (alreadyIn(library, article)) return Promise.resolve({ kind: 'already', units: item.units });
    return library.prepare(article, prepare).then(
      (ready): Outcome => ({ kind: 'article', item: ready, units: item.units }),
      (e: unknown): Outcome => ({
        kind: 'problem',
        problem: { source: sourceOf(article), message: e instanceof Error ? e.message : String(e) },
        units: item.units,
        retry: article.source ? resolve(article.source) : undefined,
      }),
    );
  };

  const finish = async (outcome: Outcome) => {
    switch (outcome.kind) {
      case 'article':
        batch.push(outcome.item);
        break;
      case 'already':
        progress.already++;
        break;
      case 'problem':
        progress.failed++;
        if (problems.length < MAX_KEPT) problems.push(outcome.problem);
        options.onProblem?.(outcome.problem);
        if (outcome.retry) retry.add(outcome.retry);
        break;
      case 'skip':
        if (outcome.unchanged) progress.already += outcome.units;
        break;
      case 'stamp':
        if (!retry.has(outcome.path)) stamps.set(outcome.path, outcome.stamp);
        break;
    }
    progress.done += outcome.units;
    if (batch.length >= batchSize || stamps.size >= batchSize) await flush();
    options.onProgress?.({ ...progress });
  };

  // Articles in flight at once: enough to fill every thread's hands (bulkDepth) and one more
  // each, so no thread waits while the next is read or a batch written; few enough that memory
  // does not grow with the input (2 threads: 34 articles). Results are taken in input order.
  const window = pool.size * (pool.bulkDepth + 1);
  const inFlight: Array<Promise<Outcome>> = [];
  for await (const item of readItems(paths, pool, sources)) {
    inFlight.push(start(item));
    while (inFlight.length >= window) await finish(await inFlight.shift()!);
  }
  while (inFlight.length) await finish(await inFlight.shift()!);
  await flush();
  options.onProgress?.({ ...progress });
  return { ...progress, problems };
}
