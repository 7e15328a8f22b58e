// A small pool of work threads for untrusted input: reading a file, a feed or a page, and
// extracting an article's facts run here, off the main event loop, so one hostile item (a
// 300,000-character body, an input that sends an extractor into a loop) never freezes Discord
// and Slack for everyone. Each item has a time budget: an item that overruns has its thread
// terminated (a fresh one takes its place) and fails with a reason; a thrown error fails with
// its message. A failure is the item's alone: callers report it and go on with the rest.
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DOING, SIZED_AS, TASKS, type TaskInput, type TaskName, type TaskOutput } from './tasks.ts';
import type { TaskMessage, ThreadMessage } from './thread.ts';

/** How long one item may take by default; the slowest real article we measured takes about 2 s. */
export const DEFAULT_BUDGET_MS = 20_000;

/**
 * Input smaller than this (characters of an article, bytes of a file) is handled in the calling
 * thread: it takes under 0.1 s, while starting a thread costs a second of CPU (loading the
 * language model again), which doubled the time of a one-off `lede ask` on a fresh cache.
 */
export const DEFAULT_INLINE_BELOW = 20_000;

const WORKER = new URL('./worker.mjs', import.meta.url);

/** Why an item was skipped: it overran its budget, threw, or its thread died. */
export class WorkFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkFailure';
  }
}

export interface PoolOptions {
  /** Threads (default: min(2, available cores)). */
  size?: number;
  /** Time budget per item in ms (default 20 s). */
  budgetMs?: number;
  /**
   * Items whose size is below this run in the calling thread (default 20,000; 0 sends everything
   * to a thread). Per task, e.g. `{ extract: 0 }`: a bulk ingest extracts every article on the
   * threads (both cores busy) yet still reads a small file in place.
   */
  inlineBelow?: number | Partial<Record<TaskName, number>>;
  /** Bulk items a thread may hold at once, the running one included (default 16; see RunOptions.bulk). */
  bulkDepth?: number;
}

export interface RunOptions {
  /** Names the item in events (default: the task). */
  label?: string;
  /** Characters or bytes of the input: a small item runs in the calling thread. */
  size?: number;
  /**
   * One of many (an ingest): it may be handed to a busy thread, to start the moment the thread's
   * items before it end, so threads keep working while the calling thread is busy (writing a
   * batch of 200 articles takes it a few hundred ms). Its time budget counts from its own start.
   */
  bulk?: boolean;
}

/** What 'start' and 'end' events carry (tests watch them; operators may log them). */
export interface WorkEvent {
  task: TaskName;
  label: string;
  /** On 'end': the reason it failed, or null. */
  failure?: string | null;
}

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  label: string;
  bulk: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Items handed to the thread, in order; the first is running. */
  jobs: Job[];
  /** The running item's budget. */
  timer: NodeJS.Timeout | null;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export class WorkPool extends EventEmitter {
  readonly size: number;
  readonly budgetMs: number;
  readonly bulkDepth: number;
  private readonly inline: Partial<Record<TaskName, number>>;
  private readonly inlineDefault: number;
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    super();
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.bulkDepth = Math.max(1, options.bulkDepth ?? 16);
    const inline = options.inlineBelow ?? DEFAULT_INLINE_BELOW;
    this.inlineDefault = typeof inline === 'number' ? inline : DEFAULT_INLINE_BELOW;
    this.inline = typeof inline === 'number' ? {} : inline;
  }

  /** Runs one item; rejects with a WorkFailure naming why it was skipped. */
  run<T extends TaskName>(task: T, input: TaskInput<T>, options: RunOptions = {}): Promise<TaskOutput<T>> {
    const label = options.label ?? task;
    if (options.size !== undefined && options.size < this.inlineBelow(task)) return this.runHere(task, input, label);
    if (this.closed) return Promise.reject(new WorkFailure('the work pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, label, bulk: !!options.bulk, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Threads started and ready (their language model loaded). */
  get threadsReady(): number {
    return this.threads.filter((t) => t.ready).length;
  }

  /** Items handed to threads and not yet settled (running, or waiting on their thread). */
  get handedOut(): number {
    return this.threads.reduce((n, t) => n + t.jobs.length, 0);
  }

  /** Inputs of this task smaller than this run in the calling thread. */
  inlineBelow(task: TaskName): number {
    const as = SIZED_AS[task];
    return this.inline[task] ?? (as && this.inline[as]) ?? this.inlineDefault;
  }

  private async runHere<T extends TaskName>(task: T, input: TaskInput<T>, label: string): Promise<TaskOutput<T>> {
    this.emit('start', { task, label } satisfies WorkEvent);
    try {
      const value = (TASKS[task] as (input: TaskInput<T>) => TaskOutput<T>)(input);
      this.emit('end', { task, label, failure: null } satisfies WorkEvent);
      return value;
    } catch (e) {
      const failure = e instanceof Error ? e.message : String(e);
      this.emit('end', { task, label, failure } satisfies WorkEvent);
      throw new WorkFailure(failure);
    }
  }

  /** Stops every thread; queued items fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkFailure('the work pool is closed'));
    const threads = this.threads.splice(0);
    for (const t of threads) while (t.jobs.length) this.finish(t, 'the work pool is closed');
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /**
   * The thread to hand an item to: an idle one, else (a bulk item) the least busy holding only
   * bulk items, but only once every thread is up: items stacked on the first thread ready would
   * stay there while the second, ready a moment later, has nothing to do.
   */
  private threadFor(job: Job): Thread | undefined {
    let best: Thread | undefined;
    const allUp = this.threads.length === this.size && this.threads.every((t) => t.ready);
    for (const t of this.threads) {
      if (!t.ready) continue;
      if (t.jobs.length === 0) return t;
      if (allUp && job.bulk && t.jobs.length < this.bulkDepth && t.jobs.every((j) => j.bulk) && (!best || t.jobs.length < best.jobs.length)) best = t;
    }
    return best;
  }

  private pump(): void {
    // In order: an item never passes one queued before it.
    for (let t: Thread | undefined; this.queue.length && (t = this.threadFor(this.queue[0])); ) this.start(t, this.queue.shift()!);
    const starting = this.threads.filter((t) => !t.ready).length;
    for (let n = Math.min(this.queue.length - starting, this.size - this.threads.length); n > 0; n--) this.spawn();
    // Idle threads must not keep the process alive; a thread with work (or about to get some) must.
    for (const t of this.threads) {
      if (t.jobs.length || (!t.ready && this.queue.length)) t.worker.ref();
      else t.worker.unref();
    }
  }

  private spawn(): void {
    const worker = new Worker(WORKER, { execArgv: [] });
    const t: Thread = { worker, ready: false, jobs: [], timer: null };
    this.threads.push(t);
    worker.on('message', (m: ThreadMessage) => this.received(t, m));
    worker.on('error', (e) => this.died(t, e.message));
    worker.on('exit', (code) => this.died(t, `the work thread stopped (exit code ${code})`));
  }

  private start(t: Thread, job: Job): void {
    t.jobs.push(job);
    t.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies TaskMessage);
    if (t.jobs.length === 1) this.begin(t);
  }

  /** The thread's first item runs now (a thread takes its messages in order): its budget starts. */
  private begin(t: Thread): void {
    const job = t.jobs[0];
    t.timer = setTimeout(() => this.overran(t), this.budgetMs);
    this.emit('start', { task: job.task, label: job.label } satisfies WorkEvent);
  }

  /** Settles the thread's running item, if any, with a failure (or a value when failure is null); the next one starts. */
  private finish(t: Thread, failure: string | null, value?: unknown): void {
    const job = t.jobs.shift();
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    if (!job) return;
    if (failure === null) job.resolve(value);
    else job.reject(new WorkFailure(failure));
    this.emit('end', { task: job.task, label: job.label, failure } satisfies WorkEvent);
    if (t.jobs.length) this.begin(t);
  }

  /** The items waiting behind the running one on a thread that is ending: back to the front of the queue, in order. */
  private requeue(t: Thread): void {
    this.queue.unshift(...t.jobs.splice(1));
  }

  private received(t: Thread, m: ThreadMessage): void {
    if ('ready' in m) t.ready = true;
    else if (t.jobs[0]?.id === m.id) this.finish(t, m.ok ? null : m.error, m.ok ? m.value : undefined);
    this.pump();
  }

  private remove(t: Thread): boolean {
    const i = this.threads.indexOf(t);
    if (i < 0) return false;
    this.threads.splice(i, 1);
    return true;
  }

  /** The item keeps the thread past its budget: the thread is ended and replaced. */
  private overran(t: Thread): void {
    if (!t.jobs.length || !this.remove(t)) return;
    const job = t.jobs[0];
    this.requeue(t);
    this.finish(t, `took longer than ${seconds(this.budgetMs)} ${DOING[job.task]}; skipped`);
    void t.worker.terminate();
    this.pump();
  }

  private died(t: Thread, reason: string): void {
    if (!this.remove(t)) return;
    this.requeue(t);
    this.finish(t, reason);
    // A thread that dies before it is ready would die again: fail what waits instead of looping.
    if (!t.ready) for (const job of this.queue.splice(0)) job.reject(new WorkFailure(`the work thread could not start: ${reason}`));
    this.pump();
  }
}

let shared: WorkPool | null = null;

/** The process's pool, started on first use; its idle threads never keep the process alive. */
export function sharedPool(): WorkPool {
  shared ??= new WorkPool();
  return shared;
}
