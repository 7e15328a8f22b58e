// A name in more articles than one answer reads: "what did X say" reads the newest articles that
// name X (a president is in thousands of an archive's articles) and says how many it left unread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/facts.ts';
import { Lede } from '../../src/core/lede.ts';

const DAYS = 64;
const story = (day: number): Article => {
  const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
  return {
    id: `ferry-${day}`,
    title: `Ferry timetable, day ${day}`,
    published: date,
    url: null,
    author: null,
    outlet: null,
    text: `The ferry service changed its timetable again on ${date}, the harbour board said.\n\n"We will add a crossing on route ${day}," said Harriet Quill, the board's chair.`,
  };
};

describe('what did X say, with X in many articles', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
    for (let day = 0; day < DAYS; day++) await lede.addArticle(story(day));
  });
  afterAll(async () => {
    await lede.close();
  });

  it('shows the newest quotes and says how many older articles were not read', async () => {
    const a = await lede.answer('What did Harriet Quill say?', 'many');
    expect(a.citations[0].articleId).toBe(`ferry-${DAYS - 1}`);
    expect(a.citations[0].sentence).toMatch(new RegExp(`route ${DAYS - 1}\\b`));
    const unread = /\((\d+) older articles naming Harriet Quill not read\.\)$/.exec(a.answer ?? '');
    expect(unread).not.toBeNull();
    const counted = /and (\d+) more quotes/.exec(a.answer ?? '');
    // Every article is either read (its quote shown or counted) or said to be unread.
    expect(Number(counted![1]) + a.citations.length + Number(unread![1])).toBe(DAYS);
  });
});

// A speaker never named, only described ("a coastguard spokeswoman"), is found by the words
// they were quoted under; those articles too are read newest first, at most as many as above.
const described = (day: number): Article => ({
  ...story(day),
  id: `coast-${day}`,
  title: `Coastguard notice, day ${day}`,
  text: `Swimmers were warned off the north beach on day ${day}.\n\n"Keep clear of the rip at groyne ${day}," a coastguard spokeswoman said.`,
});

describe('what did X say, with X described in many articles', () => {
  let lede: Lede;
  beforeAll(async () => {
    lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
    for (let day = 0; day < DAYS; day++) await lede.addArticle(described(day));
  });
  afterAll(async () => {
    await lede.close();
  });

  it('reads the newest of them and counts the rest', async () => {
    const a = await lede.answer('What did the coastguard spokeswoman say?', 'many');
    expect(a.citations[0].articleId).toBe(`coast-${DAYS - 1}`);
    const unread = /\((\d+) older articles? naming .+ not read\.\)$/.exec(a.answer ?? '');
    expect(unread).not.toBeNull();
    const counted = /and (\d+) more quotes/.exec(a.answer ?? '');
    expect(Number(counted![1]) + a.citations.length + Number(unread![1])).toBe(DAYS);
  });
});
