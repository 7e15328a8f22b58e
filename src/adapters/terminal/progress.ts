// The progress of an ingest on stderr: one line rewritten in place on a terminal ("\r"), a plain
// line every few seconds otherwise (a log file gets lines, not carriage returns), and always a
// last line at the end. The rate counts work (units not already in) over the last half minute,
// so the 50,000 lines a resumed ingest skips in a second do not promise an ETA it cannot keep.
import type { IngestProgress } from '../../core/ingest/index.ts';

const RATE_WINDOW_MS = 30_000;

function count(n: number): string {
  return n.toLocaleString('en');
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** "1,200/10,000 (12.0%), 85.3/s, ETA 1m 43s; 1,150 added, 40 already in, 10 failed". */
export function progressText(p: IngestProgress, perSecond: number): string {
  const of = p.total === null ? `${count(p.done)}` : `${count(p.done)}/${count(p.total)} (${((100 * p.done) / Math.max(1, p.total)).toFixed(1)}%)`;
  const eta = p.total !== null && p.done < p.total ? `, ETA ${duration((p.total - p.done) / perSecond)}` : '';
  return `${of}, ${perSecond.toFixed(1)}/s${eta}; ${count(p.added)} added, ${count(p.already)} already in, ${count(p.failed)} failed`;
}

export interface ProgressOptions {
  /** Words before the figures (default "ingest"). */
  label?: string;
  /** Rewrite one line (a terminal; default: whether the stream is one) or print plain lines. */
  tty?: boolean;
  /** Plain lines: at most one every this many ms (default 5000). */
  everyMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** A progress callback writing to `out`; call `end()` once the ingest is over for the last line. */
export function progressPrinter(out: NodeJS.WritableStream & { isTTY?: boolean }, options: ProgressOptions = {}) {
  const label = options.label ?? 'ingest';
  const tty = options.tty ?? !!out.isTTY;
  const every = tty ? 200 : (options.everyMs ?? 5000);
  const now = options.now ?? Date.now;
  const samples: Array<{ t: number; done: number }> = [];
  let lastPrint = -Infinity;
  let last: IngestProgress | null = null;
  const rate = () => {
    const a = samples[0];
    const b = samples[samples.length - 1];
    return a && b && b.t > a.t ? (b.done - a.done) / ((b.t - a.t) / 1000) : 0;
  };
  const print = (p: IngestProgress, final: boolean) => {
    const line = `${label} ${progressText(p, rate())}`;
    out.write(tty ? `\r\x1b[K${line}${final ? '\n' : ''}` : `${line}\n`);
  };
  return {
    update(p: IngestProgress): void {
      const t = now();
      last = p;
      if (!samples.length || t - samples[samples.length - 1].t >= 250) samples.push({ t, done: p.done - p.already });
      while (samples.length > 2 && t - samples[0].t > RATE_WINDOW_MS) samples.shift();
      if (t - lastPrint < every) return;
      lastPrint = t;
      print(p, false);
    },
    end(): void {
      if (last) print(last, true);
    },
  };
}
