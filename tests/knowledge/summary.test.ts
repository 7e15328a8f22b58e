import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/knowledge/nlp.ts';
import { cleanSentence, summarise } from '../../src/knowledge/summary.ts';

const STORY = [
  'LONDON (CNN) -- The city council voted on Tuesday to close the old harbour bridge to cars after engineers found deep cracks in its main span.',
  'Scroll down for video.',
  'The bridge, built in 1911, carries about 20,000 vehicles a day across the harbour and into the city centre.',
  'Engineers said the cracks in the span had grown quickly over the winter and that the bridge could not safely carry heavy traffic.',
  'Follow us on Twitter for more updates.',
  'Pedestrians and cyclists will still be allowed to use the bridge while repairs to the cracks are planned.',
  '"It is a sad day," said one resident.',
  'pic.twitter.com/abc123',
  'The council expects the repairs to the bridge to take at least two years and to cost millions.',
].join(' ');

describe('summarise', () => {
  const summary = summarise(analyse(STORY));

  it('gives at most three sentences, the lead first, verbatim apart from the dateline', () => {
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary[0]).toBe(
      'The city council voted on Tuesday to close the old harbour bridge to cars after engineers found deep cracks in its main span.',
    );
    for (const s of summary) expect(STORY).toContain(s);
  });

  it('drops promos, video prompts, tweets and lone quotes', () => {
    const joined = summary.join(' ');
    expect(joined).not.toMatch(/Scroll down|Follow us|pic\.twitter|sad day/);
  });

  it('strips datelines and bylines from a sentence', () => {
    expect(cleanSentence('WASHINGTON — The senate passed the bill.')).toBe('The senate passed the bill.');
    expect(cleanSentence('By . Jane Roe . The storm hit the coast on Monday.')).toBe('The storm hit the coast on Monday.');
    expect(cleanSentence('(CNN)The storm hit the coast.')).toBe('The storm hit the coast.');
  });

  it('strips another outlet\'s credit opening the story', () => {
    expect(cleanSentence('(The Evening Courier)The storm hit the coast.')).toBe('The storm hit the coast.');
    expect(cleanSentence('(Left) The mayor opened the bridge.')).toBe('The mayor opened the bridge.');
  });

  it('skips the lower-case tail of a sentence the splitter cut', () => {
    const text =
      'The national museum reopened its doors to visitors on Saturday after a two-year renovation of its galleries. ' +
      'Visitors queued for hours outside the museum to see the renovated galleries and their new exhibits. ' +
      'and then the director thanked the builders, the staff and the donors who paid for the new galleries.';
    expect(summarise(analyse(text)).join(' ')).not.toMatch(/and then the director/);
  });

  it('skips very short and very long sentences when there is better', () => {
    const text =
      'Breaking. ' +
      'The national museum reopened its doors to visitors on Saturday after a two-year renovation of its galleries. ' +
      `${'The exhibits include '.concat(Array.from({ length: 70 }, (_, i) => `item${i}`).join(', '))}. ` +
      'Visitors queued for hours outside the museum to see the renovated galleries and their new exhibits.';
    const out = summarise(analyse(text));
    expect(out[0]).toMatch(/^The national museum reopened/);
    expect(out.join(' ')).not.toMatch(/Breaking|item42/);
  });

  it('survives bad input', () => {
    expect(summarise({ text: '', tokens: [], sentences: [], entities: [] })).toEqual([]);
    expect(summarise(analyse('Hello.'))).toEqual(['Hello.']);
    const unicode = 'Ünïcödé café in Zürich opened on Monday with naïve art and 東京 guests 😀 cheering loudly outside.';
    expect(summarise(analyse(unicode))).toEqual([unicode]);
    const long = STORY.repeat(300);
    expect(summarise(analyse(long)).length).toBeLessThanOrEqual(3);
  });
});

describe('summarise: quotations cut by the splitter', () => {
  it('never starts mid-quote or leaves a quotation open', () => {
    const text = [
      'The harbour master closed the port on Monday after a storm damaged two of its cranes.',
      '"We had no choice.',
      'The cranes could have fallen onto the quay," harbour master Ines Calloway said at a briefing in the port office.',
      'Ships waiting to unload were sent to the neighbouring port of Lindqvist Bay for the rest of the week.',
      'Repairs to the cranes are expected to take about a month and to cost several million dollars.',
    ].join(' ');
    const summary = summarise(analyse(text));
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) {
      // The quote's second sentence never stands alone, opening inside the quotation.
      expect(s).not.toMatch(/^The cranes/);
      expect((s.match(/"/g) ?? []).length % 2).toBe(0);
    }
  });
});
