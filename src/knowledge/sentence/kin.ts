// How news writes a relative: "Karl Benning … said his daughter Mia …" makes Karl Benning Mia's
// father, though no sentence writes "Mia's father Karl Benning".

const CHILD = 'daughter|son|child|stepdaughter|stepson';
/** The words by which an asked relative speaks of the one asked about: a father of "his daughter". */
const SPOKEN_OF: Record<string, string> = {
  father: CHILD, dad: CHILD, mother: CHILD, mum: CHILD, mom: CHILD, parent: CHILD, parents: CHILD,
  husband: 'wife', wife: 'husband',
};

/**
 * Where a sentence has the asked relative (kin: "dad") speak of the one asked about ("his daughter
 * Mia", Mia one of `names`, in lower case): the offset of the possessive and the name as written;
 * null when it has none. The relative is the one the sentence names before it.
 */
export function kinMention(sentence: string, kin: string, names: string[]): { at: number; name: string } | null {
  const spoken = SPOKEN_OF[kin.toLowerCase()];
  if (!spoken) return null;
  const re = new RegExp(String.raw`\b(?:his|her|their) (?:${spoken}),? (\p{Lu}[\p{L}'’-]+)`, 'gu');
  for (const m of sentence.matchAll(re)) if (names.includes(m[1].toLowerCase())) return { at: m.index!, name: m[1] };
  return null;
}
