import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// Follow-ups stay with the one the last answer was about: "what did he say" after a who-answer is
// what that person said, not what someone speaking for him or about him said. Our own article: a
// regional court report with a headline line and a dateline.
const articles = join(import.meta.dirname, '..', 'fixtures', 'follow-ups');

describe('follow-ups about the person of the last answer', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('"what did he say": his lawyer ("Kell\'s lawyer Nina Ostrow") is not him; he said nothing, so the articles don\'t say', async () => {
    const c = 'kell';
    expect((await lede.answer('who was granted bail over the barking dog punch', c)).answer).toMatch(/^Darren Kell\b/);
    expect((await lede.answer('what did he say', c)).answer).toBeNull();
  });

  it('"what did he say" of someone quoted: his own words', async () => {
    expect((await lede.answer('what did colin tay say', 'tay')).answer).toMatch(/able to sleep/);
  });
});
