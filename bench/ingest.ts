// The bench's ingest row alone (`node --import tsx bench/ingest.ts [ARTICLES] [RUNS]`): real
// extraction on 1 then 2 work threads, with each thread's CPU per article, so a loaded machine
// still tells what share the main thread takes. Last line: one JSON object.
import { baseArticles } from './corpus.ts';
import { baseFactsIn, benchFolder, measureIngest } from './scale.ts';

const articles = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 3);
const { articles: base } = baseArticles();
const folder = benchFolder(base);
const row = await measureIngest(folder, base, baseFactsIn(folder, base), articles, runs);
process.stdout.write(JSON.stringify(row) + '\n');
