import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// Verification of the story: an answer stands only when a cited article holds most of what the
// question names. Over our own short articles (a fraud sentence, a cup final, a flu report, …).
const answers = join(import.meta.dirname, '..', 'fixtures', 'answers');

describe('answers come from the story the question names', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: answers, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('says the articles do not say when no article is about what the question names', async () => {
    for (const question of [
      'whats going on with the russian cargo ship that was headed to the space station',
      'when did the ferry sink off the island',
      'WHY DID THE AIRLINE CANCEL ALL THE FLIGHTS TO LISBON',
    ]) {
      const a = await lede.answer(question, `off-${question}`);
      expect(a.answer, question).toBeNull();
      expect(a.citations).toEqual([]);
    }
  });

  it('still answers a question about a loaded story, and its pronoun follow-up', async () => {
    const when = await lede.answer('when was the school bursar sentenced', 'bursar');
    expect(when.answer).toMatch(/Wednesday/);
    expect(when.citations[0].articleId).toBe('fraud-sentence');
    const howLong = await lede.answer('how long will he be in prison', 'bursar');
    expect(howLong.answer).toMatch(/four years/);
  });

  it('does not let a conversation about one story answer a new question about another', async () => {
    await lede.answer('when was the school bursar sentenced', 'switch');
    const a = await lede.answer('when did the ferry sink off the island', 'switch');
    expect(a.answer).toBeNull();
  });

  it('a who-answer leads with a name or a role phrase, never a fragment', async () => {
    // Old answers: "the, according to Tom Whitfield" and "an" — cut at a function word.
    expect((await lede.answer('who won the election', 'w1')).answer).toBeNull();
    expect((await lede.answer('who audited the county', 'w2')).answer).toBeNull();
    expect((await lede.answer('who delayed the vote', 'w3')).answer).toMatch(/^The town council — /);
    expect((await lede.answer('who was sentenced', 'w4')).answer).toMatch(/^A former school bursar — /);
  });
});
