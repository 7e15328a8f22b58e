// `npm run bench`: speed and memory, as medians of several runs after a warm-up, with ratios
// against a baseline measured in the same run. Not a test: it asserts nothing.
//
// Corpus: the articles of ../shared/eval/data/dev (read in place, never copied) when that
// folder is there, else the repository's own articles; either way grown to the sizes needed
// by variants whose capitalised words are letter-shifted (same length, so facts' offsets stay
// valid) so that retrieval is not fooled by duplicates.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ask } from '../src/core/ask.ts';
import { Library } from '../src/core/library.ts';
import { extractFacts } from '../src/knowledge/extract.ts';
import type { Article, ArticleFacts } from '../src/knowledge/facts.ts';
import { loadArticles } from '../src/knowledge/ingest/index.ts';
import { readDocBare, readDocPipeline, wink } from '../src/knowledge/nlp.ts';
import { doubling, doublingTable } from './doubling.ts';

const root = join(import.meta.dirname, '..');
const evalDir = join(root, '..', 'shared', 'eval', 'data', 'dev');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** Characters of the smallest input of the doubling test (then twice and four times that). */
const DOUBLING_CHARS = Number(process.env.BENCH_DOUBLING_CHARS ?? 50_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

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

function questionsFor(lib: Library, n: number): string[] {
  const qs: string[] = [];
  for (let i = 0; qs.length < n && i < lib.size * 4; i++) {
    const { facts, article } = lib.article((i * 7919) % lib.size);
    const e = facts.entities[i % Math.max(1, facts.entities.length)];
    const quote = facts.quotes.find((q) => q.kind === 'direct');
    const s = facts.sentences[i % Math.max(1, facts.sentences.length)];
    switch (i % 5) {
      case 0: if (e) qs.push(`Who is ${e.name}?`); break;
      case 1: if (e) qs.push(`What did ${e.name} say?`); break;
      case 2: if (quote) qs.push(`Who said "${quote.text.replace(/["“”]/g, '').split(/\s+/).slice(0, 10).join(' ')}"?`); break;
      case 3: if (s) qs.push(`When did ${article.text.slice(s.start, s.end).split(/\s+/).slice(2, 8).join(' ')} happen?`); break;
      default: if (s) qs.push(`What happened ${article.text.slice(s.start, s.end).split(/\s+/).slice(0, 5).join(' ')}`); break;
    }
  }
  return qs;
}

function askLatency(base: Article[], baseFacts: Map<string, ArticleFacts>, size: number) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const lib = new Library(null);
  const t0 = performance.now();
  for (let copy = 0, added = 0; added < size; copy++) {
    for (const a of base) {
      if (added >= size) break;
      const v = variant(a, copy);
      const f = baseFacts.get(a.id)!;
      lib.insert(v, { ...variantFacts(f, copy), id: v.id });
      added++;
    }
  }
  const indexMs = performance.now() - t0;
  global.gc?.();
  const rssPerArticle = (process.memoryUsage().rss - rssBefore) / size;
  const questions = questionsFor(lib, 300);
  for (const q of questions.slice(0, 30)) ask(lib, q, {});
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const q of questions) ms.push(time(() => ask(lib, q, {})));
  }
  return { size, p50: median(ms), p99: percentile(ms, 99), indexMs, rssPerArticleKb: rssPerArticle / 1024 };
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

const { articles: base, from } = baseArticles();
wink();
const big = corpus(base, 1000, 500_000);
process.stderr.write(`bench: corpus of ${big.length} articles from ${from}, ${RUNS} runs each\n`);
const tp = throughput(big);
const baseFacts = new Map(base.map((a) => [a.id, extractFacts(a)]));
const latency = SIZES.map((size) => {
  process.stderr.write(`bench: ask with ${size} articles loaded…\n`);
  return askLatency(base, baseFacts, size);
});
process.stderr.write('bench: cold start…\n');
const cold = coldStart(big.slice(0, 1000));
process.stderr.write(`bench: doubling test from ${DOUBLING_CHARS} characters…\n`);
const doublingRows = doubling(DOUBLING_CHARS, Math.min(RUNS, 3));
const worstDoubling = Math.max(...doublingRows.map((r) => r.ratio));

const rows = [
  ['corpus', `${tp.articles} articles, ${tp.tokens} tokens (${from})`],
  ['wink readDoc (bare)', `${Math.round(tp.bareTps).toLocaleString('en')} tokens/s (wink's default pipeline)`],
  ['wink readDoc (our pipe)', `${Math.round(tp.pipelineTps).toLocaleString('en')} tokens/s (sbd, pos: no entities, sentiment, negation)`],
  ['lede extract (full)', `${Math.round(tp.fullTps).toLocaleString('en')} tokens/s`],
  ['extract / bare', `${tp.ratio.toFixed(2)} (target >= 0.5); over our pipe's readDoc ${tp.pipelineRatio.toFixed(2)}`],
  ...latency.map((l) => [`ask @ ${l.size.toLocaleString('en')} articles`, `p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, index ${Math.round(l.indexMs)} ms, RSS ${l.rssPerArticleKb.toFixed(1)} kB/article`]),
  ['cold start, 1000 articles', `first answer ${Math.round(cold.cachedMs)} ms with facts cached vs ${Math.round(cold.reparseMs)} ms re-parsing (${(cold.reparseMs / cold.cachedMs).toFixed(1)}x)`],
];
rows.push(['worst time ratio per doubling', `${worstDoubling.toFixed(2)} (target <= 2.2; table below)`]);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
console.log(doublingTable(doublingRows, DOUBLING_CHARS));
console.log(JSON.stringify({ bench: 'lede', runs: RUNS, corpus: { articles: tp.articles, tokens: tp.tokens, from }, bare_tokens_per_s: Math.round(tp.bareTps), pipeline_tokens_per_s: Math.round(tp.pipelineTps), extract_tokens_per_s: Math.round(tp.fullTps), extract_over_bare: +tp.ratio.toFixed(3), extract_over_pipeline: +tp.pipelineRatio.toFixed(3), ask: latency.map((l) => ({ articles: l.size, p50_ms: +l.p50.toFixed(3), p99_ms: +l.p99.toFixed(3), rss_kb_per_article: +l.rssPerArticleKb.toFixed(1) })), cold_start: cold, doubling: { chars: DOUBLING_CHARS, worst_ratio: +worstDoubling.toFixed(2), ratios: Object.fromEntries(doublingRows.map((r) => [`${r.stage} / ${r.input}`, +r.ratio.toFixed(2)])) } }));
