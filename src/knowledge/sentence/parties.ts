// The political party a text writes next to a name: ", a Democrat,", "(R-Roswell)", "Labour
// councillor Amy Firth". Only party words in these places count: "Green" alone is a colour or a
// district ("Bethnal Green"), not a party, and so is not in the table.

/** Party words as news writes them (capitalised), with the party each names. */
const PARTIES: Record<string, string> = {
  Republican: 'Republican', GOP: 'Republican', Democrat: 'Democrat', Democratic: 'Democrat',
  Labour: 'Labour', Labor: 'Labor', Conservative: 'Conservative', Tory: 'Conservative',
  'Liberal Democrat': 'Liberal Democrat', 'Lib Dem': 'Liberal Democrat', Liberal: 'Liberal',
  Libertarian: 'Libertarian', SNP: 'SNP', UKIP: 'UKIP', 'Plaid Cymru': 'Plaid Cymru',
};
const WORD = Object.keys(PARTIES).sort((a, b) => b.length - a.length).join('|');

/** The letter of a US party tag: "(R-Roswell)", "(D-N.M.)". */
const TAG_LETTERS: Record<string, string> = { R: 'Republican', D: 'Democrat', I: 'independent' };

// Right after the name: ", a Republican," / ", the Labour MP," / " (D-N.M.)".
const AFTER_NAME = new RegExp(`^(?:,\\s+(?:a|an|the)\\s+(${WORD})\\b|\\s*\\(([RDI])-\\p{Lu}[\\p{L}.\\s]*\\))`, 'u');
// Right before the name, with at most three title words between ("Labour councillor ", "Democratic
// state Sen. "), but no other name: in "Democrat Jo Hart and Kim Vale" Vale's party is not written.
const TITLE_WORD = String.raw`(?:(?!and\b|or\b|with\b)\p{Ll}+|\p{Lu}\p{Ll}{0,4}\.|\p{Lu}{2,4})`;
const BEFORE_NAME = new RegExp(`\\b(${WORD})(?:\\s+Party)?(?:\\s+${TITLE_WORD}){0,3}\\s+$`, 'u');

/**
 * The party written next to a name, given the text before the name and the text after it; null
 * when none is written there.
 */
export function partyNextTo(before: string, after: string): string | null {
  const a = AFTER_NAME.exec(after);
  if (a) return a[1] ? PARTIES[a[1]] : TAG_LETTERS[a[2]];
  const b = BEFORE_NAME.exec(before);
  return b ? PARTIES[b[1]] : null;
}
