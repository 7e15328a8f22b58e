// The facts of an article must not depend on what the process read before it: the facts cache
// is keyed by content, and the work pool hands articles to whichever thread is free.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/knowledge/extract.ts';
import type { Article } from '../../src/knowledge/facts.ts';
import { analyse } from '../../src/knowledge/nlp.ts';

const article = (id: string, text: string): Article => ({ id, title: null, published: '2026-03-04', url: null, author: null, outlet: null, text });

// wink learns every unknown word it reads: once "Brenton's," had been read, "Brenton's emails"
// stopped splitting into "Brenton" + "'s".
const later = article('later', "The release of Mayor Ada Brenton's emails was delayed on Monday, council officials said.\n\nBrenton's office declined to comment.");
const earlier = article('earlier', "The harbour plan matters more than Brenton's, even though it drew less notice.");

describe('reading order', () => {
  it('tokenises a text the same whatever was read before', () => {
    const words = (text: string) => analyse(text).tokens.map((t) => t.text);
    const first = words(later.text);
    analyse(earlier.text);
    expect(words(later.text)).toEqual(first);
    expect(first).toContain("'s");
  });

  it('gives an article the same facts whatever was extracted before', () => {
    // A fresh name, so the first test did not teach wink these words already.
    const fresh = (a: Article) => ({ ...a, text: a.text.replace(/Brenton/g, 'Quillfort') });
    const before = JSON.stringify(extractFacts(fresh(later)));
    extractFacts(fresh(earlier));
    expect(JSON.stringify(extractFacts(fresh(later)))).toEqual(before);
  });
});
