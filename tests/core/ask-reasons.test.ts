import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// Why-questions: the reason is told where the asked act is, often after "after" or "because",
// not in the story's lead, which names the one asked about most. Our own articles: a tabloid
// crime story with a headline line, and a local weekly with front matter.
const articles = join(import.meta.dirname, '..', 'fixtures', 'reasons');

describe('why-questions are answered by the reason for the act asked about', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  it('the sentence that tells the act ("go over" → "walked over", "the van") and its reason ("after spotting …"), not the lead', async () => {
    const a = await lede.answer('why did the hotel night porter go over to the van', 'porter');
    expect(a.answer).toMatch(/break into|challenge/);
    expect(a.answer).not.toMatch(/^A hotel night porter was stabbed/);
  });

  it('the reason told in the next sentence, which opens with "her" or "his", follows the act', async () => {
    // Old answer: the lead alone ("… pulled out of the Solway Bay regatta on Thursday …").
    const a = await lede.answer('why did ingrid falkvard pull out of the regatta', 'falkvard');
    expect(a.answer).toMatch(/kidney infection/);
  });

  it('the sentence that tells the act as a verb ("signed"), and the reason after it, not the lead that names the agreement', async () => {
    // Old answer: the lead, "An agreement struck by the three valley councils in 2019 means …".
    const a = await lede.answer('why did the valley councils sign the 2019 agreement', 'councils');
    expect(a.answer).toMatch(/cut the cost/);
  });

  it('a reason the story gives with "because" still leads', async () => {
    expect((await lede.answer('why is westmoor library closing early on saturdays', 'library')).answer).toMatch(/afford weekend staff/);
  });
});
