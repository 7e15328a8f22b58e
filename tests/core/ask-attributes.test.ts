import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// Questions about one attribute of someone ("what party is she") and who-questions that carry the
// claim they ask about ("who's the spokesman saying …"), over our own articles: a wire story from a
// state capital with party tags in two styles, and a local weekly with front matter.
const articles = join(import.meta.dirname, '..', 'fixtures', 'attributes');

describe('attribute questions and who-questions that carry a claim', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('"what party is she" after a who-answer: the party written next to that person', async () => {
    const c = 'party-follow-up';
    expect((await lede.answer('who sponsored the water rates measure', c)).answer).toMatch(/^(?:state Sen\. )?Lucia Ortega\b/);
    const party = await lede.answer('what party is she', c);
    expect(party.answer).toMatch(/^Democrat/);
    expect(party.citations[0]?.sentence).toMatch(/Ortega, a Democrat/);
  });

  it('a party in a tag after the name ("(R-Roswell)") or a party word before the role ("Labour councillor")', async () => {
    expect((await lede.answer('what party is Carl Winters', 'party-tag')).answer).toMatch(/^Republican/);
    expect((await lede.answer('what party is amy firth in', 'party-before')).answer).toMatch(/^Labour/);
  });

  it('no party is written next to the person: the articles don\'t say', async () => {
    expect((await lede.answer('what party is governor daniel reyes', 'party-none')).answer).toBeNull();
  });

  it('"X\'s dad": the one the story writes X is the child of ("… told reporters that his daughter Mia …")', async () => {
    expect((await lede.answer("whats the name of wexby runaway mia benning's dad", 'dad')).answer).toMatch(/^Karl Benning\b/);
    expect((await lede.answer("who is mia benning's dad", 'dad-who')).answer).toMatch(/^Karl Benning\b/);
    // No one is written as her brother.
    expect((await lede.answer("whats the name of mia benning's brother", 'brother')).answer).toBeNull();
  });

  it('"who\'s the <role> saying <claim>" is answered by who said it', async () => {
    expect((await lede.answer("who's the senator saying families shouldn't pay city prices", 'claim')).answer).toMatch(/^(?:state Sen\. )?Lucia Ortega\b/);
  });
});
