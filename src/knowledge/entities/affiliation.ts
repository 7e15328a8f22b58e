// Party-state affiliations after a name ("D-Ill.", "R-Texas") and the seed format's dateline header.
// The seed format's header "date 2025-09-13 (Author, Outlet)" when it was left in the text.
export const DATELINE_HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*\([^()\n]*\)/i;
// "D-Ill.", "R-Texas", "I-Vt." after a comma or in parentheses.
const STATE_PART = String.raw`[RDI]\s?-\s?(?:[A-Z]\.[A-Z]\.|[A-Z][A-Za-z]{0,12}\.?)(?:\s[A-Z][a-z]{1,12}\.?)?`;
export const AFFILIATION = new RegExp(String.raw`(?<=[,(]\s?)${STATE_PART}(?=\s*[,);.]|\s*$)`, 'g');
const SPACE = /\s/;

function isPartyLetter(c: number): boolean {
  return c === 82 || c === 68 || c === 73; // R, D, I
}

function isAsciiCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && SPACE.test(text[i]);
}

/**
 * Whether /[RDI]\s?-\s?[A-Z]/ matches somewhere in the text: a party letter and a hyphen, as in
 * "D-Ill.". Only the hyphens are looked at, found by indexOf, rather than trying a pattern at
 * every offset.
 */
export function mayHoldAffiliation(text: string): boolean {
  for (let p = text.indexOf('-'); p >= 0; p = text.indexOf('-', p + 1)) {
    const party = isPartyLetter(text.charCodeAt(p - 1)) || (isSpaceAt(text, p - 1) && isPartyLetter(text.charCodeAt(p - 2)));
    if (!party) continue;
    if (isAsciiCapital(text.charCodeAt(p + 1)) || (isSpaceAt(text, p + 1) && isAsciiCapital(text.charCodeAt(p + 2)))) return true;
  }
  return false;
}
const AFFILIATION_AFTER = new RegExp(String.raw`^\s*[,(]\s?(${STATE_PART})(?=\s*[,);.]|\s*$)`);

export function affiliationAfter(text: string, end: number): string | null {
  // Most names are followed by neither a comma nor a parenthesis: no slice and no pattern then.
  let k = end;
  while (k < end + 40 && isSpaceAt(text, k)) k++;
  const next = text.charCodeAt(k);
  if (next !== 44 && next !== 40) return null; // "," or "("
  const m = AFFILIATION_AFTER.exec(text.slice(end, end + 40));
  return m ? m[1] : null;
}
