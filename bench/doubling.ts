// Doubling test for `npm run bench`: each stage of knowledge timed on an input of size n, 2n
// and 4n, normal and hostile; a stage linear in its input takes about twice as long per
// doubling (target <= 2.2), a quadratic one four times. Run alone with
// `node --import tsx bench/doubling.ts [n]`.
import { pathToFileURL } from 'node:url';
import { extractEntities } from '../src/knowledge/entities/index.ts';
import { extractEvent } from '../src/knowledge/event.ts';
import { extractFacts } from '../src/knowledge/extract.ts';
import type { Article } from '../src/knowledge/facts.ts';
import { parseFeed } from '../src/knowledge/ingest/feed.ts';
import { readHtml } from '../src/knowledge/ingest/html.ts';
import { draftFromObject } from '../src/knowledge/ingest/json.ts';
import { readMarkdown } from '../src/knowledge/ingest/markdown.ts';
import { readText } from '../src/knowledge/ingest/text.ts';
import { analyse } from '../src/knowledge/nlp.ts';
import { extractQuotes } from '../src/knowledge/quotes/index.ts';
import { summarise } from '../src/knowledge/summary.ts';
import { extractTimes } from '../src/knowledge/times/index.ts';

/** A paragraph of ordinary news prose with names, dates, quotes and a duration. */
const PROSE =
  'Mayor Ann Lee said on Tuesday that the city would close the Elm Street bridge for 2.5 weeks in March. ' +
  '"We have no choice," Lee told reporters at City Hall, adding that repairs would cost $4.2 million. ' +
  'Residents of Millbrook, Ashford and Pine Hollow criticised the plan, according to the Valley Herald.\n\n';

/** `unit` repeated (then cut) to exactly n characters. */
function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Texts of about n characters: ordinary prose, then the hostile shapes found by the reliability run. */
export const TEXTS: Record<string, (n: number) => string> = {
  prose: (n) => repeatTo(PROSE, n),
  'long token': (n) => `Police in Paris said the file was ${repeatTo('QUJDRGVm', n)} and nothing more.`,
  "A'A'A token": (n) => `Lee said ${repeatTo("A'", n)} today.`,
  'many spaces': (n) => `Lee said${' '.repeat(n)}today.\n`,
  'capitals': (n) => repeatTo('Alpha Beta Gamma, Delta and ', n),
  'quotes': (n) => repeatTo('"Yes," he said. "No ', n),
  'brackets': (n) => repeatTo('(Lee [said ', n),
  'numbers': (n) => repeatTo('2.5 3.5 weeks 10 ', n),
  'punctuation': (n) => repeatTo('...!?-', n),
  'blank lines': (n) => repeatTo('Lee said so.\n\n\n \t \n', n),
  'quote marks': (n) => repeatTo('" \' “ ” ’ ', n),
  'open parens': (n) => repeatTo('WASHINGTON (AP ', n),
};

/** HTML pages and feeds of about n characters. */
const PAGES: Record<string, (n: number) => string> = {
  'html prose': (n) => `<html><head><title>T</title></head><body><article>${repeatTo(`<p>${PROSE.trim()}</p>\n`, n)}</article></body></html>`,
  'html nested': (n) => `<html><body>${'<div>'.repeat(n / 5)}<p>Deep.</p>${'</div>'.repeat(n / 5)}</body></html>`,
  'html &lt;a': (n) => `<html><body><p>${repeatTo('&lt;a', n)}</p></body></html>`,
  'html <a<a': (n) => `<html><body><p>${repeatTo('<a', n)}</p></body></html>`,
};
const FEEDS: Record<string, (n: number) => string> = {
  'feed prose': (n) => feed(`<![CDATA[${repeatTo(`<p>${PROSE.trim()}</p>`, n)}]]>`),
  'feed &lt;a': (n) => feed(repeatTo('&lt;a', n)),
  'feed spaces': (n) => feed(`a${' '.repeat(n)}b`),
  'feed ellipses': (n) => feed(`${repeatTo(PROSE, 700)}${repeatTo('.', n)}x`),
};

function feed(body: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title><guid>1</guid><description>${body}</description></item></channel></rss>`;
}

const article = (text: string): Article => ({ id: 'x', title: null, published: '2025-09-13', url: null, author: null, outlet: null, text });

/** Each stage of extraction, given the text; the tagger's analysis is done outside the timed part. */
type Stage = (text: string) => () => unknown;
export const STAGES: Record<string, Stage> = {
  tagger: (text) => () => analyse(text, { winkEntities: false }),
  entities: (text) => {
    const doc = analyse(text, { winkEntities: false });
    return () => extractEntities(doc);
  },
  times: (text) => {
    const doc = analyse(text, { winkEntities: false });
    return () => extractTimes(doc, '2025-09-13');
  },
  quotes: (text) => {
    const doc = analyse(text, { winkEntities: false });
    const entities = extractEntities(doc);
    const times = extractTimes(doc, '2025-09-13');
    return () => extractQuotes(doc, entities, times);
  },
  event: (text) => {
    const doc = analyse(text, { winkEntities: false });
    const entities = extractEntities(doc);
    const times = extractTimes(doc, '2025-09-13');
    const quotes = extractQuotes(doc, entities, times);
    return () => extractEvent(doc, { article: article(text), entities, times, quotes });
  },
  summary: (text) => {
    const doc = analyse(text, { winkEntities: false });
    return () => summarise(doc);
  },
  extractFacts: (text) => () => extractFacts(article(text)),
  'reader text': (text) => () => readText(text),
  'reader markdown': (text) => () => readMarkdown(`# Title\n\n${text}`),
  'reader json': (text) => () => draftFromObject({ text }),
};

/**
 * Milliseconds of CPU this process spent in fn (a refusal, LimitError, counts as done). CPU
 * time, not wall time: on a shared machine, time spent waiting for a core is not the stage's.
 */
function timeOnce(fn: () => unknown): number {
  const before = process.cpuUsage();
  try {
    fn();
  } catch {
    // Refused: the time to refuse is what is measured.
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export interface DoublingRow {
  stage: string;
  input: string;
  /** n: the row's sizes are n, 2n and 4n characters. */
  chars: number;
  ms: number[];
  /** Time ratio per doubling, over both (n → 4n): the square root of the 4n time over the n time. */
  ratio: number;
}

/** Times below this many ms are mostly noise (a collection, a timer tick): a stage whose largest input stays under it (even at 3.2M characters) is reported as 1. */
const FLOOR_MS = 25;

/**
 * The best of `runs` timings of each size, the sizes taken in turn (n, 2n, 4n, n, …) so that a
 * burst of load from other processes weighs on all of them alike.
 */
function timings(make: (n: number) => () => unknown, n: number, runs: number): number[] {
  const fns = [n, 2 * n, 4 * n].map(make);
  timeOnce(fns[0]); // warm-up: the first run of a stage compiles its code
  const ms = [Infinity, Infinity, Infinity];
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < fns.length; k++) {
      global.gc?.();
      ms[k] = Math.min(ms[k], timeOnce(fns[k]));
    }
  }
  return ms;
}

/** A stage is timed on inputs large enough that its smallest run takes at least this long. */
const MIN_BASE_MS = 25;
/** … but never on more than this many characters (4n). */
const MAX_CHARS = 4_000_000;

/**
 * One row: a stage that is fast on n characters (a few ms, where a collection or a timer tick is
 * as long as the work) is timed again on 4× the input, until its smallest run takes
 * MIN_BASE_MS or the input reaches MAX_CHARS: a ratio is only read where there is work to time.
 */
function row(stage: string, input: string, make: (n: number) => () => unknown, n: number, runs: number): DoublingRow {
  let size = n;
  let ms = timings(make, size, runs);
  while (ms[0] < MIN_BASE_MS && size * 16 <= MAX_CHARS) {
    size *= 4;
    ms = timings(make, size, runs);
  }
  // Over two doublings rather than the worse of the two: a single disturbed timing moves it half as much.
  const ratio = ms[2] < FLOOR_MS ? 1 : Math.sqrt(ms[2] / Math.max(ms[0], FLOOR_MS / 4));
  return { stage, input, chars: size, ms, ratio };
}

/** The doubling table: every extraction stage over every text, every reader over its own inputs. */
export function doubling(n: number, runs = 3, log: (line: string) => void = () => {}): DoublingRow[] {
  const rows: DoublingRow[] = [];
  const add = (r: DoublingRow) => {
    rows.push(r);
    log(`${r.stage.padEnd(16)} ${r.input.padEnd(16)} ${String(r.chars).padStart(8)} ${r.ms.map((m) => m.toFixed(1).padStart(9)).join(' ')}  x${r.ratio.toFixed(2)}`);
  };
  for (const [stage, make] of Object.entries(STAGES)) {
    for (const [input, text] of Object.entries(TEXTS)) add(row(stage, input, (size) => make(text(size)), n, runs));
  }
  for (const [input, page] of Object.entries(PAGES)) add(row('reader html', input, (size) => { const raw = page(size); return () => readHtml(raw); }, n, runs));
  for (const [input, xml] of Object.entries(FEEDS)) add(row('reader feed', input, (size) => { const raw = xml(size); return () => parseFeed(raw); }, n, runs));
  return rows;
}

/** The table as text, worst ratio first. */
export function doublingTable(rows: DoublingRow[], n: number): string {
  const head = `${'stage'.padEnd(16)} ${'input'.padEnd(16)} ${'n chars'.padStart(8)} ${['n ms', '2n ms', '4n ms'].map((s) => s.padStart(12)).join(' ')}  per doubling (from n = ${n}; fast stages on larger n)`;
  const lines = [...rows]
    .sort((a, b) => b.ratio - a.ratio)
    .map((r) => `${r.stage.padEnd(16)} ${r.input.padEnd(16)} ${String(r.chars).padStart(8)} ${r.ms.map((m) => m.toFixed(1).padStart(12)).join(' ')}  x${r.ratio.toFixed(2)}${r.ratio > 2.2 ? '  (over 2.2)' : ''}`);
  return [head, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 20_000);
  analyse('Warm up the tagger.');
  const rows = doubling(n, 3, (line) => process.stderr.write(`${line}\n`));
  console.log(doublingTable(rows, n));
}
