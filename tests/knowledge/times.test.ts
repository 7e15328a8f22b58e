import { describe, expect, it } from 'vitest';
import type { TimeFact } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { extractTimes } from '../../src/knowledge/times/index.ts';

// 2025-09-13 is a Saturday in ISO week 37.
const DATELINE = '2025-09-13';

function timesOf(text: string, published: string | null = DATELINE): TimeFact[] {
  return extractTimes(analyse(text), published);
}

/** The one time expression whose text is `phrase`. */
function find(text: string, phrase: string, published: string | null = DATELINE): TimeFact {
  const times = timesOf(text, published);
  const hit = times.find((t) => t.text === phrase);
  if (!hit) throw new Error(`no time "${phrase}" in ${JSON.stringify(times.map((t) => t.text))}`);
  return hit;
}

describe('extractTimes: dates against the dateline', () => {
  it('takes a bare weekday as the most recent such day at or before the dateline', () => {
    expect(find('The mayor resigned Friday after a long dispute.', 'Friday').value).toBe('2025-09-12');
    expect(find('Officials met Saturday to discuss the budget.', 'Saturday').value).toBe('2025-09-13');
  });

  it('moves a weekday forward when the sentence speaks of the future', () => {
    expect(find('The council will vote on Tuesday.', 'Tuesday').value).toBe('2025-09-16');
    expect(find('Talks are scheduled to resume Monday in Geneva.', 'Monday').value).toBe('2025-09-15');
  });

  it('values deictic days and units relative to the dateline', () => {
    const text = 'Shares fell today after rising yesterday. Prices jumped last week and may rise next month, ' +
      'but this year has been weak and sales were higher two years ago.';
    expect(find(text, 'today').value).toBe('2025-09-13');
    expect(find(text, 'yesterday').value).toBe('2025-09-12');
    expect(find(text, 'last week').value).toBe('2025-W36');
    expect(find(text, 'next month').value).toBe('2025-10');
    expect(find(text, 'this year').value).toBe('2025');
    expect(find(text, 'two years ago').value).toBe('2023');
  });

  it('reads calendar dates with and without a year', () => {
    expect(find('The deal closed Sept. 12 in Boston.', 'Sept. 12').value).toBe('2025-09-12');
    expect(find('The deal closed on September 12, 2019, in Boston.', 'September 12, 2019').value).toBe('2019-09-12');
    expect(find('The plant opened in July 2021.', 'July 2021').value).toBe('2021-07');
    expect(find('The plant opened in 1998.', '1998').value).toBe('1998');
    // A month far ahead of the dateline is last year's unless the sentence looks ahead.
    expect(find('The firm reported losses in December.', 'December', '2025-03-10').value).toBe('2024-12');
    expect(find('The firm will open a plant in December.', 'December', '2025-03-10').value).toBe('2025-12');
    // A month before the dateline's, in a sentence that looks ahead, is next year's ("would" reports a plan).
    expect(find('The company said it would close the plant by March.', 'March', '2024-10-17').value).toBe('2025-03');
    expect(find('The company closed the plant in March.', 'March', '2024-10-17').value).toBe('2024-03');
  });

  it('marks a part of the day on a weekday as a time', () => {
    const fact = find('Crews arrived Monday morning to clear the road.', 'Monday morning');
    expect(fact.type).toBe('time');
    expect(fact.value).toBe('2025-09-08TMO');
  });

  it('reads clock times on the dateline or on the named day', () => {
    expect(find('The vote began at 10:30 a.m. and ended quickly.', '10:30 a.m.').value).toBe('2025-09-13T10:30');
    expect(find('The deadline is 9 p.m. Friday for the filing.', '9 p.m. Friday').value).toBe('2025-09-12T21:00');
  });

  it('values decades, quarters and fiscal years', () => {
    expect(find('Crime fell through the 1990s in most cities.', 'the 1990s').value).toBe('199');
    expect(find('Profit rose 5% in the third quarter.', 'the third quarter').value).toBe('2025-Q3');
    expect(find('The company posted a third-quarter loss.', 'third-quarter').value).toBe('2025-Q3');
    expect(find('Sales in fiscal 2024 were flat.', 'fiscal 2024').value).toBe('2024');
  });

  it('uses the past, present and future references of TimeML', () => {
    const text = 'Prices have climbed in recent years. The index is now higher and currently rising.';
    expect(find(text, 'recent years').value).toBe('PAST_REF');
    expect(find(text, 'now').value).toBe('PRESENT_REF');
    expect(find(text, 'currently').value).toBe('PRESENT_REF');
  });
});

describe('extractTimes: durations and sets', () => {
  it('writes durations in TIMEX3 form with their modifiers in the span', () => {
    const text = 'The strike lasted three months. Talks ran for about two hours over the past 10 years and several days.';
    expect(find(text, 'three months')).toMatchObject({ type: 'duration', value: 'P3M' });
    expect(find(text, 'about two hours')).toMatchObject({ type: 'duration', value: 'PT2H' });
    expect(find(text, 'the past 10 years')).toMatchObject({ type: 'duration', value: 'P10Y' });
    expect(find(text, 'several days')).toMatchObject({ type: 'duration', value: 'PXD' });
  });

  it('writes hyphenated and fractional durations', () => {
    expect(find('He signed a 10-year lease.', '10-year').value).toBe('P10Y');
    expect(find('The flight took 2 1/2 hours.', '2 1/2 hours').value).toBe('PT2H30M');
  });

  it('reads frequencies as sets', () => {
    const text = 'The paper is printed daily and the board meets every week.';
    expect(find(text, 'daily')).toMatchObject({ type: 'set', value: 'P1D' });
    expect(find(text, 'every week')).toMatchObject({ type: 'set', value: 'P1W' });
  });

  it('leaves ages and rates unmarked', () => {
    const texts = timesOf('The 6-year-old boy and his 40-year-old father paid $500 a year.').map((t) => t.text);
    expect(texts).toEqual([]);
  });
});

describe('extractTimes: anchoring on the previous date', () => {
  it('counts "the following day" from the last date mentioned', () => {
    const text = 'The plant closed on March 3, 2020. The following day, workers protested.';
    expect(find(text, 'March 3, 2020').value).toBe('2020-03-03');
    expect(find(text, 'The following day').value).toBe('2020-03-04');
  });

  it('reads "a year earlier" after a quarter as the same quarter a year before', () => {
    const text = 'Net income rose in the second quarter to $5 million from $4 million a year earlier.';
    expect(find(text, 'the second quarter').value).toBe('2025-Q2');
    expect(find(text, 'a year earlier').value).toBe('2024-Q2');
  });
});

describe('extractTimes: unknown dateline and bad input', () => {
  it('gives null for values that need the dateline, and keeps the rest', () => {
    const text = 'The mayor resigned Friday, three months after the 1998 election, and meets daily with aides.';
    expect(find(text, 'Friday', null).value).toBeNull();
    expect(find(text, 'three months', null).value).toBe('P3M');
    expect(find(text, '1998', null).value).toBe('1998');
    expect(find(text, 'daily', null).value).toBe('P1D');
  });

  it('ignores a malformed dateline', () => {
    expect(find('The mayor resigned Friday.', 'Friday', 'not a date').value).toBeNull();
  });

  it('returns nothing for empty or time-free text', () => {
    expect(timesOf('')).toEqual([]);
    expect(timesOf('$$$ 1,000,000 ::: --- ???')).toEqual([]);
  });

  it('keeps offsets as UTF-16 indices into the text', () => {
    const text = '🎉 Café owners — “délicieux” — met on Tuesday, and again 😀 yesterday. Prices rose 5% last year.';
    const times = timesOf(text);
    expect(times.map((t) => t.text)).toEqual(['Tuesday', 'yesterday', 'last year']);
    for (const t of times) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('handles a very long text', () => {
    const sentence = 'On Friday the board said sales rose 4% in the third quarter, three months after a cut. ';
    const text = sentence.repeat(5000);
    const times = extractTimes({ text, tokens: [], sentences: [], entities: [] }, DATELINE);
    expect(times).toHaveLength(15000);
    expect(times[times.length - 1].text).toBe('three months');
    for (const t of times.slice(-3)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
