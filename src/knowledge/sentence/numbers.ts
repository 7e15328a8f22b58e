// Numbers as news writes them: counts ("six men and one woman"), measures with units ("30
// kilometers"), percentages, sums of money, ages, magnitudes and scores.

/** A number phrase: the number, a scale word or unit, and up to two words after it (what it counts). */
const NUMBER = /\b(\d(?:[\d,.]*\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|a few|half)(\s+(thousand|million|billion|hundred|percent|per cent))?(\s*%)?(\s+[\p{L}-]+){0,2}/giu;

/** Numbers written in words, as a count or a measure gives them ("two of its supports", "five miles"). */
export const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundreds of|a few|several';

const LENGTH_UNITS = 'feet|foot|ft|metres?|meters?|m|km|kilometres?|kilometers?|miles?|inches|inch|cm|centimetres?|centimeters?|yards?';

// The units that answer "how deep / far / fast / heavy …".
export const MEASURE_UNITS: Record<string, string> = {
  deep: LENGTH_UNITS, high: LENGTH_UNITS, tall: LENGTH_UNITS, far: LENGTH_UNITS, wide: LENGTH_UNITS,
  fast: String.raw`mph|miles per hour|km\/h|kmh|kph|kilometres per hour|kilometers per hour|knots`,
  heavy: 'kg|kilograms?|kilos?|tons?|tonnes?|pounds?|lbs?|grams?|g',
  big: `${LENGTH_UNITS}|square (?:feet|metres|meters|miles|kilometres|kilometers)|acres?|hectares?`,
  large: `${LENGTH_UNITS}|square (?:feet|metres|meters|miles|kilometres|kilometers)|acres?|hectares?`,
  hot: 'degrees?|°[CF]?', cold: 'degrees?|°[CF]?',
};

/** Verbs of change whose "how much" is a percentage ("profit fell 35%"). */
export const CHANGE_VERBS = /\b(rise|rose|risen|fall|fell|fallen|drop|dropped|climb|climbed|jump|jumped|slump|slumped|increase|increased|decrease|decreased|decline|declined|grow|grew|grown|shrink|shrank|gain|gained|lose|lost|slide|slid|surge|surged|plunge|plunged|cut)\b/i;

/** A percentage, with the level it moved to: "35%", "2.5 percent to $4 billion". */
export const PERCENT = /\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)(?:\s+to\s+(?:[$€£¥]\s?)?\d[\d,.]*\d?(?:\s+(?:million|billion|trillion))?)?/gi;

/** Words next to a measure that say which dimension it gives. */
export const DIMENSION_WORDS: Record<string, RegExp> = {
  deep: /\b(depth|deep|below)\b/i, high: /\b(height|high|above|tall)\b/i, tall: /\b(height|tall|high)\b/i,
  far: /\b(away|from|off|north|south|east|west|northeast|northwest|southeast|southwest|of the (?:coast|city|border))\b/i,
  wide: /\b(width|wide|across)\b/i, long: /\b(length|long)\b/i,
};

/** Number phrases of a text, "six men and one woman" kept whole, without a dangling "and". */
export function numberPhrases(text: string): string[] {
  const out: Array<{ text: string; end: number }> = [];
  for (const m of text.matchAll(NUMBER)) {
    // "Route 9", "Flight 370": a number in a name (after a capitalised word inside the sentence) counts nothing.
    if (/^\d/.test(m[0]) && /\S\s+\p{Lu}[\p{L}.]*\s$/u.test(text.slice(Math.max(0, m.index! - 40), m.index))) continue;
    const phrase = m[0].replace(/\s+(?:in|at|on|from|to|for|of|by)\s+\p{Lu}\S*$/u, '')
      .replace(/(\s+(and|or|of|the|a|in|on|to|for|as|at|by|with|from|after|before|since|during|until|than|into|who|that|when|were|was|had|have|has|are|is|died|killed|injured|wounded))+$/i, '').trim();
    const last = out[out.length - 1];
    if (last && /^\s*(,|and|,\s*and)\s*$/i.test(text.slice(last.end, m.index))) {
      last.text = text.slice(last.end - last.text.length, m.index! + phrase.length);
      last.end = m.index! + phrase.length;
    } else out.push({ text: phrase, end: m.index! + phrase.length });
  }
  return out.map((x) => x.text);
}

/** A result written as a score: "3-1", "102–98" (not a date range or a ratio in a longer number). */
export const SCORE = /(?<![\d/.:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/.:%-])/;

// ("PS8,000" is how "£8,000" reads after some text exports drop the pound sign.)
/** A sum of money: "$4.2 million", "£300", "12 million euros". */
export const MONEY = /((?:[$€£¥]|\b(?:US|A|C|NZ|HK)\$|\bPS(?=\d)|\b(?:USD|EUR|GBP|CHF|JPY|CNY|INR|Rs\.?)\s?)\s?\d[\d,.]*(\s*(thousand|million|billion|trillion|[mbk]n?)\b)?|\d[\d,.]*\s*(thousand|million|billion|trillion)?\s*(dollars|euros|pounds|yuan|yen|rupees|francs))/i;

export const AGE_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
/** An age as an article gives it: "38-year-old", "Pavel Mirko, 41,", "aged 15", "when she was 13". */
export const AGE = new RegExp(String.raw`\b(\d{1,3}|${AGE_WORDS})[- ]years?[- ]old\b|,\s(\d{1,3}),|\baged\s(\d{1,3})\b|\bwhen (?:he|she|they|I|we) (?:was|were) (\d{1,3}|${AGE_WORDS})\b(?![- ]?(?:[.,:]\d|%|per|years?\b|months?\b|weeks?\b|days?\b|[ap]\.?m\b|o'clock))`, 'i');

/** A measure with one of the given units (a regex alternation): "30 kilometers", "five feet (1.5 metres)". */
export function measuresIn(text: string, units: string): RegExpMatchArray[] {
  return [...text.matchAll(new RegExp(String.raw`\b(\d[\d,.]*|${NUMBER_WORDS})(\s*-?\s*)(${units})\b(\s*\([^)]{1,30}\))?`, 'giu'))];
}

/** An earthquake's magnitude: "magnitude 6.1", "a 6.1-magnitude quake". */
export const MAGNITUDE = /\b(?:magnitude|magnitude-)\s*\d(?:\.\d)?|\d(?:\.\d)?[- ]magnitude\b/i;

/** "two of its supports": a count of a part of something, told with "of" (`unit` is the counted noun as asked). */
export function partCount(text: string, unit: string): RegExpExecArray | null {
  return new RegExp(String.raw`\b(?:\d[\d,.]*|${NUMBER_WORDS}|all|both|most|some|many)\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\p{L}-]+\s+)?${unit.replace(/e?s$/, '')}\p{L}*`, 'iu').exec(text);
}

/** "a day after she …", "two years ago": the words after a duration place an event in time; they tell no length. */
export function placesInTime(following: string): boolean {
  return /^\s*(after|before|later|earlier|ago|since|from now)\b/i.test(following);
}
