// Places a sentence names in words rather than as a place entity: venue phrases ("onboard her
// campaign plane", "at a rally"), publications ("in the journal Energy Letters"), numbered roads
// ("Route 9"), and the country a nationality gives ("a Mexican national").

// Capitalised words that open a run-on sentence rather than continue a name.
const OPENER = String.raw`(?:Among|The|A|An|He|She|It|They|We|I|In|On|At|But|And|As|After|Before|While|When|This|That|Meanwhile|However)\b`;

// Where something happens when it is no named place: "onboard her campaign plane", "at a rally".
const VENUE = new RegExp(
  String.raw`\b(?:at|in|on|aboard|onboard|on board|inside|outside|near|from)\s+(?:(?:the|a|an|her|his|their|its|our|[A-Z][\w.-]*['’]s)\s+)?(?:[\w-]+\s+){0,3}?` +
    String.raw`(?:plane|jet|aircraft|helicopter|train|bus|ship|boat|yacht|rally|rallies|trail|party|gala|ceremony|conference|convention|summit|fundraiser|concert|festival|` +
    String.raw`hotel|home|house|residence|apartment|headquarters|stadium|arena|hall|center|centre|hospital|clinic|school|college|university|campus|church|mosque|temple|` +
    String.raw`courthouse|prison|jail|airport|station|harbou?r|park|square|restaurant|studio|stage|podium|scene|village|factory|plant|mine|farm|embassy|consulate|palace|` +
    String.raw`museum|theat(?:er|re)|mall|market|border|well|beach|coast|island|camp|journal|newspaper|magazine)\b` +
    // "… party at the Jacob K. Javits Convention Center in New York City" names the venue too.
    String.raw`(?:,?\s+(?:at|in)\s+(?:the\s+)?(?!${OPENER})[A-Z][\w.'’-]*(?:\s+(?:(?!${OPENER})[A-Z][\w.'’-]*|of|de|and))*)*`,
  'g',
);

export const VENUE_HEAD = /\b(Capitol|Center|Centre|Stadium|Arena|Hall|Hotel|Hospital|Airport|Station|Park|Square|Palace|Museum|Theat(?:er|re)|Church|Cathedral|Mosque|Temple|Court|Courthouse|Prison|Bridge|Tower|Garden|Gardens|Field|Plaza|Campus|House|Building)$/;

const PUBLICATION = new RegExp(String.raw`\bin\s+(?:the\s+)?(?:journal|newspaper|magazine)\s+(?!${OPENER})[A-Z][\w.'’&-]*(?:\s+(?:(?!${OPENER})[A-Z][\w.'’&-]*|of|and))*`, 'g');

const NUMBERED_ROAD = /\b(?:(?:State|County|U\.S\.|US)\s+)?(?:Route|Highway|Hwy\.?|Interstate|Road)\s+\d+[A-Z]?\b|\bI-\d+\b/g;

/** "a Mexican national", "an Irish-born engineer": the nationality a description gives. */
export const NATIONALITY = /\b(?:a|an)\s+(?:\p{Ll}+\s+)?(\p{Lu}\p{Ll}+)(?:-born)?\s+(?:national|citizen|native|immigrant|man|woman|boy|girl|resident|student|tourist|worker|refugee|migrant|journalist)\b/u;

/** A place phrase of a text: `head` is its head noun ("plane"; '' for a title or a road), offsets index the text. */
export interface PlacePhrase {
  name: string;
  head: string;
  start: number;
  end: number;
}

/** The publications, numbered roads and venue phrases of a text, in that order. */
export function placePhrases(text: string): PlacePhrase[] {
  const out: PlacePhrase[] = [];
  // "published in the journal Energy Letters": a publication named with its title.
  for (const m of text.matchAll(PUBLICATION)) out.push({ name: m[0].replace(/^in\s+/i, '').replace(/\.$/, ''), head: '', start: m.index!, end: m.index! + m[0].length });
  // Numbered roads are places too ("on Route 9", "near I-95").
  for (const m of text.matchAll(NUMBERED_ROAD)) out.push({ name: m[0], head: '', start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(VENUE)) {
    const phrase = m[0].replace(/^(at|in|on|from|near)\s+/i, '').trim();
    const head = /^(?:[\w'’.-]+\s+)*?([a-z]+)\b(?=(?:,?\s+(?:at|in)\s+[A-Z].*)?$)/.exec(phrase)?.[1] ?? '';
    out.push({ name: phrase, head, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
