// The archive at scale, for `npm run bench`: synthetic archives of 10k / 100k / 1M articles
// (letter-shifted copies of the corpus with their facts shifted alike, so no extraction) built
// once into .bench/<key>/ and reused; then, for each, the store's size on disk, the time from
// a fresh `lede ask` process to its first answer over it (no re-ingest), ask p50/p99 and RSS in
// a process that only opens it; and ingest speed with real extraction, `lede ingest` held to one
// core against it on every core.
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
export interface IngestRun {
  threads: number;
  rate: number;
  mainMs: number | null;
  workMs: number | null;
}

/**
 * A streaming ingest with real extraction of the sample, as `lede ingest` runs it: into a fresh
 * SQLite store (facts cache and archive) in a temporary folder, on `threads` work threads (by
 * default the pool's own choice: one a core the process may use). Every thread is started and
 * warmed first on the same articles (its model loaded and its code compiled hot), so runs start
 * alike and only the ingest is timed. Run in a child process of its own (bench/ingest-run.ts),
 * so the process can be held to one core.
 */
export async function ingestRun(sampleFile: string, warmFile: string, articles: number, threads?: number): Promise<IngestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-ingest-'));
  const pool = new WorkPool({ size: threads, inlineBelow: { extract: 0 } });
  const lede = await Lede.open({ store: { sqlitePath: join(dir, 'store.sqlite') }, work: pool });
  try {
    const warm = readFileSync(warmFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Article);
    // Until every thread is up (one may take all the warm-up while another still loads its model), then all warm.
    do await Promise.all(warm.flatMap((article) => Array.from({ length: pool.size }, () => pool.run('extract', { article }))));
    while (pool.threadsReady < pool.size);
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    await lede.ingest([sampleFile], { count: false });
    const rate = articles / ((performance.now() - t0) / 1000);
    const cpu1 = threadCpuMs();
    return {
      threads: pool.size,
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

/** One setting the ingest is measured in: the cores the process may use, and its work threads. */
interface IngestSetting {
  /** Held to the first core by `taskset -c 0` (Linux); else every core the machine has. */
  oneCore: boolean;
  /** Work threads; undefined = the pool's default for the cores it sees, as `lede ingest` runs. */
  threads?: number;
}

export interface IngestMedians {
  /** Work threads the pool ran. */
  threads: number;
  perSecond: number;
  /** CPU ms per article: the main thread's, and all other threads' (extraction, GC helpers, writes). */
  cpu: { main: number; others: number } | null;
}

export interface IngestRow {
  articles: number;
  /** `lede ingest` held to one core (null where taskset is missing). */
  oneCore: IngestMedians | null;
  /** `lede ingest` on every core (two here), with the pool's default threads. */
  allCores: IngestMedians;
  /** On every core with one work thread only: how much of the gain is the second thread's. */
  allCoresOneThread: IngestMedians;
}

/** Whether `taskset` can hold a child to one core here. */
function canPin(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

function ingestChild(sample: string, warm: string, articles: number, setting: IngestSetting): IngestRun {
  const args = ['--import', 'tsx', join(root, 'bench', 'ingest-run.ts'), sample, warm, String(articles), String(setting.threads ?? 'auto')];
  const [command, argv] = setting.oneCore ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const stdout = execFileSync(command, argv, { encoding: 'utf8', cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as IngestRun;
}

/**
 * Ingest speed with real extraction over the same sample, `lede ingest` held to one core
 * against it on every core: each run a fresh process, the settings alternating (one core, all
 * cores, all cores on one thread, again…) so the machine's load weighs on all alike; medians.
 * One core, not one thread, is the baseline: a single work thread already spreads over about
 * 1.5 cores (V8's GC helpers, the store's writes on libuv's threads), so "1 thread" on a 2-core
 * machine is not one core's worth of ingest.
 */
export function measureIngest(dir: string, base: Article[], baseFacts: ArticleFacts[], articles: number, runs = 3): IngestRow {
  // Copies 1… (not the originals): each article is new to a fresh store. The warm-up articles are others still.
  const file = sampleFile(dir, base, baseFacts, 'sample', base.length, articles);
  // Near steady state, as a long ingest runs: 60 articles warm each thread (its JIT, its model's
  // caches), and a 600-article sample (bench.ts) makes the last bulk a thread holds (16 items),
  // with the other idle, a small part of the run. With 20 and 200, CPU per article measured 19 ms;
  // with 60 and 600, 10 ms.
  const warm = sampleFile(dir, base, baseFacts, 'warm', 0, Number(process.env.BENCH_INGEST_WARM ?? 60));
  const settings: IngestSetting[] = [{ oneCore: false }, { oneCore: false, threads: 1 }];
  if (canPin()) settings.unshift({ oneCore: true });
  const measured = settings.map(() => [] as IngestRun[]);
  for (let r = 0; r < runs; r++) settings.forEach((setting, i) => measured[i].push(ingestChild(file, warm, articles, setting)));
  const medians = (xs: IngestRun[]): IngestMedians => ({
    threads: xs[0].threads,
    perSecond: median(xs.map((x) => x.rate)),
    cpu: xs[0].mainMs === null ? null : { main: median(xs.map((x) => x.mainMs ?? NaN)), others: median(xs.map((x) => x.workMs ?? NaN)) },
  });
  const rows = measured.map(medians);
  const pinned = settings[0].oneCore;
  return { articles, oneCore: pinned ? rows[0] : null, allCores: rows[pinned ? 1 : 0], allCoresOneThread: rows[pinned ? 2 : 1] };
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

/** The sizes whose archives a folder holds ("store-10000.sqlite.archive" → 10000). */
function keptSizes(dir: string): number[] {
  return readdirSync(dir).flatMap((f) => /^store-(\d+)\.sqlite\.archive$/.exec(f)?.[1] ?? []).map(Number);
}
