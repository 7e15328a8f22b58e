// Slots the answerers read from a question's wording: the parts a kind of question needs beyond
// its kind (the verb and object of "who did the mayor ask …", the speaker of "what did X say").

/**
 * The words that identify a speaker in a question: the name when there is one ("weibo user
 * S_AND_YY" → "S_AND_YY"), else the description without its possessor ("Dorota's
 * sister-in-law" → "sister-in-law", as the article may say "her sister-in-law").
 */
export function speakerWords(subject: string): string {
  const described = subject.replace(/^[\p{L}\p{N}_.-]+['’]s?\s+/u, '');
  const named = described.split(/\s+/).filter((w) => /^\p{Lu}|[\d_]/u.test(w));
  return named.length ? named.join(' ') : described;
}

/** "Who did the mayor ask for help?": the subject, the verb (as asked) and the rest. */
export const OBJECT_QUESTION = /^(?:who|whom)\s+(?:did|does|do|will|would|has|have|had|could|should|can|might)\s+(.+?)\s+(\p{L}+)((?:\s+(?:for|to|about|with|from|in|on|at|as|by|into|over)\b.*)?)$/iu;

/** "What was the score?": a question that asks for a result written as a score. */
export const SCORE_QUESTION = /\b(?:score|scoreline)\b/i;

/** "How much … spend / cost / pay / tickets": a question whose answer is a sum of money. */
export const ASKS_MONEY = /\b(cost|costs|costing|pay|pays|paying|paid|spend|spends|spending|spent|price|prices|priced|worth|charge|charges|charging|charged|fund|funding|budget|fine|fined|raise|raised|earn|earns|earning|earned|owe|owes|owed|salary|wage|wages|fee|fees|ticket|tickets|bail|bill|sell|sold|buy|bought|donate|donated|bid|compensation|damages)\b/i;

/** A pronoun for a person ("who is she"), and one for a group or the organisation in focus ("what did they say"). */
export const PERSON_PRONOUNS = /^(he|she|him|her|his|hers)$/i;
export const GROUP_PRONOUNS = /^(it|its|they|them|their|the (department|agency|company|group|organi[sz]ation|government|ministry|police))$/i;

/** "How old is he?": a question that speaks of a person by a pronoun. */
export function mentionsPerson(text: string): boolean {
  return /\b(he|she|him|her|his|hers)\b/i.test(text);
}

/** "How old is he?" → "How old is Victor Hale?": the question with its person pronouns read as the person named. */
export function withPersonNamed(text: string, person: string): string {
  return text.replace(/\b(his|hers)\b/gi, `${person}'s`).replace(/\b(he|she|him|her)\b/gi, person);
}

/** A question whose subject is a pronoun ("how old is he", "when will it open") asks about someone or something the conversation named. */
export function hasPronounSubject(text: string): boolean {
  return pronounSubject(text) !== null;
}

/** The pronoun a question has for its subject ("he" of "where's he from"), in lower case; null without one. */
export function pronounSubject(text: string): string | null {
  // (Not a pronoun of the words it quotes: 'who said "and she was …"' asks about no "she".)
  const unquoted = text.replace(/["“][^"”]*(?:["”]|$)/g, ' ');
  return /^\S+(?:\s+\S+){0,2}?\s+(he|she|it|they)\b/i.exec(unquoted)?.[1].toLowerCase() ?? null;
}

/** A question that leans on the conversation: a pronoun stands for its person or story. */
export function leansOnConversation(text: string): boolean {
  return /\b(?:he|she|him|her|his|hers|they|them|their)\b/i.test(text);
}

/** The topic a follow-up carries on: the question without its wh-word and auxiliary ("the plant close" of "when did the plant close"). */
export function followUpTopic(text: string): string {
  return text.replace(/^\S+(?:\s+(?:many|much|long|old|did|does|do|was|were|is|are|will|has|have|had))?\s+/i, '');
}

/** The question without the words that frame it: the asked dimension ("how deep", "how much") and "stand for". */
export function withoutFrameWords(text: string): string {
  return text.replace(/\bhow\s+\p{L}+|\bstands?\s+for\b/giu, ' ');
}

/** "What happened to the boy's parents?" → "the parents": the one asked about, without its possessor ("the boy's"). */
export function happenedTo(text: string): string {
  return text.replace(/^what happened (to|with)\s+/i, '').replace(/\S+['’]s?\b(?=\s)/g, ' ');
}
