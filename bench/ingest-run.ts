// One timed ingest in a process of its own, for bench/scale.ts `measureIngest` (which may hold
// this process to one core with taskset): `node --import tsx bench/ingest-run.ts SAMPLE WARM
// ARTICLES THREADS|auto`. Last line: one JSON object (articles/s, CPU ms per article).
import { ingestRun } from './scale.ts';

const [sample, warm, articles, threads] = process.argv.slice(2);
const run = await ingestRun(sample, warm, Number(articles), threads === 'auto' ? undefined : Number(threads));
process.stdout.write(JSON.stringify(run) + '\n');
