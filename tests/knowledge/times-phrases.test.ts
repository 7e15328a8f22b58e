import { describe, expect, it } from 'vitest';
import type { TimeFact } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { extractTimes } from '../../src/knowledge/times/index.ts';

// Phrasings of dates that news copy uses beyond the plain calendar forms: years read out in
// broadcast transcripts, "last May", coordinated days, clock hours in words, "or so".
// 2025-02-20 is a Thursday.
const DATELINE = '2025-02-20';

function find(text: string, phrase: string, published: string | null = DATELINE): TimeFact {
  const times = extractTimes(analyse(text), published);
  const hit = times.find((t) => t.text === phrase);
  if (!hit) throw new Error(`no time "${phrase}" in ${JSON.stringify(times.map((t) => t.text))}`);
  return hit;
}

describe('extractTimes: years read out in transcripts', () => {
  it('reads a spelled-out year of the last century', () => {
    const text = 'Our correspondent has more. In nineteen eighty-four the mill closed. Detroit, nineteen ninety-two.';
    expect(find(text, 'nineteen eighty-four')).toMatchObject({ type: 'date', value: '1984' });
    expect(find(text, 'nineteen ninety-two')).toMatchObject({ type: 'date', value: '1992' });
  });

  it('reads a month followed by a spelled-out year as that month', () => {
    const text = 'A second blast followed. March nineteen seventy-eight. The trial began.';
    expect(find(text, 'March nineteen seventy-eight')).toMatchObject({ type: 'date', value: '1978-03' });
  });
});

describe('extractTimes: months named relative to the dateline', () => {
  it('takes "last May" as the May before the dateline, "next May" as the one after', () => {
    expect(find('The treaty the two leaders signed last May takes effect.', 'last May').value).toBe('2024-05');
    expect(find('Elections are due next May, officials said.', 'next May').value).toBe('2025-05');
  });

  it('takes a month name after "the" before a noun as a month ("the March vote")', () => {
    const text = 'Delegates prepared for the May summit in Lisbon.';
    expect(find(text, 'May')).toMatchObject({ type: 'date', value: '2025-05' });
  });

  it('gives the second day of "April 24 and 25" a time of its own', () => {
    const text = 'Ministers will meet on April 24 and 25 in Brussels.';
    expect(find(text, 'April 24').value).toBe('2025-04-24');
    expect(find(text, '25')).toMatchObject({ type: 'date', value: '2025-04-25' });
  });
});

describe('extractTimes: parts of the day in words', () => {
  it('reads "4 in the morning" as a clock time', () => {
    const fact = find('The convoy will leave at 4 in the morning for the border.', '4 in the morning');
    expect(fact).toMatchObject({ type: 'time', value: '2025-02-20T04:00' });
    expect(find('He called at 9 in the evening.', '9 in the evening').value).toBe('2025-02-20T21:00');
  });

  it('reads "mid-afternoon" and "mid afternoon yesterday" as parts of a day', () => {
    expect(find('By mid afternoon, the crowd had gone.', 'mid afternoon')).toMatchObject({ type: 'time', value: '2025-02-20TAF' });
    expect(find('Shares rose at mid-afternoon yesterday in Tokyo.', 'mid-afternoon yesterday').value).toBe('2025-02-19TAF');
  });
});

describe('extractTimes: loose amounts', () => {
  it('keeps "or so" inside a date counted back from the dateline', () => {
    const fact = find('Then, a week or so ago, the general moved his troops.', 'a week or so ago');
    expect(fact.type).toBe('date');
    expect(fact.value).toBe('2025-W07');
  });

  it('reads "a couple of years" after "the next" as a duration', () => {
    expect(find('Over the next couple of years we expect growth.', 'the next couple of years'))
      .toMatchObject({ type: 'duration', value: 'P2Y' });
  });

  it('reads the age of a truce or a strike ("8-month-old truce") as a duration, not of a person', () => {
    expect(find('The attack broke the 8-month-old truce in the north.', '8-month-old')).toMatchObject({ type: 'duration', value: 'P8M' });
    const people = extractTimes(analyse('A 6-year-old boy and his 40-year-old father were hurt.'), DATELINE);
    expect(people).toEqual([]);
  });

  it('reads "next year\'s first quarter" as one quarter of next year', () => {
    const text = 'The sale could be effective as early as next year\'s first quarter.';
    expect(find(text, "next year's first quarter", '2024-10-31')).toMatchObject({ type: 'date', value: '2025-Q1' });
  });
});

describe('extractTimes: which month a sentence means', () => {
  it('does not take an adjective in un-…-ed ("unspecified", "undisclosed") for a past verb', () => {
    expect(find('The dividend would be paid on a still unspecified date in January.', 'January', '2024-10-26').value).toBe('2025-01');
  });
});

describe('extractTimes: the period an earnings report is about', () => {
  it('takes "the latest period" as the quarter the report named, not the calendar one before the dateline', () => {
    const text = 'Acme Corp. reported a 47% decline in fourth-quarter earnings. Sales in the latest period were ' +
      "$1.7 billion, up 13% from last year's $1.5 billion.";
    expect(find(text, 'fourth-quarter', '2024-11-02').value).toBe('2024-Q4');
    expect(find(text, 'the latest period', '2024-11-02').value).toBe('2024-Q4');
    expect(find(text, 'last year', '2024-11-02').value).toBe('2023-Q4');
  });

  it('keeps "the period" on the reported quarter after an aside about another quarter', () => {
    const text = 'Acme Corp. posted a 20% gain in third-quarter net income. After a flat second quarter, ' +
      'the company said consumer sales recovered. The comparison was helped by charges taken in the year-earlier period. ' +
      'In the 2024 period, tax rates were lower.';
    expect(find(text, 'second quarter', '2024-11-01').value).toBe('2024-Q2');
    expect(find(text, 'the year-earlier period', '2024-11-01').value).toBe('2023-Q3');
    expect(find(text, 'the 2024 period', '2024-11-01').value).toBe('2024-Q3');
  });
});

describe('extractTimes: fiscal quarters', () => {
  it('keeps a fiscal quarter\'s own number when the report gives the day it ended', () => {
    const text = 'Orbit Systems said it earned $5.2 million in the fiscal first quarter. Sales for the quarter ended ' +
      'Sept. 29 rose 39%. The company shipped 28,000 systems in the quarter, it said.';
    expect(find(text, 'the fiscal first quarter', '2024-10-26').value).toBe('2024-Q1');
    const quarters = extractTimes(analyse(text), '2024-10-26').filter((t) => t.text === 'the quarter');
    expect(quarters.map((t) => t.value)).toEqual(['2024-Q1', '2024-Q1']);
  });
});

describe('extractTimes: more phrasings of news dating', () => {
  it('dates Election Day as the Tuesday after the first Monday of November', () => {
    expect(find('The race will be decided on Election Day.', 'Election Day', '2022-10-20').value).toBe('2022-11-08');
  });

  it('reads thousands of years as a duration', () => {
    expect(find('The families kept their secrets for more than two thousand years.', 'more than two thousand years').value).toBe('P2000Y');
  });

  it('reads "the first hours of" an event as a vague duration', () => {
    expect(find('Thousands were taken prisoner in the first hours of the offensive.', 'the first hours'))
      .toMatchObject({ type: 'duration', value: 'PTXH' });
  });

  it('reads "the early summer" as that season', () => {
    expect(find('Orders rose from the low levels of the early summer.', 'the early summer', '2024-10-26').value).toBe('2024-SU');
  });

  it('reads "then current" as the past', () => {
    expect(find('Holders may buy shares at half the then current price.', 'then current').value).toBe('PAST_REF');
    expect(find('The then-current chairman resigned.', 'then-current').value).toBe('PAST_REF');
  });
});

describe('extractTimes: times of day in wire copy', () => {
  it('reads a 24-hour clock time before a time zone ("1400 GMT") as a time, not a year', () => {
    expect(find('The talks began at 1400 GMT in Geneva.', '1400 GMT')).toMatchObject({ type: 'time', value: '2025-02-20T14:00' });
    expect(find('Troops crossed the border at 0530 GMT.', '0530 GMT').value).toBe('2025-02-20T05:30');
    expect(find('The treaty was signed in 1648.', '1648').value).toBe('1648');
  });
});

describe('extractTimes: halves and o\'clock', () => {
  it('reads halves of units as durations', () => {
    expect(find('They met for half an hour.', 'half an hour').value).toBe('PT30M');
    expect(find('He waited a half-hour outside.', 'a half-hour').value).toBe('PT30M');
    expect(find('For half a century the firm grew.', 'half a century').value).toBe('P50Y');
    expect(find('It took one and a half years.', 'one and a half years').value).toBe('P1Y6M');
  });

  it("reads o'clock with digits or words", () => {
    expect(find("The meeting is at 10 o'clock.", "10 o'clock")).toMatchObject({ type: 'time', value: '2025-02-20T10:00' });
    expect(find("At ten o'clock the bells rang.", "ten o'clock").value).toBe('2025-02-20T10:00');
  });
});

describe('extractTimes: cues of time to come', () => {
  it('reads "early" as looking ahead only in "as early as"', () => {
    expect(find('Police detained him in the early hours of Tuesday morning at the border.', 'Tuesday morning').value)
      .toBe('2025-02-18TMO');
    expect(find('The ferry could sail as early as Tuesday, the operator said.', 'Tuesday').value).toBe('2025-02-25');
  });

  it('reads "the near term" as the future', () => {
    expect(find('Analysts see little relief in the near term for grain farmers.', 'the near term').value).toBe('FUTURE_REF');
  });
});

describe('extractTimes: lengths in one word', () => {
  it('reads "weeklong" and "hour-long" as durations of one unit', () => {
    expect(find('The weeklong festival ended.', 'weeklong')).toMatchObject({ type: 'duration', value: 'P1W' });
    expect(find('The hour-long speech drew applause.', 'hour-long')).toMatchObject({ type: 'duration', value: 'PT1H' });
  });
});

describe('extractTimes: earnings periods', () => {
  it('reads the first or last two quarters of a year as its half', () => {
    const text = 'Demand will stay weak through at least the first two quarters of 1990, the company said.';
    expect(find(text, 'the first two quarters of 1990')).toMatchObject({ type: 'date', value: '1990-H1' });
    expect(find('Margins improved in the last two quarters of 2024.', 'the last two quarters of 2024').value).toBe('2024-H2');
  });

});

describe('extractTimes: clock times with the part of day or the day they fall on', () => {
  it('reads a clock time before "this morning" or "last night" as one time on that day', () => {
    expect(find('The troops crossed at 4:30 this morning.', '4:30 this morning')).toMatchObject({ type: 'time', value: '2025-02-20T04:30' });
    expect(find('The fire started at 11 p.m. last night.', '11 p.m. last night').value).toBe('2025-02-19T23:00');
  });

  it("reads o'clock with the part of the day after it", () => {
    expect(find("Rebels attacked at 3 o'clock in the afternoon.", "3 o'clock in the afternoon").value).toBe('2025-02-20T15:00');
  });

  it('reads a 24-hour clock before "hours" as a time, not a length', () => {
    expect(find('The convoy left at 0800 hours.', '0800 hours')).toMatchObject({ type: 'time', value: '2025-02-20T08:00' });
    expect(find('The crew logged 120 hours.', '120 hours').value).toBe('PT120H');
  });
});

describe('extractTimes: year-ago comparisons in earnings news', () => {
  it('compares a second "a year earlier" with the quarter reported, not with the first comparison', () => {
    const text = 'The firm lost C$2 million in the third quarter, against a profit a year ago. ' +
      'Sales were C$348 million compared with C$307 million a year earlier.';
    const times = extractTimes(analyse(text), '2024-10-26');
    expect(times.filter((t) => /year (ago|earlier)/.test(t.text)).map((t) => t.value)).toEqual(['2023-Q3', '2023-Q3']);
  });
});

describe('extractTimes: irregular past forms as tense cues', () => {
  it('reads a month after an irregular past verb as the one before the dateline', () => {
    // In a September story a January with no cue is the coming one; "took" and "fled" look back.
    expect(find('The new law took effect in January.', 'January', '2025-09-13').value).toBe('2025-01');
    expect(find('Rebels fled the city in January, officials say.', 'January', '2025-09-13').value).toBe('2025-01');
  });
});

describe('extractTimes: seasons of a year, the year 2000, numeric dates', () => {
  it('reads a season with its year', () => {
    expect(find('The dam was built in the summer of 1998.', 'the summer of 1998').value).toBe('1998-SU');
    expect(find('Sales rose in spring 1999 and fell later.', 'spring 1999').value).toBe('1999-SP');
  });

  it('reads "the year 2000" as that year', () => {
    expect(find('The tax expires in the year 2000.', 'the year 2000')).toMatchObject({ type: 'date', value: '2000' });
  });

  it('reads month/day/year and ISO dates', () => {
    expect(find('The ruling came on 9/11/2001 in the morning.', '9/11/2001').value).toBe('2001-09-11');
    expect(find('The talks began on 2024-05-06 in Geneva.', '2024-05-06').value).toBe('2024-05-06');
    // A fraction or a score is no date.
    expect(extractTimes(analyse('He won 6/4 and ate 1/2 of it.'), DATELINE)).toEqual([]);
  });
});

describe('extractTimes: clock times in ranges and with the day part', () => {
  it('reads both ends of a range of clock times', () => {
    const times = extractTimes(analyse('The polls are open from 7:30 to 20:00.'), DATELINE);
    expect(times.map((t) => t.value)).toEqual(['2025-02-20T07:30', '2025-02-20T20:00']);
    expect(extractTimes(analyse('The bank opens between 9:30 and 16:00.'), DATELINE).map((t) => t.value))
      .toEqual(['2025-02-20T09:30', '2025-02-20T16:00']);
  });

  it('reads a bare hour before "this morning" or "last night" as a clock time', () => {
    expect(find('The meeting began at 10 this morning.', '10 this morning').value).toBe('2025-02-20T10:00');
    expect(find('The fire started around 11 last night.', 'around 11 last night').value).toBe('2025-02-19T23:00');
    expect(find('He will speak at 3 this afternoon.', '3 this afternoon').value).toBe('2025-02-20T15:00');
  });
});

describe('extractTimes: deadlines', () => {
  it('reads a weekday after "until" or "by" as ahead unless a past verb governs it', () => {
    expect(find('The agency has given the family until 9 a.m. Tuesday to sign.', '9 a.m. Tuesday').value).toBe('2025-02-25T09:00');
    expect(find('The family must reply by Monday.', 'Monday').value).toBe('2025-02-24');
    expect(find('Until Monday, police had not named him.', 'Monday').value).toBe('2025-02-17');
    expect(find('She stayed until Friday.', 'Friday').value).toBe('2025-02-14');
  });
});

describe('extractTimes: a day of a month already named', () => {
  it('reads "that same day" after a month as an unknown day of that month', () => {
    const text = 'The site was launched in October. His name was crossed out that same day.';
    expect(find(text, 'that same day', '2025-02-20').value).toBe('2024-10-XX');
  });
});
