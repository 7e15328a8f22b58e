// Which archive a store gets: a shared Postgres database when one is configured (several
// instances answer from it), else its SQLite file's, or (':memory:' and Redis) one in this
// process's memory.
import type { Store } from '../store.ts';
import { MemoryArchive } from './memory.ts';
import { PostgresArchive } from './postgres.ts';
import { SqliteArchive } from './sqlite.ts';
import type { Archive } from './types.ts';

export function openArchive(store: Store, postgresUrl?: string | null): Archive {
  if (postgresUrl) return new PostgresArchive(postgresUrl);
  return store.backend === 'sqlite' && store.location !== ':memory:' ? new SqliteArchive(store.location) : new MemoryArchive();
}
