// Articles and archive entries for the archive tests (no test runner here: a writer process uses them too).
import { entryFor } from '../../src/core/library.ts';
import type { ArticleEntry } from '../../src/core/archive/types.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article } from '../../src/knowledge/facts.ts';

function article(id: string, text: string, published: string | null, title: string | null = null, outlet: string | null = null): Article {
  return { id, title, published, url: null, author: null, outlet, text };
}

/** Fixture articles in a few house styles: a wire story, a council brief, a quote-led feature, an undated notice. */
export const FIXTURES: Article[] = [
  article(
    'wire-ferry',
    'PORT ALDER (Coastline Wire) — A passenger ferry ran aground near the Gull Point lighthouse on Tuesday, the coast guard said.\n\n' +
      'Captain Ilse Varga, who commands the ferry, said the tide was lower than charted. "We felt the keel touch sand," she said.\n\n' +
      'All 212 passengers were taken ashore by lifeboat.',
    '2026-03-03T09:30:00Z',
    'Ferry runs aground near Gull Point',
    'Coastline Wire',
  ),
  article(
    'council-budget',
    'The Brindle town council approved the budget on Monday by a vote of five to two.\n\n' +
      'Mayor Tomas Reyes said the budget keeps the library open on Sundays. Council member Ada Okafor voted against it.\n\n' +
      'The budget takes effect on April 1.',
    '2026-03-02',
    'Council approves budget',
  ),
  article(
    'feature-orchard',
    '"The frost took half the blossom in one night," said grower Tomas Reyes of Hillcrest orchard.\n\n' +
      'Reyes, a third-generation farmer, said the cider press would open a week late. The Hillcrest press usually opens in March.',
    'December 1, 2025',
    'Frost at Hillcrest',
  ),
  article('notice-closure', 'The Gull Point lighthouse museum is closed for repairs until further notice, its trustees said.', null, null),
];

/** Entries for articles, as the Library makes them (the keys here just tell contents apart). */
export function entriesOf(articles: Article[]): ArticleEntry[] {
  return articles.map((a) => entryFor(a, extractFacts(a), `test:${a.id}:${a.text.length}`));
}

