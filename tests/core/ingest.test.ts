// Streaming ingest over real files: JSON Lines read line by line, folders file by file, bad
// lines reported with their line number and counted, progress that ends at its total, a source
// log that lets a re-run skip unchanged files and resume a JSON Lines file after its last stamp.
import { appendFileSync, copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archivePath } from '../../src/core/archive/index.ts';
import { ingest, type IngestProgress } from '../../src/core/ingest/index.ts';
import { Lede } from '../../src/core/lede.ts';
import { CHECKPOINT_LINES, countUnits } from '../../src/core/ingest/items.ts';
import type { SourceLog, SourceStamp } from '../../src/core/ingest/sources.ts';
import { Library } from '../../src/core/library.ts';
import { WorkPool, type WorkEvent } from '../../src/core/work/pool.ts';
import { scratchFolders } from '../scratch.ts';
import { newsLines } from './ingest-inputs.ts';
import { FAULT_MARKER, withFaultMarker } from './work-inputs.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const scratch = scratchFolders('lede-ingest-');
const pools: WorkPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

function pool(options: ConstructorParameters<typeof WorkPool>[0] = {}): WorkPool {
  const p = new WorkPool(options);
  pools.push(p);
  return p;
}

function memorySources(): SourceLog & { stamps: Map<string, SourceStamp> } {
  const stamps = new Map<string, SourceStamp>();
  return { stamps, get: async (path) => stamps.get(path), set: async (path, stamp) => void stamps.set(path, stamp) };
}

describe('streaming ingest', () => {
  it('reads a folder of JSON Lines and article files; a bad line is reported with its line and counted, the rest go in', async () => {
    const dir = scratch();
    const lines = newsLines(6);
    lines.splice(2, 0, '{"id": "broken", "text": ');
    lines.splice(4, 0, '');
    lines.splice(5, 0, JSON.stringify({ id: 'empty', title: 'Nothing here' }));
    writeFileSync(join(dir, 'wire.jsonl'), lines.join('\n') + '\n');
    copyFileSync(join(fixtures, 'articles', 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
    copyFileSync(join(fixtures, 'house-styles', 'guillemets.txt'), join(dir, 'guillemets.txt'));
    writeFileSync(join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));

    const lib = new Library(null);
    const reported: string[] = [];
    const seen: IngestProgress[] = [];
    const result = await ingest([dir], lib, pool(), { onProblem: (p) => reported.push(`${p.source}: ${p.message}`), onProgress: (p) => seen.push(p) });

    expect(lib.size).toBe(6 + 2);
    expect(lib.get('wire-3')?.article.title).toBe(JSON.parse(newsLines(6)[2]).title);
    expect(lib.get('harbor-fire')).toBeDefined();
    expect(result.failed).toBe(3);
    expect(reported.some((r) => /wire\.jsonl \(line 3\): .*JSON/.test(r))).toBe(true);
    expect(reported.some((r) => /wire\.jsonl \(line 6\): article has no text/.test(r))).toBe(true);
    expect(reported.some((r) => /picture\.png: unsupported file type/.test(r))).toBe(true);
    // Units: 9 lines (one blank) + 3 other files; progress only grows and ends at the total.
    expect(result.total).toBe(12);
    expect(result.done).toBe(12);
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: 12, total: 12, added: 8, failed: 3 });
  }, 120_000);

  it('counts the lines of a JSON Lines file whose last line has no newline', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.jsonl'), newsLines(3).join('\n'));
    writeFileSync(join(dir, 'b.txt'), 'Plain text.');
    expect(await countUnits([dir])).toBe(4);
  });

  it('computes facts (and the rows to write) on both threads at once', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'wire.jsonl'), newsLines(8).join('\n') + '\n');
    const work = pool({ size: 2, inlineBelow: { extract: 0 } });
    // Both threads started first (loading the language model takes a while): one ready long
    // before the other would take every item alone.
    const warm = (id: string) => work.run('extract', { article: { id, title: null, published: null, url: null, author: null, outlet: null, text: 'The model is loaded.' } });
    // Until both are up: on a loaded machine one thread may take both warm-up items while the other still loads.
    for (let i = 0; work.threadsReady < 2; i += 2) await Promise.all([warm(`warm-${i}`), warm(`warm-${i + 1}`)]);
    let running = 0;
    let most = 0;
    work.on('start', (e: WorkEvent) => {
      if (e.task === 'entry') most = Math.max(most, ++running);
    });
    work.on('end', (e: WorkEvent) => {
      if (e.task === 'entry') running--;
    });
    const lib = new Library(null, undefined, (article) => work.run('extract', { article }, { size: article.text.length }));
    await ingest([dir], lib, work);
    expect(lib.size).toBe(8);
    expect(lib.stats.parsed).toBe(8);
    expect(most).toBe(2);
  }, 120_000);

  it('with a source log, a re-run skips unchanged files unread and re-reads a changed one', async () => {
    const dir = scratch();
    copyFileSync(join(fixtures, 'articles', 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
    mkdirSync(join(dir, 'old'));
    // Two files giving the id "harbor-fire": the second is "harbor-fire-2", in every run.
    copyFileSync(join(fixtures, 'house-styles', 'us-colon.txt'), join(dir, 'old', 'harbor-fire.txt'));
    writeFileSync(join(dir, 'wire.jsonl'), newsLines(3).join('\n') + '\n');
    const sources = memorySources();
    const lib = new Library(null);
    const work = pool();
    await ingest([dir], lib, work, { sources });
    expect(lib.size).toBe(5);
    expect(sources.stamps.get(resolve(dir, 'wire.jsonl'))).toMatchObject({ units: 3, done: true });

    appendFileSync(join(dir, 'old', 'harbor-fire.txt'), '\nThe council met again on Friday.\n');
    const again = await ingest([dir], lib, work, { sources });
    // Unchanged: the first file and the 3 lines. Changed: the other file, read again, same id.
    expect(again).toMatchObject({ added: 1, already: 4, failed: 0, done: 5, total: 5 });
    expect(lib.size).toBe(5);
    expect(lib.get('harbor-fire-2')?.article.text).toMatch(/met again on Friday/);
  }, 120_000);

  it('resumes a JSON Lines file after its last stamp, and skips what is in by id and content', async () => {
    const dir = scratch();
    const file = join(dir, 'big.jsonl');
    const n = CHECKPOINT_LINES + 20;
    const lines = newsLines(n, 'big');
    // A run killed after its stamp at CHECKPOINT_LINES, with 10 more lines written: the stamp says how far it got.
    writeFileSync(file, lines.slice(0, CHECKPOINT_LINES + 10).join('\n') + '\n');
    const lib = new Library(null);
    const work = pool();
    await ingest([file], lib, work);
    writeFileSync(file, lines.join('\n') + '\n');
    const st = statSync(file);
    const sources = memorySources();
    sources.stamps.set(resolve(file), { size: st.size, mtimeMs: st.mtimeMs, units: CHECKPOINT_LINES, done: false });
    const before = lib.stats.parsed;
    const result = await ingest([file], lib, work, { sources });
    expect(result).toMatchObject({ added: 10, already: CHECKPOINT_LINES + 10, failed: 0, done: n, total: n });
    expect(lib.stats.parsed - before).toBe(10);
    expect(lib.size).toBe(n);
    expect(sources.stamps.get(resolve(file))).toMatchObject({ units: n, done: true });
  }, 120_000);

  describe('a file whose article could not be read', () => {
    withFaultMarker();
    it('is not stamped, so the next run tries it again; a file of an unsupported type is not reported again', async () => {
      const dir = scratch();
      copyFileSync(join(fixtures, 'articles', 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
      writeFileSync(join(dir, 'throws.txt'), `2025-03-01 (Staff, Test Wire) The ferry was late again on Tuesday. ${FAULT_MARKER}\n`);
      writeFileSync(join(dir, 'notes.docx'), 'not an article format');
      const sources = memorySources();
      const work = pool();
      const lib = new Library(null, undefined, (article) => work.run('extract', { article }, { size: article.text.length }));
      const first = await ingest([dir], lib, work, { sources });
      expect(first).toMatchObject({ added: 1, failed: 2 });
      expect([...sources.stamps.keys()].map((k) => k.slice(dir.length + 1)).sort()).toEqual(['harbor-fire.txt', 'notes.docx']);
      const again = await ingest([dir], lib, work, { sources });
      expect(again).toMatchObject({ added: 0, already: 2, failed: 1 });
      expect(again.problems[0].source).toMatch(/throws\.txt/);
    }, 120_000);
  });

  it('keeps an article\'s facts in the stored archive alone: none in the facts cache, none left held once written', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'wire.jsonl'), newsLines(6, 'one-home').join('\n') + '\n');
    const sqlitePath = join(scratch(), 'state.sqlite');
    const lede = await Lede.open({ store: { sqlitePath }, work: pool() });
    try {
      const result = await lede.ingest([dir]);
      expect(result).toMatchObject({ added: 6, failed: 0 });
      const { query, table } = lede.store.sqlite!;
      const cached = await query(`SELECT count(*) AS n FROM ${table} WHERE key LIKE 'facts:%'`);
      expect(cached[0].n).toBe(0);
      for (const article of lede.library.all()) expect(lede.library.archive.heldFacts?.(lede.library.cacheKey(article.article))).toBeUndefined();
    } finally {
      await lede.close();
    }
  }, 120_000);

  it('reads every file again when the archive is gone though the store (and its stamps) is not', async () => {
    const dir = scratch();
    copyFileSync(join(fixtures, 'articles', 'harbor-fire.txt'), join(dir, 'harbor-fire.txt'));
    const sqlitePath = join(scratch(), 'state.sqlite');
    const work = pool();
    const first = await Lede.open({ store: { sqlitePath }, work });
    await first.load(dir);
    expect(first.library.size).toBe(1);
    await first.close();
    rmSync(archivePath(sqlitePath), { force: true });
    rmSync(`${archivePath(sqlitePath)}-wal`, { force: true });
    const again = await Lede.open({ store: { sqlitePath }, work });
    try {
      await again.load(dir);
      expect(again.library.size).toBe(1);
    } finally {
      await again.close();
    }
  }, 120_000);
});
