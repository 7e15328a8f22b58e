import { describe, expect, it } from 'vitest';
import { analyse, lowerOf, lowerWord } from '../../src/knowledge/nlp.ts';
import { tokenize } from '../../src/knowledge/times/tokens.ts';

const tokenTexts = (text: string, headline: boolean): string[] =>
  analyse(text, headline ? { headline: true } : { winkEntities: false }).tokens.map((t) => t.text);

describe('analyse', () => {
  it('tokenises a headline the same whatever article bodies were read before it', () => {
    const title = "Acme Unit Agrees to Buy Zorblatt's";
    const before = tokenTexts(title, true);
    // A body that opens a sentence with the same unknown possessive name.
    tokenTexts("Zorblatt's, based in Seattle, runs 50 stores. Zorblatt's shares rose.", false);
    expect(tokenTexts(title, true)).toEqual(before);
  });

  it('gives each token its offsets in the text, across spaces, line breaks and punctuation', () => {
    const text = 'The mayor, Ann Lee,  said:\n\n"We will rebuild."';
    for (const t of analyse(text, { winkEntities: false }).tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('lower-cases tokens with straight apostrophes, as lowerWord does for any word', () => {
    const doc = analyse('O’Brien’s DOG met Mr. Smith’s cat.', { winkEntities: false });
    for (const t of doc.tokens) expect(lowerOf(t)).toBe(lowerWord(t.text));
    expect(lowerWord('O’Brien‘S')).toBe("o'brien's");
    expect(lowerWord('CAFÉ')).toBe('café');
  });
});

describe('time tokens', () => {
  it('splits words, numbers with inner separators and single marks, outside ASCII too', () => {
    const tokens = tokenize('Café opened at 10:30, on 1,200 sites—in São Paulo 3.5 hrs');
    expect(tokens.map((t) => t.text)).toEqual([
      'Café', 'opened', 'at', '10:30', ',', 'on', '1,200', 'sites', '—', 'in', 'São', 'Paulo', '3.5', 'hrs',
    ]);
    expect(tokens.find((t) => t.text === '1,200')?.num).toBe(1200);
    expect(tokens.find((t) => t.text === '10:30')?.num).toBeNull();
    expect(tokens.filter((t) => t.capital).map((t) => t.text)).toEqual(['Café', 'São', 'Paulo']);
    expect(tokens.find((t) => t.text === ',')?.glued).toBe(true);
  });
});
