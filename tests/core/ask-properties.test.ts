// Property tests: whatever is asked — random unicode, emoji, punctuation only, very long text,
// mutated real questions with the fixtures' names, unbalanced quotes, follow-ups in one
// conversation — `answer` never throws and always returns a well-formed answer object whose
// citations are slices of their article's text. Fixed seeds and bounded runs keep them repeatable.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/ask.ts';
import { Lede, MAX_QUESTION_CHARS } from '../../src/core/lede.ts';
import { createLogger, log, setLogger } from '../../src/core/log.ts';
import { QUESTION_TYPES } from '../../src/core/question.ts';
import { scratchFolders } from '../scratch.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const scratchDir = scratchFolders('lede-ask-properties-');

/** Articles at the edges: one word, no sentence words, a quote left open at the end, other scripts, no title. */
const ODD_ARTICLES = [
  { id: 'odd-one-word', title: 'Storm', published: null, text: 'Storm.' },
  { id: 'odd-dashes', title: null, published: '2024-01-01', text: '— — —' },
  { id: 'odd-open-quote', title: 'Minister digs in', published: '2024-02-02', text: 'The transport minister met rail unions on Wednesday in Cardale.\n\nShe said: "We will not move the timetable, not this year, and not for' },
  { id: 'odd-scripts', title: 'Zoë Ängström 🎉 opens bridge', published: '2024-05-05', text: 'Die Bürgermeisterin Zoë Ängström eröffnete am Montag die Brücke in Łódź 🎉.\n\n“Das ist ein guter Tag”, sagte sie.\n\n東京の天気は晴れです。' },
  { id: 'odd-untitled', title: null, published: null, text: 'Nobody was hurt when a crane tipped over on Dock Road on Sunday, the fire service said. "It came down slowly," said a witness' },
];

/** Real questions, of every kind, as people type them. */
const QUESTIONS = [
  'When did the warehouse fire happen?', 'What did Okafor say?', 'Who is Helen Sato?', 'What did she say?',
  'Who said "the sea walls were never built for this"?', 'Why did Brindle Bakery cut the loaf size?',
  'Where was Fenwick when the results came in?', 'How long did the harvest festival last?', 'Who wrote the article?',
  "who's upset about the crispello wafer shape change", 'Who said "tram driver took the sharp bend into Larkhill far too fast!!"?',
  'What happened to the old delivery van?', 'How many passengers were treated?', 'What was the score?', 'list articles about frost',
  'What does CDC stand for?', 'Where is Larkhill?', 'What is the name of the ferry captain?', 'Who did the mayor ask for help?',
  'How much did the repairs cost?', 'What percentage did Ashby get?', 'tell me about ramirez', 'Why?', 'And where?', 'When?',
];
/** Question shapes a name is put into. */
const TEMPLATES = [
  'Who is X?', 'What did X say?', 'What did X say about the vote?', 'Where is X?', 'Where is X from?', 'When did X happen?',
  'How many X?', 'Why did X do it?', 'Who said "X"?', 'What is X?', 'What does X stand for?', 'Tell me about X', 'who is the X',
  'What happened to X?', 'How old is X?', 'What is the name of the X?', 'Who did X ask for help?', 'Who wrote the X article?',
  "What was X's reaction?", 'How did X react to the news?', 'quotes from X', 'What about X?', 'When will X open?', 'Where was X when it happened?',
];
const FOLLOW_UPS = ['What did he say?', 'What did she say?', 'Who is she?', 'Why?', 'And where?', 'When?', 'How many?', 'What about them?', 'Where is he from?'];
const NOISE = ['?', '!', '.', '…', '"', '“', '”', '„', '«', "'", '‘', '’', '🎉', '👍🏽', '🇬🇧', '—', '#', '¿', ' ', '\u200b', '\u0000', '\n'];

/** Operator log lines at level error: an answerer that failed (and was passed over for the next) writes one. */
const failures: string[] = [];

function expectWellFormed(lede: Lede, a: Answer): void {
  // No answerer failed on the way, not even one whose failure the next answerer covered.
  expect(failures.splice(0)).toEqual([]);
  expect(Object.keys(a).every((k) => ['answer', 'lead', 'type', 'confidence', 'citations', 'error'].includes(k))).toBe(true);
  // Nothing failed inside: an `error` answer would mean an answerer threw.
  expect(a.error).toBeUndefined();
  expect(a.answer === null || typeof a.answer === 'string').toBe(true);
  expect(a.lead === undefined || typeof a.lead === 'string').toBe(true);
  expect(QUESTION_TYPES).toContain(a.type);
  expect(Number.isFinite(a.confidence) && a.confidence >= 0 && a.confidence <= 1).toBe(true);
  expect(Array.isArray(a.citations)).toBe(true);
  for (const c of a.citations) {
    const text = lede.library.get(c.articleId)?.article.text;
    expect(text).toBeTypeOf('string');
    expect(Number.isInteger(c.start) && Number.isInteger(c.end)).toBe(true);
    expect(0 <= c.start && c.start <= c.end && c.end <= text!.length).toBe(true);
    expect(text!.slice(c.start, c.end)).toBe(c.sentence);
    expect(c.title).toBeTypeOf('string');
  }
}

describe('asking anything', () => {
  let lede: Lede;
  let question: fc.Arbitrary<string>;
  let conversations = 0;
  const before = log();

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => failures.push(...chunk.toString().split('\n').filter((l) => l.trim())));
    setLogger(createLogger({ level: 'error', destination: stream }));
    const odd = scratchDir();
    writeFileSync(join(odd, 'odd.jsonl'), ODD_ARTICLES.map((a) => JSON.stringify({ ...a, url: null })).join('\n'));
    lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
    for (const path of [join(fixtures, 'answers'), join(fixtures, 'articles'), odd]) await lede.load(path);

    const names = [...new Set([...lede.library.all()].flatMap((l) => l.facts.entities.map((e) => e.name)))].sort();
    const quoted = [...lede.library.all()].flatMap((l) => l.facts.quotes.map((q) => q.text.replace(/["“”]/g, '').trim())).filter(Boolean).sort();
    const real = fc.oneof(
      fc.constantFrom(...QUESTIONS),
      fc.tuple(fc.constantFrom(...TEMPLATES), fc.constantFrom(...names)).map(([t, n]) => t.replace('X', n)),
      // Quoted words of the articles, cut anywhere, with their marks left open or doubled.
      fc.tuple(fc.constantFrom(...quoted), fc.nat(), fc.nat(), fc.constantFrom('"', '“', '', '""', '”“')).map(([q, a, b, mark]) => {
        const from = a % (q.length + 1);
        return `Who said ${mark}${q.slice(from, from + 1 + (b % 80))}?`;
      }),
    );
    const mutation = fc.oneof(
      fc.constant((s: string) => s.toUpperCase()),
      fc.constant((s: string) => s.toLowerCase()),
      fc.constant((s: string) => s.replace(/["“”]/, '')),
      fc.constant((s: string) => `hey pls ${s}`),
      fc.tuple(fc.nat(), fc.nat({ max: 12 })).map(([at, n]) => (s: string) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + n)),
      fc.tuple(fc.nat(), fc.constantFrom(...NOISE)).map(([at, x]) => (s: string) => s.slice(0, at % (s.length + 1)) + x + s.slice(at % (s.length + 1))),
      // Very long: the question repeated past the longest one read.
      fc.integer({ min: 2, max: 400 }).map((n) => (s: string) => `${s} `.repeat(n)),
    );
    question = fc.oneof(
      { arbitrary: fc.tuple(real, fc.array(mutation, { maxLength: 3 })).map(([q, ms]) => ms.reduce((s, m) => m(s), q)), weight: 6 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 1 },
      { arbitrary: fc.array(fc.constantFrom(...NOISE), { maxLength: 60 }).map((xs) => xs.join('')), weight: 1 },
      // Long text that ends where a pattern cannot match ("who is the aaaa…#").
      { arbitrary: fc.tuple(fc.constantFrom('who is the ', 'what did ', 'where is ', 'who said "', 'how many '), fc.stringMatching(/^[a-z ]{20,120}$/), fc.constantFrom('#', '!', '')).map((p) => p.join('')), weight: 1 },
    );
  });
  afterAll(async () => {
    setLogger(before);
    await lede.close();
  });

  it('one question: never throws, always a well-formed answer with citations inside their articles', async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        expectWellFormed(lede, await lede.answer(q, `p${conversations++}`));
      }),
      { seed: 1407, numRuns: 1000 },
    );
  }, 180_000);

  it('a conversation of questions and follow-ups: every answer well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(question, fc.constantFrom(...FOLLOW_UPS)), { minLength: 2, maxLength: 5 }), async (qs) => {
        const conversation = `f${conversations++}`;
        for (const q of qs) expectWellFormed(lede, await lede.answer(q, conversation));
      }),
      { seed: 2611, numRuns: 150 },
    );
  }, 180_000);

  it('the question is cut at MAX_QUESTION_CHARS and still answered', async () => {
    const a = await lede.answer(`Who is Helen Sato? ${'x'.repeat(MAX_QUESTION_CHARS * 3)}`, 'long');
    expectWellFormed(lede, a);
  });

  it('patterns that could split a word many ways still finish: "who is the" + 40 letters + "#"', async () => {
    expectWellFormed(lede, await lede.answer(`who is the ${'a'.repeat(40)}#`, 'split'));
    expectWellFormed(lede, await lede.answer(`what did ${'x '.repeat(900)}say about it`, 'runs'));
  }, 180_000);
});
