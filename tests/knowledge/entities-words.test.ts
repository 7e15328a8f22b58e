// The word-shape helpers answer ASCII words over char codes and others by their patterns:
// both paths must give the answers the patterns give.
import { describe, expect, it } from 'vitest';
import { endsInSingleS, initialsOfWords, isAcronym, isLowerInitial, nameWords, surnameKeys } from '../../src/knowledge/entities/names.ts';
import { isDemonym, isHonorific, isLowerDemonym, isStateAbbreviation } from '../../src/knowledge/entities/lexicon.ts';

describe('word shapes', () => {
  it('tells acronyms by their capitals, ASCII or not', () => {
    for (const word of ['ICE', 'DHS', 'U.S.', 'AT&T', 'ÉDF', 'ÅÄÖ', 'NASA', 'ABCDEFGH']) expect(isAcronym(word), word).toBe(true);
    for (const word of ['I', 'Ice', 'iPhone', 'ABCDEFGHI', 'Été', 'ÉDf', '123', '']) expect(isAcronym(word), word).toBe(false);
  });

  it('tells a lower-case first letter, ASCII or not', () => {
    expect(isLowerInitial('said')).toBe(true);
    expect(isLowerInitial('été')).toBe(true);
    expect(isLowerInitial('Said')).toBe(false);
    expect(isLowerInitial('Été')).toBe(false);
    expect(isLowerInitial('"quoted')).toBe(false);
  });

  it('tells a plural in one "s" as /[^s]s$/ does', () => {
    for (const word of ['Cubs', 'Yankees', 'Ss', 'Ås']) expect(endsInSingleS(word), word).toBe(/[^s]s$/.test(word));
    for (const word of ['Hess', 's', 'Texas', 'Bus', 'Cub', '']) expect(endsInSingleS(word), word).toBe(/[^s]s$/.test(word));
  });

  it('makes initials from the words that count', () => {
    expect(initialsOfWords(nameWords('Immigration and Customs Enforcement'))).toBe('ice');
    expect(initialsOfWords(nameWords('Department of Homeland Security'))).toBe('dhs');
    expect(initialsOfWords(nameWords('Chicago'))).toBe('');
  });

  it('splits a surname at its hyphens only when it has one', () => {
    expect(surnameKeys('Silverio Villegas-Gonzalez')).toEqual(['villegas-gonzalez', 'villegas', 'gonzalez']);
    expect(surnameKeys('Donald Trump Jr.')).toEqual(['trump']);
    expect(surnameKeys('Madonna')).toEqual([]);
  });
});

describe('word lists', () => {
  it('finds honorifics and state abbreviations with or without the dot, and nothing longer', () => {
    expect(isHonorific('Mr')).toBe(true);
    expect(isHonorific('Gov')).toBe(true);
    expect(isHonorific('Sheikh')).toBe(true);
    expect(isHonorific('Governor')).toBe(false);
    expect(isStateAbbreviation('Ill')).toBe(true);
    expect(isStateAbbreviation('Illinois')).toBe(false);
  });

  it('finds demonyms and their plurals, from the word or its lower case', () => {
    for (const word of ['Mexican', 'Mexicans', 'Chinese']) {
      expect(isDemonym(word), word).toBe(true);
      expect(isLowerDemonym(word.toLowerCase()), word).toBe(true);
    }
    expect(isDemonym('Mexico')).toBe(false);
    expect(isLowerDemonym('mexican’s')).toBe(false);
  });
});
