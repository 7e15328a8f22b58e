// The process logger pointed at an array for one test file: what the operator would read.
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';
import { createLogger, log, setLogger, type LoggerOptions } from '../../src/core/log.ts';

/** Call at a test file's top level; `capture()` starts a fresh log (lines so far are dropped). */
export function logCapture(): { lines: string[]; capture(options?: Pick<LoggerOptions, 'env'>): void } {
  const lines: string[] = [];
  const previous = log();
  afterEach(() => setLogger(previous));
  return {
    lines,
    capture(options = {}) {
      lines.length = 0;
      const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
      setLogger(createLogger({ level: 'debug', destination: sink, ...options }));
    },
  };
}
