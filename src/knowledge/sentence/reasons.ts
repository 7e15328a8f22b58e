// Words that give a reason: the sentence that says why, not the one that restates what.

/** A causal cue: "because", "due to", "amid", "blamed", "in response to", "for breaking …", "after spotting …". */
export const CAUSAL = /\b(because|due to|owing to|thanks to|as a result|in order to|so that|to ["“']?(ensure|avoid|keep|prevent|protect)|in response to|reasons?|blamed|caused|led to|amid|for \p{L}+ing|after \p{L}+ing)\b/iu;

/**
 * A sentence that goes on about what the one before said: it opens with a pronoun or a definite
 * noun, or with a possessive one ("… pulled out of the regatta. Her son was admitted to hospital …").
 */
export const FOLLOW_ON = /^["“]?(?:The (?:\p{Ll}+ ){0,2}\p{Ll}+|It|This|That|They|He|She|(?:His|Her|Their|Its) \p{Ll}+|Officials|Authorities|Experts|Analysts)\b/u;
