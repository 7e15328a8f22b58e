import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/knowledge/limits.ts';
import { analyse, learnedWords, lowerOf, lowerWord } from '../../src/knowledge/nlp.ts';
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

  it('keeps what a long-lived reader learns bounded, and reads a text the same after it starts afresh', () => {
    // wink keeps every unknown word it meets: a long ingest meets new names without end.
    const reading = (text: string) => analyse(text).tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}/${t.type}/${t.start}`);
    const text = "Mayor Zelphine Arkwright said on Tuesday that Quorvex's plant in Dunmarrow would close; 'We're sorry,' she said.";
    const before = reading(text);
    // Made-up words, all different: "Vabak", "Vabal", …, in sentences of ten.
    const letters = 'abcdefghiklmnoprstuvwyz';
    const word = (n: number) => 'V' + [0, 1, 2, 3].map((k) => letters[Math.floor(n / letters.length ** k) % letters.length]).join('');
    const batch = 5000;
    for (let from = 0; from <= LIMITS.learnedWords + batch; from += batch) {
      const words = Array.from({ length: batch }, (_, i) => word(from + i) + ((i + 1) % 10 === 0 ? '.' : ''));
      analyse(words.join(' '));
      expect(learnedWords()).toBeLessThanOrEqual(LIMITS.learnedWords + 4 * batch);
    }
    expect(reading(text)).toEqual(before);
  }, 120_000);

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
