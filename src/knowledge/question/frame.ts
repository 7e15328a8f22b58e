// A question read into a frame: its kind, the type of answer it expects, its focus (the names it
// holds), its predicate (the act asked about) and the constraints it puts on the answer ("the
// tram driver", "how deep", "when will …"). Every kind of answerer reads its slots from here, so a
// wording rule for questions has one place. Pure: read from the question's text alone.
import { CHANGE_VERBS } from '../sentence/numbers.ts';
import { actOf, whichPhrase } from './act.ts';
import { attributeAsked } from './nouns.ts';
import { ASKS_MONEY, OBJECT_QUESTION, SCORE_QUESTION } from './slots.ts';
import type { Question, QuestionType } from './types.ts';

/** The type of answer a kind of question expects. */
export type AnswerType = 'person' | 'organization' | 'description' | 'place' | 'time' | 'number' | 'quote' | 'reason' | 'event' | 'articles' | 'metadata' | 'text';

const EXPECTS: Record<QuestionType, AnswerType> = {
  'who-said': 'person', 'what-said': 'quote', 'who-is': 'description', who: 'person', name: 'person',
  when: 'time', where: 'place', count: 'number', why: 'reason', how: 'text', 'what-happened': 'event',
  summary: 'event', what: 'text', meta: 'metadata', list: 'articles', unknown: 'text',
};

/** What an attribute question expects, by its noun: "what party" an organisation. */
const ATTRIBUTE_EXPECTS: Record<string, AnswerType> = { party: 'organization' };

/** The act asked about. */
export interface Predicate {
  /** The verb as written: "shot" of "who shot the guard", "open" (lower case) of "when did the plant open". */
  verb?: string;
  /** "Who did the mayor ask for help?": the asker's subject ("the mayor"), the verb ("ask") and the rest ("for help"). */
  object?: { subject: string; verb: string; rest: string };
  /** "Who was shot?": the one the act happened to is asked for. */
  passive: boolean;
  /** The participle of a passive question ("shot"). */
  participle?: string;
  /** The verb of the act asked about, as written, whatever the kind: "burn" of "when is the ship going to burn up". */
  act?: string;
}

/** What the answer must fit besides the topic. */
export interface Constraints {
  /** "Who is the fbi director?": the role the answer holds. */
  role?: string;
  /** "When will …", "is due to …": a time still ahead of the story. */
  future: boolean;
  /** "How deep / far / many / much …": the asked dimension, as written. */
  dimension?: string;
  /** "How many cases", "how much money": the noun counted, as written. */
  counted?: string;
  /** "What percentage …": a share. */
  share: boolean;
  /** "How much did profit fall": a change (answered by a percentage). */
  change: boolean;
  /** "How much did it cost": a sum of money. */
  money: boolean;
  /** "Which harbour legend waved off the crew": the noun phrase a which-question asks for. */
  which?: string;
  /** "Which village …": the kind of place asked for, in lower case. */
  placeNoun?: string;
  /** "Where is X from?": X. */
  origin?: string;
  /** "Where is X (located)?": X. */
  placeAsked?: string;
  /** "What is X?": X. */
  thing?: string;
  /** "What does X stand for?": X. */
  acronym?: string;
  /** "What was the score?" */
  score: boolean;
  /** "What sentence did he get?": the noun a what-question asks about, in lower case. */
  noun?: string;
  /** "What party is he?": the attribute asked ("party") and whom it is asked of ("he"). */
  attribute?: { noun: string; of: string };
  /** "What happened to / with X?" */
  happenedTo: boolean;
  /** The question quotes the words it asks about ("who said 'it was too fast'"). */
  quoted: boolean;
}

export interface Frame {
  kind: QuestionType;
  expects: AnswerType;
  /** Names the question holds: its capitalised runs after the first word ("Victor Hale"). */
  focus: string[];
  /** Capitalised words after the first, one by one (the words that name, not the act). */
  focusWords: string[];
  predicate: Predicate;
  constraints: Constraints;
}

type Reading = Omit<Frame, 'kind' | 'expects'>;

const AUXILIARY_AFTER_WHO = /^who\s+(?!(?:was|were|is|are|has|have|had|did|does|do|got)\b)(\w+)/i;
const WHEN_DID_VERB = /^when did .+ (\p{Ll}{3,})$/iu;
const PASSIVE = /^(who|whom)(?: (was|were|is|are|has been|have been|got|had been)\b|['’]s been\b)/i;
const PARTICIPLE = /^(?:who|whom)(?: (?:was|were|is|are|has been|have been|got|had been)|['’]s been) (\w+)/i;
// (Words end at a space, so the pattern cannot split one word many ways: "who is the " and 40
// letters before a "#" would otherwise take 2^40 tries.)
const ROLE = /^(?:who|whom) (?:is|was|are|were) (?:the|a|an) ((?:(?!who|that|which|whose)[\p{L}\p{N}'-]+ )*(?!who|that|which|whose)[\p{L}\p{N}'-]+) ?$/iu;
const FUTURE = /\b(will|shall|going to|(?:is|are) (?:due|set|expected|scheduled) to)\b/i;

/** The frame's reading of a text, without its kind (the kind is the parse's; an answerer may change it). */
function read(text: string): Reading {
  const object = OBJECT_QUESTION.exec(text);
  const attribute = attributeAsked(text);
  return {
    focus: text.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu) ?? [],
    focusWords: text.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu) ?? [],
    predicate: {
      verb: AUXILIARY_AFTER_WHO.exec(text)?.[1] ?? WHEN_DID_VERB.exec(text)?.[1]?.toLowerCase(),
      object: object ? { subject: object[1], verb: object[2], rest: object[3] } : undefined,
      passive: PASSIVE.test(text),
      participle: PARTICIPLE.exec(text)?.[1],
      act: actOf(text),
    },
    constraints: {
      role: ROLE.exec(text)?.[1]?.trim(),
      future: FUTURE.test(text),
      dimension: /^how (\w+)/i.exec(text)?.[1],
      counted: /^how (?:many|much) ([\p{L}-]+)/iu.exec(text)?.[1],
      share: /^what (percentage|percent|proportion|share)\b/i.test(text),
      change: CHANGE_VERBS.test(text),
      money: ASKS_MONEY.test(text),
      which: whichPhrase(text),
      placeNoun: /^(?:which|what|in which|in what) ([a-z]+)/i.exec(text)?.[1]?.toLowerCase(),
      origin: /^where (?:is|was|are|were|does|did|do) (.+?) (?:come )?from$/i.exec(text)?.[1],
      placeAsked: /^where (?:is|was|are|were) (?:the )?(.+?)(?: located)?$/i.exec(text)?.[1],
      thing: /^what (?:is|are|was|were) (?:the |an? )?(.+?)$/i.exec(text)?.[1],
      acronym: /^what (?:does|did) (?:the )?(.+?) stand for$/i.exec(text)?.[1],
      score: SCORE_QUESTION.test(text),
      // (The attribute's noun is answered by what it names, "a Democrat", not by the word "party".)
      attribute,
      noun: attribute ? undefined : askedNoun(text),
      happenedTo: /^what happened (to|with)\b/i.test(text),
      quoted: /["“”]/.test(text),
    },
  };
}

/** The noun of "what <noun> did / was / is …" ("sentence" of "what sentence did he get"). */
function askedNoun(text: string): string | undefined {
  const noun = /^what (\p{L}{3,}) (?:did|does|do|is|was|were|are|has|have|had|will|would)\b/iu.exec(text)?.[1]?.toLowerCase();
  return noun && !/^(kind|sort|type|else|exactly|happened|about)$/.test(noun) ? noun : undefined;
}

/** Readings by question text: a question is read once however many answerers look at it. */
const readings = new Map<string, Reading>();

/** The frame of a question (of its text as it stands: a follow-up's text holds the topic it took). */
export function frameOf(q: Question): Frame {
  let reading = readings.get(q.text);
  if (!reading) {
    if (readings.size >= 1000) readings.clear();
    readings.set(q.text, (reading = read(q.text)));
  }
  const attribute = reading.constraints.attribute;
  return { kind: q.type, expects: (attribute && ATTRIBUTE_EXPECTS[attribute.noun]) ?? EXPECTS[q.type], ...reading };
}
