import { describe, expect, it } from 'vitest';
import { extractEvent, headlineEvent } from '../../src/knowledge/event.ts';
import { isPostDate } from '../../src/knowledge/event/when.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';
import { extractEntities } from '../../src/knowledge/entities/index.ts';
import { extractTimes } from '../../src/knowledge/times/index.ts';

function article(text: string, title: string | null = null, published: string | null = '2024-03-12'): Article {
  return { id: 't', title, published, url: null, author: null, outlet: null, text };
}

function eventOf(text: string, title: string | null = null, published: string | null = '2024-03-12') {
  return extractEvent(analyse(text), { article: article(text, title, published), entities: [], times: [], quotes: [] });
}

/** The event with the entity extractor's entities, as the pipeline runs it. */
function eventWithEntities(text: string, title: string | null = null) {
  const doc = analyse(text);
  return extractEvent(doc, { article: article(text, title), entities: extractEntities(doc), times: [], quotes: [] });
}

/** The event with the times extractor's times, against a publication date. */
function eventWithTimes(text: string, published: string) {
  const doc = analyse(text);
  return extractEvent(doc, { article: article(text, null, published), entities: [], times: extractTimes(doc, published), quotes: [] });
}

const FIRE_STORY =
  'Firefighters rescued twelve people from a burning apartment block in Harwick, Dorset county on Monday morning. ' +
  'The fire started in a ground-floor kitchen because of a faulty heater, officials said. ' +
  'Crews reached the top floors by climbing ladders from the street. ' +
  'Nobody was seriously hurt, and the building will be inspected next week.';

describe('extractEvent', () => {
  it('takes who and what from the headline clause when the body backs it', () => {
    const e = eventOf(FIRE_STORY, 'Firefighters rescue twelve from burning flats');
    expect(e?.who).toBe('Firefighters');
    expect(e?.what).toBe('rescue twelve from burning flats');
  });

  it('reads headline verbs that the tagger calls nouns', () => {
    expect(headlineEvent('Acme Corp names new chief executive')).toEqual({ who: 'Acme Corp', what: 'names new chief executive' });
  });

  it('does not read a noun before a relative clause as the headline verb', () => {
    expect(headlineEvent('Story of the Welsh girl who found a gold coin').what).toBeNull();
  });

  it('keeps an age apposition out of the headline actor ("Boy, 6, ...")', () => {
    // Tabloid and local-paper style: the age sits between commas after the noun.
    expect(headlineEvent('Boy, 6, rescued from flooded quarry').who).toBe('Boy');
    expect(headlineEvent('Grandmother, 82, wins village marathon').who).toBe('Grandmother');
  });

  it('reads the verb after a relative clause in a headline', () => {
    expect(headlineEvent('Girl who fell down mine shaft dies in hospital')).toEqual({ who: 'Girl', what: 'dies in hospital' });
    // "well" tagged as an adverb is the relative clause's object, not part of the verb group.
    expect(headlineEvent('Girl who fell down well dies in hospital')).toEqual({ who: 'Girl', what: 'dies in hospital' });
  });

  it('reads a headline participle before a finite verb as a reduced relative clause', () => {
    // "Boy trapped in X is found": the participle tells who the boy is; "is found" is the act.
    expect(headlineEvent('Boy, 6, trapped down mine shaft for three days is found alive')).toEqual({ who: 'Boy', what: 'is found alive' });
    expect(headlineEvent('Mother of toddler stuck in lift pleads for help')).toEqual({ who: 'Mother of toddler', what: 'pleads for help' });
    // Without a later finite verb the participle is the act itself.
    expect(headlineEvent('Hospital chief cleared by inquiry over waiting lists').what).toBe('cleared by inquiry');
  });

  it('reads a headline noun before "to" and a verb as the verb ("Rescuers race to save")', () => {
    expect(headlineEvent('Rescuers race to free miners trapped underground')).toEqual({ who: 'Rescuers', what: 'race to free miners trapped underground' });
  });

  it('keeps a plural noun after a capitalised word in the actor when a verb follows it', () => {
    // "Junior doctors ... vote", "Harbour Hawks fans celebrate": the -s word is the subject's head.
    expect(headlineEvent('Junior doctors in Wales vote to strike over pay')).toEqual({ who: 'Junior doctors', what: 'vote to strike over pay' });
    expect(headlineEvent('Harbour Hawks fans celebrate title win').who).toBe('Harbour Hawks fans');
    // Followed by no other verb, the -s word is the verb ("Lady Gaga stages protest").
    expect(headlineEvent('Acme Corp stages protest outside city hall').what).toBe('stages protest outside city hall');
  });

  it('reads a bare noun-tagged word after a plural subject as its verb ("teams dig", "families demand")', () => {
    expect(headlineEvent('Rescue teams dig through night to reach trapped miners').who).toBe('Rescue teams');
    expect(headlineEvent('Families of crash victims demand answers')).toEqual({ who: 'Families of crash victims', what: 'demand answers' });
    // A participle later in the clause ("trapped") shows the -s word is the subject's head, not the verb.
    expect(headlineEvent('Welsh rescuers dig for climber trapped in cave')).toEqual({ who: 'Welsh rescuers', what: 'dig for climber trapped' });
  });

  it('ends the act before a second clause with its own subject ("and more than 40 have been")', () => {
    const e = eventOf('Four people have died and more than 40 have been injured after a coach overturned near Harwick on Monday.');
    expect(e?.who).toBe('Four people');
    expect(e?.what).toBe('have died');
  });

  it('reads the clause after ", but" only when the one before it has no actor', () => {
    expect(headlineEvent('You knew it would be hard, but the Harbour Hawks are league champions')).toEqual({ who: 'Harbour Hawks', what: 'are league champions' });
    expect(headlineEvent('Acme Corp raises its prices, but shoppers are not happy').who).toBe('Acme Corp');
  });

  it('gives the actor\'s full name when the headline uses a surname', () => {
    // Back-page style: the headline has the surname, the lead the whole name.
    const text =
      'Tom Hartley has resigned as manager of Ashby Town after three years in charge. ' +
      'Hartley said he was proud of what the players had achieved.';
    expect(eventWithEntities(text, 'Hartley quits as Ashby Town manager')?.who).toBe('Tom Hartley');
    // A common noun actor is kept as written.
    expect(eventWithEntities('Firefighters rescued a dog from a frozen lake on Monday.', 'Firefighters rescue dog from frozen lake')?.who).toBe('Firefighters');
  });

  it('falls back on the lead sentence without a usable headline', () => {
    const e = eventOf(FIRE_STORY, null);
    expect(e?.who).toBe('Firefighters');
    expect(e?.what).toMatch(/^rescued twelve people/);
  });

  it('finds the time phrase of the lead, with its part of day', () => {
    expect(eventOf(FIRE_STORY)?.when).toBe('Monday morning');
  });

  it('reads "yesterday" and "this morning" in the lead as the day they name, over a later weekday', () => {
    // British tabloid style: the act's day is "yesterday"; the weekday below is background.
    const tabloid =
      'TRIBUTES have been paid to a teenage cyclist who was killed in a crash on a country lane yesterday. ' +
      'Sam Hollis, 19, had been out with friends on Saturday, his family said. The lorry driver was not hurt.';
    expect(eventWithTimes(tabloid, '2025-05-13')?.when).toBe('yesterday');
    // Broadcaster style: "this morning".
    const broadcast =
      'A bus company has cancelled all of its night services in the county, it announced this morning. ' +
      'The firm said on Friday it was reviewing its timetable after two buses failed checks last week.';
    expect(eventWithTimes(broadcast, '2025-10-21')?.when).toBe('this morning');
  });

  it('does not date the act by a "yesterday" below the opening sentence', () => {
    // Tabloid style: a friend's act is dated "yesterday" nearer the lead than the actor's own day.
    const text =
      'A pop star staged a protest outside the tower. Her friend, a vocal supporter, tweeted yesterday that she was upset. ' +
      'The star waved a sign in the early hours of Wednesday as crowds gathered.';
    expect(eventWithTimes(text, '2025-11-09')?.when).toMatch(/early hours of Wednesday/);
  });

  it('prefers the news day to an old calendar date in the lead', () => {
    const text =
      'The council approved the new bridge on Tuesday. The plan was first proposed on January 3, 2023, by residents. ' +
      'Construction is expected to take two years.';
    expect(eventOf(text, null, '2024-03-13')?.when).toBe('Tuesday');
  });

  it('finds the place after a locative, keeping its region', () => {
    expect(eventOf(FIRE_STORY)?.where).toBe('Harwick, Dorset county');
  });

  it('reads a dateline as the place', () => {
    const text = 'NAIROBI — Officials opened a new railway line on Friday, cutting journey times across the region by half.';
    // A dateline's capitals are typography: the place in its usual case.
    expect(eventOf(text)?.where).toBe('Nairobi');
  });

  it('reads a dateline whose region has several words', () => {
    const text = 'SANTO DOMINGO, Dominican Republic (AP) — Officials said on Monday that the new port terminal would open next year.';
    expect(eventOf(text)?.where).toBe('Santo Domingo');
  });

  it('takes a known place after the lead verb over the wire dateline', () => {
    const text =
      'WASHINGTON (Reuters) - Floods cut off villages in Nepal on Sunday, cutting power to thousands of homes, officials said. ' +
      'Aid agencies in Washington pledged emergency funds.';
    expect(eventOf(text)?.where).toBe('Nepal');
    // Without a place in the act's clause, the dateline stays the answer.
    expect(eventOf('WASHINGTON (Reuters) - The agency said on Sunday it had approved the new drug after a long review.')?.where).toBe('Washington');
  });

  it('names the place of an incident from "the X crash"', () => {
    const text =
      'Investigators have named the driver involved in the Brinkley bus crash. The driver, 54, was treated at hospital. ' +
      'Police said the Brinkley bus crash is still under investigation.';
    expect(eventOf(text)?.where).toBe('Brinkley');
  });

  it('names the incident place even when the headline actor contains it', () => {
    const text =
      'Three passengers of the Brinkley ferry collision have been named by police. ' +
      'The ferry struck a pier as it turned into the harbour, the coastguard said. Repairs began at the pier this week.';
    expect(eventOf(text, 'Brinkley ferry collision victims named')?.where).toBe('Brinkley');
  });

  it('does not take a label before a number for a place', () => {
    const text = 'The Harbor Hawks rallied past the Mill Town Rovers in Game 7 for their first title since 1950.';
    expect(eventWithEntities(text)?.where).toBeNull();
  });

  it('ignores places named in share bars and captions', () => {
    const text =
      'The museum reopened its east wing after two years of repairs, the director said on Friday. ' +
      'Video will play in Share this video Click to share on Facebook (Photo: Getty Images) ' +
      'Visitors queued from early morning to see the restored ceiling.';
    expect(eventWithEntities(text)?.where).toBeNull();
  });

  it('does not take a place word inside an organisation name for the place', () => {
    const text =
      'The jury returned its verdict after three days of talks, the court heard on Monday. ' +
      '(Photo: Ann Reed/The Madrid Herald) The defence said it would appeal the decision.';
    const doc = analyse(text);
    const herald = { id: 'e0', name: 'Madrid Herald', kind: 'organization' as const, aliases: [], roles: [], mentions: [{ start: text.indexOf('Madrid Herald'), end: text.indexOf('Madrid Herald') + 13 }] };
    const e = extractEvent(doc, { article: article(text), entities: [herald], times: [], quotes: [] });
    expect(e?.where).toBeNull();
  });

  it('takes a time told against another event', () => {
    const text =
      'The mayor won a vital endorsement just two days before the election, after a week of bad polls. ' +
      'Her rival had been endorsed on October 2, 2023, by the same union.';
    expect(eventOf(text, null, '2023-11-06')?.when).toBe('just two days before the election');
  });

  it('does not answer with a vague time named only deep in the story', () => {
    const filler = 'The company said the change would help it meet costs and keep prices steady for shoppers. ';
    const text = 'Toymaker Brightworks has changed the shape of its best-selling puzzle box. ' + filler.repeat(10) + 'Sales usually peak before Christmas.';
    expect(eventOf(text)?.when).toBeNull();
  });

  it('does not take the date line of an embedded post for the event time', () => {
    const text =
      'The town council last month approved a plan to turn the old rail depot into a public park. ' +
      'Residents cheered the decision online. Finally some green space for the east side! pic.twitter.com/abc123 ' +
      '— Jane Roe (@janeroe_town) March 10, 2024 ' +
      'Work on the park is expected to take two years.';
    expect(eventWithEntities(text)?.when).toBe('last month');
  });

  it('knows the date lines of posts and page stamps', () => {
    const at = (text: string, phrase: string) => isPostDate(text, text.indexOf(phrase));
    expect(at('Great day. — Jane Roe (@janeroe) March 10, 2024', 'March 10')).toBe(true);
    expect(at('A photo posted by Town Hall (@townhall) on Mar 10, 2024 at 1:57am PST', 'Mar 10')).toBe(true);
    expect(at('PUBLISHED: 08:12 EST, 10 March 2024 | UPDATED: 09:00 EST', '10 March')).toBe(true);
    expect(at('The council met on March 10, 2024 to vote on the park.', 'March 10')).toBe(false);
  });

  it('does not take a list of places mentioned in passing for the place', () => {
    const text =
      'The two candidates clashed over trade on Tuesday night, trading barbs about jobs lost to Mexico, China and the Middle East. ' +
      'Both promised to bring factories back. The forum was their last before the vote.';
    expect(eventWithEntities(text)?.where).toBeNull();
    const held = text.replace('The forum was', 'The forum, held in Dayton, Ohio, was');
    expect(eventWithEntities(held)?.where).toBe('Dayton, Ohio');
  });

  it('keeps a town with its state, and cuts a region before a country', () => {
    const town = 'At 9pm in Dayton, Ohio, Mayor Jane Roe opened the new bridge to traffic after two years of work.';
    expect(eventWithEntities(town)?.where).toBe('Dayton, Ohio');
    const region = 'Oil prices rose on Monday as tensions grew in the Middle East, China said it would buy more crude.';
    expect(eventWithEntities(region)?.where).not.toBe('Middle East, China');
  });

  it('does not take a person after "in" for a place', () => {
    const text = 'Voters placed their trust in Hillary Smith after a long campaign, the results showed on Sunday.';
    expect(eventOf(text)?.where).toBeNull();
  });

  it('gives the cause and the manner clauses', () => {
    const e = eventOf(FIRE_STORY);
    expect(e?.why).toBe('because of a faulty heater');
    expect(e?.how).toBe('by climbing ladders from the street');
  });

  it('keeps a cause clause inside its own line and sentence', () => {
    const e = eventOf('The ferry service resumed on Monday. Crews had worked for days.', 'Ferries sail again after long repairs');
    expect(e?.why).toBe('after long repairs');
    const runOn = eventOf('Ferries sailed again on Monday after long repairs The harbour master thanked the crews for their work.');
    expect(runOn?.why).toBe('after long repairs');
  });

  it('finds an outright cause a little below the lead when the lead gives none', () => {
    const lead = 'The bakery chain has cut the size of its loaves. Shoppers noticed the change this week. ' +
      'The loaves now weigh 700 grams. Prices stay the same. ';
    const e = eventOf(lead + 'The chain said the loaves were made smaller because of rising prices for flour and energy.');
    expect(e?.why).toBe('because of rising prices for flour and energy');
    expect(eventOf(lead + 'The chain has 300 shops.')?.why).toBeNull();
  });

  it('gives the head of the act as the manner when no manner clause is stated', () => {
    const e = eventOf('The singer staged a protest outside the tower on Wednesday. Fans joined her.', 'Singer stages protest outside tower');
    expect(e?.what).toBe('stages protest outside tower');
    expect(e?.how).toBe('stages protest');
    // A state ("are champions") is no act: no manner to give.
    expect(eventOf('The Harbour Hawks are league champions after a long season.', 'Harbour Hawks are league champions')?.how).toBeNull();
  });

  it('answers null where the article does not say', () => {
    const e = eventOf('The committee met to discuss the budget. Members agreed to meet again.');
    expect(e?.when).toBeNull();
    expect(e?.where).toBeNull();
    expect(e?.why).toBeNull();
  });

  it('survives bad input', () => {
    // analyse('') is not safe yet (nlp.ts), so the empty article is given as an empty doc.
    const empty = { text: '', tokens: [], sentences: [], entities: [] };
    expect(extractEvent(empty, { article: article(''), entities: [], times: [], quotes: [] })).toBeNull();
    expect(() => eventOf('Hello.')).not.toThrow();
    expect(() => eventOf('Ünïcödé 東京 🚀 — «ça va?» Zürich, naïve café. 😀'.repeat(3), 'Ünïcödé: 東京')).not.toThrow();
    const long = FIRE_STORY.repeat(400);
    const e = eventOf(long, 'Firefighters rescue twelve from burning flats');
    expect(e?.who).toBe('Firefighters');
  });
});
