// Sources → a stream of items, one at a time, so an ingest of a million articles never holds
// them all: a folder is walked file by file, a JSON Lines file is read line by line. Progress is
// counted in units: one per line of a JSON Lines file, one per any other file.
import { createReadStream, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../../knowledge/facts.ts';
import { articleFromDraft, walkFiles, type LoadProblem } from '../../knowledge/ingest/index.ts';
import { readJsonLine } from '../../knowledge/ingest/json.ts';
import type { WorkPool } from '../work/pool.ts';
import { fileState, sameFile, type SourceLog, type SourceStamp } from './sources.ts';

/** Read line by line (any other file is read whole, through the work pool). */
const LINE_FORMATS = new Set(['.jsonl', '.ndjson']);

/** A JSON Lines file saves how far it got every this many lines (once they are in). */
export const CHECKPOINT_LINES = 500;

export type Item =
  /** An article read; `units` of progress it completes (1 for a line, 0 for one of a file's articles). */
  | { kind: 'article'; article: Article; units: number }
  | { kind: 'problem'; problem: LoadProblem; units: number }
  /** Units passed over: blank lines, a file unchanged since its last ingest, a resumed file's lines already in. */
  | { kind: 'skip'; units: number; unchanged?: boolean; ids?: string[] }
  /** Everything read before this from `path` is in once what is pending is written. */
  | { kind: 'stamp'; path: string; stamp: SourceStamp; units: number };

function isLines(path: string): boolean {
  return LINE_FORMATS.has(extname(path).toLowerCase());
}

/** Newline-terminated lines of a file, plus a last unterminated one: what readline yields. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}

function filesOf(path: string): Iterable<string> {
  try {
    return statSync(path).isDirectory() ? walkFiles(path) : [path];
  } catch {
    return [path];
  }
}

/** Units of progress the paths hold (a pass that stats and counts lines, never parses). */
export async function countUnits(paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    for (const file of filesOf(path)) total += isLines(file) && fileState(file) ? await countLines(file) : 1;
  }
  return total;
}

function cannotRead(source: string, e: unknown): LoadProblem {
  return { source, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
}

async function* linesOf(file: string, stamp: SourceStamp | undefined, state: Pick<SourceStamp, 'size' | 'mtimeMs'>): AsyncGenerator<Item> {
  // A file that has not changed since an ingest stopped in it resumes after its last saved line.
  const resumeAfter = sameFile(stamp, state) ? stamp.units : 0;
  if (resumeAfter) yield { kind: 'skip', units: resumeAfter, unchanged: true };
  const stem = basename(file, extname(file));
  let n = 0;
  let item = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    const blank = !line.trim();
    if (!blank) item++;
    if (++n <= resumeAfter) continue;
    const read = blank ? null : readJsonLine(line, n);
    if (!read) yield { kind: 'skip', units: 1 };
    // An article without an id is named by its place, as a whole-file read names it ("feed#3").
    else if (read.draft) yield { kind: 'article', article: articleFromDraft(read.draft, `${stem}#${item}`, file), units: 1 };
    else yield { kind: 'problem', problem: { source: `${file} (${read.at})`, message: read.error ?? 'unreadable' }, units: 1 };
    if (n % CHECKPOINT_LINES === 0) yield { kind: 'stamp', path: resolve(file), stamp: { ...state, units: n, done: false }, units: 0 };
  }
  yield { kind: 'stamp', path: resolve(file), stamp: { ...state, units: n, done: true }, units: 0 };
}

async function* wholeFile(file: string, state: Pick<SourceStamp, 'size' | 'mtimeMs'>, pool: WorkPool): AsyncGenerator<Item> {
  const read = await pool
    .run('file', { path: file }, { label: file, size: state.size })
    .catch((e: Error) => ({ articles: [], problems: [{ source: file, message: e.message }] }));
  for (const article of read.articles) yield { kind: 'article', article, units: 0 };
  for (const problem of read.problems) yield { kind: 'problem', problem, units: 0 };
  yield { kind: 'stamp', path: resolve(file), stamp: { ...state, units: 1, done: true }, units: 1 };
}

/**
 * Every item under the paths, in order. With a source log, a file whose stamp says it was read
 * whole and is unchanged is skipped without opening it.
 */
export async function* readItems(paths: string[], pool: WorkPool, sources: SourceLog | null): AsyncGenerator<Item> {
  for (const path of paths) {
    for (const file of filesOf(path)) {
      let state: Pick<SourceStamp, 'size' | 'mtimeMs'>;
      try {
        const st = statSync(file);
        state = { size: st.size, mtimeMs: st.mtimeMs };
      } catch (e) {
        yield { kind: 'problem', problem: cannotRead(file, e), units: 1 };
        continue;
      }
      const stamp = sources ? await sources.get(resolve(file)) : undefined;
      if (stamp?.done && sameFile(stamp, state)) {
        yield { kind: 'skip', units: isLines(file) ? stamp.units : 1, unchanged: true, ids: stamp.ids };
        continue;
      }
      try {
        yield* isLines(file) ? linesOf(file, stamp, state) : wholeFile(file, state, pool);
      } catch (e) {
        yield { kind: 'problem', problem: cannotRead(file, e), units: 0 };
      }
    }
  }
}
