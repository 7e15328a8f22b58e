// Which archive a store gets: its SQLite file's, or (':memory:' and Redis, until a shared engine
// holds it) one in this process's memory.
import type { Store } from '../store.ts';
import { MemoryArchive } from './memory.ts';
import { SqliteArchive } from './sqlite.ts';
import type { Archive } from './types.ts';

export function openArchive(store: Store): Archive {
  return store.backend === 'sqlite' && store.location !== ':memory:' ? new SqliteArchive(store.location) : new MemoryArchive();
}
