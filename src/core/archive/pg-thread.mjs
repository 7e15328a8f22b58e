// The thread behind SyncPostgres (pg-sync.ts): it owns the `pg` connection and answers one
// request at a time. Each reply is posted on the port first, then the shared counter is bumped
// and notified, so the main thread, blocked in Atomics.wait, wakes to a message already queued.
// Plain JavaScript: it needs no TypeScript, so it starts the same under tsx, vitest and node.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, signal, statementTimeoutMs, listen, notices } = workerData;
// [0]: replies sent; [1]: notifications forwarded (the caller drains them only when it moved).
const counter = new Int32Array(signal);
// One connection, re-made by the pool if the server drops it. statement_timeout makes the server
// give up on a query the main thread has stopped waiting for, so a late reply never piles up.
const pool = new pg.Pool({ connectionString: url, max: 1, statement_timeout: statementTimeoutMs });
pool.on('error', () => {}); // an idle connection that dies is replaced on the next request

function reply(message) {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

function failure(e) {
  return { message: e instanceof Error ? e.message : String(e), code: e?.code ?? null };
}

/** One statement, or a list run in one transaction (all or nothing). */
async function run({ statements, transaction }) {
  const client = await pool.connect();
  let broken = false;
  try {
    if (transaction) await client.query('BEGIN');
    const results = [];
    for (const { sql, params } of statements) {
      const r = await client.query({ text: sql, values: params });
      results.push({ rows: r.rows, rowCount: r.rowCount ?? 0 });
    }
    if (transaction) await client.query('COMMIT');
    return results;
  } catch (e) {
    if (transaction) await client.query('ROLLBACK').catch(() => (broken = true));
    throw e;
  } finally {
    client.release(broken);
  }
}

// LISTEN on a connection of its own: each notification is forwarded on the notices port. When
// that connection is lost, notifications may have been missed, so '*' (anything may have
// changed) is forwarded and the thread listens again.
let listener = null;
function forward(payload) {
  notices.postMessage(payload);
  Atomics.add(counter, 1, 1);
}
async function startListening() {
  const client = new pg.Client({ connectionString: url });
  listener = client;
  client.on('notification', (n) => forward(n.payload ?? ''));
  client.on('error', () => {});
  client.on('end', () => {
    if (listener !== client) return; // closed on purpose
    forward('*');
    setTimeout(() => startListening().catch(() => {}), 1_000);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${listen}`);
  } catch {
    await client.end().catch(() => {});
  }
}
if (listen) startListening();

port.on('message', async (request) => {
  if (request.close) {
    const closing = listener;
    listener = null;
    await Promise.all([pool.end(), closing?.end()].map((p) => p?.catch(() => {})));
    reply({ id: request.id, ok: true, results: [] });
    port.close();
    return;
  }
  try {
    reply({ id: request.id, ok: true, results: await run(request) });
  } catch (e) {
    reply({ id: request.id, ok: false, error: failure(e) });
  }
});
