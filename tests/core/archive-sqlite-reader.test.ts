// The SQLite archive beside a writer: opening an archive that is set up, and a write of nothing,
// take no lock, so a reader (a one-off `lede ask`) never waits for another process's batch.
// A file that lacks part of the schema (an older version's) gets it when opened.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteArchive } from '../../src/core/archive/sqlite.ts';
import { scratchFolders } from '../scratch.ts';
import { entriesOf, FIXTURES } from './archive-fixtures.ts';

const scratch = scratchFolders('lede-archive-reader-');

/** Another connection holding the write lock, with a write pending, until released. */
function holdWriteLock(path: string): () => void {
  const db = new Database(path);
  db.pragma('busy_timeout = 0');
  db.exec('BEGIN IMMEDIATE');
  db.prepare('INSERT INTO archive_gone (idx) VALUES (-1)').run();
  return () => {
    db.exec('ROLLBACK');
    db.close();
  };
}

describe('the SQLite archive beside a writer', () => {
  it('opens, reads and writes nothing without the write lock another process holds', () => {
    const path = join(scratch(), 'a.archive');
    const setUp = new SqliteArchive(path);
    setUp.putMany(entriesOf(FIXTURES));
    setUp.close();

    const release = holdWriteLock(path);
    try {
      const reader = new SqliteArchive(path);
      expect(reader.size).toBe(FIXTURES.length);
      expect(reader.article(reader.indexOf(FIXTURES[1].id)!)?.article.text).toBe(FIXTURES[1].text);
      // An ingest whose articles are all in writes an empty batch: no lock, no wait, no error.
      expect(reader.putMany([])).toEqual([]);
      reader.close();
    } finally {
      release();
    }
  });

  it('gives a file that lacks a table or index the missing part when opened', () => {
    const path = join(scratch(), 'old.archive');
    new SqliteArchive(path).close();
    const db = new Database(path);
    db.exec('DROP INDEX archive_articles_newest; DROP TABLE archive_gone;');
    db.close();
    const archive = new SqliteArchive(path);
    archive.putMany(entriesOf(FIXTURES.slice(0, 2)));
    expect(archive.newest(0, 5)).toHaveLength(2);
    archive.close();
    const check = new Database(path, { readonly: true });
    const names = check.prepare("SELECT name FROM sqlite_master WHERE name IN ('archive_articles_newest', 'archive_gone')").pluck().all();
    check.close();
    expect(names.sort()).toEqual(['archive_articles_newest', 'archive_gone']);
  });

  it('reads a file made before the writer-only tables (held articles, skip data) without making them', () => {
    const path = join(scratch(), 'older.archive');
    const setUp = new SqliteArchive(path);
    setUp.putMany(entriesOf(FIXTURES));
    setUp.close();
    const db = new Database(path);
    db.exec('DROP TABLE IF EXISTS archive_held; DROP TABLE IF EXISTS archive_skips;');
    db.close();

    const release = holdWriteLock(path);
    try {
      const reader = new SqliteArchive(path);
      expect(reader.size).toBe(FIXTURES.length);
      // Nothing waits in a file without the table: an answer, not an error.
      expect(reader.heldFacts('no such key')).toBeUndefined();
      reader.close();
    } finally {
      release();
    }
    const check = new Database(path, { readonly: true });
    const made = check.prepare("SELECT name FROM sqlite_master WHERE name IN ('archive_held', 'archive_skips')").pluck().all();
    check.close();
    expect(made).toEqual([]);

    // A writer makes them as it needs them.
    const writer = new SqliteArchive(path);
    writer.hold('k', new Uint8Array([1]));
    writer.close();
    const after = new Database(path, { readonly: true });
    expect(after.prepare("SELECT count(*) FROM archive_held").pluck().get()).toBe(1);
    after.close();
  });
});
