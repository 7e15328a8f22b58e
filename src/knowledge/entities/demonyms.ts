// Countries from nationality words ("a Mexican national" → Mexico): the country names come from
// the countries-list package; most nationality words share their country's stem, and the few
// that do not are listed here.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Nationality words whose country does not share their first letters. */
const IRREGULAR: Record<string, string> = {
  british: 'United Kingdom', english: 'England', scottish: 'Scotland', welsh: 'Wales', french: 'France', dutch: 'Netherlands',
  danish: 'Denmark', swiss: 'Switzerland', spanish: 'Spain', polish: 'Poland', irish: 'Ireland', finnish: 'Finland',
  swedish: 'Sweden', thai: 'Thailand', filipino: 'Philippines', greek: 'Greece', turkish: 'Turkey', american: 'United States',
  emirati: 'United Arab Emirates', kiwi: 'New Zealand', 'new zealander': 'New Zealand', saudi: 'Saudi Arabia',
  'south african': 'South Africa', 'south korean': 'South Korea', 'north korean': 'North Korea', icelandic: 'Iceland',
  argentine: 'Argentina', salvadoran: 'El Salvador', 'costa rican': 'Costa Rica', 'puerto rican': 'Puerto Rico',
  dominican: 'Dominican Republic', congolese: 'DR Congo', kazakh: 'Kazakhstan', uzbek: 'Uzbekistan', afghan: 'Afghanistan',
  peruvian: 'Peru', bangladeshi: 'Bangladesh', 'sri lankan': 'Sri Lanka', malagasy: 'Madagascar',
};

let countryNames: string[] | null = null;

function countries(): string[] {
  if (!countryNames) {
    const { countries: all } = require('countries-list') as { countries: Record<string, { name: string }> };
    countryNames = Object.values(all).map((c) => c.name);
  }
  return countryNames;
}

/** How many first letters two words share. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The country a nationality word names ("Mexican" → "Mexico", "Chinese" → "China"), or null.
 * Outside the listed exceptions, the one-word country that shares the most first letters wins,
 * when it shares all but its last two letters (and at least four).
 */
export function countryOfDemonym(word: string): string | null {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  // "Mexicans" names the country "Mexican" does.
  const w = lower.replace(/s$/, '');
  if (IRREGULAR[w]) return IRREGULAR[w];
  let best: { name: string; shared: number } | null = null;
  for (const name of countries()) {
    if (name.includes(' ')) continue;
    const n = name.toLowerCase();
    const shared = sharedStart(w, n);
    if (shared >= 4 && shared >= n.length - 2 && (!best || shared > best.shared)) best = { name, shared };
  }
  return best?.name ?? null;
}
