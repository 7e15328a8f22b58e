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

