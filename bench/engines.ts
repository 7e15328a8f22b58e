// The measurement behind docs/scaling.md's choice of shared engine for the archive: the reads
// answering makes (postings of a question's terms, then the facts of the best articles) and a
// batched write, on Postgres and on Redis, both on loopback. Not a test: it asserts nothing.
//   LEDE_TEST_POSTGRES_URL=postgres://lede@127.0.0.1:6392/lede_test \
//   LEDE_TEST_REDIS_URL=redis://127.0.0.1:6391 node --import tsx bench/engines.ts
// ENGINES_ARTICLES (default 5000) sets the archive size; the facts are synthetic, 12 kB each
// (the mean size of a real article's cached facts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createClient } from 'redis';
import { SyncPostgres } from '../src/core/archive/pg-sync.ts';

const PG_URL = process.env.LEDE_TEST_POSTGRES_URL;
const REDIS_URL = process.env.LEDE_TEST_REDIS_URL;
if (!PG_URL || !REDIS_URL) throw new Error('set LEDE_TEST_POSTGRES_URL and LEDE_TEST_REDIS_URL');
const ARTICLES = Number(process.env.ENGINES_ARTICLES ?? 5_000);
const QUESTIONS = 2_000;
const TERMS_PER_ARTICLE = 150;
const VOCABULARY = 50_000;
const FACTS_BYTES = 12_000;
const BATCH = 500;

// A deterministic generator, so both engines hold exactly the same archive.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
/** Zipf-like: a few terms in many articles, most in few, as in news text. */
const term = () => `t${Math.floor(VOCABULARY ** random())}`;
const facts = (id: number) => JSON.stringify({ id: `a${id}`, sentences: 'x'.repeat(FACTS_BYTES - 40) });
/** An article's index terms, each with the sentence numbers holding it (as the archive stores them). */
function termsOf(): Array<[string, number[]]> {
  const set = new Set<string>();
  while (set.size < TERMS_PER_ARTICLE) set.add(term());
  return [...set].map((t) => [t, random() < 0.7 ? [Math.floor(random() * 40)] : [Math.floor(random() * 20), 20 + Math.floor(random() * 20)]]);
}
const SLOTS = 4096;
/** Eight articles' facts: what answering reads for its best candidates. */
const factsRead = () => Array.from({ length: 8 }, () => Math.floor(random() * ARTICLES));

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  return `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`;
}

async function time(label: string, n: number, one: () => unknown): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < n + 100; i++) {
    const t = performance.now();
    await one();
    if (i >= 100) samples.push(performance.now() - t); // the first 100 warm caches and connections
  }
  console.log(`${label.padEnd(46)} ${stats(samples)}`);
}

const batches = Array.from({ length: Math.ceil(ARTICLES / BATCH) }, (_, b) => {
  const rows: Array<{ id: number; terms: Array<[string, number[]]> }> = [];
  for (let id = b * BATCH; id < Math.min(ARTICLES, (b + 1) * BATCH); id++) rows.push({ id, terms: termsOf() });
  return rows;
});
// Terms by how many articles hold them: a rare one (a name, 5–50 articles) and a common one
// (about a tenth of the archive), since reading postings costs by their length.
const df = new Map<string, number>();
for (const rows of batches) for (const r of rows) for (const [t] of r.terms) df.set(t, (df.get(t) ?? 0) + 1);
const band = (low: number, high: number) => [...df].filter(([, n]) => n >= low && n <= high).map(([t]) => t);
const rare = band(5, 50);
const common = band(ARTICLES * 0.08, ARTICLES * 0.12);
const pick = (list: string[]) => list[Math.floor(random() * list.length)];
const reads = Array.from({ length: QUESTIONS + 100 }, () => ({ facts: factsRead(), rare: pick(rare), common: pick(common) }));
console.log(`${ARTICLES} articles, ${TERMS_PER_ARTICLE} terms each, facts ${FACTS_BYTES / 1000} kB; rare terms in 5–50 articles, common ones in ${ARTICLES * 0.08}–${ARTICLES * 0.12}`);

// ── Postgres ──
const admin = new SyncPostgres(PG_URL);
const dbName = `lede_bench_${randomUUID().slice(0, 8)}`;
admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = Object.assign(new URL(PG_URL), { pathname: `/${dbName}` }).toString();
const sync = new SyncPostgres(dbUrl, { timeoutMs: 60_000 });
sync.query('CREATE TABLE articles (id int PRIMARY KEY, facts text NOT NULL)');
sync.query('CREATE TABLE postings (term text NOT NULL, idx int NOT NULL, sentences int[] NOT NULL, PRIMARY KEY (term, idx))');
let t0 = performance.now();
for (const rows of batches) {
  sync.transaction([
    { sql: 'INSERT INTO articles SELECT * FROM unnest($1::int[], $2::text[])', params: [rows.map((r) => r.id), rows.map((r) => facts(r.id))] },
    {
      // Sentence lists travel as '{1,2}' literals: unnest cannot take a ragged int[][].
      sql: 'INSERT INTO postings SELECT t, a, s::int[] FROM unnest($1::text[], $2::int[], $3::text[]) AS u(t, a, s)',
      params: [rows.flatMap((r) => r.terms.map(([t]) => t)), rows.flatMap((r) => r.terms.map(() => r.id)), rows.flatMap((r) => r.terms.map(([, ss]) => `{${ss.join(',')}}`))],
    },
  ]);
}
const pgWrite = performance.now() - t0;
sync.query('VACUUM ANALYZE');
const pgSize = Number(sync.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n').rows[0].n);
console.log(`Postgres: ${ARTICLES} articles written in ${(pgWrite / 1000).toFixed(1)} s (${Math.round(ARTICLES / (pgWrite / 1000))}/s, batches of ${BATCH}), ${(pgSize / 2 ** 20).toFixed(0)} MB on disk`);

const POSTINGS_SQL = 'SELECT idx, sentences FROM postings WHERE term = $1 ORDER BY idx';
const FACTS_SQL = 'SELECT id, facts FROM articles WHERE id = ANY($1)';
/** Packed refs (article * SLOTS + sentence), as the archive hands them to answering. */
const pack = (rows: Array<{ idx: number; sentences: number[] }>) => rows.flatMap((r) => r.sentences.map((n) => r.idx * SLOTS + n));
const direct = new pg.Client({ connectionString: dbUrl });
await direct.connect();
let q = 0;
const next = () => reads[q++ % reads.length];
await time('Postgres sync bridge: SELECT 1', QUESTIONS, () => sync.query('SELECT 1'));
await time('Postgres async (pg, no bridge): SELECT 1', QUESTIONS, () => direct.query('SELECT 1'));
await time('Postgres sync bridge: facts of 8 articles', QUESTIONS, () => {
  for (const row of sync.query<{ facts: string }>(FACTS_SQL, [next().facts]).rows) JSON.parse(row.facts);
});
await time('Postgres async: facts of 8 articles', QUESTIONS, async () => {
  for (const row of (await direct.query(FACTS_SQL, [next().facts])).rows) JSON.parse(row.facts);
});
await time('Postgres sync bridge: postings of a rare term', QUESTIONS, () => pack(sync.query<{ idx: number; sentences: number[] }>(POSTINGS_SQL, [next().rare]).rows));
await time('Postgres async: postings of a rare term', QUESTIONS, async () => pack((await direct.query(POSTINGS_SQL, [next().rare])).rows));
await time('Postgres sync bridge: postings of a common term', QUESTIONS / 4, () => pack(sync.query<{ idx: number; sentences: number[] }>(POSTINGS_SQL, [next().common]).rows));
await time('Postgres async: postings of a common term', QUESTIONS / 4, async () => pack((await direct.query(POSTINGS_SQL, [next().common])).rows));
await direct.end();
sync.close();
admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
admin.close();

// ── Redis: facts as strings, postings as sorted sets of packed refs (no full-text index without a module) ──
const redis = createClient({ url: REDIS_URL });
await redis.connect();
const prefix = `lede-bench-${randomUUID().slice(0, 8)}:`;
const memoryBefore = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
t0 = performance.now();
for (const rows of batches) {
  const multi = redis.multi();
  for (const r of rows) {
    multi.set(`${prefix}f:${r.id}`, facts(r.id));
    for (const [t, ss] of r.terms) multi.zAdd(`${prefix}p:${t}`, ss.map((n) => ({ score: r.id * SLOTS + n, value: String(r.id * SLOTS + n) })));
  }
  await multi.exec();
}
const redisWrite = performance.now() - t0;
const memoryAfter = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
console.log(`Redis: ${ARTICLES} articles written in ${(redisWrite / 1000).toFixed(1)} s (${Math.round(ARTICLES / (redisWrite / 1000))}/s, MULTI of ${BATCH}), ${((memoryAfter - memoryBefore) / 2 ** 20).toFixed(0)} MB of RAM`);
await time('Redis async: PING', QUESTIONS, () => redis.ping());
await time('Redis async: facts of 8 articles', QUESTIONS, async () => {
  for (const f of await redis.mGet(next().facts.map((id) => `${prefix}f:${id}`))) JSON.parse(f!);
});
await time('Redis async: postings of a rare term', QUESTIONS, async () => (await redis.zRange(`${prefix}p:${next().rare}`, 0, -1)).map(Number));
await time('Redis async: postings of a common term', QUESTIONS / 4, async () => (await redis.zRange(`${prefix}p:${next().common}`, 0, -1)).map(Number));
for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await redis.del(keys);
await redis.close();
