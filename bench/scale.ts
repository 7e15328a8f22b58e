// The archive at scale, for `npm run bench`: synthetic archives of 10k / 100k / 1M articles
// (letter-shifted copies of the corpus with their facts shifted alike, so no extraction) built
// once into .bench/<key>/ and reused; then, for each, the store's size on disk, the time from
// a fresh `lede ask` process to its first answer over it (no re-ingest), ask p50/p99 and RSS in
// a process that only opens it; and ingest speed with real extraction on 1 and 2 work threads.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { progressPrinter } from '../src/adapters/terminal/progress.ts';
import { archivePath } from '../src/core/archive/index.ts';
import { SqliteArchive } from '../src/core/archive/sqlite.ts';
import { Lede } from '../src/core/lede.ts';
import { Library } from '../src/core/library.ts';
import { WorkPool } from '../src/core/work/pool.ts';
import { extractFacts, extractorVersion } from '../src/knowledge/extract.ts';
import { FACTS_SCHEMA_VERSION, type Article, type ArticleFacts } from '../src/knowledge/facts.ts';
import { root, synthetic } from './corpus.ts';
import { median } from './stats.ts';
import { threadCpuMs } from './threads.ts';

/** Bump when what is generated changes: a new folder is made (old ones may be deleted). */
const GENERATOR = 1;
/** Articles written per transaction while building. */
const BUILD_BATCH = 2000;

/** .bench/<key>: the key covers the generator, the extractor and the base corpus. */
export function benchFolder(base: Article[]): string {
  const h = createHash('sha256').update(JSON.stringify([GENERATOR, extractorVersion(), FACTS_SCHEMA_VERSION, base.map((a) => [a.id, a.text.length])]));
  const dir = join(root, '.bench', `v${GENERATOR}-${h.digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The base articles' facts, extracted once per folder. */
export function baseFactsIn(dir: string, base: Article[]): ArticleFacts[] {
  const file = join(dir, 'base-facts.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ArticleFacts[];
  process.stderr.write(`bench: extracting the ${base.length} base articles once (${file})…\n`);
  const facts = base.map((a) => extractFacts(a));
  writeFileSync(file, JSON.stringify(facts));
  return facts;
}

/** Bytes of a store: its SQLite file and its archive's, with their WALs. */
function sizeOnDisk(store: string): number {
  const files = [store, archivePath(store)].flatMap((f) => [f, `${f}-wal`]);
  return files.reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

/** The store (LEDE_SQLITE) of the size's archive; the archive is its archivePath(). */
function storeOf(dir: string, size: number): string {
  return join(dir, `store-${size}.sqlite`);
}

/**
 * The store whose archive holds the first `size` synthetic articles, built (or finished: a
 * build stopped half-way resumes from the articles it holds, each batch being one transaction).
 */
export function archiveOf(dir: string, base: Article[], baseFacts: ArticleFacts[], size: number): string {
  const store = storeOf(dir, size);
  const path = archivePath(store);
  // The first n synthetic articles are the same whatever the size: a bigger archive starts as a
  // copy of the biggest smaller one (closed, so its WAL is folded in) and goes on from there.
  const smaller = keptSizes(dir)
    .filter((n) => n < size)
    .sort((a, b) => b - a)[0];
  if (!existsSync(path) && smaller) copyFileSync(archivePath(storeOf(dir, smaller)), path);
  const archive = new SqliteArchive(path);
  const lib = new Library(null, undefined, undefined, archive);
  try {
    if (lib.size >= size) return store;
    const progress = progressPrinter(process.stderr, { label: `bench: building ${path}`, everyMs: 10_000 });
    const from = lib.size;
    for (let k = from; k < size; ) {
      const batch = [];
      for (const end = Math.min(size, k + BUILD_BATCH); k < end; k++) batch.push(synthetic(base, baseFacts, k));
      lib.insertMany(batch);
      progress.update({ done: k, total: size, added: k - from, already: from, failed: 0 });
    }
    progress.end();
    return store;
  } finally {
    lib.close();
  }
}

/** Wall ms of one `lede ask` process, and what it printed. */
function askProcess(question: string, env: Record<string, string>, args: string[] = []): { ms: number; stdout: string } {
  const t0 = performance.now();
  const stdout = execFileSync(process.execPath, [join(root, 'bin', 'lede.mjs'), 'ask', question, '--json', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return { ms: performance.now() - t0, stdout };
}

export interface ScaleRow {
  articles: number;
  diskMb: number;
  restartMs: number;
  restartAnswered: boolean;
  openMs: number;
  p50: number;
  p99: number;
  rssMb: number;
}

/** The measures over one store's archive: a fresh process each, the archive never re-ingested. */
export function measureArchive(path: string, size: number, runs: number): ScaleRow {
  const empty = join(path.replace(/\.sqlite$/, ''), 'no-data');
  mkdirSync(empty, { recursive: true });
  // An article added last, asked about by name: the answer must come from the stored archive.
  const probe = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'scale-child.ts'), path, 'probe'], { encoding: 'utf8', cwd: root })) as { question: string };
  const env = { LEDE_SQLITE: path, LEDE_DATA: empty, LOG_LEVEL: 'silent' };
  const restarts: number[] = [];
  let answered = true;
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const r = askProcess(probe.question, env);
    restarts.push(r.ms);
    answered &&= (JSON.parse(r.stdout) as { answer: string | null }).answer !== null;
  }
  const child = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'scale-child.ts'), path, 'ask', String(runs)], { encoding: 'utf8', cwd: root })) as {
    openMs: number;
    p50: number;
    p99: number;
    rssMb: number;
  };
  return { articles: size, diskMb: sizeOnDisk(path) / 2 ** 20, restartMs: median(restarts), restartAnswered: answered, ...child };
}

/** Wall ms of `lede ask "Who was shot?"` over the bundled article (data/), facts cached. */
export function bundledAsk(dir: string, runs: number): number {
  const env = { LEDE_SQLITE: join(dir, 'bundled', `state-${process.pid}.sqlite`), LOG_LEVEL: 'silent' };
  askProcess('Who was shot?', env, ['--data', join(root, 'data')]);
  const ms: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) ms.push(askProcess('Who was shot?', env, ['--data', join(root, 'data')]).ms);
  return median(ms);
}

/** One timed ingest: articles/s, and CPU ms per article of the main thread and of all others. */
interface IngestRun {
  rate: number;
  mainMs: number | null;
  workMs: number | null;
}

/**
 * A streaming ingest with real extraction of the sample on `threads` work threads, as `lede
 * ingest` runs it: into a fresh SQLite store (facts cache and archive) in a temporary folder.
 * Every thread is started and warmed first on the same articles (its model loaded and its code
 * compiled hot), so one thread and two start alike and only the ingest is timed.
 */
async function ingestRun(sampleFile: string, warmFile: string, articles: number, threads: number): Promise<IngestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-ingest-'));
  const pool = new WorkPool({ size: threads, inlineBelow: { extract: 0 } });
  const lede = await Lede.open({ store: { sqlitePath: join(dir, 'store.sqlite') }, work: pool });
  try {
    const warm = readFileSync(warmFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Article);
    // Until every thread is up (one may take all the warm-up while another still loads its model), then all warm.
    do await Promise.all(warm.flatMap((article) => Array.from({ length: threads }, () => pool.run('extract', { article }))));
    while (pool.threadsReady < threads);
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    await lede.ingest([sampleFile], { count: false });
    const rate = articles / ((performance.now() - t0) / 1000);
    const cpu1 = threadCpuMs();
    return {
      rate,
      mainMs: cpu0 && cpu1 && (cpu1.main - cpu0.main) / articles,
      workMs: cpu0 && cpu1 && (cpu1.others - cpu0.others) / articles,
    };
  } finally {
    await lede.close();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface IngestRow {
  articles: number;
  oneThread: number;
  twoThreads: number;
  /** CPU ms per article (medians): the main thread's, and the other threads' (extraction, mostly), on 1 and on 2 threads. */
  cpu: { one: { main: number; work: number }; two: { main: number; work: number } } | null;
}

/** A sample file of the synthetic articles from `from` on, written to the bench folder once. */
function sampleFile(dir: string, base: Article[], baseFacts: ArticleFacts[], name: string, from: number, articles: number): string {
  const file = join(dir, `${name}-${articles}.jsonl`);
  if (!existsSync(file)) {
    const lines = Array.from({ length: articles }, (_, k) => JSON.stringify(synthetic(base, baseFacts, from + k).article));
    writeFileSync(file, lines.join('\n') + '\n');
  }
  return file;
}

/**
 * Ingest speed on one and two threads over the same sample, runs alternating (1, 2, 1, 2…) so
 * the main thread's own warm-up and the machine's load weigh on both alike; medians.
 */
export async function measureIngest(dir: string, base: Article[], baseFacts: ArticleFacts[], articles: number, runs = 3): Promise<IngestRow> {
  // Copies 1… (not the originals): each article is new to a fresh store. The warm-up articles are others still.
  const file = sampleFile(dir, base, baseFacts, 'sample', base.length, articles);
  const warm = sampleFile(dir, base, baseFacts, 'warm', 0, 20);
  const one: IngestRun[] = [];
  const two: IngestRun[] = [];
  for (let r = 0; r < runs; r++) {
    one.push(await ingestRun(file, warm, articles, 1));
    two.push(await ingestRun(file, warm, articles, 2));
  }
  const cpuOf = (xs: IngestRun[]) => ({ main: median(xs.map((x) => x.mainMs ?? NaN)), work: median(xs.map((x) => x.workMs ?? NaN)) });
  const cpu = one[0].mainMs === null ? null : { one: cpuOf(one), two: cpuOf(two) };
  return { articles, oneThread: median(one.map((x) => x.rate)), twoThreads: median(two.map((x) => x.rate)), cpu };
}

/** The sizes whose archives a folder holds ("store-10000.sqlite.archive" → 10000). */
function keptSizes(dir: string): number[] {
  return readdirSync(dir).flatMap((f) => /^store-(\d+)\.sqlite\.archive$/.exec(f)?.[1] ?? []).map(Number);
}
