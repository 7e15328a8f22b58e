import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/knowledge/entities/index.ts';
import type { QuoteFact } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { findQuotations } from '../../src/knowledge/quotes/marks.ts';
import { extractQuotes } from '../../src/knowledge/quotes/index.ts';

function quotesOf(text: string): QuoteFact[] {
  const doc = analyse(text);
  return extractQuotes(doc, extractEntities(doc));
}

function only(text: string): QuoteFact {
  const quotes = quotesOf(text);
  expect(quotes).toHaveLength(1);
  return quotes[0];
}

/** Every span must index the text it claims to copy. */
function expectConsistent(text: string, quotes: QuoteFact[]): void {
  for (const q of quotes) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
    if (q.cue) expect(text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
  }
}

describe('direct quotes', () => {
  it('quote first, then speaker and cue', () => {
    const text = '“The bridge will reopen in May,” Maria Lopez said.';
    const q = only(text);
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('“The bridge will reopen in May,”');
    expect(q.speaker?.text).toBe('Maria Lopez');
    expect(q.cue?.text).toBe('said');
  });

  it('quote first, then cue and speaker', () => {
    const q = only('"We have no comment," said Tom Baker, a spokesman for the port authority.');
    expect(q.kind).toBe('direct');
    // The speaker span keeps the description; the name is the person.
    expect(q.speaker?.text).toBe('Tom Baker, a spokesman for the port authority');
    expect(q.speaker?.name).toBe('Tom Baker');
    expect(q.text).toBe('"We have no comment,"');
  });

  it('speaker and cue, then a colon and the quote', () => {
    const q = only('The mayor said: “Nobody will lose their home.”');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('“Nobody will lose their home.”');
    expect(q.speaker?.text).toBe('The mayor');
  });

  it('speaker and cue, then a comma and the quote', () => {
    const q = only('Jenna Ortiz told the council, “This budget is a fantasy.”');
    expect(q.text).toBe('“This budget is a fantasy.”');
    expect(q.cue?.text).toBe('told');
  });

  it('a quote split by its cue stays one content', () => {
    const text = '“The plan is sound,” Paul Reyes said, “but the money is not there.”';
    const q = only(text);
    expect(q.start).toBe(0);
    expect(q.end).toBe(text.length);
  });

  it('reads the NYT ``…\'\' style and straight \'\'…\'\' marks', () => {
    const a = only("``It is over,'' said Ben Adler, the coach.");
    expect(a.text).toBe("``It is over,''");
    const b = only("''It is over,'' Ben Adler said.");
    expect(b.text).toBe("''It is over,''");
    expect(b.speaker?.text).toBe('Ben Adler');
  });

  it('reads ‘single’ quotation marks', () => {
    const q = only('‘We will appeal,’ the union said.');
    expect(q.text).toBe('‘We will appeal,’');
    expect(q.speaker?.text).toBe('the union');
  });

  it('a dash attribution after a quote', () => {
    const q = only('“Vote as if your town depended on it.” ― Ana Ruiz');
    expect(q.speaker?.text).toBe('Ana Ruiz');
    expect(q.cue?.text).toBe('―');
  });
});

describe('partial and indirect speech', () => {
  it('a partial quote inside reported speech', () => {
    const text = 'Lopez noted the officer was enforcing “the law to protect the public” when he fired.';
    const q = only(text);
    expect(q.kind).toBe('partial');
    expect(q.text).toBe('the officer was enforcing “the law to protect the public” when he fired');
    expect(q.speaker?.text).toBe('Lopez');
  });

  it('X said that …: keeps "that", drops the final period', () => {
    const q = only('The company said that it would cut 300 jobs next year.');
    expect(q.kind).toBe('indirect');
    expect(q.text).toBe('that it would cut 300 jobs next year');
    expect(q.speaker?.text).toBe('The company');
  });

  it('X told reporters …: the hearer is not content', () => {
    const q = only('Senator Hale told reporters the vote would be delayed.');
    expect(q.text).toBe('the vote would be delayed');
    expect(q.cue?.text).toBe('told');
  });

  it('according to X, … and …, according to X', () => {
    const a = only('According to the ministry, the dam is safe.');
    expect(a.text).toBe('the dam is safe');
    expect(a.speaker?.text).toBe('the ministry');
    const b = only('The dam is safe, according to the ministry.');
    expect(b.text).toBe('The dam is safe');
    expect(b.cue?.text).toBe('according to');
  });

  it('content first, then speaker and cue', () => {
    const q = only('The talks collapsed late on Friday, two officials said.');
    expect(q.text).toBe('The talks collapsed late on Friday');
    expect(q.speaker?.text).toBe('two officials');
  });

  it('"said in a statement" and "has learned"', () => {
    const a = only('The agency said in a statement that the recall covers every model.');
    expect(a.text).toBe('that the recall covers every model');
    const b = only('The driver was released without charge, the Gazette has learned.');
    expect(b.text).toBe('The driver was released without charge');
    expect(b.speaker?.text).toBe('the Gazette');
  });

  it('a participle after a cue-last attribution describes the statement, not its content', () => {
    const q = only('Flood water reached the old mill on Sunday, the river authority said Monday in a statement seen by the Courier.');
    expect(q.text).toBe('Flood water reached the old mill on Sunday');
    expect(q.speaker?.text).toBe('the river authority');
  });

  it.each([
    ['claimed'], ['noted'], ['argued'], ['warned'], ['added'], ['reported'], ['announced'],
    ['confirmed'], ['denied'], ['insisted'], ['believes'], ['thinks'], ['wrote'], ['tweeted'],
  ])('cue verb "%s"', (verb) => {
    const q = only(`Dana Whitfield ${verb} that the deal was signed.`);
    expect(q.cue?.text).toBe(verb);
    expect(q.text).toBe('that the deal was signed');
  });

  it('splits two speakers in one sentence', () => {
    const quotes = quotesOf('Ruiz said the plan was ready, though she acknowledged it was late.');
    expect(quotes.map((q) => q.text)).toEqual(['the plan was ready', 'it was late']);
  });

  it('a coordinated "and said" is a second attribution of the same speaker', () => {
    const quotes = quotesOf('Mara Quist denied the report and said she would sue the paper.');
    expect(quotes.map((q) => q.text)).toEqual(['the report', 'she would sue the paper']);
    expect(quotes[1].speaker?.name).toMatch(/Mara Quist/);
  });

  it('a quotation after an inner cue stays inside the outer content', () => {
    const q = only('Lena Voss said she expects the board “to keep its promises.”');
    expect(q.kind).toBe('partial');
    expect(q.speaker?.text).toBe('Lena Voss');
    expect(q.text).toBe('she expects the board “to keep its promises.”');
  });

  it('ignores sentences without a cue and scare quotes', () => {
    expect(quotesOf('The so-called “smart” meters arrived in June. Prices rose.')).toEqual([]);
  });
});

describe('speakers', () => {
  it('resolves he/she/it/they to the nearest compatible speaker', () => {
    const text = [
      'Maria Lopez, the mayor, said the bridge would reopen.',
      'The transport department said repairs were on schedule.',
      '“It will be ready,” she said.',
      'It said the cost had doubled.',
      'Residents said they were worried. They added that traffic was terrible.',
    ].join('\n\n');
    const quotes = quotesOf(text);
    expectConsistent(text, quotes);
    const she = quotes.find((q) => q.speaker?.text === 'she');
    expect(she?.speaker?.name).toMatch(/Lopez/);
    const it = quotes.find((q) => q.speaker?.text === 'It');
    expect(it?.speaker?.name).toMatch(/department/i);
    const they = quotes.find((q) => q.speaker?.text === 'They');
    expect(they?.speaker?.name).toMatch(/Residents/);
  });

  it('an apposition or a party label stays in the speaker span, not in the name', () => {
    const a = only('“Rates will rise,” Omar Haddad, the chief economist at Delta Bank, said on Monday.');
    expect(a.speaker?.text).toBe('Omar Haddad, the chief economist at Delta Bank');
    expect(a.speaker?.name).toMatch(/Omar Haddad/);
    const b = only('Sen. Joan Pike (D-Ore.) said the bill was dead.');
    expect(b.speaker?.text).toBe('Sen. Joan Pike (D-Ore.)');
    expect(b.text).toBe('the bill was dead');
  });

  it('a pronoun goes to the recent speaker before a man merely named', () => {
    const text = 'Karl Brandt said Oskar Lind was wrong about the budget.\n\n“We will not sign,” he added.';
    const q = quotesOf(text).find((x) => x.speaker?.text === 'he');
    expect(q?.speaker?.name).toMatch(/Karl Brandt/);
  });

  it('descriptions set off by dashes, possessive speakers, and "Said X:"', () => {
    const a = only('The vote was rigged, Ada Kroll -- a lawyer for the losing side -- said.');
    expect(a.speaker?.text).toBe('Ada Kroll -- a lawyer for the losing side');
    expect(a.text).toBe('The vote was rigged');
    const b = only('"Keep your head down," my grandfather often said.');
    expect(b.speaker?.text).toBe('my grandfather');
    // A description names no one: no name, the speaker's words say who.
    expect(b.speaker?.name).toBeNull();
    const c = only('Said Boyle: “Nobody saw it coming.”');
    expect(c.text).toBe('“Nobody saw it coming.”');
    expect(c.speaker?.text).toBe('Boyle');
  });

  it('a surname alone gets the full name', () => {
    const text = 'Patrick Caddwell, a pollster, spoke on Monday.\n\n“Voters are tired,” Caddwell said.';
    const q = quotesOf(text).find((x) => x.speaker?.text === 'Caddwell');
    expect(q?.speaker?.name).toBe('Patrick Caddwell');
  });

  it('the resolved entity name is used when entities know the speaker', () => {
    const text = 'Senator Helen Marsh spoke in Denver.\n\n“We will win,” Marsh said.';
    const q = quotesOf(text).find((x) => x.speaker?.text === 'Marsh');
    expect(q?.speaker?.name).toMatch(/Helen Marsh/);
  });
});

describe('quotes over paragraphs', () => {
  it('a multi-paragraph quotation is one content', () => {
    const text = 'Ana Ruiz said:\n\n“The first point is cost.\n\n“The second point is time.”';
    const q = only(text);
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('“The first point is cost.\n\n“The second point is time.”');
    expect(q.speaker?.text).toBe('Ana Ruiz');
  });

  it('a following quote sentence in the same paragraph joins the content', () => {
    const text = '“We are ready,” Ruiz said. “The crews are trained.”';
    const q = only(text);
    expect(q.end).toBe(text.length);
  });

  it('a following quote paragraph without a cue goes to the previous speaker', () => {
    const text = '“We are ready,” Ana Ruiz said.\n\n“The crews are trained and the trucks are fuelled.”';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[1].cue).toBeNull();
    expect(quotes[1].speaker?.name).toMatch(/Ruiz/);
    expectConsistent(text, quotes);
  });

  it('he added continues a quote', () => {
    const quotes = quotesOf('“It was a mistake,” said Omar Haddad.\n\n“We will fix it,” he added.');
    expect(quotes).toHaveLength(2);
    expect(quotes[1].speaker?.text).toBe('he');
    expect(quotes[1].speaker?.name).toMatch(/Haddad/);
  });
});

describe('quotation marks', () => {
  it('an unclosed quotation ends with its paragraph', () => {
    const text = 'He said “this never ends\n\nNext paragraph here.';
    const marks = findQuotations(text);
    expect(marks).toHaveLength(1);
    expect(text.slice(marks[0].start, marks[0].end)).toBe('“this never ends');
    expect(marks[0].closed).toBe(false);
  });

  it('apostrophes are not quotation marks', () => {
    expect(findQuotations('Clinton’s aides didn’t say. The workers’ union agreed.')).toEqual([]);
  });

  it('unbalanced marks do not break extraction', () => {
    const text = '”Odd start,” Lee said. “Never closed, Kim said.\n\n"x" " "';
    const quotes = quotesOf(text);
    expectConsistent(text, quotes);
    expect(quotes.some((q) => q.speaker?.text === 'Lee')).toBe(true);
  });
});

describe('bad input', () => {
  it('an empty document and a text of only marks', () => {
    expect(extractQuotes({ text: '', tokens: [], sentences: [], entities: [] }, [])).toEqual([]);
    expect(quotesOf('“ ” " \'\' ``')).toEqual([]);
  });

  it('unicode text without crashing', () => {
    const text = '“Ça va très bien 😀,” dit-il. 東京 said “こんにちは”. Zoë Ødegaard said the café was full.';
    const quotes = quotesOf(text);
    expectConsistent(text, quotes);
    expect(quotes.some((q) => q.text === 'the café was full')).toBe(true);
  });

  it('a jumble of marks and cues, ending in "according to"', () => {
    const text = ' the”" and\'\'’ he and said that‘‘ that" he) that é. told`` 😀‘ 😀"‘ told.”:“\'\' the. Smith according to é';
    expectConsistent(text, quotesOf(text));
  });

  it('a 1 MB text', () => {
    const paragraph = '“The port is open,” Jo Hart said. Officials said that ships were waiting. ';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const quotes = quotesOf(text);
    expect(quotes.length).toBeGreaterThan(1000);
    expectConsistent(text.slice(0, 5000), quotes.filter((q) => q.end < 5000));
  }, 120_000);
});

describe('stance and action frames', () => {
  it('stance verbs report their object', () => {
    const q = only('The teachers union endorsed Dana Whitfield for mayor.');
    expect(q.cue?.text).toBe('endorsed');
    expect(q.speaker?.text).toBe('The teachers union');
    expect(q.text).toBe('Dana Whitfield for mayor');
  });

  it('"X likened Y to Z" and "X blamed Y on Z"', () => {
    const a = only('Marta Velez likened the tax to a toll on every family.');
    expect(a.text).toBe('the tax to a toll on every family');
    const b = only('Governor Alan Brisk blamed the shortfall on the storm.');
    expect(b.cue?.text).toBe('blamed');
    expect(b.text).toBe('the shortfall on the storm');
  });

  it('a present-tense cue the tagger reads as a noun ("plans to")', () => {
    const q = only('Harriet Stone plans to call on young people to volunteer.');
    expect(q.cue?.text).toBe('plans');
    expect(q.text).toBe('to call on young people to volunteer');
  });

  it('a weak cue before a finite clause reports it', () => {
    const q = only('An arbitration panel found the city was in breach of the contract.');
    expect(q.cue?.text).toBe('found');
    expect(q.text).toBe('the city was in breach of the contract');
  });

  it('reporting verbs report a plain object of a named speaker', () => {
    const q = only('Paula Mendez cited the figure at a town hall.');
    expect(q.cue?.text).toBe('cited');
    expect(q.text.startsWith('the figure')).toBe(true);
  });
});

describe('content boundaries', () => {
  it('an object content ends before ", which …" and ", citing …"', () => {
    const a = quotesOf('Ruth Baines praised the new budget, which adds money for parks.');
    expect(a[0].text).toBe('the new budget');
    const b = quotesOf('Carl Dent criticized the ruling, citing the cost to taxpayers.');
    expect(b[0].text).toBe('the ruling');
  });

  it('a reported clause keeps its own relative clause', () => {
    const q = quotesOf('Omar Reyes said the bridge, which opened in May, needs repairs.');
    expect(q[0].text).toBe('the bridge, which opened in May, needs repairs');
  });

  it('an object content ends before a second finite predicate of the speaker', () => {
    const quotes = quotesOf('Nina Alvarez endorsed the measure and has since left the council.');
    expect(quotes[0].text).toBe('the measure');
  });

  it('a closed quotation ending in a full stop ends the sentence the tagger ran on', () => {
    const text = "The editor said her remark was ''not in line with our policy.'' The network said it would send her abroad.";
    const quotes = quotesOf(text);
    expect(quotes.some((q) => q.text === 'it would send her abroad' && q.speaker?.text === 'The network')).toBe(true);
  });
});

describe('speakers in harder places', () => {
  it('a fronted clause with a cue of its own does not swallow the quote', () => {
    const q = quotesOf('Asked to describe the device, Chief Lyle Ortman said, "Not going to go into that."');
    const direct = q.find((x) => x.kind === 'direct');
    expect(direct?.text).toBe('"Not going to go into that."');
    expect(direct?.speaker?.text).toBe('Chief Lyle Ortman');
  });

  it('a speaker described by an age and a relative clause', () => {
    const q = only('Sam Ochoa, 56, who has served on the board for a decade, said the vote was rushed.');
    expect(q.speaker?.name).toBe('Sam Ochoa');
    expect(q.text).toBe('the vote was rushed');
  });

  it('an inverted cue needs a speaking head: "…, noted the rule" is not a speaker', () => {
    const q = only('Ivy Marsh, the chairwoman of the panel, noted the rule in the hearing.');
    expect(q.speaker?.name).toBe('Ivy Marsh');
    expect(q.text.startsWith('the rule')).toBe(true);
  });

  it('a comma segment opening with a finite verb is no description of the speaker', () => {
    const q = only('Howard Holt, a former chairman, poked at the senator, tweeting, “Notice the sniffing.”');
    expect(q.speaker?.name).toBe('Howard Holt');
  });

  it('a quotation after an attribution in the same paragraph keeps that speaker', () => {
    const text = 'His former partner, Lena Broun, called him a master of hard deals. “He did it again and again.”';
    const quotes = quotesOf(text);
    const last = quotes.find((q) => q.text.startsWith('“He did'));
    expect(last?.speaker?.name).toBe('Lena Broun');
  });

  it('signed paragraphs: "“…” ― Name" with nested marks', () => {
    const text = '“I would rather live in what he calls “hell” than vote for him.” ― Ana Ruiz\n“We need a change.” ― Tomas Beck';
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[0].speaker?.text).toBe('Ana Ruiz');
    expect(quotes[0].text).toBe('“I would rather live in what he calls “hell” than vote for him.”');
    expect(quotes[1].speaker?.text).toBe('Tomas Beck');
  });

  it('a title and a party tag do not lead the name to another person', () => {
    const text = 'Rep. Gil Forde (R-Utah) chaired the hearing. “We will vote,” Rep. Gwen Moreau (D-Wis.) said Friday.';
    const q = quotesOf(text).find((x) => x.kind === 'direct');
    expect(q?.speaker?.name).toBe('Gwen Moreau');
  });
});

describe('more frames and boundaries', () => {
  it('a bare present-tense cue after a plural subject ("Polls show …")', () => {
    const q = only('Recent polls show a close contest in the state.');
    expect(q.cue?.text).toBe('show');
    expect(q.speaker?.text).toBe('Recent polls');
  });

  it('an object content ends before a time, a medium or an adverbial clause', () => {
    expect(quotesOf('Lorna Vance attacked the mayor during the debate.')[0].text).toBe('the mayor');
    expect(quotesOf('Lorna Vance praised the volunteers in a statement on Friday.')[0].text).toBe('the volunteers');
    expect(quotesOf('Lorna Vance criticized the plan when she ran for office.')[0].text).toBe('the plan');
  });

  it('the speaker is found behind a time phrase', () => {
    const q = only('David Axmann on Wednesday called on the governor to resign.');
    expect(q.speaker?.name).toBe('David Axmann');
  });

  it('a possessive hearer is skipped: "told his supporters to …"', () => {
    const q = only('Ray Dunmore told his supporters at a rally to stay home.');
    expect(q.text).toBe('to stay home');
  });

  it('a participle after "before" speaks for the main subject', () => {
    const text = '“Keep your hands in sight,” Mona Blick sings to the crowd before asking them, “Where do we go from here?”';
    const quotes = quotesOf(text);
    const second = quotes.find((q) => q.text.includes('Where do we go'));
    expect(second?.speaker?.name).toBe('Mona Blick');
  });
});

describe('names the tagger misreads', () => {
  it('a first name read as a verb after an inverted cue ("said Don …")', () => {
    const q = only('“Now is the time to act,” said Don Pelham, who led the party for years.');
    expect(q.speaker?.name).toBe('Don Pelham');
  });

  it('a transcript line: every name word before the colon speaks ("Mayor Jo Hart: “…”")', () => {
    const q = quotesOf('The council met on Monday night.\n\nMayor Jo Hart: “We will rebuild the pier before the summer.”').find((x) => x.text.includes('rebuild'));
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.text).toBe('Mayor Jo Hart');
  });

  it('editorial labels are no transcript speakers', () => {
    const quotes = quotesOf('Correction: An earlier version of this article misstated the date.');
    expect(quotes.every((q) => q.speaker?.text !== 'Correction')).toBe(true);
  });
});

describe('"that" clauses of stance nouns, adjectives and other verbs', () => {
  it('a possessor speaks a stance noun\'s clause: "Rossi\'s claim that …"', () => {
    const q = quotesOf('Contrary to Anna Rossi\'s claim that the river had been poisoned by the mill, the water was clean.').find((x) => x.text.startsWith('that the river'));
    expect(q?.text).toBe('that the river had been poisoned by the mill');
    expect(q?.speaker?.text).toBe('Anna Rossi');
  });

  it('a stance noun without a possessor has no source', () => {
    const q = only('There is a growing fear that the harbor will close before winter.');
    expect(q.text).toBe('that the harbor will close before winter');
    expect(q.speaker).toBeNull();
  });

  it('a relative clause after a stance noun is no content', () => {
    expect(quotesOf('It was the worst report that I have ever seen.')).toHaveLength(0);
  });

  it('a stance adjective: "Farmers are afraid that …"', () => {
    const q = only('Local farmers are afraid that the new dam will dry up their wells.');
    expect(q.text).toBe('that the new dam will dry up their wells');
    expect(q.speaker?.text).toBe('Local farmers');
  });

  it('"it is clear that" has no speaker and "so … that" reports nothing', () => {
    // An evident fact is attributed to no one (PolNeAR-style unsourced attribution).
    expect(quotesOf('It is clear that the bridge needs repairs.').every((x) => x.speaker === null)).toBe(true);
    expect(quotesOf('The storm was so strong that the pier collapsed.')).toHaveLength(0);
  });

  it('a verb outside the cue lexicon before a full clause: "came away convinced that"', () => {
    const q = only('Senator Liam Oduya came away convinced that the reforms were real.');
    expect(q.text).toBe('that the reforms were real');
    expect(q.speaker?.text).toBe('Senator Liam Oduya');
  });

  it('a fronted adverbial inside a reported clause stays in it', () => {
    const text = 'Vera Lind noted that at her first council meeting, in 1998, she backed a plan to widen the road.';
    const q = quotesOf(text).find((x) => x.cue?.text === 'noted');
    expect(q?.text).toBe('that at her first council meeting, in 1998, she backed a plan to widen the road');
  });
});

describe('participles and verbs around direct quotes', () => {
  it('a participle after a direct attribution speaks for its speaker, whatever came before', () => {
    const text = [
      'Governor says the storm was a \'wake-up call.\'',
      'Dozens of homes were flooded overnight in a town that Governor Ada Brenn described as “a disaster zone.”',
      'At a briefing, the governor also said that it was too early to count the losses, and there was “no sign" yet of the river falling.',
      '"We are not out of the woods," the governor said, adding that the rain would last "two more days” at least.',
    ].join('\n\n');
    const q = quotesOf(text).find((x) => x.cue?.text === 'adding');
    expect(q?.text).toBe('that the rain would last "two more days” at least');
    expect(q?.speaker?.text).toBe('the governor');
  });

  it('a past-tense verb between a pronoun and a comma introduces the quotation', () => {
    const text = '“The pier is safe,” said Lee Amato, the harbor master.\n\nShe continued, “We will reopen it on Monday.”';
    const q = quotesOf(text).find((x) => x.text.includes('reopen'));
    expect(q?.speaker?.text).toBe('She');
    expect(q?.cue?.text).toBe('continued');
  });
});

describe('passive reports', () => {
  it('"X has been endorsed by Y": the subject is what the agent reports or backs', () => {
    const q = only('The mayor has been endorsed by the teachers union.');
    expect(q.text).toBe('The mayor');
    expect(q.speaker?.text).toBe('the teachers union');
    expect(q.cue?.text).toBe('endorsed');
  });

  it('a reduced relative: "a view echoed by …"', () => {
    const q = quotesOf('Higher fees are a mistake, a view echoed by several economists.').find((x) => x.cue?.text === 'echoed');
    expect(q?.text).toBe('a view');
    expect(q?.speaker?.text).toBe('several economists');
  });

  it('a hearer verb or a "that" clause after the agent is no passive report', () => {
    expect(quotesOf('The crew was told by the captain that the ship would sail.').every((x) => x.text !== 'The crew')).toBe(true);
  });
});

describe('"according to", "as X put it" and parenthetical cues', () => {
  it('"According to X, …" when the tagger reads a word of the source as a verb', () => {
    const q = only('According to exit polls, the mayor had a narrow lead among older voters.');
    expect(q.text).toBe('the mayor had a narrow lead among older voters');
    expect(q.speaker?.text).toBe('exit polls');
  });

  it('"…, as the memo put it." comments on the last clause', () => {
    const q = only('Most applicants must pass a test, but the main rule is a "clean record," as an agency memo put it.');
    expect(q.text).toBe('the main rule is a "clean record,"');
    expect(q.speaker?.text).toBe('an agency memo');
  });

  it('"As X put it in a letter, …" introduces what follows', () => {
    const q = only('As Dana Ruiz put it in a letter to the board, the school is running out of room.');
    expect(q.text).toBe('the school is running out of room');
    expect(q.speaker?.text).toBe('Dana Ruiz');
  });

  it('a parenthetical cue with a time or a hearer still splits its content', () => {
    const a = only('The problem now, he told me on Friday, is that the ferry has no crew.');
    expect(a.text).toBe('The problem now, he told me on Friday, is that the ferry has no crew');
    const b = only('The museum, Ms. Ortiz said, celebrated several local heroes.');
    expect(b.text).toBe('The museum, Ms. Ortiz said, celebrated several local heroes');
  });

  it('a cue-last attribution with a time before ", as …" keeps the clause before it', () => {
    const q = only('The new tax is a burden on farmers, local officials said Friday, as they met with growers.');
    expect(q.text).toBe('The new tax is a burden on farmers');
    expect(q.speaker?.text).toBe('local officials');
  });
});

describe('more cue forms', () => {
  it('a speaker with a relative clause without its pronoun ("the experts I interviewed said")', () => {
    const q = only('In the end, all the experts I interviewed said the plan would raise rents.');
    expect(q.speaker?.text).toBe('all the experts I interviewed');
    expect(q.text).toBe('the plan would raise rents');
  });

  it('verbs of evaluation and advocacy report their object', () => {
    const q = only('The city council approved a plan to widen the main road.');
    expect(q.text).toBe('a plan to widen the main road');
    expect(q.cue?.text).toBe('approved');
  });

  it('"compared with" as a preposition reports nothing', () => {
    expect(quotesOf('Sales rose 5 percent, compared with 3 percent a year earlier.')).toHaveLength(0);
  });

  it('particle cues: "decided against", "railed against", "laid out"', () => {
    expect(only('The board decided against raising the fees.').text).toBe('raising the fees');
    expect(only('The senator railed against the new tariffs.').cue?.text).toBe('railed against');
    expect(only('In a speech, Ana Reyes laid out her housing plan.').text).toBe('her housing plan');
  });

  it('a coordinated cue after an auxiliary keeps the subject ("and has called for")', () => {
    const q = quotesOf('The mayor backed the budget and has called for new bus lanes.').find((x) => x.cue?.text === 'called for');
    expect(q?.text).toBe('new bus lanes');
    expect(q?.speaker?.text).toBe('The mayor');
  });
});

describe('evidence from polls and studies', () => {
  it('"Polls show …": a capitalised survey noun, a noun object (no hearer), no ", where" adjunct', () => {
    const q = only('Polls show a close contest in the county, where six seats are open.');
    expect(q.text).toBe('a close contest in the county');
    expect(q.speaker?.text).toBe('Polls');
  });

  it('"A study by X found …" keeps the author in the source', () => {
    const q = only('A 2019 study by the economist Mara Quint found 12 cases of fraud.');
    expect(q.speaker?.text).toBe('A 2019 study by the economist Mara Quint');
    expect(q.text).toBe('12 cases of fraud');
  });

  it('a reduced relative with a time before the verb ("polls taken over the past week shows")', () => {
    const q = only('The average of polls taken over the past week shows the mayor leading by four points.');
    expect(q.text).toBe('the mayor leading by four points');
  });

  it('"commented on X\'s death": a possessive phrase is the topic, not a trailer; the preposition goes with the cue', () => {
    expect(only('The senator has also commented on Reyes’s death.').text).toBe('Reyes’s death');
    expect(only('The coach complained about the referees.').text).toBe('the referees');
  });

  it('an adverb between the cue and "that" stays out of the content', () => {
    expect(only('Farmers complain bitterly that the rules are too complicated.').text).toBe('that the rules are too complicated');
  });
});

describe('tagger slips around cues', () => {
  it('a past-tense cue read as a noun after a year ("a panel in 2001 found …")', () => {
    const q = only('An arbitration panel in 2001 found the city was in breach of the contract.');
    expect(q.text).toBe('the city was in breach of the contract');
    expect(q.speaker?.text).toBe('An arbitration panel');
  });

  it('any adverb right before the cue ("which together vowed")', () => {
    const q = quotesOf('The deal was backed by Chile and Peru, which together vowed to protect the reef.').find((x) => x.cue?.text === 'vowed');
    expect(q?.text).toBe('to protect the reef');
    expect(q?.speaker?.text).toBe('which');
  });
});

describe('intentions', () => {
  it('an adjective of will and its infinitive ("is determined to …")', () => {
    const q = only('The governor is also determined to close the budget gap this year.');
    expect(q.text).toBe('to close the budget gap this year');
    expect(q.speaker?.text).toBe('The governor');
  });

  it('voting and aiming to do something', () => {
    expect(only('A Senate panel voted to delay the hearing.').text).toBe('to delay the hearing');
    expect(only('The bloc aims to cut its dependence on imported gas.').text).toBe('to cut its dependence on imported gas');
  });
});

describe('speakers around abbreviations, days and participles', () => {
  it('a party tag with a full stop before the cue ("Lee, R-Ky., said Tuesday")', () => {
    const q = only('“We will win this vote,” Senator Ann Lee, R-Ky., said Tuesday.');
    expect(q.text).toBe('“We will win this vote,”');
    expect(q.speaker?.text).toBe('Senator Ann Lee, R-Ky.');
  });

  it('", saying …" speaks for the main cue of its sentence, not a nested one', () => {
    const q = quotesOf('Ms. Ruiz told the crowd that she believes the plan will fail, saying that costs will double.').find((x) => x.cue?.text === 'saying');
    expect(q?.speaker?.text).toBe('Ms. Ruiz');
  });

  it('a particle after a day ("called Friday for")', () => {
    const q = only('Roy Keane called Friday for releasing the police videos.');
    expect(q.cue?.text).toBe('called Friday for');
    expect(q.text).toBe('releasing the police videos');
  });
});

describe('present-tense cues read as nouns', () => {
  it('a singular subject and the -s form ("Senator questions the …")', () => {
    const q = only('Mayor Ortiz questions the fairness of the new rules.');
    expect(q.cue?.text).toBe('questions');
    expect(q.text).toBe('the fairness of the new rules');
  });
});

describe('naming after an apposition', () => {
  it('"Jo Moore, a senior adviser to the campaign, called …": the name heads the speaker', () => {
    const q = quotesOf('Jo Moore, a senior adviser to the campaign, called the ruling a disgrace.').find((x) => x.cue?.text === 'called');
    expect(q?.text).toBe('the ruling a disgrace');
    expect(q?.speaker?.text).toBe('Jo Moore, a senior adviser to the campaign');
  });
});

describe('coordinated, quantified and infinitive cues', () => {
  it('", and criticized …" shares the main cue\'s speaker', () => {
    const q = quotesOf('In his speech, Sen. Ray Dunn urged voters to act, and criticized the party’s silence on the issue.').find((x) => x.cue?.text === 'criticized');
    expect(q?.speaker?.text).toBe('Sen. Ray Dunn');
    expect(q?.text).toBe('the party’s silence on the issue');
  });

  it('a floating quantifier before the cue ("… and Ann Lee all suggested")', () => {
    const q = only('Tom Dyer and Ann Lee all suggested that the bank had broken the law.');
    expect(q.text).toBe('that the bank had broken the law');
  });

  it('an adverb between subject and a present-tense cue read as a noun ("The ad then references")', () => {
    const q = only('The ad then references FBI criticism of the senator.');
    expect(q.cue?.text).toBe('references');
  });

  it('an infinitive cue before a "that" clause ("appeared to suggest that")', () => {
    const q = only('The governor appeared to suggest that the tax would be repealed.');
    expect(q.text).toBe('that the tax would be repealed');
    expect(q.speaker?.text).toBe('The governor');
  });
});

describe('more tagger slips', () => {
  it('a plain noun object after a named subject ("Dyer demands accountability …, yet refuses …")', () => {
    const q = quotesOf('It is odd that Dyer demands accountability from the board, yet refuses to publish his own accounts.').find((x) => x.cue?.text === 'demands');
    expect(q?.text).toBe('accountability from the board');
  });

  it('a subject pronoun after a plural evidence noun read as a noun ("documents show he …")', () => {
    const q = quotesOf('The gap grew after leaked documents from his 1995 return show he took a huge loss.').find((x) => x.cue?.text === 'show');
    expect(q?.text).toBe('he took a huge loss');
  });
});

describe('second round: sources and content edges', () => {
  it('"According to X and Y, …" keeps both sources and takes the clause after the comma', () => {
    const text = 'A girl went missing on Monday. According to the girl\'s mother and uncle, the child was walking home from school when she vanished.';
    const q = quotesOf(text).find((x) => x.cue?.text === 'According to');
    expect(q?.speaker?.text).toBe("the girl's mother and uncle");
    expect(q?.text).toBe('the child was walking home from school when she vanished');
    expectConsistent(text, quotesOf(text));
  });

  it('a capital "According" opens the content even when no full stop came before', () => {
    const text = 'Crews were sent to the site According to the mayor, the road will reopen next week.';
    const q = quotesOf(text).find((x) => x.cue?.text === 'According to');
    expect(q?.text).toBe('the road will reopen next week');
  });

  it('a second speaker\'s cue clause linked by "and" ends the first content', () => {
    const text = 'Union leaders said they are increasingly worried about the plant and managers accused the union of stalling the talks.';
    const quotes = quotesOf(text);
    expect(quotes.find((x) => x.cue?.text === 'said')?.text).toBe('they are increasingly worried about the plant');
    expect(quotes.find((x) => x.cue?.text === 'accused')?.speaker?.text).toBe('managers');
  });

  it('a dash before "and he noted" ends the content', () => {
    const q = quotesOf('Moore said the vote would be close — and he noted that turnout was low.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('the vote would be close');
  });

  it('a parenthetical cue\'s content ends before ", although …"', () => {
    const q = quotesOf('The latest test, the agency said, was its largest yet, although it may take days to confirm the yield.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('The latest test, the agency said, was its largest yet');
  });

  it('a closing apposition after a common noun is not content', () => {
    const q = quotesOf('Critics say resources could be better spent in partnership with the alliance, the pact that binds most of the region.').find((x) => x.cue?.text === 'say');
    expect(q?.text).toBe('resources could be better spent in partnership with the alliance');
  });

  it('"its" before a stance noun stands for the clause\'s subject', () => {
    const q = quotesOf("Dr. Hale's earlier letter was widely mocked for its prediction that the senator would live forever.").find((x) => x.cue?.text === 'prediction');
    expect(q?.speaker?.text).toBe('Dr. Hale');
    expect(q?.text).toBe('that the senator would live forever');
  });

  it('a surname the tagger reads as a verb before "said"', () => {
    const q = only('Lynch said there remains a big difference between the two jobs.');
    expect(q.speaker?.text).toBe('Lynch');
    expect(q.text).toBe('there remains a big difference between the two jobs');
  });

  it('a pronoun goes to the person the narration has just introduced, not to an earlier speaker', () => {
    const text = 'Maria Lopez said the plan was sound. The campaign flew to Ohio on Sunday. Communications director Jennifer Walsh came to the back of the plane. "We are glad this is over," she told reporters.';
    const q = quotesOf(text).find((x) => x.cue?.text === 'told');
    expect(q?.speaker?.text).toBe('she');
    expect(q?.speaker?.name).toBe('Jennifer Walsh');
  });

  it('a day in a subject phrase is no name for a later pronoun', () => {
    const text = 'The ruling, as voters head to the polls Tuesday, added drama to the race. Aides to Jennifer Walsh read the ruling. "We are glad," she told reporters.';
    const q = quotesOf(text).find((x) => x.cue?.text === 'told');
    expect(q?.speaker?.name).not.toBe('Tuesday');
  });
});

describe('second round: coordination inside contents', () => {
  it('a deed coordinated inside a reported clause stays in it ("he posed a threat and refused …")', () => {
    const quotes = quotesOf('Police say the man posed a deadly threat and refused to drop the knife.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('the man posed a deadly threat and refused to drop the knife');
  });

  it('a speech verb coordinated after a reported clause is the speaker\'s next cue', () => {
    const quotes = quotesOf('The minister said the plant would close in May and warned workers to expect more cuts.');
    expect(quotes.find((x) => x.cue?.text === 'said')?.text).toBe('the plant would close in May');
    expect(quotes.find((x) => x.cue?.text === 'warned')).toBeDefined();
  });

  it('two verbs sharing an object are one content ("for shooting and killing …")', () => {
    const q = quotesOf('The mayor criticized the officer for shooting and killing an unarmed man.').find((x) => x.cue?.text === 'criticized');
    expect(q?.text).toBe('the officer for shooting and killing an unarmed man');
  });

  it('a participle cue after a verb\'s object speaks for the verb\'s subject', () => {
    const q = quotesOf('The senator unleashed a series of tweets on Friday saying that the deal was a disaster.').find((x) => x.cue?.text === 'saying');
    expect(q?.speaker?.text).toBe('The senator');
  });

  it('a content that opens with "because" is no report', () => {
    expect(quotesOf('I write because I know those who are not sensible.').find((x) => x.cue?.text === 'write')).toBeUndefined();
  });
});

describe('second round: direct quote edges', () => {
  it('a sentence\'s own cue reports its partial quotation; the repeated cue introduces the next quotation', () => {
    const text = 'Moreno said she found the law worth a film because “most people have never heard of it,” she said. “We have no context without it.”';
    const quotes = quotesOf(text);
    expectConsistent(text, quotes);
    const first = quotes.find((x) => x.text.startsWith('she found'));
    expect(first?.text).toBe('she found the law worth a film because “most people have never heard of it,”');
    expect(first?.speaker?.text).toBe('Moreno');
    const second = quotes.find((x) => x.text.startsWith('“We have'));
    expect(second?.speaker?.text).toBe('she');
  });

  it('a participle after a quotation\'s closing comma is no content ("only “partial,” meaning …")', () => {
    const q = quotesOf('Democrats blasted the panel for failing to make clear that the deal was only “partial,” meaning it protected no one.').find((x) => x.cue?.text === 'blasted');
    expect(q?.text).toBe('the panel for failing to make clear that the deal was only “partial,”');
  });

  it('"during …" after an object is circumstance', () => {
    const q = quotesOf('The governor criticized the new law as a “crazy system” during a campaign stop in Ohio.').find((x) => x.cue?.text === 'criticized');
    expect(q?.text).toBe('the new law as a “crazy system”');
  });
});

describe('second round: hearers and fronted times', () => {
  it('a quoted show title in the hearer ("told CNN\'s “State of the Union” that …")', () => {
    const q = quotesOf('Johnson told CNN’s “State of the Union” on Sunday that the inquiry was still open.').find((x) => x.cue?.text === 'told');
    expect(q?.text).toBe('that the inquiry was still open');
  });

  it('a fronted time before a cue-last attribution is no content', () => {
    const quotes = quotesOf('The council met for hours. Last month, officials warned.');
    expect(quotes.find((x) => x.text === 'Last month')).toBeUndefined();
  });
});

describe('second round: tagger slips around cues', () => {
  it('a past tense read as an adjective between a name and its object ("Japan branded …")', () => {
    const q = quotesOf('Japan branded the regime an "outlaw nation in the neighborhood." Russia stayed silent.').find((x) => x.cue?.text === 'branded');
    expect(q?.speaker?.text).toBe('Japan');
  });

  it('a participle read as an adjective after "has" ("has also detailed …")', () => {
    const q = quotesOf('The newspaper has also detailed foundation spending that personally benefited the chairman.').find((x) => x.cue?.text === 'detailed');
    expect(q?.speaker?.text).toBe('The newspaper');
  });

  it('"I laughed and said, “…”" after a fronted clause', () => {
    const q = quotesOf('Once, when my mother mentioned the devil to me, I laughed and said, "I do not believe in the devil." She was upset.').find((x) => x.cue?.text === 'said');
    expect(q?.speaker?.text).toBe('I');
    expect(q?.text).toBe('"I do not believe in the devil."');
  });

  it('", citing …" after a direct quote reports for its speaker', () => {
    const q = quotesOf('The country "has made dramatic changes," Mr. Hale said in June, citing the release of political prisoners.').find((x) => x.cue?.text === 'citing');
    expect(q?.speaker?.text).toBe('Mr. Hale');
    expect(q?.text).toBe('the release of political prisoners');
  });
});

describe('second round: participle speakers', () => {
  it('", arguing …" after a place speaks for the sentence\'s subject', () => {
    const q = quotesOf('Maria Lopez spoke out Tuesday about the shooting in Tulsa, Oklahoma, arguing that the killings must stop.').find((x) => x.cue?.text === 'arguing');
    expect(q?.speaker?.text).toBe('Maria Lopez');
  });

  it('a participle after an issued paper speaks for the issuer', () => {
    const q = quotesOf('The ministry issued a policy paper welcoming the plans to increase funding.').find((x) => x.cue?.text === 'welcoming');
    expect(q?.speaker?.text).toBe('The ministry');
  });
});

describe('second round: comment clauses', () => {
  it('"According to police, …" with the lone source read as a verb', () => {
    const q = quotesOf('According to police, officers saw the man get out of a car with a handgun.').find((x) => x.cue?.text === 'According to');
    expect(q?.speaker?.text).toBe('police');
    expect(q?.text).toBe('officers saw the man get out of a car with a handgun');
  });

  it('"…, as police have said" attributes the clause before it', () => {
    const q = quotesOf('The footage does not show whether the man had a gun, as police have said.').find((x) => x.cue?.text === 'said');
    expect(q?.speaker?.text).toBe('police');
  });
});

describe('second round: participles after a found attribution', () => {
  it('", adding …" after a direct quote\'s hearer speaks for the quote\'s speaker', () => {
    const q = quotesOf('"I have always disliked the term," he told the group, adding that the phrase sounds distant.').find((x) => x.cue?.text === 'adding');
    expect(q?.speaker?.text).toBe('he');
  });

  it('a participle after the medium of a quote speaks for the quote\'s speaker', () => {
    const q = quotesOf('"We will get there," she said at a news conference announcing that the state was being sued.').find((x) => x.cue?.text === 'announcing');
    expect(q?.speaker?.text).toBe('she');
  });
});

describe('second round: reduced relatives', () => {
  it('"In a message posted Friday, X said …": the participle after the medium reports nothing', () => {
    const quotes = quotesOf('In a Facebook message posted Friday, Cruz said he could not allow the deal to pass.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker?.text).toBe('Cruz');
    expect(quotes[0].text).toBe('he could not allow the deal to pass');
  });

  it('"Protesters marching through the streets chanted …": the marchers chant', () => {
    const q = quotesOf('Protesters marching through the streets chanted "What curfew?" and kept going.').find((x) => x.cue?.text === 'chanted');
    expect(q?.speaker?.text).toBe('Protesters marching through the streets');
  });
});

describe('second round: participle before a quotation', () => {
  it('", saying “…”" after an adverbial comma speaks for the sentence\'s subject', () => {
    const q = quotesOf('Governor Ann Lee called Friday for releasing the videos, as well, saying that openness "builds trust."').find((x) => x.cue?.text === 'saying');
    expect(q?.speaker?.text.startsWith('Governor Ann')).toBe(true);
  });
});

describe('second round: coordinated cues in a subordinate clause', () => {
  it('"… after she attacked the officers and blamed …": the clause\'s subject blames', () => {
    const q = quotesOf('The governor blasted Ms. Reyes after she attacked the officers and blamed the shootings on bias.').find((x) => x.cue?.text === 'blamed');
    expect(q?.speaker?.text).toBe('she');
  });
});

describe('third round: participles after a fronted phrase', () => {
  it('"On Thursday, X spoke …, promising to …": the subject after the fronted phrase promises', () => {
    const q = quotesOf('On Thursday, the senator spoke to a group of farmers, promising to cut taxes.').find((x) => x.cue?.text === 'promising');
    expect(q?.speaker?.text).toBe('the senator');
    expect(q?.text).toBe('to cut taxes');
  });

  it('"In 1990, the court blocked …, citing …": the court cites', () => {
    const q = quotesOf('In 1990, the court blocked a company from closing its plants, citing a threat to public safety.').find((x) => x.cue?.text === 'citing');
    expect(q?.speaker?.text).toBe('the court');
    expect(q?.text).toBe('a threat to public safety');
  });
});

describe('third round: circumstances after an object', () => {
  it('"mentioned X since the debate": the time phrase is no content', () => {
    const q = quotesOf('The governor has not mentioned the mayor since the Tuesday debate.').find((x) => x.cue?.text === 'mentioned');
    expect(q?.text).toBe('the mayor');
  });

  it('"spoke about X while at a convention": the place phrase is no content', () => {
    const q = quotesOf('She spoke about her work with veterans while at the state convention in Ohio.').find((x) => x.cue?.text === 'spoke about');
    expect(q?.text).toBe('her work with veterans');
  });

  it('"praised her work after the storm": "after" may tie an event to its noun', () => {
    const q = quotesOf('The union praised her work after the 2012 storm and her votes on leave.').find((x) => x.cue?.text === 'praised');
    expect(q?.text.includes('after the 2012 storm')).toBe(true);
  });
});

describe('third round: adjectives of attitude', () => {
  it('"X has been critical of Y": Y is what X\'s stance is about', () => {
    const q = quotesOf('The senator has been critical of the governor since they both ran for office.').find((x) => x.cue?.text === 'critical of');
    expect(q?.speaker?.text).toBe('The senator');
    expect(q?.text).toBe('the governor');
  });

  it('"aides were coy about whether …": the question is the content', () => {
    const q = quotesOf('Campaign aides were coy about whether they would change their approach.').find((x) => x.cue?.text === 'coy about');
    expect(q?.text).toBe('whether they would change their approach');
  });

  it('"a critical look at": an attributive adjective is no cue', () => {
    expect(quotesOf('The film takes a critical look at the prison system.').some((x) => x.cue?.text === 'critical of')).toBe(false);
    expect(quotesOf('Critical of the plan, the mayor voted no.').some((x) => x.cue?.text === 'Critical of')).toBe(false);
  });
});

describe('third round: impressions with "seem"', () => {
  it('"X seems to have …": the whole clause is content with no source', () => {
    const q = quotesOf('Now the candidate seems to have vanished from the campaign trail.').find((x) => x.cue?.text === 'seems');
    expect(q?.text).toBe('the candidate seems to have vanished from the campaign trail');
    expect(q?.speaker).toBeNull();
  });

  it('a long subject from its clause start, up to the first comma', () => {
    const q = quotesOf('Still, the lack of enthusiasm among young voters seems to be a real issue, as polls show.').find((x) => x.cue?.text === 'seems');
    expect(q?.text).toBe('the lack of enthusiasm among young voters seems to be a real issue');
  });

  it('"seemed far away to the citizens": the citizens hold the impression', () => {
    const q = quotesOf('The war may once have seemed far away to the citizens, but not now.').find((x) => x.cue?.text === 'seemed');
    expect(q?.speaker?.text).toBe('the citizens');
    expect(q?.text).toBe('The war may once have seemed far away');
  });

  it('no impression inside another cue\'s content, nor with an empty subject', () => {
    const quotes = quotesOf('She added that the vote seems more anti-tax than pro-spending. It seems that he left.');
    expect(quotes.some((x) => x.cue?.text === 'seems')).toBe(false);
  });
});

describe('third round: passive opinions', () => {
  it('"X is expected to …" with no agent: the clause is content with no source', () => {
    const q = quotesOf('The new treaty is expected to be ratified next month.').find((x) => x.cue?.text === 'expected');
    expect(q?.text).toBe('The new treaty is expected to be ratified next month');
    expect(q?.speaker).toBeNull();
  });

  it('"he expected to win": no form of "be", no passive opinion; the subject expects', () => {
    const q = quotesOf('The mayor said little, but he expected to win the vote.').find((x) => x.cue?.text === 'expected');
    expect(q?.speaker?.text).toBe('he');
  });
});

describe('third round: a cue inside a fronted subordinate clause', () => {
  it('"With leaders worried about X, the president …": the content ends at the comma', () => {
    const q = quotesOf('With party leaders increasingly worried about a lack of passion among young voters, the president is rolling out a new message.').find((x) => x.cue?.text === 'worried');
    expect(q?.text).toBe('a lack of passion among young voters');
  });

  it('"But just as the slump had donors wondering about X, Y …": the content ends at the comma', () => {
    const q = quotesOf('But just as the slump had donors wondering about his ability to go on, her illness has voters worried as well.').find((x) => x.cue?.text === 'wondering');
    expect(q?.text).toBe('his ability to go on');
  });
});

describe('third round: a long subject after "but"', () => {
  it('"…, but many firms and the richest members of society have …" closes the content', () => {
    const q = quotesOf('Most voters complain that taxes are too high, but many firms and the richest members of our society have found ways around them.').find((x) => x.cue?.text === 'complain');
    expect(q?.text).toBe('that taxes are too high');
  });
});

describe('third round: a demonstrative object and its circumstance', () => {
  it('"rejected that argument in a ruling released Thursday": "that" opens an object', () => {
    const q = quotesOf('The judge rejected that argument in a ruling released Thursday.').find((x) => x.cue?.text === 'rejected');
    expect(q?.text).toBe('that argument');
  });

  it('"denounced the annexation in an on-air diatribe": a hyphenated medium', () => {
    const q = quotesOf('The host denounced the annexation in an on-air diatribe.').find((x) => x.cue?.text === 'denounced');
    expect(q?.text).toBe('the annexation');
  });

  it('"said that people in the city were angry": a clause keeps its phrases', () => {
    const q = quotesOf('He said that people in the city were angry.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('that people in the city were angry');
  });
});

describe('third round: "and" with a new subject after an object', () => {
  it('"seek to cut debts and creditors look to …": the second clause is no content', () => {
    const q = quotesOf('In such cases, companies seek to cut their debts and creditors look to maximize returns.').find((x) => x.cue?.text === 'seek');
    expect(q?.text).toBe('to cut their debts');
  });

  it('"Democrats and the media are to blame": a coordinated subject stays whole', () => {
    const q = quotesOf('The governor said Democrats and the media are to blame for the mess.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('Democrats and the media are to blame for the mess');
  });
});

describe('third round: a dash comment after a reported clause', () => {
  it('"noted that X ― as was true for …": the comment is no content', () => {
    const q = quotesOf('The senator noted that the firm had paid no taxes ― as was true for the years its returns were public.').find((x) => x.cue?.text === 'noted');
    expect(q?.text).toBe('that the firm had paid no taxes');
  });

  it('"said that X -- and Y": a dash before other words keeps the clause whole', () => {
    const q = quotesOf('She said that the plan would fail -- and fail badly.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('that the plan would fail -- and fail badly');
  });
});

describe('third round: "prove to be"', () => {
  it('"the council has proved to be ineffective" reports nothing', () => {
    expect(quotesOf('In many conflicts, the council has proved to be ineffective.')).toHaveLength(0);
  });

  it('"the study proved that …" still reports its finding', () => {
    const q = quotesOf('The study proved that the drug works.').find((x) => x.cue?.text === 'proved');
    expect(q?.text).toBe('that the drug works');
  });
});

describe('third round: what follows a cue but is no content', () => {
  it('"reported from X, and Y from Z": a second predicate after "and"', () => {
    expect(quotesOf('Jane Roe reported from Paris, and John Doe from Berlin.').some((x) => x.cue?.text === 'reported')).toBe(false);
  });

  it('"the rate he has proposed for individuals": a beneficiary after a gapped object', () => {
    expect(quotesOf('It is far lower than the top rate he has proposed for individuals.').some((x) => x.cue?.text === 'proposed')).toBe(false);
  });

  it('"the cuts known as sequestration": a name, not a report', () => {
    expect(quotesOf('He wants an end to the budget cuts known as sequestration.').some((x) => x.cue?.text === 'known')).toBe(false);
  });

  it('"pleads for his life" keeps its content', () => {
    const q = quotesOf('In the recording, his wife pleads for his life.').find((x) => x.cue?.text === 'pleads');
    expect(q?.text).toBe('for his life');
  });
});

describe('third round: passive reports without an agent', () => {
  it('"X has been criticized for …": the clause is content, with no source', () => {
    const q = quotesOf('The governor has been harshly criticized for policies that many see as abuses.').find((x) => x.cue?.text === 'criticized');
    expect(q?.text).toBe('The governor has been harshly criticized for policies that many see as abuses');
    expect(q?.speaker).toBeNull();
  });

  it('"X was dubbed the winner on social media": the medium is circumstance', () => {
    const q = quotesOf('The senator was also dubbed the debate winner on social media Tuesday night.').find((x) => x.cue?.text === 'dubbed');
    expect(q?.text).toBe('The senator was also dubbed the debate winner');
  });

  it('"…, which is defined as …": the relative pronoun opens the clause', () => {
    const q = quotesOf('The law requires an investment in a "target area," which is defined as a county with high unemployment.').find((x) => x.cue?.text === 'defined');
    expect(q?.text).toBe('which is defined as a county with high unemployment');
  });

  it('no passive report with an agent, a denial, or "called for"', () => {
    expect(quotesOf('He has never been charged with any crime.').some((x) => x.cue?.text === 'charged')).toBe(false);
    expect(quotesOf('Neither she nor her aides have been charged with a crime.').some((x) => x.cue?.text === 'charged')).toBe(false);
    expect(quotesOf('The plan was criticized on Friday by the union.').some((x) => x.speaker === null)).toBe(false);
    expect(quotesOf('A new tax was called for in the report.').some((x) => x.cue?.text === 'called')).toBe(false);
  });
});

describe('third round: evident facts and relative cues', () => {
  it('"it\'s obvious that …": the clause is content with no source', () => {
    const q = quotesOf('At this point, it\'s obvious that they are wasting their breath.').find((x) => x.cue?.text === 'it\'s obvious');
    expect(q?.text).toBe('that they are wasting their breath');
    expect(q?.speaker).toBeNull();
  });

  it('"it is not clear that …" is no evident fact', () => {
    expect(quotesOf('It is not clear that he will run.')).toHaveLength(0);
  });

  it('"…, which she plans to do …": the relative clause with its own cue closes the content', () => {
    const quotes = quotesOf('The senator said she needs to raise revenue, which she plans to do through a tax on the rich.');
    expect(quotes.find((x) => x.cue?.text === 'said')?.text).toBe('she needs to raise revenue');
    expect(quotes.find((x) => x.cue?.text === 'plans')?.text).toBe('to do through a tax on the rich');
  });

  it('"her dealings and favors to governments": a plural noun, not a cue', () => {
    expect(quotesOf('She hid her dealings and favors to foreign governments from the public.').some((x) => x.cue?.text === 'favors')).toBe(false);
  });
});

describe('third round: fronted questions', () => {
  it('"Asked about X, the mayor said …": X is the unnamed asker\'s question', () => {
    const quotes = quotesOf('Asked about the new budget, the mayor said, "We will wait and see."');
    const q = quotes.find((x) => x.cue?.text === 'Asked about');
    expect(q?.text).toBe('the new budget');
    expect(q?.speaker).toBeNull();
    expect(quotes.find((x) => x.kind === 'direct')?.speaker?.text).toBe('the mayor');
  });

  it('"Asked to describe X, the chief said …": the infinitive is the question', () => {
    const q = quotesOf('Asked to describe the device, the chief said, "Not going to go into that."').find((x) => x.cue?.text === 'Asked');
    expect(q?.text).toBe('to describe the device');
  });
});

describe('fourth round: narrow stance frames', () => {
  it('"is promising to …": a progressive cue the tagger reads as an adjective', () => {
    const q = only('The mayor is promising to rebuild the old harbor bridge.');
    expect(q.cue?.text).toBe('promising');
    expect(q.speaker?.text).toBe('The mayor');
    expect(q.text).toBe('to rebuild the old harbor bridge');
  });

  it('"is promising to researchers" is an adjective, not a cue', () => {
    expect(quotesOf('The new vaccine is promising to researchers.')).toHaveLength(0);
  });

  it('"made clear that …" and "made it clear …" report the subject\'s stand', () => {
    const a = only('The governor made clear that she would veto the tax bill.');
    expect(a.cue?.text).toBe('made clear');
    expect(a.speaker?.text).toBe('The governor');
    expect(a.text).toBe('that she would veto the tax bill');
    const b = only('The union made it clear it would strike in the spring.');
    expect(b.cue?.text).toBe('made it clear');
    expect(b.text).toBe('it would strike in the spring');
  });

  it('"made the case for X": X is what the subject argued for', () => {
    const q = only('The former mayor has made the case for a new stadium downtown.');
    expect(q.cue?.text).toBe('made the case for');
    expect(q.text).toBe('a new stadium downtown');
  });

  it('"made it clear" without a clause, or "made a case" of wine, reports nothing', () => {
    expect(quotesOf('The storm made it clear.')).toHaveLength(0);
    expect(quotesOf('The winery made the case of red wine.')).toHaveLength(0);
  });

  it('"X\'s argument is that …": the clause is the possessor\'s stance', () => {
    const q = only("The company's position was that the contract had expired.");
    expect(q.cue?.text).toBe('position was');
    expect(q.speaker?.text).toBe('The company');
    expect(q.text).toBe('that the contract had expired');
  });

  it('"The problem is that …" is no stance', () => {
    expect(quotesOf('The problem is that nobody came to the meeting.')).toHaveLength(0);
  });
});

describe('fourth round: feelings voiced, sides taken, relative clauses', () => {
  it('"expressed deep concern about X": the cue runs through the preposition', () => {
    const q = only('Parents have expressed deep concern about the new bus schedule.');
    expect(q.cue?.text).toBe('expressed deep concern about');
    expect(q.speaker?.text).toBe('Parents');
    expect(q.text).toBe('the new bus schedule');
  });

  it('"voiced support for X"', () => {
    const q = only('The council member voiced support for the park levy.');
    expect(q.cue?.text).toBe('voiced support for');
    expect(q.text).toBe('the park levy');
  });

  it('"spoke warmly of X": a manner adverb before the particle', () => {
    const q = only('The coach spoke warmly of his first season in the league.');
    expect(q.cue?.text).toBe('spoke warmly of');
    expect(q.text).toBe('his first season in the league');
  });

  it('"is a staunch opponent of X": the subject takes a side on X', () => {
    const q = only('The bishop is a staunch opponent of the casino plan.');
    expect(q.cue?.text).toBe('is a staunch opponent of');
    expect(q.speaker?.text).toBe('The bishop');
    expect(q.text).toBe('the casino plan');
  });

  it('"an opponent of the plan said …": the noun is a speaker, not a cue', () => {
    const q = only('An opponent of the plan said it would fail.');
    expect(q.cue?.text).toBe('said');
    expect(q.text).toBe('it would fail');
  });

  it('a cue in a relative clause set off by commas ends where the main verb resumes', () => {
    const text = 'The judge, who opposes the death penalty, resigned on Monday.';
    const q = only(text);
    expect(q.cue?.text).toBe('opposes');
    expect(q.text).toBe('the death penalty');
    expectConsistent(text, [q]);
  });

  it('a relative clause nested in the content does not close it early', () => {
    const q = quotesOf('The judge, who has said that the law, which passed in May, is unfair, resigned.').find((x) => x.cue?.text === 'said');
    expect(q?.text).toBe('that the law, which passed in May, is unfair');
  });
});

describe('fourth round: reactions faced or raised, reduced relatives', () => {
  it('"has faced sharp criticism for X": criticism by no one named, about X', () => {
    const q = only('The utility has faced sharp criticism for its slow response to the outage.');
    expect(q.cue?.text).toBe('criticism for');
    expect(q.speaker).toBeNull();
    expect(q.text).toBe('its slow response to the outage');
  });

  it('"came under withering criticism for X"', () => {
    const q = only('The agency came under withering criticism for its failure to act.');
    expect(q.cue?.text).toBe('criticism for');
    expect(q.text).toBe('its failure to act');
  });

  it('"faced criticism from X" leaves the critics to the writer: no cue', () => {
    expect(quotesOf('The anchor faced heavy criticism from viewers.')).toHaveLength(0);
  });

  it('"is raising questions about X": the subject doubts X', () => {
    const q = only('The auditor is raising new questions about the pension fund.');
    expect(q.cue?.text).toBe('raising new questions about');
    expect(q.speaker?.text).toBe('The auditor');
    expect(q.text).toBe('the pension fund');
  });

  it('"The letter, signed by 50 officials, warns …": a reduced relative describes the speaker', () => {
    const q = only('The letter, signed by 50 officials, warns that the plan is dangerous.');
    expect(q.speaker?.text).toBe('The letter, signed by 50 officials');
    expect(q.text).toBe('that the plan is dangerous');
  });
});

describe('fourth round: fixed phrases of taking a stand', () => {
  it('"took aim at X", "threw its support behind X", "came out against X"', () => {
    const a = only('The senator took aim at the new tax plan.');
    expect(a.cue?.text).toBe('took aim at');
    expect(a.speaker?.text).toBe('The senator');
    expect(a.text).toBe('the new tax plan');
    expect(only('The union threw its support behind the mayor.').text).toBe('the mayor');
    expect(only('The governor came out against the pipeline.').cue?.text).toBe('came out against');
    expect(only('The board came out in favor of the merger.').text).toBe('the merger');
  });

  it('"weighed in Friday about X": a time between particle and preposition', () => {
    const q = only('Other officials weighed in Friday about whether the video should be released.');
    expect(q.cue?.text).toBe('weighed in Friday about');
    expect(q.text).toBe('whether the video should be released');
  });

  it('other uses of the verbs report nothing', () => {
    expect(quotesOf('He came out of the house and took a walk.')).toHaveLength(0);
  });
});
