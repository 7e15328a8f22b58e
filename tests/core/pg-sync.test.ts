// The synchronous bridge to Postgres against a real server: rows come back from a blocking
// call, server errors are thrown with their SQLSTATE, a transaction is all or nothing, and a
// call that gets no answer throws instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresError, SyncPostgres } from '../../src/core/archive/pg-sync.ts';
import { freshDatabase, TEST_POSTGRES_URL } from './postgres-test.ts';

describe.skipIf(!TEST_POSTGRES_URL)('SyncPostgres', () => {
  let fresh: ReturnType<typeof freshDatabase>;
  let db: SyncPostgres;
  beforeAll(() => {
    fresh = freshDatabase('sync');
    db = new SyncPostgres(fresh.url, { timeoutMs: 1_500 });
    db.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  });
  afterAll(() => {
    db?.close();
    fresh?.drop();
  });

  it('returns rows from a blocking call, with parameters', () => {
    db.query('INSERT INTO notes VALUES ($1, $2), ($3, $4)', [1, 'harbour reopens', 2, 'council votes']);
    const { rows, rowCount } = db.query<{ body: string }>('SELECT body FROM notes WHERE id = ANY($1) ORDER BY id', [[1, 2]]);
    expect(rowCount).toBe(2);
    expect(rows.map((r) => r.body)).toEqual(['harbour reopens', 'council votes']);
  });

  it('throws a server error with its SQLSTATE, and the next call still works', () => {
    let error: unknown;
    try {
      db.query('INSERT INTO notes VALUES (1, $1)', ['duplicate id']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PostgresError);
    expect((error as PostgresError).code).toBe('23505');
    expect(db.query('SELECT count(*)::int AS n FROM notes').rows[0]).toEqual({ n: 2 });
  });

  it('applies a transaction whole or not at all', () => {
    db.transaction([
      { sql: 'INSERT INTO notes VALUES (3, $1)', params: ['ferry strike ends'] },
      { sql: 'UPDATE notes SET body = upper(body) WHERE id = 3' },
    ]);
    expect(db.query('SELECT body FROM notes WHERE id = 3').rows[0]).toEqual({ body: 'FERRY STRIKE ENDS' });
    expect(() =>
      db.transaction([
        { sql: 'INSERT INTO notes VALUES (4, $1)', params: ['never kept'] },
        { sql: 'INSERT INTO notes VALUES (1, $1)', params: ['clashes with an existing id'] },
      ]),
    ).toThrow(PostgresError);
    expect(db.query('SELECT count(*)::int AS n FROM notes WHERE id = 4').rows[0]).toEqual({ n: 0 });
  });

  it('throws when no answer comes in time, and the next call gets its own answer', () => {
    expect(() => db.query('SELECT pg_sleep(30)')).toThrow(/did not answer within 1500 ms/);
    // The late reply (the server cancels the sleep at its statement_timeout) is not taken for this one.
    expect(db.query('SELECT $1::text AS said', ['after the time-out']).rows).toEqual([{ said: 'after the time-out' }]);
  });

  it('throws, not hangs, when the server cannot be reached', () => {
    const url = new URL(TEST_POSTGRES_URL!);
    url.port = '1'; // nothing listens on port 1
    const nowhere = new SyncPostgres(url.toString(), { timeoutMs: 5_000 });
    try {
      expect(() => nowhere.query('SELECT 1')).toThrow(PostgresError);
    } finally {
      nowhere.close();
    }
  });

  it('hands over what another connection notifies on the channel it listens on', async () => {
    const listener = new SyncPostgres(fresh.url, { listen: 'lede_test_news' });
    try {
      expect(listener.notifications()).toEqual([]);
      // LISTEN starts in the background: notify until it is heard (CI machines can be slow).
      let heard: string[] = [];
      for (let i = 0; i < 100 && !heard.includes('article 7'); i++) {
        db.query(`SELECT pg_notify('lede_test_news', $1)`, ['article 7']);
        await new Promise((r) => setTimeout(r, 100));
        heard = heard.concat(listener.notifications());
      }
      expect(heard).toContain('article 7');
      expect(listener.notifications()).toEqual([]);
      db.query(`SELECT pg_notify('lede_test_news', 'a'), pg_notify('lede_test_other', 'x'), pg_notify('lede_test_news', 'b')`);
      for (let i = 0; i < 100 && heard.at(-1) !== 'b'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        heard = heard.concat(listener.notifications());
      }
      expect(heard.filter((p) => p !== 'article 7')).toEqual(['a', 'b']);
    } finally {
      listener.close();
    }
  });

  it('refuses calls after close', () => {
    const other = new SyncPostgres(fresh.url);
    other.close();
    expect(() => other.query('SELECT 1')).toThrow(/closed/);
  });
});
