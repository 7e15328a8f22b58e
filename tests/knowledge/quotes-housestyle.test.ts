// Quotes in the house styles of outlets outside the US: single quotation marks (British, Irish,
// Australian, Indian papers), guillemets, and the US "X said:" with the quote in the next paragraph.
// Each fixture is a whole article read the way the bot reads one (loadArticles → extractFacts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article, QuoteFact } from '../../src/knowledge/facts.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';
import { findQuotations } from '../../src/knowledge/quotes/marks.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'house-styles');

function article(name: string): Article {
  const { articles } = loadArticles(join(fixtures, name));
  expect(articles).toHaveLength(1);
  return articles[0];
}

/** The article's quotes, each span checked against the text it claims to copy. */
function quotesOf(a: Article): QuoteFact[] {
  const quotes = extractFacts(a).quotes;
  for (const q of quotes) {
    expect(a.text.slice(q.start, q.end)).toBe(q.text);
    if (q.speaker) expect(a.text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
  }
  return quotes;
}

/** The one quote whose content starts with `opening`. */
function quoteStarting(quotes: QuoteFact[], opening: string): QuoteFact {
  const found = quotes.filter((q) => q.text.startsWith(opening));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('British single quotation marks', () => {
  const a = article('british-single.txt');
  const quotes = quotesOf(a);

  it('a quote running over two paragraphs gives one direct quote per paragraph, both by the cued speaker', () => {
    const first = quoteStarting(quotes, "'Officers found");
    const second = quoteStarting(quotes, "'We believe");
    for (const q of [first, second]) {
      expect(q.kind).toBe('direct');
      expect(q.speaker?.text).toBe('A police spokeswoman');
      // No one is named: the phrase speaks, under no (wrong) name.
      expect(q.speaker?.name).toBeNull();
    }
    expect(first.text).toBe("'Officers found the digger abandoned in a field about a mile from the village.");
    expect(second.text.endsWith("get in touch.'")).toBe(true);
    expect(first.cue?.text).toBe('said');
  });

  it('the "we" inside the quote is never its speaker', () => {
    expect(quotes.filter((q) => q.speaker?.text.toLowerCase() === 'we')).toEqual([]);
  });

  it("apostrophes (it's, the villagers', '60s) neither open nor close the quote, and the 61-year-old is the named postmistress", () => {
    const q = quoteStarting(quotes, "'It's heartbreaking");
    expect(q.kind).toBe('direct');
    expect(q.text).toBe("'It's heartbreaking, the villagers' post office has been here since the '60s,'");
    expect(q.speaker?.text).toBe('the 61-year-old');
    expect(q.speaker?.name).toContain('Carol Hebden');
  });
});

describe('Australian curly single quotation marks', () => {
  const quotes = quotesOf(article('australian-curly.txt'));

  it("possessives and contractions (don’t, farmers’, won’t) stay inside the quote", () => {
    const q = quoteStarting(quotes, '‘We don’t expect');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('‘We don’t expect the river to peak until Thursday, and the farmers’ levee won’t hold forever,’');
    expect(q.speaker?.text).toBe('SES spokesman Dean Walsh');
    expect(q.speaker?.name).toContain('Walsh');
  });

  it("’74 is an elided year, not a closing mark; 'she' is the grazier named before", () => {
    const q = quoteStarting(quotes, '‘It’s the worst');
    expect(q.text).toBe('‘It’s the worst I’ve seen since the ’74 flood,’');
    expect(q.speaker?.text).toBe('she');
    expect(q.speaker?.name).toBe('Bronwyn Tully');
  });
});

describe('US double quotation marks after "X said:"', () => {
  it('the quote in the next paragraph is direct and by the speaker before the colon', () => {
    const a = article('us-colon.txt');
    const q = quoteStarting(quotesOf(a), '"This branch');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('"This branch is the only place in the neighborhood where kids can do homework after school."');
    expect(q.speaker?.text).toBe('Council member Rosa Delgado, who voted against the closure');
    expect(q.speaker?.name).toBe('Rosa Delgado');
    expect(q.cue?.text).toBe('said');
  });
});

describe('guillemets', () => {
  it('« … » is a direct quote with its speaker', () => {
    const q = quoteStarting(quotesOf(article('guillemets.txt')), '«');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('« We have no choice left »');
    expect(q.speaker?.text).toBe('union leader Marc Favre');
    expect(q.speaker?.name).toBe('Marc Favre');
  });
});

describe('single marks and apostrophes', () => {
  const spans = (text: string) => findQuotations(text).map((q) => text.slice(q.start, q.end));

  it.each([
    ["'We back the miners' union,' he said.", ["'We back the miners' union,'"]],
    ["'I love James' band and rock 'n' roll,' she said.", ["'I love James' band and rock 'n' roll,'"]],
    ["He grew up in the '90s. 'Times change,' he said.", ["'Times change,'"]],
    ["‘Don’t go,’ she said. The ’80s were over.", ['‘Don’t go,’']],
    ['„Wir gehen“, sagte er.', ['„Wir gehen“']],
    ['»Wir gehen«, sagte er.', ['»Wir gehen«']],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it('double quotes nested in single ones belong to the outer quote', () => {
    const text = `'He shouted "get out" at us,' she said.`;
    expect(spans(text)).toEqual([`'He shouted "get out" at us,'`]);
  });

  it('in an article that quotes speech in double marks, a single-quoted title is no quotation', () => {
    const text = `"We will appeal," the lawyer said.\n\nHer book, ‘Courts and Coal,’ came out in May.\n\n"It is not over," she said.`;
    expect(spans(text)).toEqual(['"We will appeal,"', '"It is not over,"']);
  });
});

describe('descriptions that name no one', () => {
  const speakerOf = (text: string, opening: string) => {
    const a: Article = { id: 'd', title: null, published: null, url: null, author: null, outlet: null, text };
    return quoteStarting(quotesOf(a), opening).speaker;
  };

  it('"the spokeswoman" is the name an earlier apposition gave that role', () => {
    const text = 'Ann Lee, a spokeswoman for the council, confirmed the closure.\n\n"We are looking at it," the spokeswoman said.';
    expect(speakerOf(text, '"We are')?.name).toBe('Ann Lee');
  });

  it("a role in a possessive (the mayor's wife) is not that role", () => {
    const text = "Jo Hart, the mayor's wife, opened the fair.\n\n\"It was a good day,\" the mayor said.";
    const speaker = speakerOf(text, '"It was');
    expect(speaker?.text).toBe('the mayor');
    expect(speaker?.name).toBeNull();
  });
});

describe('a headline that quotes its subject ("X on Y: \'…\'")', () => {
  it.each([
    ["A lesson from Jo Hart: 'Be the voice that people hear.'", 'Jo Hart'],
    ['Jo Hart on the flood: “We were not ready for this”', 'Jo Hart'],
  ])('%s', (headline, speaker) => {
    const text = `${headline}\n\nThe river rose on Monday. Hart spoke to residents at the town hall.`;
    const qs = quotesOf({ id: 'h', title: null, published: null, url: null, author: null, outlet: null, text });
    expect(qs).toHaveLength(1);
    expect(qs[0].kind).toBe('direct');
    expect(qs[0].speaker?.text).toBe(speaker);
  });

  it('a place before the colon is no speaker ("Weather in Leeds: …")', () => {
    const text = "Weather in Leeds: 'Heavy rain all week'\n\nThe river rose on Monday.";
    const qs = quotesOf({ id: 'h', title: null, published: null, url: null, author: null, outlet: null, text });
    expect(qs.filter((q) => q.speaker?.text === 'Leeds')).toHaveLength(0);
  });
});

describe('a colon after the noun that names the words ("issued a blunt warning: …")', () => {
  const quotes = quotesOf(article('british-colon-noun.txt'));

  it('the quote after the colon is direct and by the subject of the verb before the noun', () => {
    const q = quoteStarting(quotes, "'Move your");
    expect(q.kind).toBe('direct');
    expect(q.speaker?.text).toBe('The Environment Agency');
  });

  it('so is a quote in the next paragraph after "had a simple message for traders:"', () => {
    const q = quoteStarting(quotes, "'We will not");
    expect(q.kind).toBe('direct');
    expect(q.speaker?.name).toBe('Priya Sandhu');
  });
});
