// Answers across many articles: what someone said in every article that quotes them, what is
// new (by publication date, not file order or date text), and which article a summary is of.
// Fixture: five made-up articles in three house styles (front-matter Markdown, the seed .txt
// header, JSON with an ISO timestamp and with a written-out date). Harriet Quill is quoted in
// three of them; a different Quill (Dennis) in a fourth.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';
import { answerReply } from '../../src/core/replies.ts';

const articles = join(import.meta.dirname, '..', 'fixtures', 'across');
/** Newest first by publication date: the budget's "December 1, 2025" is the oldest. */
const BY_DATE = ['choir-contest', 'ferry-strike', 'ferry-terminal', 'ferry-fares', 'council-budget'];

describe('answers across articles', () => {
  let lede: Lede;
  let n = 0;
  const ask = (question: string, conversation = `c${n++}`) => lede.answer(question, conversation);
  const articleOf = (a: { citations: Array<{ articleId: string }> }) => [...new Set(a.citations.map((c) => c.articleId))];

  beforeAll(async () => {
    lede = await Lede.open({ dataPath: articles, store: { sqlitePath: ':memory:' } });
  });
  afterAll(async () => {
    await lede.close();
  });

  describe('what did X say', () => {
    it('starts with the newest article that quotes X and counts the quotes it does not show', async () => {
      const a = await ask('What did Harriet Quill say?');
      expect(a.type).toBe('what-said');
      expect(a.citations).toHaveLength(3);
      expect(articleOf(a)).toEqual(['ferry-strike']);
      expect(a.citations[0].sentence).toMatch(/agreement was fair/);
      // Ten quoted sentences in three articles: one more here, three in each of the two others.
      expect(a.lead).toBe('What Harriet Quill said (3 of 10 quotes; the other 7 are in this and 2 other articles):');
      expect(a.answer).toMatch(/… and 7 more quotes in this and 2 other articles\.$/);
      // The reply a chat user sees says it too, above the quotes.
      expect(answerReply(lede.library, a).text).toMatch(/the other 7 are in this and 2 other articles/);
    });

    it('says nothing of more when every quote is shown', async () => {
      const a = await ask('What did Omar Haddad say?');
      expect(a.lead).toBe('What Omar Haddad said:');
      expect(a.answer).not.toMatch(/more quote/);
    });

    it('starts with the conversation’s article, then the newest others', async () => {
      const c = 'terminal-talk';
      await ask('Who is Lena Voss?', c);
      const a = await ask('What did Harriet Quill say?', c);
      expect(articleOf(a)).toEqual(['ferry-terminal']);
      expect(a.lead).toMatch(/the other 7 are in 2 other articles/);
    });

    it('puts the quotes about the asked topic first, from whichever article', async () => {
      const a = await ask('What did Harriet Quill say about the fuel price?');
      expect(a.citations[0].articleId).toBe('ferry-fares');
      expect(a.answer?.slice(0, 300)).toMatch(/Fuel has doubled/);
    });

    it('keeps to one person: another Quill is not counted as Harriet', async () => {
      const harriet = await ask('What did Harriet Quill say?');
      expect(harriet.citations.map((c) => c.sentence).join(' ')).not.toMatch(/sang|singers/);
      expect(harriet.answer).not.toMatch(/Dennis/);
      // A bare surname is the Quill of the newest article that quotes one, and only that one.
      const bare = await ask('what did quill say');
      expect(articleOf(bare)).toEqual(['choir-contest']);
      expect(bare.lead).toBe('What Dennis Quill said:');
    });
  });

  describe("what's new", () => {
    it('lists every article newest first by publication date', async () => {
      const a = await ask("what's new");
      expect(a.type).toBe('list');
      expect(a.citations.map((c) => c.articleId)).toEqual(BY_DATE);
    });

    it('lists the articles about a topic newest first, and only those', async () => {
      for (const question of ["What's new about the ferry?", 'any news on the ferry', 'the latest on the ferry']) {
        const a = await ask(question);
        expect(a.citations.map((c) => c.articleId), question).toEqual(['ferry-strike', 'ferry-terminal', 'ferry-fares']);
      }
    });

    it('says so when no article is about the topic', async () => {
      const a = await ask("what's new about the lighthouse");
      expect(a.answer).toBeNull();
    });
  });

  describe('summaries', () => {
    it('of the newest article when the conversation is about none', async () => {
      for (const question of ['summarise', 'summary', 'tl;dr']) {
        const a = await ask(question);
        expect(a.type, question).toBe('summary');
        expect(articleOf(a), question).toEqual(['choir-contest']);
      }
    });

    it('of the article the conversation is about', async () => {
      const c = 'strike-talk';
      await ask('Who is Omar Haddad?', c);
      const a = await ask('summarise', c);
      expect(articleOf(a)).toEqual(['ferry-strike']);
      expect(a.answer).toMatch(/strike/);
    });

    it('of the article the words name, or none', async () => {
      expect(articleOf(await ask('summary of the glass terminal'))).toEqual(['ferry-terminal']);
      expect((await ask('summarise the lighthouse repairs')).answer).toBeNull();
    });

    it('/summary follows the same rule: the conversation’s article, else the newest', async () => {
      const ctx = (conversation: string) => ({ platform: 'test', channel: 'ch', conversation });
      await lede.answer('Who is Lena Voss?', 'voss');
      expect((await lede.run('summary', {}, ctx('voss'))).title).toBe('Glass ferry terminal planned for Brackwater quay');
      expect((await lede.run('summary', {}, ctx('nobody'))).title).toBe('Brackwater school choir wins the regional contest');
      expect((await lede.run('summary', { article: 'fares' }, ctx('voss'))).title).toBe('Brackwater ferry fares to rise in spring');
    });
  });
});
