// Page furniture, one definition: the tabloid page's byline, kicker, captions, stats panel,
// share bar and related link are flagged, and no extractor reads them as news.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/knowledge/extract.ts';
import { isFurnitureLine, leadingFurnitureLength } from '../../src/knowledge/furniture.ts';
import { loadArticles } from '../../src/knowledge/ingest/index.ts';

const [tabloid] = loadArticles('tests/fixtures/digest-lines/tabloid-marathon.md').articles;

describe('page furniture', () => {
  const facts = extractFacts(tabloid);
  const flagged = facts.sentences.filter((s) => s.furniture).map((s) => tabloid.text.slice(s.start, s.end));
  const news = facts.sentences.filter((s) => !s.furniture).map((s) => tabloid.text.slice(s.start, s.end));

  it('flags bylines, kickers, captions, stats panels, video prompts, share bars and related links standing alone', () => {
    expect(flagged).toEqual([
      'By GWEN TARROW FOR THE DAILY COURIER',
      'EXCLUSIVE',
      'Scroll down for video',
      'Record breaker: Edna Pargeter, 81, at the finish line',
      'Proud moment: Her grandson cheered her on',
      'Risky regimen: 60 miles a week, three ice baths, no rest days',
      'Share this article',
      'Read more: Marathon runner, 90, breaks world record',
    ]);
  });

  it('leaves sentences and quotes, even those with a label and a colon', () => {
    expect(news).toContain('She said: "I just put one foot in front of the other and never looked at the clock."');
    expect(isFurnitureLine('Council leader Bernard Achterberg said: "We have listened"')).toBe(false);
    // A line that ends like a sentence is one, however short.
    expect(isFurnitureLine('Update: The road has reopened.')).toBe(false);
    // A long line without a stop is a sentence that lost it, not a caption.
    expect(isFurnitureLine(`Warning: ${'the river is rising fast and the council has asked residents to move their cars '.repeat(2)}`)).toBe(false);
  });

  it('keeps furniture out of the summary and the event', () => {
    const summary = facts.summary.join(' ');
    expect(summary).not.toMatch(/TARROW|EXCLUSIVE|Scroll down|Record breaker|Proud moment|Risky regimen|Share this|Read more/);
    expect(facts.event?.what ?? '').not.toMatch(/regimen|breaker/i);
  });

  it('measures datelines and bylines that open a sentence', () => {
    expect(leadingFurnitureLength('AUGUSTA, Maine (AP) — Gov. Janet Mills signed the budget.')).toBe('AUGUSTA, Maine (AP) — '.length);
    expect(leadingFurnitureLength('WASHINGTON — The senate passed the bill.')).toBe('WASHINGTON — '.length);
    expect(leadingFurnitureLength('The senate passed the bill.')).toBe(0);
  });
});
