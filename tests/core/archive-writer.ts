// A child process for archive-sqlite.test.ts: writes batches of the fixture articles for ever,
// printing how many batches are committed, until it is killed.
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { entriesOf, FIXTURES } from './archive-fixtures.ts';

const archive = new SqliteArchive(process.argv[2]);
const entries = entriesOf(FIXTURES);
for (let batch = 1; ; batch++) {
  archive.putMany(entries.map((e) => ({ ...e, article: { ...e.article, id: `${e.article.id}-${batch}` } })));
  // Let the count reach the test before the next batch starts.
  await new Promise<void>((resolve) => process.stdout.write(`${batch}\n`, () => resolve()));
}
