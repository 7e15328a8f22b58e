import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// "What did X <act> …": the answer is told where the act is, which is often a sentence that does
// not name X in full (a lead that says "a teenager"), not the sentence that names X most. Our own
// articles: a court report in plain text, a science brief with front matter.
const articles = join(import.meta.dirname, '..', 'fixtures', 'acts');

describe('what-questions about an act are answered where the act is told', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('the sentence that tells the act ("messaged") of the story that names her, not the one that names her most', async () => {
    // Old answer: "Tamsin Orloff, 17, and her cousin Petr Orloff, 23, appeared at Darnby Youth Court …".
    const a = await lede.answer('what did tamsin orloff message her cousin about the van', 'orloff');
    expect(a.answer).toMatch(/leave the keys in/);
  });

  it('a sentence that tells the finding in other words still answers when another sentence only has the verb', async () => {
    const a = await lede.answer('what did the orvelle probe find on kallos', 'probe');
    expect(a.answer).toMatch(/water ice/);
  });
});
