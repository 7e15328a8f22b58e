// Verification of an answer against what the question asks for: each constraint a news question
// puts on its answer is one named rule. An answer that breaks any rule that applies is no answer
// (the articles don't say); one that keeps them gains a little confidence for each.
// Pure: the caller (on-topic.ts) gives the question, the answer's lead, its cited sentences and a way to
// learn what kind of thing a name is in the cited article.
import type { Entity } from '../../knowledge/facts.ts';
import { frameOf, PERSON_ROLE, type Question, type QuestionType } from '../../knowledge/question/index.ts';
import { AGE_WORDS, MONEY } from '../../knowledge/sentence/index.ts';
import { analyse } from '../../knowledge/nlp.ts';
import { escapeRegExp } from '../wording.ts';

/** What a rule sees of an answer. */
export interface Claim {
  question: Question;
  /** The kind of answer given (a who-question answered by its sentence stays 'who'). */
  type: QuestionType;
  /** The short answer without its source ("Dale Orwin" of "Dale Orwin (a teacher), according to police"). */
  lead: string;
  /** Whether the answer has a lead of its own (not only a sentence). */
  hasLead: boolean;
  /** The cited sentences. */
  evidence: string[];
  /** The kind of the entity a name stands for in the cited article, if it names one. */
  kindOf: (name: string) => Entity['kind'] | undefined;
}

export interface Rule {
  name: string;
  /** Whether the question puts this constraint on its answer. */
  applies: (c: Claim) => boolean;
  holds: (c: Claim) => boolean;
}

/** A time a calendar or a clock tells: a number, a day, a month, a part of a day, "last week". */
const CALENDAR = /\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|dawn|weekend|week|month|year|spring|summer|autumn|fall|winter|christmas|easter|decade|century)\b/i;

/** A part of an event that times an act within it: "in the second half", "in the final round". */
const EVENT_PART = /\b(?:half|quarter|period|round|innings?|lap|set|minute|stage|leg)\b/i;

/**
 * Whether a lead can answer a when-question: a time on the calendar or the clock, or for an act
 * within an event a part of it ("when did the floodlight fail" — "in the second half"; not "when was the match").
 */
export function answersWhen(question: string, lead: string): boolean {
  return CALENDAR.test(lead) || (!/^when (?:is|was|were|are)\b/i.test(question) && EVENT_PART.test(lead));
}

/** Words that end no name or role ("The family of —", "for —"). */
const DANGLING = new Set('of for to the a an and or in on at by with from as that who which'.split(' '));
/** Words that begin no name ("he kept —"). */
const PRONOUN_START = new Set('he she it they we i you his her its their this these those'.split(' '));
/** A title cut from its name ("Army Spc" of "Army Spc. Dale Orwin") names no one. */
const TITLE_STUB = /^(?:spc|sgt|cpl|pvt|lt|col|gen|maj|capt|cmdr|adm|gov|sen|rep|supt|insp|det|dr|mr|mrs|ms|st|rev|prof|hon)\.?$/i;

/** The who of a lead: without its source (", according to …") and its description ("(the mayor)"). */
export function leadName(lead: string): string {
  return lead.replace(/,? according to .*$/s, '').replace(/\s*\(.*$/s, '').trim();
}

/**
 * A who-answer leads with a name or a role phrase ("Dale Orwin", "a police spokesman"), never a
 * fragment cut at a function word ("The family of"), a clause ("he kept"), a bare title
 * ("Army Spc") or a whole sentence.
 */
export function nameLike(lead: string): boolean {
  const words = leadName(lead).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const first = words[0].toLowerCase();
  const last = words[words.length - 1].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return !PRONOUN_START.has(first) && !DANGLING.has(last) && !TITLE_STUB.test(last);
}

/** Nouns that say a name is no person when they stand before it: "the magazine Nordlys". */
const ORGANISATION_NOUNS = '(?:magazine|newspaper|paper|tabloid|broadcaster|network|channel|website|agency|company|firm|bank|club|charity|union|outlet|daily|weekly|journal|airline|carrier|group)';

/** Who- and name-questions that name the role of the one asked for. */
function asksForPerson(c: Claim): boolean {
  // (A who-said question asks by a role only as "who's the scientist saying …", its `about`.)
  if (c.type !== 'who' && c.type !== 'name' && !(c.type === 'who-said' && c.question.about)) return false;
  const asked = c.question.about ?? c.question.text.replace(/^\S+\s+/, '');
  return PERSON_ROLE.test(asked);
}

/** The words of a name that are its own (capitalised, three letters or more). */
function nameWords(name: string): string[] {
  return (name.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? []).map((w) => w.toLowerCase());
}

/** "… 41-year-old Pavel Mirko …": the number stands for someone's age there. */
function isAgeIn(number: string, sentence: string): boolean {
  const n = escapeRegExp(number);
  return new RegExp(String.raw`\b${n}[- ]years?[- ]old\b|\baged\s+${n}\b|,\s${n},`, 'i').test(sentence);
}

/**
 * The noun of "what <noun> did / was / is …" ("sentence" of "what sentence did he get"), or the
 * head of "which <noun phrase> …" ("song" of "which song was he playing").
 */
function askedThing(q: Question): string | undefined {
  const { noun, which } = frameOf(q).constraints;
  return noun ?? which?.split(/\s+/).pop()?.toLowerCase();
}

/** Prepositions that end a question asking for what completes its verb: "sentenced to", "charged with", "accused of". */
const COMPLEMENT_PREPOSITION = '(?:to|with|of|for|by|as|in|on|over)';

/**
 * The verb of "what was he sentenced to", "what are they accused of": the question asks for what
 * completes that verb, so the answer's sentence must tell that act, not another one.
 */
function completedAct(q: Question): string | undefined {
  const act = frameOf(q).predicate.act;
  if (!act) return undefined;
  const shape = new RegExp(String.raw`^what(?:['’]s|\s+(?:was|were|is|are|has been|have been|had been))\s.+\s${escapeRegExp(act)}\s+${COMPLEMENT_PREPOSITION}\s*\??$`, 'i');
  return shape.test(q.text.trim()) ? act : undefined;
}

/** Whether a sentence holds a word in some form: "sentence" → "sentenced"; "arrested" → "arrest". */
function holdsWord(word: string, sentence: string): boolean {
  const stem = word.replace(/(?:ied|ed|d)$/, (x) => (x === 'ied' ? 'y' : '')).replace(/([^aeiou])\1$/, '$1');
  return new RegExp(String.raw`\b${escapeRegExp(stem.length >= 4 ? stem.slice(0, Math.max(4, stem.length - 1)) : stem)}`, 'i').test(sentence);
}

/** Words after a thing that say which it is: "music by Arden", "the charge of fraud", "the song called …". */
const NAMING_AFTER = /^\s*(?:by|of|called|named|titled|[:'‘"“(]|\p{Lu})/u;

/** Each time a sentence names a thing as a noun, and whether only a quality goes before it and nothing naming after ("loud music"). */
function mentions(thing: string, sentence: string): Array<{ generic: boolean }> {
  const tokens = analyse(sentence, { winkEntities: false }).tokens;
  const out: Array<{ generic: boolean }> = [];
  tokens.forEach((t, i) => {
    if (t.normal !== thing && t.normal !== `${thing}s`) return;
    const before = tokens[i - 1];
    const quality = !before || before.pos === 'ADJ' || before.pos === 'DET' || before.pos === 'ADV' || before.pos === 'VERB' || before.pos === 'PRON';
    out.push({ generic: quality && !NAMING_AFTER.test(sentence.slice(t.end)) });
  });
  return out;
}

/** The first number of a count's lead ("38" of "38, according to police"). */
function leadNumber(c: Claim): string | undefined {
  return /\d[\d,.]*/.exec(leadName(c.lead))?.[0];
}

/** Whether a count's lead names what the question counts ("200 fans" for "how many fans"). */
function namesCounted(c: Claim): boolean {
  const counted = countedNoun(c.question);
  return !!counted && leadName(c.lead).toLowerCase().includes(counted.replace(/e?s$/, ''));
}

/** Whether a how-question asks this dimension ("how much", "how old"). */
function asks(c: Claim, dimension: string): boolean {
  return frameOf(c.question).constraints.dimension?.toLowerCase() === dimension;
}

/** The thing a how-many question counts ("armenians" in "how many armenians were killed"). */
function countedNoun(q: Question): string | undefined {
  const { dimension, counted } = frameOf(q).constraints;
  return dimension?.toLowerCase() === 'many' ? counted?.toLowerCase() : undefined;
}

/**
 * The constraints, in the order they are checked. Each is true of news questions in general:
 * the answer must be the kind of thing asked for, and it must stand in the evidence cited.
 */
export const RULES: Rule[] = [
  {
    // "The family of", "he kept", "Army Spc" answer no who-question.
    name: 'who-is-a-name',
    applies: (c) => c.type === 'who' || c.type === 'name',
    holds: (c) => nameLike(c.lead),
  },
  {
    // "What's the name of the guard who was killed?" is not answered by "Elm Streets" when the cited
    // sentence names no one: the one named must stand in the evidence the answer cites.
    name: 'name-in-evidence',
    applies: (c) => asksForPerson(c) && c.hasLead && nameWords(leadName(c.lead)).length > 0,
    holds: (c) => {
      const words = nameWords(leadName(c.lead));
      const evidence = c.evidence.join(' ').toLowerCase();
      return words.some((w) => new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(w)}(?![\p{L}])`, 'u').test(evidence));
    },
  },
  {
    // "Who's the scientist …" is a person: "CNN" (an organisation) or "Riverside Park" (a place) is not.
    name: 'person-for-a-person',
    applies: (c) => asksForPerson(c) && c.hasLead,
    holds: (c) => {
      const name = leadName(c.lead);
      const kind = c.kindOf(name);
      // "the weekly magazine Nordlys": the evidence calls it a publication or a company, whatever its
      // entity says; "PORT ELLIS (Coastline Wire) —" credits a news agency.
      const called = new RegExp(String.raw`\b${ORGANISATION_NOUNS}\s+(?:the\s+)?${escapeRegExp(name)}\b|\(${escapeRegExp(name)}\)`, 'i');
      return kind !== 'organization' && kind !== 'place' && !c.evidence.some((s) => called.test(s));
    },
  },
  {
    // "How much is the council spending …" wants money, not "12 years" or "200 fans".
    name: 'money-for-how-much',
    applies: (c) => c.type === 'count' && asks(c, 'much') && frameOf(c.question).constraints.money,
    holds: (c) => MONEY.test(c.lead),
  },
  {
    // "How old was she" wants an age: a number a life can have.
    name: 'age-for-how-old',
    applies: (c) => c.type === 'count' && asks(c, 'old'),
    holds: (c) => {
      const n = leadNumber(c);
      return n !== undefined ? Number(n.replace(/,/g, '')) <= 130 : new RegExp(String.raw`\b(${AGE_WORDS})\b`, 'i').test(c.lead);
    },
  },
  {
    // "How many were deported" is not answered by the 41 of "41-year-old Pavel Mirko".
    // (A year is not refused the same way: "2000 people" would be lost with "the 1926 strike".)
    name: 'count-not-an-age',
    applies: (c) => c.type === 'count' && asks(c, 'many') && leadNumber(c) !== undefined,
    holds: (c) => namesCounted(c) || !c.evidence.some((s) => isAgeIn(leadNumber(c)!, s)),
  },
  {
    // "What sentence did he get?" is answered by a sentence that tells a sentence, not by
    // "… was charged with murder": the thing asked for must be named in the evidence.
    name: 'what-names-the-thing',
    applies: (c) => c.type === 'what' && askedThing(c.question) !== undefined,
    holds: (c) => c.evidence.some((s) => holdsWord(askedThing(c.question)!, s)),
  },
  {
    // "What was he sentenced to?" is not answered by "… was charged with arson": the act whose
    // complement is asked for must be told in the evidence ("sentenced", "a sentence of …").
    name: 'what-tells-the-act',
    applies: (c) => c.type === 'what' && completedAct(c.question) !== undefined,
    holds: (c) => c.evidence.some((s) => holdsWord(completedAct(c.question)!, s)),
  },
  {
    // "What music was he playing?" asks which music: "playing loud music" names none. The thing is
    // named by a word before it that is no mere quality ("a fraud charge"), or by what follows it
    // ("music by …", "the song 'Arden'"); a sentence that has it only as "loud music" does not say.
    name: 'what-says-which',
    applies: (c) => c.type === 'what' && !c.hasLead && askedThing(c.question) !== undefined,
    holds: (c) => {
      const all = c.evidence.flatMap((s) => mentions(askedThing(c.question)!, s));
      return all.length === 0 || all.some((m) => !m.generic);
    },
  },
  {
    // "What's the name of the guard" is answered by a name, not by a role ("a night guard").
    name: 'a-name-when-asked-for-one',
    applies: (c) => (c.type === 'who' || c.type === 'name') && /\bnamed?\b/i.test(c.question.text),
    holds: (c) => /^(?!(?:The|A|An|His|Her|Their|Its)\b)\p{Lu}/u.test(leadName(c.lead)),
  },
  {
    // "When was the match?" is answered by a time on the calendar or the clock, not by "the second
    // half"; an act within an event may be ("when did the floodlight fail" — "in the second half").
    name: 'when-is-a-time',
    applies: (c) => c.type === 'when' && c.hasLead,
    holds: (c) => answersWhen(c.question.text, leadName(c.lead)),
  },
];

/** The rules an answer breaks (empty: it stands) and how many it kept. */
export function verify(c: Claim): { broken: string[]; held: number } {
  const broken: string[] = [];
  let held = 0;
  for (const rule of RULES) {
    if (!rule.applies(c)) continue;
    if (rule.holds(c)) held++;
    else broken.push(rule.name);
  }
  return { broken, held };
}
