// The ingest progress line: done/total, rate of work and ETA; rewritten in place on a terminal,
// plain lines at most every few seconds otherwise, and a last line at the end.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duration, progressPrinter, progressText } from '../../src/adapters/terminal/progress.ts';

function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _enc, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  out.text = '';
  return out;
}

const at = (done: number, extra: Partial<{ total: number | null; added: number; already: number; failed: number }> = {}) => ({
  done,
  total: 1000,
  added: done,
  already: 0,
  failed: 0,
  ...extra,
});

describe('ingest progress', () => {
  it('says done/total, the rate and the time left', () => {
    expect(progressText(at(250, { failed: 3, added: 247 }), 50)).toBe('250/1,000 (25.0%), 50.0/s, ETA 15s; 247 added, 0 already in, 3 failed');
    expect(progressText(at(250, { total: null }), 5)).toBe('250, 5.0/s; 250 added, 0 already in, 0 failed');
    expect(duration(3725)).toBe('1h 02m');
    expect(duration(125)).toBe('2m 05s');
  });

  it('prints plain lines at most every 5 s when not on a terminal, with the rate of work over time', () => {
    let t = 0;
    const out = sink();
    const p = progressPrinter(out, { tty: false, now: () => t });
    for (let done = 0; done <= 100; done += 10, t += 1000) p.update(at(done));
    p.end();
    const lines = out.text.trimEnd().split('\n');
    // t = 0, 5 s, 10 s, then the last line.
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith('ingest ') && !l.includes('\r'))).toBe(true);
    expect(lines[1]).toMatch(/^ingest 50\/1,000 \(5\.0%\), 10\.0\/s, ETA 1m 35s;/);
    expect(lines[3]).toMatch(/^ingest 100\/1,000/);
  });

  it('does not count skipped units (already in) as speed', () => {
    let t = 0;
    const out = sink();
    const p = progressPrinter(out, { tty: false, everyMs: 0, now: () => t });
    p.update(at(0));
    t += 1000;
    p.update(at(500, { already: 500, added: 0 }));
    t += 1000;
    p.update(at(510, { already: 500, added: 10 }));
    expect(out.text.trimEnd().split('\n').at(-1)).toMatch(/510\/1,000 \(51\.0%\), 5\.0\/s, ETA 1m 38s/);
  });

  it('rewrites one line on a terminal and ends it with a newline', () => {
    let t = 0;
    const out = sink();
    const p = progressPrinter(out, { tty: true, now: () => t });
    p.update(at(1));
    t += 300;
    p.update(at(2));
    p.end();
    expect(out.text.split('\r\x1b[K').filter(Boolean)).toHaveLength(3);
    expect(out.text.endsWith('\n')).toBe(true);
    expect(out.text.split('\n')).toHaveLength(2);
  });
});
