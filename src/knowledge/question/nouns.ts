// The nouns a question asks with: "which village" asks for a place, "the tram driver" for a person.
import type { QuestionType } from './types.ts';

// "which <noun>" / "what <noun>" questions take their type from the noun asked about.
const PERSON_NOUNS = /^(person|people|man|men|woman|women|boy|girl|kid|child|children|celebs?|celebrit(y|ies)|players?|officials?|leaders?|politicians?|candidates?|officers?|suspects?|victims?|company|companies|organi[sz]ations?|group|groups|team|teams|agency|agencies|country|countries|party|parties|minister|president|senator|lawmakers?|judge|doctors?|police|star|stars|actors?|actress|singers?|member|members|family|relatives?|witness|witnesses)$/i;
/**
 * Nouns that ask for a person: "the agency scientist", "the tram driver's name", "which club
 * legend", "her dad". (A company or a team is asked for with other nouns.)
 */
export const PERSON_ROLE = /\b(person|man|woman|boy|girl|kid|child|teen|teenager|baby|scientist|researcher|professor|doctor|nurse|surgeon|driver|pilot|captain|guard|officer|policeman|policewoman|cop|detective|soldier|sergeant|gunman|shooter|suspect|killer|attacker|robber|thief|victim|widow|minister|secretary|senator|governor|mayor|president|chancellor|premier|lawmaker|politician|candidate|judge|lawyer|attorney|prosecutor|spokes(?:man|woman|person)|legend|star|player|striker|goalkeeper|keeper|midfielder|defender|footballer|golfer|boxer|jockey|rider|cyclist|athlete|coach|manager|boss|chief|founder|owner|ceo|chairman|chairwoman|teacher|student|pupil|schoolgirl|schoolboy|worker|employee|fan|mother|mum|mom|father|dad|son|daughter|wife|husband|brother|sister|uncle|aunt|grandmother|grandfather|girlfriend|boyfriend|jihadi|bride|groom|inventor|author|writer|singer|actor|actress|astronaut|engineer|witness|neighbou?r|friend)s?\b/i;

const PLACE_NOUNS = /^(village|city|cities|town|country|state|province|region|area|county|district|neighbou?rhood|street|road|place|location|venue|stadium|arena|building|hospital|airport|station|site|island|continent|park|field|court|school|university|prison|room)$/i;
const TIME_NOUNS = /^(day|night|evening|morning|afternoon|year|month|week|weekend|date|time|hour|season|decade|century)$/i;

/** Words that end the noun phrase after "which": "which club legend | opened …". */
const PHRASE_END = /^(is|was|are|were|did|does|do|has|have|had|will|would|can|could|said|says|of|in|on|at|to|for|from|with|by|and|or|who|that|\p{L}+ed)$/u;

/**
 * The kind of answer "which <words>" asks for, from the head of its noun phrase, the last noun
 * before the verb: "which club legend opened" asks for a person, "which finance minister said" too,
 * "which city did" for a place.
 */
export function askedNounKind(words: string[]): QuestionType | null {
  let kind: QuestionType | null = null;
  for (const word of words) {
    if (PHRASE_END.test(word)) break;
    if (PERSON_NOUNS.test(word) || PERSON_ROLE.test(word)) kind = 'who';
    else if (PLACE_NOUNS.test(word)) kind = 'where';
    else if (TIME_NOUNS.test(word)) kind = 'when';
  }
  return kind;
}

/**
 * "What party is he (in)?", "which party does Ortega belong to": a question about one attribute of
 * someone, answered by what the noun names ("a Democrat"), not by someone who did something.
 */
const ATTRIBUTE = /^(?:what|which) (party) (?:(?:is|was|are|were) (.+?)(?: (?:in|from|with|a member of))?|(?:does|did|do) (.+?) (?:belong to|represent|run for|stand for))$/i;

/** The attribute a question asks of someone: the noun ("party") and whom it is asked of ("he"). */
export function attributeAsked(text: string): { noun: string; of: string } | undefined {
  const m = ATTRIBUTE.exec(text);
  return m ? { noun: m[1].toLowerCase(), of: m[2] ?? m[3] } : undefined;
}
