// Synchronous Postgres: the Archive's reads are synchronous (answering never awaits), and `pg`
// is asynchronous, so the connection lives in a worker thread (pg-thread.mjs) and the calling
// thread blocks on Atomics.wait until the reply is on its port (receiveMessageOnPort). Each call
// costs one loopback round trip plus two thread hops; docs/scaling.md has the measured figures.
// A server error comes back as a thrown PostgresError; no reply within the time-out throws
// too, rather than hanging the bot (e.g. the server is gone or a lock is held elsewhere).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** One statement: `$1`-style placeholders and their values. */
export interface Statement {
  sql: string;
  params?: unknown[];
}

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export class PostgresError extends Error {
  /** The SQLSTATE code when the server sent one (e.g. '23505' for a unique violation), else null. */
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'PostgresError';
    this.code = code;
  }
}

export interface SyncPostgresOptions {
  /** How long one call may block before it throws (default 10 s; the first call includes connecting). */
  timeoutMs?: number;
  /** A channel to LISTEN on (an SQL identifier): its payloads are read with notifications(). */
  listen?: string;
}

type Reply = { id: number; ok: true; results: Array<QueryResult<unknown>> } | { id: number; ok: false; error: { message: string; code: string | null } };

const THREAD = new URL('./pg-thread.mjs', import.meta.url);
const DEFAULT_TIMEOUT_MS = 10_000;

export class SyncPostgres {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly notices: MessagePort;
  /** [0] is bumped by the thread after each reply: a value to wait on that cannot miss a wake-up; [1] after each notification. */
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private noticesSeen = 0;
  private readonly timeoutMs: number;
  private nextId = 1;
  private closed = false;

  constructor(url: string, options: SyncPostgresOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (options.listen !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.listen)) throw new Error(`not a channel name: ${options.listen}`);
    const requests = new MessageChannel();
    const notices = new MessageChannel();
    this.port = requests.port1;
    this.notices = notices.port1;
    this.worker = new Worker(THREAD, {
      // The server gives up a little after the caller does, so a query nobody waits for ends soon.
      workerData: { url, port: requests.port2, notices: notices.port2, listen: options.listen, signal: this.counters.buffer, statementTimeoutMs: this.timeoutMs + 1_000 },
      transferList: [requests.port2, notices.port2],
      execArgv: [],
    });
    // The thread must never keep the process alive on its own; close() ends it cleanly.
    this.worker.unref();
  }

  query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): QueryResult<Row> {
    return this.call([{ sql, params }], false)[0] as QueryResult<Row>;
  }

  /** Runs the statements in one transaction: all of them are applied, or (on an error) none. */
  transaction(statements: Statement[]): Array<QueryResult<Record<string, unknown>>> {
    if (!statements.length) return [];
    return this.call(statements, true) as Array<QueryResult<Record<string, unknown>>>;
  }

  /** Payloads notified on the `listen` channel since the last call, oldest first; cheap when there are none. */
  notifications(): string[] {
    const now = Atomics.load(this.counters, 1);
    if (now === this.noticesSeen) return [];
    this.noticesSeen = now;
    const out: string[] = [];
    for (let m = receiveMessageOnPort(this.notices); m; m = receiveMessageOnPort(this.notices)) out.push(m.message as string);
    return out;
  }

  /** Ends the connections and the thread. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    try {
      this.send({ close: true }, Math.min(this.timeoutMs, 2_000));
    } catch {
      // the thread is stuck or gone: terminating it below is all that is left to do
    } finally {
      this.closed = true;
      this.port.close();
      this.notices.close();
      void this.worker.terminate();
    }
  }

  private call(statements: Statement[], transaction: boolean): Array<QueryResult<unknown>> {
    if (this.closed) throw new PostgresError('the Postgres connection is closed', null);
    return this.send({ statements: statements.map((s) => ({ sql: s.sql, params: s.params ?? [] })), transaction }, this.timeoutMs);
  }

  private send(request: object, timeoutMs: number): Array<QueryResult<unknown>> {
    const id = this.nextId++;
    this.port.postMessage({ id, ...request });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.counters, 0);
      const message = receiveMessageOnPort(this.port)?.message as Reply | undefined;
      if (message) {
        // A reply to an earlier call that timed out arrives late: it is dropped.
        if (message.id !== id) continue;
        if (message.ok) return message.results;
        throw new PostgresError(message.error.message, message.error.code);
      }
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.counters, 0, seen, left) === 'timed-out') {
        throw new PostgresError(`Postgres did not answer within ${timeoutMs} ms`, null);
      }
    }
  }
}
