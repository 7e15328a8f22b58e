import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// "What did X <act> …": the answer is told where the act is, which is often a sentence that does
// not name X in full (a lead that says "a teenager"), not the sentence that names X most. Our own
// articles: a court report in plain text, a science brief with front matter. "What did the
// climber's father say": said by a father of the climber's story (a rescue report with a seed
// header), not by a father of a sports report.
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

  it('"what did the climber\'s father say" quotes a father in the climber\'s story, not a newer story\'s father', async () => {
    // Old answer: "I have waited twenty years to see this" first, from the cup story, which has no climber.
    const a = await lede.answer("what did the climber's father say", 'father');
    expect(a.answer).toMatch(/never stopped believing/);
    expect(a.answer).not.toMatch(/twenty years/);
  });

  it('"what did ines varga\'s mother say" is not answered by what Ines Varga said', async () => {
    // Old answer: "I thought about my dog the whole time", her own words; no mother is quoted.
    expect((await lede.answer("what did ines varga's mother say", 'mother')).answer).toBeNull();
    expect((await lede.answer('what did ines varga say', 'varga')).answer).toMatch(/my dog/);
    // Her father is quoted, though not by name: his words, not hers.
    const father = await lede.answer("what did ines varga's father say", 'father of');
    expect(father.answer).toMatch(/never stopped believing/);
    expect(father.answer).not.toMatch(/my dog/);
  });

  it('a sentence that tells the finding in other words still answers when another sentence only has the verb', async () => {
    const a = await lede.answer('what did the orvelle probe find on kallos', 'probe');
    expect(a.answer).toMatch(/water ice/);
  });
});
