// The archive in a shared Postgres database, against a real server: it reads exactly as the
// in-memory archive does after the same writes (including a replacement), a batch is stored
// whole or not at all, and two instances on one database see each other's writes — down to two
// Lede instances, where an article loaded through one is answered by the other.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryArchive } from '../../src/core/archive/memory.ts';
import { PostgresArchive } from '../../src/core/archive/postgres.ts';
import type { Archive, ArticleEntry, LookupKind } from '../../src/core/archive/types.ts';
import { Lede } from '../../src/core/lede.ts';
import { entryFor } from '../../src/core/library.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';
import { archiveContract } from './archive-contract.ts';
import { freshDatabase, TEST_POSTGRES_URL } from './postgres-test.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** Entries of real articles in several house styles, with their real facts. */
function entries(): ArticleEntry[] {
  const articles = [...loadArticles(join(fixtures, 'articles')).articles, ...loadArticles(join(fixtures, 'house-styles')).articles];
  return articles.map((a) => entryFor(a, extractFacts(a), `v1:${a.id}`));
}

/** Every read of the Archive interface, over every term, lookup word and position the entries hold. */
function readAll(archive: Archive, all: ArticleEntry[], positions: number) {
  const terms = [...new Set(all.flatMap((e) => [...e.terms.keys()]))].sort();
  const words = [...new Set(all.flatMap((e) => e.lookups.map((l) => `${l.kind}\u0000${l.word}`)))].sort();
  const at = Array.from({ length: positions + 2 }, (_, i) => i);
  return {
    size: archive.size,
    sentences: archive.sentences,
    articles: at.map((i) => archive.article(i)?.article.id ?? null),
    facts: at.map((i) => archive.article(i)?.facts.sentences.length ?? null),
    ids: all.map((e) => archive.indexOf(e.article.id) ?? null),
    keys: at.map((i) => archive.keyAt(i) ?? null),
    published: at.map((i) => archive.published(i)),
    indexes: [archive.indexes(-1, 100), archive.indexes(1, 2)],
    newest: [archive.newest(0, 100), archive.newest(1, 2)],
    postings: terms.map((t) => [t, Array.from(archive.postings(t)), archive.df(t)]),
    lookups: words.map((w) => {
      const [kind, word] = w.split('\u0000') as [LookupKind, string];
      return [w, archive.lookup(kind, word, 0, 100), archive.lookup(kind, word, 1, 1), archive.lookupCount(kind, word)];
    }),
  };
}

/** Waits (without blocking the event loop) until `ok` holds, for at most 10 s. */
async function eventually(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe.skipIf(!TEST_POSTGRES_URL)('PostgresArchive: the contract every archive keeps', () => {
  const databases: Array<ReturnType<typeof freshDatabase>> = [];
  const urls = new WeakMap<Archive, string>();
  afterAll(() => {
    for (const d of databases) d.drop();
  });
  archiveContract('Postgres', {
    open: () => {
      const db = freshDatabase('contract');
      databases.push(db);
      const archive = new PostgresArchive(db.url);
      urls.set(archive, db.url);
      return archive;
    },
    // Another instance on the same database, with nothing cached.
    reopen: (archive) => {
      const url = urls.get(archive)!;
      archive.close();
      const again = new PostgresArchive(url);
      urls.set(again, url);
      return again;
    },
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('PostgresArchive', () => {
  let all: ArticleEntry[];
  const databases: Array<ReturnType<typeof freshDatabase>> = [];
  const opened: PostgresArchive[] = [];
  const open = (url: string) => {
    const archive = new PostgresArchive(url);
    opened.push(archive);
    return archive;
  };
  const database = (name: string) => {
    const db = freshDatabase(name);
    databases.push(db);
    return db.url;
  };
  beforeAll(() => {
    all = entries();
  });
  afterAll(() => {
    for (const a of opened) a.close();
    for (const d of databases) d.drop();
  });

  it('reads as the in-memory archive does after the same writes, a replacement included', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    const memory = new MemoryArchive();
    const postgres = open(database('same'));
    const [first, second, ...rest] = all;
    // The first article again with another text: it takes a new position, the old one is gone.
    const edited: Article = { ...first.article, text: first.article.text.replace(/\.\s/, '. A late correction was added. ') };
    const replacement = { ...entryFor(edited, extractFacts(edited), 'v1:edited'), replaces: first };
    for (const archive of [memory, postgres]) {
      archive.putMany([first, second]);
      for (const e of rest) archive.put(e);
      archive.put(replacement);
    }
    const every = [...all, replacement];
    const expected = readAll(memory, every, all.length + 1);
    expect(expected.articles).toContain(null); // the replaced position reads as gone
    expect(readAll(postgres, every, all.length + 1)).toEqual(expected);
    // A second instance on the same database, with nothing cached, reads the same.
    const fresh = new PostgresArchive(databases[0].url);
    try {
      expect(readAll(fresh, every, all.length + 1)).toEqual(expected);
    } finally {
      fresh.close();
    }
  });

  it('stores a batch whole or not at all', () => {
    const archive = open(database('batch'));
    archive.put(all[0]);
    // Postgres text cannot hold a NUL character: the second entry fails inside the transaction.
    const broken: ArticleEntry = { ...all[1], article: { ...all[1].article, id: 'bad\u0000id' } };
    expect(() => archive.putMany([all[2], broken])).toThrow();
    expect(archive.size).toBe(1);
    expect(archive.indexOf(all[2].article.id)).toBeUndefined();
    const term = [...all[2].terms.keys()].find((t) => !all[0].terms.has(t))!;
    expect(archive.df(term)).toBe(0);
    expect(Array.from(archive.postings(term))).toEqual([]);
  });

  it("sees another instance's additions and replacements, though it had read (and cached) before them", async () => {
    const url = database('two');
    const writer = open(url);
    const reader = open(url);
    // Two articles with a term in common (e.g. a weekday), each with terms of its own.
    const a = all[0];
    const b = all.find((e) => e !== a && [...e.terms.keys()].some((t) => a.terms.has(t)))!;
    const shared = [...a.terms.keys()].find((t) => b.terms.has(t))!;
    const term = [...b.terms.keys()].find((t) => !a.terms.has(t))!;
    writer.put(a);
    // The reader caches what it reads now: nothing for `term`, article 0, a's postings of `shared`.
    expect(reader.df(term)).toBe(0);
    expect(reader.article(0)?.article.id).toBe(a.article.id);
    const before = Array.from(reader.postings(shared));

    writer.put(b);
    await eventually(() => reader.df(term) > 0);
    expect(reader.df(term)).toBe(writer.df(term));
    expect(Array.from(reader.postings(shared))).toEqual(Array.from(writer.postings(shared)));
    expect(reader.postings(shared).length).toBeGreaterThan(before.length);
    expect(reader.size).toBe(2);

    const edited: Article = { ...a.article, text: `${a.article.text}\n\nThis story was updated.` };
    writer.put({ ...entryFor(edited, extractFacts(edited), 'v1:edited'), replaces: a });
    await eventually(() => reader.article(0) === undefined);
    expect(reader.article(0)).toBeUndefined();
    expect(reader.indexOf(a.article.id)).toBe(writer.indexOf(a.article.id));
    expect(reader.keyAt(reader.indexOf(a.article.id)!)).toBe('v1:edited');
    expect(reader.size).toBe(2);
  });

  it('two Lede instances on one database: an article loaded through one is answered by the other', async () => {
    const url = database('lede');
    const first = await Lede.open({ store: { sqlitePath: ':memory:', postgresUrl: url } });
    const second = await Lede.open({ store: { sqlitePath: ':memory:', postgresUrl: url } });
    try {
      expect((await second.answer('When did the warehouse fire happen?', 'c1')).answer).toBeNull();
      expect(second.library.newestFirst()).toHaveLength(0); // read (and kept) before the other instance writes
      const { added } = await first.load(join(fixtures, 'articles', 'harbor-fire.txt'));
      expect(added).toBe(1);
      await eventually(() => second.library.size === 1);
      const answer = (await second.answer('When did the warehouse fire happen?', 'c2')).answer;
      expect(answer).toMatch(/Thursday/);
      expect(second.library.newestFirst().map((a) => a.article.id)).toEqual(['harbor-fire']);
      // Nothing was parsed or loaded by the second instance: it read the first one's archive.
      expect(second.library.stats).toEqual({ parsed: 0, cached: 0 });
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('PostgresArchive without a server', () => {
  it('fails to open with the address but never the password', () => {
    let message = '';
    try {
      new PostgresArchive('postgres://lede:hunter2-secret@127.0.0.1:1/lede', { timeoutMs: 5_000 }).close();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^cannot open the archive in Postgres at postgres:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:1\/lede: /);
    expect(message).not.toContain('hunter2');
  });
});
