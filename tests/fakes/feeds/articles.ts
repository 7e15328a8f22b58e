// Invented news items for the digest tests: full bodies long enough not to count as teasers.
import type { FakeItem } from './server.ts';

const TOWNS = ['Port Alder', 'Millbrook', 'Eastwick Bay', 'Corran Falls', 'Westerly', 'Kestrel Point', 'Halden', 'Brightwater'];
const PEOPLE = ['Mara Okafor', 'Tomas Lindqvist', 'Priya Raman', 'Jonah Whitfield', 'Elena Sokolova', 'Dev Patel', 'Ruth Amsel', 'Kofi Mensah'];
const TOPICS = ['ferry terminal', 'flood barrier', 'library extension', 'tram line', 'harbour dredging', 'school roof', 'wind farm', 'market hall'];

/** Paragraphs of an invented local news story, numbered so every story is distinct. */
export function storyParagraphs(n: number): string[] {
  const town = TOWNS[n % TOWNS.length];
  const person = PEOPLE[n % PEOPLE.length];
  const topic = TOPICS[n % TOPICS.length];
  return [
    `${town} council approved plans for a new ${topic} on Tuesday, ending a dispute that had run for ${n + 2} years.`,
    `Council leader ${person} said the vote was "a turning point for the town" and promised that work would start in the spring.`,
    `The project, numbered ${1000 + n} in the council's capital programme, is expected to cost about ${n + 3} million pounds and to be finished within two years.`,
    `Residents who had opposed the scheme said they would study the decision before deciding whether to appeal. A public meeting is planned at the town hall next month.`,
    `${person} added that contractors would be chosen by open tender and that local firms would be encouraged to bid.`,
  ];
}

export function storyTitle(n: number): string {
  return `${TOWNS[n % TOWNS.length]} approves ${TOPICS[n % TOPICS.length]} (story ${n})`;
}

/** A feed item carrying the whole story. */
export function fullItem(n: number, published: string, extra: Partial<FakeItem> = {}): FakeItem {
  return {
    guid: `story-${n}`,
    link: `/news/story-${n}`,
    title: storyTitle(n),
    published,
    body: storyParagraphs(n).map((p) => `<p>${p}</p>`).join(''),
    ...extra,
  };
}
