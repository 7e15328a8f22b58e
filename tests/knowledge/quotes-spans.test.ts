import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/knowledge/entities/index.ts';
import type { QuoteFact } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { extractQuotes } from '../../src/knowledge/quotes/index.ts';

function quotesOf(text: string): QuoteFact[] {
  const doc = analyse(text);
  return extractQuotes(doc, extractEntities(doc));
}

/** The one quote whose cue is `cue`. */
function quoteCuedBy(text: string, cue: string): QuoteFact {
  const found = quotesOf(text).filter((q) => q.cue?.text === cue);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('quote span boundaries', () => {
  it('a law named with a capitalised "Act" is an object, so the circumstance after it is cut', () => {
    const q = quoteCuedBy('Governor Tom Ray criticized the Clean Harbor Act as a “costly mistake” during a campaign stop in Akron, Ohio, for his sister.', 'criticized');
    expect(q.text).toBe('the Clean Harbor Act as a “costly mistake”');
    expect(q.speaker?.text).toBe('Governor Tom Ray');
  });
});

describe('a gloss after a reported clause', () => {
  it('", effectively …ing" after the clause is the writer\'s comment, not what was said', () => {
    const q = quoteCuedBy('The mayor told the crowd that he would resign if the council did not fund the plan, effectively staking his career on the vote.', 'told');
    expect(q.text).toBe('that he would resign if the council did not fund the plan');
  });
});

describe('a contrast clause after the content', () => {
  it('ends the content at a quotation\'s closing comma before "but" and a fronted phrase', () => {
    const q = quoteCuedBy('The fact-checkers ruled that the senator’s claim about rising rents is “accurate,” but in the body of their article they noted that wages rose too.', 'ruled');
    expect(q.text).toBe('that the senator’s claim about rising rents is “accurate,”');
  });

  it('ends the content at a plain comma before "but" and a fronted phrase', () => {
    const q = quoteCuedBy('The mayor said the bridge would reopen in May, but at the hearing on Monday engineers warned of new delays.', 'said');
    expect(q.text).toBe('the bridge would reopen in May');
  });
});

describe('an infinitive content inside a larger subject', () => {
  it('ends before the finite verb that follows the infinitive\'s object', () => {
    const q = quoteCuedBy('One reason the governor refuses to publish his travel records may be that they would show frequent trips abroad.', 'refuses');
    expect(q.text).toBe('to publish his travel records');
  });

  it('keeps a wh- clause inside the infinitive\'s object', () => {
    const q = quoteCuedBy('The governor refuses to do what every previous governor has done.', 'refuses');
    expect(q.text).toBe('to do what every previous governor has done');
  });
});

describe('an aside after the content', () => {
  it('", aside from …" is the writer\'s exception, not part of the refusal', () => {
    const q = quoteCuedBy('The coach refuses to discuss next season’s lineup, aside from noting that he likes young players.', 'refuses');
    expect(q.text).toBe('to discuss next season’s lineup');
  });

  it('", even as <clause>" is the writer\'s concession', () => {
    const q = quoteCuedBy('The council said the budget would stay balanced, even as the city borrowed heavily for new parks.', 'said');
    expect(q.text).toBe('the budget would stay balanced');
  });
});

describe('an aside with a long subject', () => {
  it('", even as <subject with its tail> <verb>" is still the writer\'s concession', () => {
    const q = quoteCuedBy('Other officials weighed in about whether the report should be published, even as copies from the agency circulated widely online.', 'weighed in about');
    expect(q.text).toBe('whether the report should be published');
  });
});

describe('a parenthetical cue inside a relative clause', () => {
  it('starts the content at the relative pronoun, not at the sentence start', () => {
    const q = quoteCuedBy('The square is next to the old market, which, Lopez said, is usually crowded with stalls on weekends.', 'said');
    expect(q.text).toBe('which, Lopez said, is usually crowded with stalls on weekends');
    expect(q.speaker?.text).toBe('Lopez');
  });
});

describe('a reason after an object', () => {
  it('"because of …" after the object is the report\'s circumstance', () => {
    const q = quoteCuedBy('Many farmers have expressed misgivings about the trade deal because of the tariffs it keeps on fertiliser.', 'expressed misgivings about');
    expect(q.text).toBe('the trade deal');
  });
});

describe('a reduced clause after an object', () => {
  it('"while …ing" after the object is the report\'s circumstance', () => {
    const q = quoteCuedBy('My uncle often mentioned the old mill to us while driving along the river road.', 'mentioned');
    expect(q.text).toBe('the old mill to us');
  });
});

describe('a noun compound the tagger reads as a clause', () => {
  it('"the rocket launch as …": the compound is an object, so the "as" clause after it is cut', () => {
    const q = quoteCuedBy('The council condemned the country\'s latest rocket launch as the army fired three missiles into the sea on Monday.', 'condemned');
    expect(q.text).toBe('the country\'s latest rocket launch');
  });
});

describe('a plural possessive inside a subject', () => {
  it('", and the farmers\' union also stepped in" opens a clause of its own and ends the content', () => {
    const q = quoteCuedBy('The bank agreed to lend the cooperative $2 million, and the farmers\' union also stepped in with money.', 'agreed');
    expect(q.text).toBe('to lend the cooperative $2 million');
  });
});

describe('a fronted time before the speaker', () => {
  it('"On Wednesday, he called for increased …": the comma closes the time, the content follows the cue', () => {
    const q = quoteCuedBy('The vote was close. On Wednesday, he called for increased spending on rural roads. Staff left early.', 'called for');
    expect(q.text).toBe('increased spending on rural roads');
    expect(q.speaker?.text).toBe('he');
  });

  it('a bare weekday works the same way', () => {
    const q = quoteCuedBy('The vote was close. Tuesday, the mayor called for expanded bus service on the east side. Staff left early.', 'called for');
    expect(q.text).toBe('expanded bus service on the east side');
  });

  it('still reads "…, the agency said in a statement obtained by …" as cue-last', () => {
    const q = quoteCuedBy('The plant will close in June, the company said in a statement obtained by the paper.', 'said');
    expect(q.text).toBe('The plant will close in June');
  });
});

describe('a present-tense cue the tagger reads as a noun', () => {
  it('"…, the Ledger reports." closes its content like "said"', () => {
    const q = quoteCuedBy('The vote was close. Fees for tellers were raised twice last year, the Harbor Ledger reports. Staff left early.', 'reports');
    expect(q.text).toBe('Fees for tellers were raised twice last year');
    expect(q.speaker?.text).toBe('the Harbor Ledger');
  });

  it('"…, Okafor notes." likewise', () => {
    const q = quoteCuedBy('The vote was close. Nobody on the board had read the audit, Okafor notes. Staff left early.', 'notes');
    expect(q.text).toBe('Nobody on the board had read the audit');
  });

  it('a plural noun closing a list is no cue ("…, and quarterly reports.")', () => {
    const qs = quotesOf('The vote was close. The firm publishes annual accounts, budgets and its Harbor reports. Staff left early.');
    expect(qs.filter((q) => q.cue?.text === 'reports')).toHaveLength(0);
  });
});

describe('a participle cue after the main clause (", promising to …")', () => {
  it('a participle the tagger reads as a noun (", offering broad new support …")', () => {
    const q = quoteCuedBy('The mill closed. County leaders gathered Friday, offering broad new support for the mill towns. The town waited.', 'offering');
    expect(q.text).toBe('broad new support for the mill towns');
    expect(q.speaker?.text).toBe('County leaders');
  });

  it('", citing …" after a cue speaks for the cue\'s speaker, named or not', () => {
    const q = quoteCuedBy('The mill closed. Analysts said local factors helped the mayor, citing the strategic importance of a town on the river. The town waited.', 'citing');
    expect(q.text).toBe('the strategic importance of a town on the river');
    expect(q.speaker?.text).toBe('Analysts');
  });

  it('the subject after two fronted phrases ("On Thursday, however, Hart spoke …, promising to …")', () => {
    const q = quoteCuedBy('The mill closed. On Thursday, however, Hart spoke to a gathering of mill owners, promising to lift county rules. The town waited.', 'promising');
    expect(q.text).toBe('to lift county rules');
    expect(q.speaker?.text).toBe('Hart');
  });
});

describe('a view held of something ("see X as Y")', () => {
  it('"see the bridge as a waste" reports a view', () => {
    const q = quoteCuedBy('The mill closed. Many residents see the new bridge as a waste of county money. The town waited.', 'see');
    expect(q.text).toBe('the new bridge as a waste of county money');
    expect(q.speaker?.text).toBe('Many residents');
  });

  it('"viewed the proposal as premature", "view the mayor more favorably than …"', () => {
    expect(quoteCuedBy('The mill closed. The council viewed the proposal as premature. The town waited.', 'viewed').text).toBe('the proposal as premature');
    expect(quoteCuedBy('The mill closed. Young voters also view the mayor more favorably than her rival. The town waited.', 'view').text)
      .toBe('the mayor more favorably than her rival');
  });

  it('seeing a thing is no view ("saw the fireworks from the bridge")', () => {
    const qs = quotesOf('The mill closed. Residents saw the fireworks from the new bridge. The town waited.');
    expect(qs).toHaveLength(0);
  });
});

describe('a cue after "went on to"', () => {
  it('"Hart went on to say …" is Hart\'s', () => {
    const q = quoteCuedBy('The mill closed. Hart went on to say the cuts had left his hands tied. The town waited.', 'say');
    expect(q.text).toBe('the cuts had left his hands tied');
    expect(q.speaker?.text).toBe('Hart');
  });

  it('"went on to explain how …" keeps the wh- clause', () => {
    const q = quoteCuedBy('The mill closed. Hart went on to explain how the cuts had left his hands tied. The town waited.', 'explain');
    expect(q.text).toBe('how the cuts had left his hands tied');
    expect(q.speaker?.text).toBe('Hart');
  });
});

describe('verbs that report only with a clause ("assume", "maintain")', () => {
  it('"assumed a new role", "maintains a program" report nothing', () => {
    const qs = quotesOf('The mill closed. Ms. Okafor assumed a newly created role as county manager. The foundation maintains a program for young welders. The town waited.');
    expect(qs).toHaveLength(0);
  });

  it('"assumed that …", "maintains that …" still report', () => {
    expect(quoteCuedBy('Regulators assumed that the owner had the backing of the bank.', 'assumed').text).toBe('that the owner had the backing of the bank');
    expect(quoteCuedBy('The owner maintains the furnace was safe.', 'maintains').text).toBe('the furnace was safe');
  });

  it('"feel stung" is a feeling, not a view', () => {
    const qs = quotesOf('The mill closed. Many residents feel stung after the vote. The town waited.');
    expect(qs).toHaveLength(0);
  });
});

// Cues whose speaker is not right before them: a participle that opens the sentence speaks for
// the subject after its comma, an infinitive of purpose for the subject of the verb before it.
describe('a participle that opens the sentence speaks for the subject after its comma', () => {
  it('"Citing a report, the mayor said …": the mayor cites the report', () => {
    const q = quoteCuedBy('Citing a discredited report, the mayor said the bridge was unsafe.', 'Citing');
    expect(q.text).toBe('a discredited report');
    expect(q.speaker?.text).toBe('the mayor');
  });
});

describe('a purpose infinitive speaks for the subject of the verb before it', () => {
  it('"spoke at a gathering of farmers to discuss …": the senator discusses', () => {
    const q = quoteCuedBy('The senator spoke at a gathering of farmers in Iowa to discuss the drought.', 'discuss');
    expect(q.text).toBe('the drought');
    expect(q.speaker?.text).toBe('The senator');
  });

  it('"met in Brussels on Friday to criticize …": the ministers criticize', () => {
    const q = quoteCuedBy('European ministers met in Brussels on Friday to criticize the budget.', 'criticize');
    expect(q.speaker?.text).toBe('European ministers');
  });

  it('the subject of a verb of causing does not speak in the infinitive ("the leak prompted the union to demand …")', () => {
    const quotes = quotesOf('The leak prompted the union at its annual meeting to demand a full inquiry into the contracts.');
    expect(quotes.filter((q) => q.speaker?.text === 'The leak')).toEqual([]);
  });

  it('a purpose infinitive after an object is no cue of that object ("hired a firm to review …")', () => {
    const quotes = quotesOf('The council hired a firm to review the accounts last year.');
    expect(quotes.filter((q) => q.speaker?.text === 'a firm')).toEqual([]);
  });
});

describe('a hearer verb whose plain object is what was said', () => {
  it('"urged restraint on both sides": the object is the content, not a hearer', () => {
    const q = quoteCuedBy('The minister urged restraint on both sides after the clashes.', 'urged');
    expect(q.text).toBe('restraint on both sides after the clashes');
  });

  it('"ordered the deployment of …": the object is the content', () => {
    const q = quoteCuedBy('The commander ordered the deployment of four battalions to the border.', 'ordered');
    expect(q.text).toBe('the deployment of four battalions to the border');
  });

  it('a person, a body or a name before an infinitive or a "that" clause is still the hearer', () => {
    expect(quoteCuedBy('The mayor warned residents that the river would rise.', 'warned').text).toBe('that the river would rise');
    expect(quoteCuedBy('The judge ordered the company to pay damages.', 'ordered').text).toBe('to pay damages');
  });
});

describe('a source phrase with a participle before its noun', () => {
  it('"…, a Gazette analysis of newly filed campaign reports shows": the whole analysis is the source', () => {
    const q = quoteCuedBy('Donations to the two parties hit nearly $1 billion through the end of August, a Gazette analysis of newly filed campaign reports shows.', 'shows');
    expect(q.text).toBe('Donations to the two parties hit nearly $1 billion through the end of August');
    expect(q.speaker?.text).toBe('a Gazette analysis of newly filed campaign reports');
  });
});

describe('a cue verb in a sense that reports nothing', () => {
  it('a legal appeal of a ruling is no plea ("appealed the case"), a plea is ("appealed for calm")', () => {
    const quotes = quotesOf('The groups appealed the case to the appeals court. The mayor appealed for calm.');
    expect(quotes.map((q) => q.text)).toEqual(['for calm']);
  });

  it('an audience addressed is not what was said ("addressed the convention"), an issue is', () => {
    const quotes = quotesOf('She addressed the annual convention of nurses in Denver. She addressed the issue of pay.');
    expect(quotes.map((q) => q.text)).toEqual(['the issue of pay']);
  });

  it('a means found is no finding ("found ways to cut …"), a clause is ("found that …")', () => {
    const quotes = quotesOf('Wealthy donors found ways to cut their tax bills. Investigators found that the brakes had failed.');
    expect(quotes.map((q) => q.text)).toEqual(['that the brakes had failed']);
  });
});

describe('the source of "according to" keeps its own phrases', () => {
  it('"According to a new report by the Gazette, …": the content starts after the source, not at "by"', () => {
    const q = quoteCuedBy('According to a new report by the Gazette, party insiders are trying to rally young voters.', 'According to');
    expect(q.speaker?.text).toBe('a new report by the Gazette');
    expect(q.text).toBe('party insiders are trying to rally young voters');
  });

  it('"…, according to a memo from the city\'s engineers": the whole memo is the source', () => {
    const q = quoteCuedBy('The bridge will reopen in May, according to a memo from the city\'s engineers.', 'according to');
    expect(q.speaker?.text).toBe('a memo from the city\'s engineers');
  });
});

describe('a content that opens its sentence leaves out the writer\'s link to the sentence before', () => {
  it('"However, …, the fund said" and "In addition, …, aides said"', () => {
    expect(quoteCuedBy('However, slower growth in rich nations is being offset by faster growth elsewhere, the fund said.', 'said').text)
      .toBe('slower growth in rich nations is being offset by faster growth elsewhere');
    expect(quoteCuedBy('In addition, the campaign plans to release more records soon, aides said.', 'said').text)
      .toBe('the campaign plans to release more records soon');
  });

  it('a link inside the sentence stays ("…, and the fund said")', () => {
    const q = quoteCuedBy('Prices rose and wages fell, the fund said.', 'said');
    expect(q.text).toBe('Prices rose and wages fell');
  });
});
