// Which archive a store gets: a SQLite file beside the store's, or (':memory:' and Redis, until a
// shared engine holds it) one in this process's memory.
import type { Store } from '../store.ts';
import { MemoryArchive } from './memory.ts';
import { SqliteArchive } from './sqlite.ts';
import type { Archive } from './types.ts';

/**
 * The archive's file for a store's SQLite file: ".lede/lede.sqlite" → ".lede/lede.sqlite.archive".
 * Its own file, not the store's: keyv reaches the store's file through node-sqlite3's copy of
 * SQLite, and two copies of SQLite in one process on one file break each other's locks (the
 * first runs of the QA sets on one file failed with "database disk image is malformed").
 * A fresh LEDE_SQLITE path is still a fresh archive.
 */
export function archivePath(storePath: string): string {
  return `${storePath}.archive`;
}

export function openArchive(store: Store): Archive {
  return store.backend === 'sqlite' && store.location !== ':memory:' ? new SqliteArchive(archivePath(store.location)) : new MemoryArchive();
}
