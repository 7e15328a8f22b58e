import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// "What's going on with X": the story about X, told by its summary, though no one sentence of it
// holds all the words the question uses. Our own articles: a wire story with a headline line and a
// dateline, and a local weekly with front matter.
const articles = join(import.meta.dirname, '..', 'fixtures', 'stories');

describe('what is going on with a story', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('the story whose sentences hold the asked words between them, not the newest one', async () => {
    const a = await lede.answer('whats going on with the cargo boat that was headed to farrow island station', 'barge');
    expect(a.answer).toMatch(/lost radio contact|drift ashore/);
    expect(a.citations[0]?.articleId).toBe('supply-barge');
  });

  it('a story no article tells: the articles don\'t say', async () => {
    expect((await lede.answer("what's happening with the bus drivers strike", 'strike')).answer).toBeNull();
  });
});
