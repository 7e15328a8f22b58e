// Who did it, or had it done to them, read from a sentence's wording: the subject before a verb,
// the passive subject of a participle, the agent after "<verb> by", the object after a verb.
// The caller says which word is the verb asked about (`isAsked`), since it alone knows how the
// question's words are matched (stems, forms).

/** "six men and one woman died, while 50 other passengers were injured" → "50 other passengers". */
export function passiveSubject(sentence: string, participle: string): string | null {
  const m = new RegExp(`\\s+(?:was|were|had been|has been|have been|got)\\s+(?:\\w+ly\\s+)?${participle}\\b`, 'i').exec(sentence);
  if (!m) return null;
  const parts = sentence.slice(0, m.index).split(/[;:()]/).pop()!.split(',');
  // "The driver of a tram, 42 from Beckenham, was arrested": skip the apposition (and a fronted
  // "In London," before the subject).
  const own = parts.length >= 3 && parts[parts.length - 1].trim() === ''
    ? parts.find((p) => p.trim() && !/^\s*(in|on|at|after|before|during|by|from|for|with|later|earlier|then|meanwhile)\b/i.test(p)) ?? ''
    : parts[parts.length - 1];
  const subject = own.trim().replace(/^(but|and|or|yet|so|while|although|though|as|when|after)\s+/i, '');
  if (subject.length < 3) return null;
  return /^(he|she|it|they|who|which|that)$/i.test(subject) || subject.split(/\s+/).length > 8 ? null : subject;
}

/** The words before the first asked word in a sentence: its subject ("Rescuers have been …"). */
export function subjectBefore(sentence: string, isAsked: (word: string) => boolean): string | null {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  const at = tokens.findIndex((t) => isAsked(t[0]));
  if (at <= 0) return null;
  let text = sentence.slice(0, tokens[at].index).replace(/\b(has|have|had|is|are|was|were|been|being|will|would|could|did|do|does|also|then|reportedly|allegedly)\b/gi, ' ');
  // The last clause before the verb, passing over what trails a name: a party code ("D-Ore."),
  // an age ("54"), a relative clause ("who wrote the bill").
  const clauses = text.split(/[,;:—–]/).map((x) => x.trim()).filter(Boolean);
  while (clauses.length > 1 && /^(?:[DRI]-[A-Z][\w.]*|\d{1,3}|(?:who|which)\b.*)$/.test(clauses[clauses.length - 1])) clauses.pop();
  const clause = clauses.pop();
  text = (clause ?? '').replace(/\s+/g, ' ').trim().replace(/^(but|and|or|yet|so|while|although|though)\s+/i, '');
  // "The bridge was closed after inspectors found …": the verb's clause starts after its conjunction.
  // (Opening the text, "that" or "which" is a determiner: "That man".)
  const subordinate = /^(?:(.*)\s)?(after|before|when|because|since|until|once|if|whether|that|who|which|whom)\s+(.+)$/i.exec(text);
  if (subordinate && (subordinate[1] || !/^(that|who|which|whom)$/i.test(subordinate[2]))) {
    const subject = subordinate[3].trim();
    // A short noun phrase ("inspectors", "two engineers"), not a clause of its own.
    return subject.split(' ').length <= 6 && !/\b(to|of|in|on|at|by|for|with|from)$/i.test(subject) ? subject : null;
  }
  // "Romania reported the most cases": the subject ends before its verb.
  const verbAt = /\s\p{Ll}+ed\b/u.exec(text);
  if (verbAt && verbAt.index > 0) text = text.slice(0, verbAt.index);
  if (!text || text.split(' ').length > 10) return null;
  // A subject names someone: "each other's failings during leadership" is a fragment.
  // ("goalkeeper Anders Holm": a role in lower case before a name.)
  if (!/^(\p{Lu}|(the|a|an|his|her|their|its|our|two|three|four|five|several|many|some)\s|\p{Ll}+\s+\p{Lu})/u.test(text)) return null;
  return text;
}

/** "The team, led by chemist Hana Sato, …" answers "who leads the team": the agent after "<verb> by". */
export function agentAfterBy(sentence: string, isAsked: (word: string) => boolean): string | null {
  for (const m of sentence.matchAll(/(\p{L}+)\s+by\s+/gu)) {
    if (!isAsked(m[1])) continue;
    const agent = OBJECT_PHRASE.exec(' ' + sentence.slice(m.index! + m[0].length))?.[1];
    if (agent) return agent;
  }
  return null;
}

/** The object right after a verb: a short noun phrase that ends before a clause, a preposition or punctuation. */
export const OBJECT_PHRASE = /^\s+((?:(?:the|a|an|his|her|their|its|our|some|several|many|two|three|four|five)\s+)?\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3}?)(?=\s+(?:that|the|to|for|about|of|in|on|at|with|from|and|who|which|after|before|because)\b|\s*[,.;:!?]|$)/u;

/** The past tense of a verb as asked ("open" → "opened"), as a pattern over a sentence. */
export function pastTense(verb: string): RegExp {
  return new RegExp(`\\b${verb}(?:ed|d)\\b`, 'i');
}
