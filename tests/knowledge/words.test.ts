// One definition each of a word, a paragraph and a name key, read the same way by every
// extractor: the summary's and event's words, the tagger's and the facts' paragraphs.
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/knowledge/entities/names.ts';
import { extractFacts } from '../../src/knowledge/extract.ts';
import { furnitureWordSpans, withoutVideoPrompts } from '../../src/knowledge/furniture.ts';
import { hasParagraphBreak } from '../../src/knowledge/paragraphs.ts';
import { lowerWords, occursAsWord, wordsIn } from '../../src/knowledge/words.ts';

describe('a word', () => {
  it('is a run of letters and digits, in plain ASCII and in any other script alike', () => {
    expect(lowerWords('The U.S. sent 2,500 COVID-19 tests.')).toEqual(['the', 'u', 's', 'sent', '2', '500', 'covid', '19', 'tests']);
    expect(lowerWords('Çağlar met Zoë at the café — “naïve”, she said')).toEqual(['çağlar', 'met', 'zoë', 'at', 'the', 'café', 'naïve', 'she', 'said']);
    expect(lowerWords('')).toEqual([]);
  });

  it('is found standing alone in a text: no letter right before or after it, in any script', () => {
    const text = "The statement's estate; state-run. Über-state 𝐀state 𝐀 state";
    expect(occursAsWord(text, 'state')).toBe(true);
    expect(occursAsWord('the statement and the estate', 'state')).toBe(false);
    expect(occursAsWord('überstate éstate stateñ', 'state')).toBe(false);
    expect(occursAsWord('Über-state', 'state')).toBe(true);
    // A letter outside the basic plane (a surrogate pair) is a letter on either side.
    expect(occursAsWord('𝐀state', 'state')).toBe(false);
    expect(occursAsWord('state𝐀', 'state')).toBe(false);
    expect(occursAsWord('state😀', 'state')).toBe(true);
    expect(occursAsWord('u.s. policy', 'u.s.')).toBe(true);
    expect(occursAsWord('State', 'state')).toBe(false);
    expect(occursAsWord('anything', '')).toBe(false);
  });

  it('keeps its case when asked for the words as written', () => {
    expect(wordsIn("Kirkstall Road's new bridge")).toEqual(['Kirkstall', 'Road', 's', 'new', 'bridge']);
  });
});

describe('a paragraph', () => {
  it('ends at a blank line, even one holding spaces, not at a single line break', () => {
    expect(hasParagraphBreak('.\n\nThe')).toBe(true);
    expect(hasParagraphBreak('.\n  \t\n')).toBe(true);
    expect(hasParagraphBreak('.\nThe')).toBe(false);
  });

  it('numbers the sentences of the facts', () => {
    const text = 'A police spokesman said the road was shut.\nIt reopened at noon.\n\nWitnesses are asked to call the police.';
    const facts = extractFacts({ id: 'p', title: null, published: null, url: null, author: null, outlet: null, text });
    expect(facts.sentences.map((s) => [text.slice(s.start, s.end), s.paragraph])).toEqual([
      ['A police spokesman said the road was shut.', 0],
      ['It reopened at noon.', 0],
      ['Witnesses are asked to call the police.', 1],
    ]);
  });
});

describe('a name key', () => {
  it('folds case, dots, spacing, curly apostrophes and the possessive', () => {
    expect(nameKey('U.S.')).toBe('us');
    expect(nameKey('Ann  Lee’s')).toBe('ann lee');
    expect(nameKey("O’Neill")).toBe(nameKey("O'Neill"));
  });
});

describe('furniture inside a sentence', () => {
  it('finds each furniture word with its document offsets, and which ones a credit follows', () => {
    const text = 'Photo: Ann Lee/Getty Images';
    expect(furnitureWordSpans(text, 100)).toEqual([
      { start: 100, end: 106, creditAfter: true },
      { start: 115, end: 127, creditAfter: false },
    ]);
  });

  it('cuts "Scroll down for video" out of a sentence', () => {
    expect(withoutVideoPrompts('Ms Lee won the race. Scroll down for video. She is 81.')).toBe('Ms Lee won the race. She is 81.');
    expect(withoutVideoPrompts('No prompt here.')).toBe('No prompt here.');
  });
});
