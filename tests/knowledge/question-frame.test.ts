// Reading a question into its frame (knowledge/question) and a sentence into the parts answering
// needs (knowledge/sentence): chat-typed questions and sentences in several house styles.
import { describe, expect, it } from 'vitest';
import { followUpTopic, frameOf, happenedTo, hasPronounSubject, leansOnConversation, parseQuestion, withoutFrameWords, withPersonNamed } from '../../src/knowledge/question/index.ts';
import { agentAfterBy, namedAsRole, numberPhrases, pastTense, placePhrases, placesInTime, postAuthor, spelledOut, subjectBefore } from '../../src/knowledge/sentence/index.ts';

const frame = (text: string) => frameOf(parseQuestion(text));

describe('question frame', () => {
  it('gives the kind and the type of answer expected', () => {
    expect(frame('who shot the night guard?')).toMatchObject({ kind: 'who', expects: 'person' });
    expect(frame('when did the cider press open')).toMatchObject({ kind: 'when', expects: 'time' });
    expect(frame('wheres the ferry terminal')).toMatchObject({ kind: 'where', expects: 'place' });
    expect(frame('how many pupils were sent home?')).toMatchObject({ kind: 'count', expects: 'number' });
    expect(frame('why was the bridge closed')).toMatchObject({ kind: 'why', expects: 'reason' });
    expect(frame('what did Harriet Quill say about the terminal?')).toMatchObject({ kind: 'what-said', expects: 'quote' });
  });

  it('takes the expected type from the wh-word and its noun: "what party is he" asks what he is, not who did it', () => {
    expect(frame('what party is he')).toMatchObject({ kind: 'what', expects: 'organization', constraints: { attribute: { noun: 'party', of: 'he' } } });
    expect(frame('which party does Lucia Ortega belong to').constraints.attribute).toEqual({ noun: 'party', of: 'Lucia Ortega' });
    expect(frame('which party won the most seats')).toMatchObject({ kind: 'who', expects: 'person' });
    expect(frame('what party is he').constraints.noun).toBeUndefined();
  });

  it('"who\'s the <role> saying <claim>" asks who said the claim', () => {
    expect(parseQuestion("who's the harbour engineer saying the pier will be shut until june")).toMatchObject({ type: 'who-said', quote: 'the pier will be shut until june', about: 'the harbour engineer' });
    expect(parseQuestion('who is the man seen leaving the bank').type).toBe('who');
    expect(parseQuestion("who's tova lind's dad")).toMatchObject({ type: 'name', about: "tova lind's dad" });
  });

  it('reads the focus: the names the question holds', () => {
    expect(frame('why did Mayor Ruth Adair delay the vote').focus).toEqual(['Mayor Ruth Adair']);
    expect(frame('why did Mayor Ruth Adair delay the vote').focusWords).toEqual(['Mayor', 'Ruth', 'Adair']);
    expect(frame('why was the vote delayed').focus).toEqual([]);
  });

  it('reads the predicate: the act, its object question, a passive', () => {
    expect(frame('who stabbed the shopkeeper').predicate).toMatchObject({ verb: 'stabbed', passive: false });
    expect(frame('when did the plant open').predicate.verb).toBe('open');
    expect(frame('who did the mayor ask for help?').predicate.object).toEqual({ subject: 'the mayor', verb: 'ask', rest: ' for help' });
    expect(frame('who was injured in the crash').predicate).toMatchObject({ passive: true, participle: 'injured' });
  });

  it('reads the act with the tagger, past the verbs that only lead to it', () => {
    expect(frame('when is the supply ship going to burn up').predicate.act).toBe('burn');
    expect(frame("who's accused of shooting the jogger").predicate.act).toBe('shooting');
    expect(frame('when were the ferry suspects arrested').predicate.act).toBe('arrested');
    expect(frame('why did the mayor call an election').predicate.act).toBe('call');
    expect(frame("when's the punch case back in court").predicate.act).toBeUndefined();
    expect(frame('which harbour legend waved off the crew').constraints.which).toBe('harbour legend');
    expect(frame('who waved off the crew').constraints.which).toBeUndefined();
  });

  it('reads the constraints the answer must meet', () => {
    expect(frame('who is the harbour master').constraints.role).toBe('harbour master');
    expect(frame('when will the new bridge open?').constraints.future).toBe(true);
    expect(frame('when did the new bridge open?').constraints.future).toBe(false);
    expect(frame('how deep was the well').constraints.dimension).toBe('deep');
    expect(frame('how much money went missing').constraints).toMatchObject({ dimension: 'much', counted: 'money', money: false });
    expect(frame('how much did the tickets cost').constraints).toMatchObject({ dimension: 'much', money: true });
    expect(frame('how much did profits fall').constraints).toMatchObject({ change: true, money: false });
    expect(frame('what percentage of voters backed it').constraints.share).toBe(true);
    expect(frame('which village was flooded').constraints.placeNoun).toBe('village');
    expect(frame('where is Tomas Reyes from').constraints.origin).toBe('Tomas Reyes');
    expect(frame('where is Franklin Park located').constraints.placeAsked).toBe('Franklin Park');
    expect(frame('what does NHS stand for').constraints.acronym).toBe('NHS');
    expect(frame('what sentence did he get').constraints.noun).toBe('sentence');
    expect(frame('what kind of dog was it').constraints.noun).toBeUndefined();
    expect(frame('what happened to the driver?').constraints.happenedTo).toBe(true);
    expect(frame('whats the final score').constraints.score).toBe(true);
  });

  it('reads a follow-up by the text it has now: the frame follows the question text', () => {
    const q = parseQuestion('when?');
    expect(frameOf(q).predicate.verb).toBeUndefined();
    expect(frameOf({ ...q, text: 'when did the plant close' }).predicate.verb).toBe('close');
  });
});

describe('question wording in a conversation', () => {
  it('reads pronouns for the person the conversation named', () => {
    expect(withPersonNamed('how old is he and what is his job', 'Victor Hale')).toBe("how old is Victor Hale and what is Victor Hale's job");
    expect(hasPronounSubject('where is she from')).toBe(true);
    expect(hasPronounSubject('where is the ferry from')).toBe(false);
    expect(hasPronounSubject('who said "and she was never told"')).toBe(false);
    expect(leansOnConversation('what did they add')).toBe(true);
    expect(leansOnConversation('what did the council add')).toBe(false);
  });

  it('keeps the topic of a follow-up and drops the words that frame a question', () => {
    expect(followUpTopic('when did the plant close')).toBe('the plant close');
    expect(followUpTopic('how many jobs went')).toBe('jobs went');
    expect(withoutFrameWords('how deep is the well').trim()).toBe('is the well');
    expect(happenedTo("what happened to the boy's parents").split(/\s+/)).toEqual(['the', 'parents']);
  });
});

describe('sentence reading', () => {
  it('ties a name to the role written next to it', () => {
    expect(namedAsRole('The ferry captain ', ' said the crossing', 'captain')).toBe(true);
    expect(namedAsRole('a captain named ', ' said', 'captain')).toBe(true);
    expect(namedAsRole('Passengers thanked ', ', the captain of the ferry, for', 'captain')).toBe(true);
    expect(namedAsRole('The captain thanked ', ' for the help', 'captain')).toBe(false);
  });

  it('tells a length from a point in time, and finds a verb in the past', () => {
    expect(placesInTime(' after she left')).toBe(true);
    expect(placesInTime(' of talks')).toBe(false);
    expect(pastTense('open').test('The plant opened in 1964.')).toBe(true);
    expect(pastTense('open').test('to keep the plant open')).toBe(false);
  });

  it('keeps a counted list whole and drops a number in a name', () => {
    expect(numberPhrases('Six men and one woman died on Route 9, while 50 other passengers were hurt.')).toEqual(['Six men and one woman', '50 other passengers']);
  });

  it('finds venue phrases, publications and roads at their offsets', () => {
    const text = 'She spoke at a rally near the harbour and later wrote in the journal Coastal Studies about State Route 12.';
    const found = placePhrases(text);
    expect(found.map((p) => p.name)).toEqual(['the journal Coastal Studies', 'State Route 12', 'a rally', 'the harbour', 'the journal']);
    for (const p of found) expect(text.slice(p.start, p.end)).toContain(p.name);
    expect(found.find((p) => p.name === 'a rally')?.head).toBe('rally');
  });

  it('finds the subject before the asked verb, and the agent after "<verb> by"', () => {
    const isClosed = (w: string) => /^clos/i.test(w);
    expect(subjectBefore('The bridge was closed after inspectors found cracks.', (w) => /^found$/i.test(w))).toBe('inspectors');
    expect(subjectBefore('Two engineers closed the lane on Friday.', isClosed)).toBe('Two engineers');
    expect(subjectBefore('he closed the lane', isClosed)).toBeNull();
    expect(agentAfterBy('The survey, led by geologist Ana Ortiz, mapped the cave.', (w) => w === 'led')).toBe('geologist Ana Ortiz');
  });

  it("reads an embedded post's byline and an acronym's spelling", () => {
    const text = 'Great day on the water! — Ann Lee (@annlee) October 31, 2016';
    expect(postAuthor(text, 0)).toEqual({ name: 'Ann Lee', handle: '@annlee', date: 'October 31, 2016' });
    expect(spelledOut('Officials at the Coastal Ferry Authority (CFA) said sailings resume.', 'CFA')).toBe('Coastal Ferry Authority');
    expect(spelledOut('The ferry operator (CFA) said sailings resume.', 'CFA')).toBeNull();
  });
});
