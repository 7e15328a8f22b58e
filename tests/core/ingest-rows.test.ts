// An ingest whose work threads prepare each article's rows (index entry, deflated facts) must
// store exactly what the main-thread path stores (Library.insertMany computing the entries
// itself): same rows, byte for byte, in every table, so search ranking cannot tell them apart.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { ingest } from '../../src/core/ingest/index.ts';
import { readItems } from '../../src/core/ingest/items.ts';
import { Library } from '../../src/core/library.ts';
import { WorkPool, type WorkEvent } from '../../src/core/work/pool.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article, ArticleFacts } from '../../src/knowledge/facts.ts';
import { uniqueIds } from '../../src/knowledge/ingest/index.ts';
import { scratchFolders } from '../scratch.ts';
import { newsLines } from './ingest-inputs.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const scratch = scratchFolders('lede-ingest-rows-');
const pools: WorkPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

const TABLES: Record<string, string> = {
  archive_meta: 'k',
  archive_articles: 'idx',
  archive_terms: 'term',
  archive_postings: 'term, seg',
  archive_lookups: 'kind, word, article, item',
  archive_gone: 'idx',
};

/** Every row of every archive table, in key order. */
function rowsOf(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(Object.entries(TABLES).map(([table, key]) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all()]));
  } finally {
    db.close();
  }
}

/** The old way: articles read in order (ids made unique as an ingest does), facts here, entries computed by insertMany. */
async function mainThreadIngest(path: string, library: Library, batch: number): Promise<void> {
  const unique = uniqueIds();
  const items: Array<{ article: Article; facts: ArticleFacts }> = [];
  const reader = new WorkPool({ size: 1 });
  try {
    for await (const item of readItems([path], reader, null)) {
      if (item.kind !== 'article') continue;
      const article = { ...item.article, id: unique(item.article.id) };
      items.push({ article, facts: extractFacts(article) });
    }
  } finally {
    await reader.close();
  }
  for (let i = 0; i < items.length; i += batch) library.insertMany(items.slice(i, i + batch));
}

/** A folder of article files in several house styles, and a JSON Lines file beside it. */
function fixtures2(): { folder: string; wire: string } {
  const dir = scratch();
  const wire = join(scratch(), 'wire.jsonl');
  writeFileSync(wire, newsLines(14).join('\n') + '\n');
  copyFileSync(join(fixtures, 'articles', 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
  copyFileSync(join(fixtures, 'articles', 'council-vote.md'), join(dir, 'council-vote.md'));
  for (const style of ['australian-curly', 'british-single', 'guillemets', 'us-colon']) copyFileSync(join(fixtures, 'house-styles', `${style}.txt`), join(dir, `${style}.txt`));
  return { folder: dir, wire };
}

describe('rows prepared on the work threads', () => {
  it('are the rows the main thread writes, byte for byte, through batches and a replaced article', async () => {
    const { folder, wire } = fixtures2();
    const out = scratch();
    const oldLib = new Library(null, undefined, undefined, new SqliteArchive(join(out, 'old.archive')));
    const pool = new WorkPool({ size: 2, inlineBelow: { extract: 0 } });
    pools.push(pool);
    const tasks = new Set<string>();
    pool.on('end', (e: WorkEvent) => tasks.add(e.task));
    const newLib = new Library(null, undefined, (article) => pool.run('extract', { article }), new SqliteArchive(join(out, 'new.archive')));

    // Batches end at the same articles both ways (segments of postings follow them): the JSON
    // Lines in batches of 3 articles, then the files (each file's stamp may end a batch) in one.
    await mainThreadIngest(wire, oldLib, 3);
    await ingest([wire], newLib, pool, { batch: 3, count: false });
    await mainThreadIngest(folder, oldLib, 100);
    await ingest([folder], newLib, pool, { batch: 100, count: false });
    // A second round where one article changed (same id): it is replaced, the rest are already in.
    const lines = newsLines(14);
    lines[4] = JSON.stringify({ ...JSON.parse(lines[4]), text: 'The Kelby council reopened the ferry pier on Sunday, a spokesman said. Nobody was hurt.' });
    writeFileSync(wire, lines.join('\n') + '\n');
    await mainThreadIngest(wire, oldLib, 3);
    const second = await ingest([wire], newLib, pool, { batch: 3, count: false });
    expect(second.added).toBe(1);
    oldLib.close();
    newLib.close();

    const before = rowsOf(join(out, 'old.archive'));
    const after = rowsOf(join(out, 'new.archive'));
    // Live rows only: the replaced one left archive_articles for archive_gone.
    expect(before.archive_articles).toHaveLength(14 + 6);
    expect(before.archive_gone).toHaveLength(1);
    for (const table of Object.keys(TABLES)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    // The new path's threads did prepare the rows (not only the facts).
    expect([...tasks]).toContain('entry');
    expect([...tasks]).not.toContain('extract');
  });
});
