// The test Postgres: .ci/run starts a throwaway cluster and exports LEDE_TEST_POSTGRES_URL.
// Outside CI without one, the Postgres suites are skipped with a message; in CI a missing
// server fails. Every test gets its own database (made from template1, dropped after), so
// tests never see each other's tables and a shared server is never emptied wholesale.
import { randomUUID } from 'node:crypto';
import { SyncPostgres } from '../../src/core/archive/pg-sync.ts';

export const TEST_POSTGRES_URL = process.env.LEDE_TEST_POSTGRES_URL?.trim() || null;

if (!TEST_POSTGRES_URL) {
  if (process.env.CI) throw new Error('CI is set but LEDE_TEST_POSTGRES_URL is not: .ci/run must start Postgres for the Postgres tests');
  console.warn('Postgres tests SKIPPED: set LEDE_TEST_POSTGRES_URL=postgres://USER@127.0.0.1:PORT/DB (.ci/run shows how to start a throwaway cluster)');
}

/** A fresh, empty database on the test server: its URL, and a function that drops it. */
export function freshDatabase(name: string): { url: string; drop: () => void } {
  const admin = new SyncPostgres(TEST_POSTGRES_URL!);
  const db = `lede_t_${name.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`;
  try {
    admin.query(`CREATE DATABASE ${db}`);
  } finally {
    admin.close();
  }
  const url = new URL(TEST_POSTGRES_URL!);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: () => {
      const again = new SyncPostgres(TEST_POSTGRES_URL!);
      try {
        again.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } finally {
        again.close();
      }
    },
  };
}
