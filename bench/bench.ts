// `npm run bench`: speed and memory, as medians of several runs after a warm-up, with ratios
// against a baseline measured in the same run. Not a test: it asserts nothing.
//
// Corpus: see corpus.ts (the eval's dev articles read in place, grown by letter-shifted copies).
// The stored-archive rows (10k / 100k / 1M articles) come from scale.ts: the archives are built
// once into .bench/ (resumable, with progress) and reused by later runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFacts } from '../src/knowledge/extract.ts';
import type { Article } from '../src/knowledge/facts.ts';
import { readDocBare, readDocPipeline, wink } from '../src/knowledge/nlp.ts';
import { baseArticles, corpus, root } from './corpus.ts';
import { doubling, doublingTable } from './doubling.ts';
import { archiveOf, baseFactsIn, benchFolder, bundledAsk, measureArchive, measureIngest, type IngestMedians, type IngestRow } from './scale.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
/** Articles ingested with real extraction, on one core and on every core. */
const INGEST_SAMPLE = Number(process.env.BENCH_INGEST_SAMPLE ?? 600);
/** Characters of the smallest input of the doubling test (then twice and four times that). */
const DOUBLING_CHARS = Number(process.env.BENCH_DOUBLING_CHARS ?? 50_000);

/** Milliseconds spent in fn, added to acc[key]. */
function timed<T>(acc: Record<string, number>, key: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  acc[key] += performance.now() - t0;
  return out;
}

/**
 * Tokens/s of wink alone and of the full extraction. The three are interleaved article by
 * article, so load from other processes on a shared machine weighs on all of them alike.
 */
function throughput(articles: Article[]) {
  let tokens = 0;
  for (const a of articles.slice(0, 50)) readDocBare(a.text); // warm-up
  for (const a of articles.slice(0, 50)) readDocPipeline(a.text);
  for (const a of articles.slice(0, 50)) extractFacts(a);
  const bare: number[] = [];
  const pipeline: number[] = [];
  const full: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    tokens = 0;
    const ms = { bare: 0, pipeline: 0, full: 0 };
    articles.forEach((a, n) => {
      // The first pass over a text runs slower (cold caches): each measure takes its turn first.
      const steps = [
        () => { tokens += timed(ms, 'bare', () => readDocBare(a.text)); },
        () => timed(ms, 'pipeline', () => readDocPipeline(a.text)),
        () => timed(ms, 'full', () => extractFacts(a)),
      ];
      for (let k = 0; k < steps.length; k++) steps[(n + k) % steps.length]();
    });
    bare.push(ms.bare);
    pipeline.push(ms.pipeline);
    full.push(ms.full);
  }
  const bareTps = tokens / (median(bare) / 1000);
  const pipelineTps = tokens / (median(pipeline) / 1000);
  const fullTps = tokens / (median(full) / 1000);
  return { tokens, articles: articles.length, bareTps, pipelineTps, fullTps, ratio: fullTps / bareTps, pipelineRatio: fullTps / pipelineTps };
}

function coldStart(articles: Article[]) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  try {
    const data = join(dir, 'data');
    execFileSync('mkdir', ['-p', data]);
    writeFileSync(join(data, 'corpus.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
    const run = (sqlite: string) => {
      const t0 = performance.now();
      execFileSync(process.execPath, [join(root, 'bin', 'lede.mjs'), 'ask', 'Who said it?', '--data', data], {
        env: { ...process.env, LEDE_SQLITE: sqlite },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      return performance.now() - t0;
    };
    const warmDb = join(dir, 'warm.sqlite');
    run(warmDb); // fills the facts cache
    const cached: number[] = [];
    const parsed: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      cached.push(run(warmDb));
      parsed.push(run(join(dir, `cold-${i}.sqlite`)));
    }
    return { articles: articles.length, cachedMs: median(cached), reparseMs: median(parsed) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ingest row: `lede ingest` on one core against every core (target: at least 1.7 times). */
function ingestLine(row: IngestRow): string {
  const all = row.allCores;
  const rest = `every core (${availableParallelism()}): ${all.perSecond.toFixed(1)} articles/s on ${all.threads} threads, ${row.allCoresOneThread.perSecond.toFixed(1)} on 1`;
  if (!row.oneCore) return `${rest}; one core not measured (no taskset)`;
  return `one core: ${row.oneCore.perSecond.toFixed(1)} articles/s; ${rest}: ${(all.perSecond / row.oneCore.perSecond).toFixed(2)}x one core (target >= 1.7)`;
}

function ingestCpuLine(row: IngestRow): string {
  const settings: Array<[string, IngestMedians | null]> = [['one core', row.oneCore], [`every core, ${row.allCores.threads} threads`, row.allCores], ['every core, 1 thread', row.allCoresOneThread]];
  const parts = settings.flatMap(([name, m]) => (m?.cpu ? [`${name}: main ${m.cpu.main.toFixed(1)} + others ${m.cpu.others.toFixed(1)} ms`] : []));
  return parts.length > 0 ? parts.join('; ') : 'not measured (no /proc schedstat)';
}

function ingestJson(m: IngestMedians | null) {
  return m && { threads: m.threads, per_s: +m.perSecond.toFixed(2), cpu_ms_per_article: m.cpu && { main: +m.cpu.main.toFixed(2), others: +m.cpu.others.toFixed(2) } };
}

const { articles: base, from } = baseArticles();
wink();
const big = corpus(base, 1000, 500_000);
process.stderr.write(`bench: corpus of ${big.length} articles from ${from}, ${RUNS} runs each\n`);
const tp = throughput(big);
const folder = benchFolder(base);
const baseFacts = baseFactsIn(folder, base);
process.stderr.write(`bench: ingest with real extraction, ${INGEST_SAMPLE} articles, on one core then on every core…\n`);
const ingestRow = measureIngest(folder, base, baseFacts, INGEST_SAMPLE);
const scale = SIZES.map((size) => {
  const path = archiveOf(folder, base, baseFacts, size);
  process.stderr.write(`bench: ${size.toLocaleString('en')} articles stored (${path})…\n`);
  return measureArchive(path, size, RUNS);
});
process.stderr.write('bench: `lede ask` on the bundled article…\n');
const bundledMs = bundledAsk(folder, RUNS);
process.stderr.write('bench: cold start…\n');
const cold = coldStart(big.slice(0, 1000));
process.stderr.write(`bench: doubling test from ${DOUBLING_CHARS} characters…\n`);
const doublingRows = doubling(DOUBLING_CHARS, Math.min(RUNS, 3));
const worstDoubling = Math.max(...doublingRows.map((r) => r.ratio));

const mb = (n: number) => `${n.toLocaleString('en', { maximumFractionDigits: 0 })} MB`;
const rows = [
  ['corpus', `${tp.articles} articles, ${tp.tokens} tokens (${from})`],
  ['wink readDoc (bare)', `${Math.round(tp.bareTps).toLocaleString('en')} tokens/s (wink's default pipeline)`],
  ['wink readDoc (our pipe)', `${Math.round(tp.pipelineTps).toLocaleString('en')} tokens/s (sbd, pos: no entities, sentiment, negation)`],
  ['lede extract (full)', `${Math.round(tp.fullTps).toLocaleString('en')} tokens/s`],
  ['extract / bare', `${tp.ratio.toFixed(2)} (target >= 0.5); over our pipe's readDoc ${tp.pipelineRatio.toFixed(2)}`],
  ['ingest (real extraction)', ingestLine(ingestRow)],
  ['ingest CPU per article', ingestCpuLine(ingestRow)],
  ...scale.map((r) => [
    `stored @ ${r.articles.toLocaleString('en')} articles`,
    `restart to first answer ${Math.round(r.restartMs)} ms${r.restartAnswered ? '' : ' (NOT answered)'}; ask p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms; RSS ${mb(r.rssMb)}; on disk ${mb(r.diskMb)}; open ${r.openMs.toFixed(0)} ms`,
  ]),
  ['lede ask, bundled article', `${Math.round(bundledMs)} ms wall (target <= 1000)`],
  ['cold start, 1000 articles', `first answer ${Math.round(cold.cachedMs)} ms with facts cached vs ${Math.round(cold.reparseMs)} ms re-parsing (${(cold.reparseMs / cold.cachedMs).toFixed(1)}x)`],
];
rows.push(['worst time ratio per doubling', `${worstDoubling.toFixed(2)} (target <= 2.2; table below)`]);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
console.log(doublingTable(doublingRows, DOUBLING_CHARS));
console.log(
  JSON.stringify({
    bench: 'lede',
    runs: RUNS,
    corpus: { articles: tp.articles, tokens: tp.tokens, from },
    bare_tokens_per_s: Math.round(tp.bareTps),
    pipeline_tokens_per_s: Math.round(tp.pipelineTps),
    extract_tokens_per_s: Math.round(tp.fullTps),
    extract_over_bare: +tp.ratio.toFixed(3),
    extract_over_pipeline: +tp.pipelineRatio.toFixed(3),
    ingest: {
      articles: ingestRow.articles,
      one_core: ingestJson(ingestRow.oneCore),
      all_cores: ingestJson(ingestRow.allCores),
      all_cores_one_thread: ingestJson(ingestRow.allCoresOneThread),
      all_over_one_core: ingestRow.oneCore && +(ingestRow.allCores.perSecond / ingestRow.oneCore.perSecond).toFixed(3),
    },
    stored: scale.map((r) => ({
      articles: r.articles,
      restart_to_first_answer_ms: Math.round(r.restartMs),
      restart_answered: r.restartAnswered,
      p50_ms: +r.p50.toFixed(3),
      p99_ms: +r.p99.toFixed(3),
      rss_mb: Math.round(r.rssMb),
      disk_mb: Math.round(r.diskMb),
      open_ms: Math.round(r.openMs),
    })),
    lede_ask_bundled_ms: Math.round(bundledMs),
    cold_start: cold,
    doubling: { chars: DOUBLING_CHARS, worst_ratio: +worstDoubling.toFixed(2), ratios: Object.fromEntries(doublingRows.map((r) => [`${r.stage} / ${r.input}`, +r.ratio.toFixed(2)])) },
  }),
);
