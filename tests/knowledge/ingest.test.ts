import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, readArticleBytes } from '../../src/knowledge/ingest/index.ts';
import { scratchFolders } from '../scratch.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** Folders this file writes its inputs into, removed when it ends. */
const scratchDir = scratchFolders('lede-ingest-');

describe('article readers', () => {
  it('reads the dateline header run into the first paragraph', () => {
    const { articles, problems } = loadArticles(join(fixtures, 'articles', 'harbor-fire.txt'));
    expect(problems).toEqual([]);
    const [a] = articles;
    expect(a.id).toBe('harbor-fire');
    expect(a.published).toBe('2024-03-09');
    expect(a.author).toBe('Jane Doe');
    expect(a.outlet).toBe('Coastal Times');
    expect(a.text.startsWith('A fire destroyed a grain warehouse')).toBe(true);
    expect(a.text).toContain('\n\nFire Chief Marcus Okafor');
  });

  it('reads markdown front matter and keeps the heading out of the body', () => {
    const [a] = loadArticles(join(fixtures, 'articles', 'council-vote.md')).articles;
    expect(a.title).toBe('Council approves new bike lanes on Elm Street');
    expect(a.published).toBe('2024-05-14');
    expect(a.url).toBe('https://example.org/valley/bike-lanes');
    expect(a.text.startsWith('The Millbrook City Council voted')).toBe(true);
  });

  it('reads plain text without a header, taking a short first line as the title', () => {
    const { articles } = readArticleBytes(Buffer.from('Storm closes schools\n\nHeavy snow closed every school in the county on Tuesday.'), 'storm.txt');
    expect(articles[0].title).toBe('Storm closes schools');
    expect(articles[0].published).toBeNull();
    expect(articles[0].text).toBe('Heavy snow closed every school in the county on Tuesday.');
  });

  it('reads JSON objects, arrays and JSON Lines, reporting bad lines without losing good ones', () => {
    const json = readArticleBytes(Buffer.from(JSON.stringify([{ id: 'a1', title: 'One', text: 'First story.' }, { id: 'a2' }])), 'batch.json');
    expect(json.articles.map((a) => a.id)).toEqual(['a1']);
    expect(json.problems[0].message).toMatch(/no text/);
    const lines = readArticleBytes(Buffer.from('{"id":"x","text":"Hello there."}\nnot json\n\n{"id":"y","body":"Second."}\n'), 'feed.jsonl');
    expect(lines.articles.map((a) => a.id)).toEqual(['x', 'y']);
    expect(lines.problems).toHaveLength(1);
    expect(lines.problems[0].source).toContain('line 2');
  });

  it('gives a clear message for empty, binary, malformed and unsupported files, and loads the rest', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]));
    writeFileSync(join(dir, 'broken.json'), '{"id": "x", "text": ');
    writeFileSync(join(dir, 'picture.png'), 'whatever');
    writeFileSync(join(dir, 'good.txt'), ' date 2024-01-02 (A, B) Something happened today.');
    const { articles, problems } = loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    const byFile = Object.fromEntries(problems.map((p) => [p.source.split('/').pop(), p.message]));
    expect(byFile['empty.txt']).toMatch(/empty/);
    expect(byFile['binary.txt']).toMatch(/binary/);
    expect(byFile['broken.json']).toMatch(/malformed JSON/);
    expect(byFile['picture.png']).toMatch(/unsupported file type/);
  });

  it('refuses a 10 MB article with a message instead of parsing it', () => {
    const big = Buffer.from('word '.repeat(2_100_000));
    const { articles, problems } = readArticleBytes(big, 'huge.txt');
    expect(articles).toEqual([]);
    expect(problems[0].message).toMatch(/too long/);
  });

  it('keeps unicode intact and makes duplicate ids unique', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ id: 'same', text: 'Zoë Ñúñez visited São Paulo 🎉.' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ id: 'same', text: 'Другая статья.' }));
    const { articles } = loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['same', 'same-2']);
    expect(articles[0].text).toBe('Zoë Ñúñez visited São Paulo 🎉.');
  });
});
