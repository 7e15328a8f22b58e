// Asking never throws: questions that once crashed an answerer, and a facts cache that makes one
// fail, still give a well-formed answer object; a failure is logged with the question's kind.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/ask/index.ts';
import { Lede } from '../../src/core/lede.ts';
import { createLogger, log, setLogger } from '../../src/core/log.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article, ArticleFacts } from '../../src/knowledge/facts.ts';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers');
const ctx = { platform: 'test', channel: 'x', conversation: 'x' };

/** The operator log (level error), as parsed lines: an answerer that fails writes one. */
const lines: Array<Record<string, unknown>> = [];
const before = log();
beforeAll(() => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
  });
  setLogger(createLogger({ level: 'error', destination: stream }));
});
afterAll(() => setLogger(before));

/** Asks, and checks no answerer failed on the way (not even one the next answerer covered for). */
async function answered(lede: Lede, question: string, conversation: string): Promise<Answer> {
  const logged = lines.length;
  const a = await lede.answer(question, conversation);
  expect(lines.slice(logged), question).toEqual([]);
  expect(a.error).toBeUndefined();
  expectCitationsInText(lede, a);
  return a;
}

/** Every citation lies inside its article's text, and its sentence is that slice of the text. */
function expectCitationsInText(lede: Lede, a: Answer): void {
  for (const c of a.citations) {
    const text = lede.library.get(c.articleId)!.article.text;
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(c.start, c.end)).toBe(c.sentence);
  }
}

describe('questions that once threw', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ dataPath: answers, store: { sqlitePath: ':memory:' } });
  });
  afterAll(() => lede.close());

  it('a who-question best matched by an article headline answers from it', async () => {
    // The headline is no sentence of the text: reading its attribution read past the sentence list.
    const a = await answered(lede, "who's upset about the crispello wafer shape change", 'c1');
    expect(a.type).toBe('who');
    expect(a.answer).toMatch(/Fans upset over Crispello wafer shape change/);
    expect(a.citations[0].articleId).toBe('wafer-shape');
  });

  it('what happened to a thing a headline names, and how fast by a measure in a headline', async () => {
    // The answerers looked for a quote's source in, and measured distances from, the headline's
    // sentence span — which it does not have.
    const happened = await answered(lede, 'What happened to the crispello wafer shape change?', 'c3');
    expect(happened.answer).toMatch(/Crispello wafer/);
    const fast = await answered(lede, 'How fast was the tram going?', 'c4');
    expect(fast).toMatchObject({ type: 'count', answer: expect.stringMatching(/^40 mph/) });
  });

  it('who said words whose speaker is an unresolved pronoun: the articles do not name one', async () => {
    // "… far too fast!!" he said. — no one the pronoun could be.
    const a = await answered(lede, 'Who said "tram driver took the sharp bend into Larkhill far too fast!!"?', 'c2');
    expect(a).toMatchObject({ type: 'who-said', answer: null });
    expect(a.citations[0]?.articleId).toBe('tram-corner');
  });
});

describe('a conversation store that fails', () => {
  it('costs only the follow-up context: the question is still answered, and the failure logged', async () => {
    const lede = await Lede.open({ dataPath: answers, store: { sqlitePath: ':memory:' } });
    const logged = lines.length;
    await lede.store.close();
    const a = await lede.answer('Why did Brindle Bakery cut the loaf size?', 'gone');
    expect(a.answer).toMatch(/to keep its bread affordable/);
    expect(lines.slice(logged).map((l) => l.msg)).toEqual(['conversation context unreadable; answering without it', 'conversation context not saved']);
  });
});

describe('a failing answerer', () => {
  let lede: Lede;

  /** An article whose cached facts a faulty extractor wrote: the cache hands them back as they are. */
  async function addWithCachedFacts(article: Article, spoil: (facts: ArticleFacts) => unknown): Promise<void> {
    await lede.store.ns('facts').set(lede.library.cacheKey(article), spoil(extractFacts(article)));
    await lede.addArticle(article);
  }

  beforeAll(async () => {
    lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
    const base = { published: '2024-03-02', url: null, author: null, outlet: null };
    // Entities without their mentions: the who-is answerer reads them, the sentence answerer does not.
    await addWithCachedFacts(
      { ...base, id: 'ferry', title: 'Ferry service resumes', text: 'Captain Ilse Varga said the Alder Bay ferry will sail again on Monday after repairs to its ramp.' },
      (f) => ({ ...f, entities: f.entities.map((e) => ({ ...e, mentions: undefined })) }),
    );
    // A speaker "name" that is a number: every answerer that reads attribution fails on it.
    await addWithCachedFacts(
      { ...base, id: 'orchard', title: 'Orchard frost', text: '"The frost took half the blossom in one night," said grower Tomas Reyes of Hillcrest orchard.' },
      (f) => ({ ...f, quotes: f.quotes.map((q) => ({ ...q, speaker: q.speaker && { ...q.speaker, name: 42 } })) }),
    );
  });
  afterAll(() => lede.close());

  it('an article left without sentences (every one dropped as furniture) answers null, not an error', async () => {
    const solo = await Lede.open({ store: { sqlitePath: ':memory:' } });
    try {
      const article = { id: 'caption', title: null, published: '2024-03-03', url: null, author: null, outlet: null, text: 'Photo: Ann Lee / Harbour Gazette' };
      await solo.store.ns('facts').set(solo.library.cacheKey(article), { ...extractFacts(article), sentences: [], summary: [] });
      await solo.addArticle(article);
      for (const q of ['When did it happen?', 'Where did it happen?', 'What happened?', 'What was the score?', 'Who is Ann Lee?']) {
        await answered(solo, q, 'solo');
      }
    } finally {
      await solo.close();
    }
  });

  it('falls through to the next answerer in the order', async () => {
    const a = await lede.answer('Who is Ilse Varga?', 'f1');
    expect(a.error).toBeUndefined();
    expect(a.answer).toMatch(/ferry will sail again/);
    expectCitationsInText(lede, a);
    expect(lines.some((l) => l.kind === 'who-is' && typeof l.err === 'string')).toBe(true);
  });

  it('answers with the error answer, logged with the kind, when no answerer can', async () => {
    const a = await lede.answer('What happened to the blossom at Hillcrest orchard?', 'f2');
    expect(a).toEqual({
      answer: null,
      type: 'what-happened',
      confidence: 0,
      citations: [],
      error: 'could not answer this question (internal error); it has been logged',
    });
    expect(lines.some((l) => l.kind === 'what-happened' && typeof l.err === 'string')).toBe(true);
  });

  it('the ask command renders the error answer as a clear message', async () => {
    const r = await lede.run('ask', { question: 'What happened to the blossom at Hillcrest orchard?' }, ctx);
    expect(r.kind).toBe('error');
    expect(r.text).toMatch(/could not answer/i);
    expect(r.text).not.toMatch(/don't say/);
  });
});
