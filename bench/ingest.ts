// The bench's ingest row alone (`node --import tsx bench/ingest.ts [ARTICLES] [RUNS]`): real
// extraction, `lede ingest` held to one core against it on every core (and on every core with one
// work thread), with each setting's CPU per article. Last line: one JSON object.
import { baseArticles } from './corpus.ts';
import { baseFactsIn, benchFolder, measureIngest } from './scale.ts';

const articles = Number(process.argv[2] ?? 600);
const runs = Number(process.argv[3] ?? 3);
const { articles: base } = baseArticles();
const folder = benchFolder(base);
const row = measureIngest(folder, base, baseFactsIn(folder, base), articles, runs);
process.stdout.write(JSON.stringify(row) + '\n');
