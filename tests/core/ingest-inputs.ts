// Short news items of our own as JSON Lines, in a few house styles (a dateline, curly or straight
// quotes, "body" for "text"), each one different: the towns, people and figures vary by number.
const TOWNS = ['Millbrook', 'Ashford', 'Pine Hollow', 'Redcliffe', 'Orwell Bay', 'Stanmore', 'Kelby', 'Fenwick'];
const PEOPLE = ['Ann Lee', 'Tomas Varga', 'Priya Nair', 'Colm Doyle', 'Ines Moreau', 'Kwame Asante', 'Lena Berg', 'Omar Haddad'];
const EVENTS = ['closed the ferry pier', 'approved a new library', 'cut the bus budget', 'opened a flood barrier', 'delayed the school vote'];

function pick<T>(xs: T[], i: number, step: number): T {
  return xs[(i * step) % xs.length];
}

/** The person the i-th item quotes. */
export function personOf(i: number): string {
  return pick(PEOPLE, i, 5);
}

/** The i-th item (1-based) as an object. */
export function newsItem(i: number, prefix: string): Record<string, string> {
  const town = pick(TOWNS, i, 3);
  const person = personOf(i);
  const event = pick(EVENTS, i, 1);
  const day = 1 + (i % 27);
  const amount = (i % 9) + 1;
  const styles = [
    `${town.toUpperCase()} — The council ${event} on Tuesday after a vote of ${amount} to ${9 - amount}. "We had no other choice," Mayor ${person} said.`,
    `The ${town} council ${event} on March ${day}, officials said. ${person}, the council's treasurer, said the work would cost $${amount}.${i % 10} million.`,
    `Residents of ${town} protested on Friday after the council ${event}. “This is a mistake,” said ${person}, who has lived there for ${amount * 4} years.`,
  ];
  const text = `${styles[i % styles.length]} Item ${i} of the ${town} wire.`;
  const item: Record<string, string> = { id: `${prefix}-${i}`, title: `${town} council ${event} (${i})`, published: `2025-03-${String(day).padStart(2, '0')}` };
  item[i % 4 === 0 ? 'body' : 'text'] = text;
  return item;
}

/** n JSON lines with ids `${prefix}-1` … `${prefix}-n`. */
export function newsLines(n: number, prefix = 'wire'): string[] {
  return Array.from({ length: n }, (_, k) => JSON.stringify(newsItem(k + 1, prefix)));
}
