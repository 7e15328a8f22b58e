import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

// "Who did it": the one in the asked role of the act, over our own short articles (a local paper's
// court report, a weekly's feature with front matter, a wire story with a dateline).
const articles = join(import.meta.dirname, '..', 'fixtures', 'roles');

describe('who-questions are answered by the one in the asked role', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  const ask = (question: string) => lede.answer(question, `c-${question}`);

  it('the agent before the asked verb, not the one it was done to', async () => {
    // The lead sentence tells the stabbing without its agent ("A fisherman was stabbed").
    expect((await ask('who stabbed dean morrow')).answer).toMatch(/^Kyle Brandt\b/);
  });

  it('the agent of an act under a charge: "charged … after allegedly shooting"', async () => {
    expect((await ask("who's accused of shooting evan price")).answer).toMatch(/^Marcus Tolley\b/);
  });

  it('"who did X shoot": no sentence tells the act with its object, so the one the story calls the victim', async () => {
    expect((await ask('who did owen marsh shoot at brookvale college')).answer).toMatch(/^Paula Greer\b/);
    // A victim of another story is no answer.
    expect((await ask('who did owen marsh stab at the library')).answer).not.toMatch(/Price|Morrow/);
  });

  it('the "by" phrase of a passive sentence', async () => {
    expect((await ask('who painted the elm row mural')).answer).toMatch(/^Nora Quist\b/);
  });

  it('the "by" phrase after a participle without "was": "The gala, organised by …"', async () => {
    expect((await ask('who organised the riverside gala')).answer).toMatch(/^Ruth Imber\b/);
  });

  it('"who\'s been <participle>": the one it was done to, named before the passive verb', async () => {
    expect((await ask("who's been charged over the stabbing of dean morrow")).answer).toMatch(/^(?:Kyle )?Brandt\b/);
  });

  it('which <role>: the one the role noun names', async () => {
    expect((await ask('which harbour legend waved off the lifeboat crew')).answer).toMatch(/^Tom Keel\b/);
    expect((await ask('which pub owner said the two men had been drinking')).answer).toMatch(/^Gail Sutter\b/);
  });

  it('which <role> <act>: the one who did the act, though another is the one called by the role', async () => {
    expect((await ask('which singer had to apologise for the gala joke')).answer).toMatch(/^Ella Rusk\b/);
  });
});
