// Page furniture: lines of a scraped page that are not the news (captions, credits, promos,
// share bars, bylines, kickers, embedded posts). The one definition every extractor reads:
// summaries skip furniture, the event takes no actor, place or time from it, and answers
// prefer real sentences. The rules are data: words that mark furniture wherever they stand,
// shapes of a line that stands alone, and the datelines and bylines that open a sentence.
import type { NlpDoc } from './nlp.ts';

/** Words that mark a sentence as furniture wherever they appear ("Scroll down for video", "Getty Images"). */
const FURNITURE_WORDS = [
  'scroll down', 'click here', 'read more', 'follow us', 'sign up', 'subscribe', 'pic\\.twitter', 'https?:\\/\\/', 'www\\.',
  'share this', 'published:', 'updated:', 'last updated', 'e-?mail to a friend', 'all rights reserved', 'copyright',
  '\\bvideo:', 'watch the video', 'see more', 'related:', 'getty images', '\\bphoto:', 'image caption', 'media caption',
  'image copyright', 'media playback', 'skip ad', 'loading\\.\\.\\.', 'click to share', 'most read', 'more on this story',
];

/** Text that marks a line as furniture wherever it appears. */
export const FURNITURE = new RegExp(FURNITURE_WORDS.join('|'), 'i');

/** Words that say a label is someone speaking ("Mills said: ..."), never a caption's label. */
const SPEECH_LABEL = /\b(?:said|says|told|added|wrote|asked|explained|insisted|tweeted|posted|replied|warned|claimed)\b/i;

/**
 * Shapes of a line that stands alone on the page (a paragraph of its own without a closing
 * full stop) and is furniture by its form. Each: why, with an example.
 */
const FURNITURE_LINES: RegExp[] = [
  // A byline: "By GWEN TARROW FOR THE DAILY COURIER", "By Jane Doe, Political Editor".
  /^By\s+\p{Lu}[\p{L}'’. -]+(?:,\s*[\p{L} ]+)?$/u,
  // A kicker in capitals: "EXCLUSIVE", "BREAKING NEWS", "WATCH".
  /^[\p{Lu}\d'’&!. -]{3,40}$/u,
  // A caption or stats panel: a short label and a colon, then a line that is not a sentence
  // ("Record breaker: Edna Pargeter, 81, at the finish line", "Risky regimen: 60 miles a week").
  /^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,3}: [^"“‘]/u,
  // Share bars and related-article blocks: "Share", "Related articles", "More from Sport".
  /^(?:share|related(?: articles?| stories)?|see also|more from [\p{L} ]+|advertisement|comments?(?: \(\d+\))?)$/iu,
];

/** Longest standalone line read as furniture by its shape (a longer one is a sentence without its stop). */
const MAX_FURNITURE_LINE = 140;

/** Whether a sentence is a line of its own: a paragraph or a line break on both sides. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 1);
  return (start === 0 || before.endsWith('\n')) && (end >= text.length || after === '\n');
}

/** Whether a line standing alone is furniture by its shape. */
export function isFurnitureLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_FURNITURE_LINE || /[.!?]["”’]?$/.test(text)) return false;
  const label = /^([^:]*):/.exec(text)?.[1];
  return FURNITURE_LINES.some((p) => p.test(text)) && !(label && SPEECH_LABEL.test(label));
}

export function isFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence);
}

const furnitureByDoc = new WeakMap<NlpDoc, Uint8Array>();

/** For each sentence of a document: 1 when it is furniture. Tested once per document, however many extractors ask. */
export function furnitureSentences(doc: NlpDoc): Uint8Array {
  let flags = furnitureByDoc.get(doc);
  if (!flags) {
    flags = new Uint8Array(doc.sentences.length);
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      const sentence = doc.text.slice(s.start, s.end);
      if (isFurniture(sentence) || (standsAlone(doc.text, s.start, s.end) && isFurnitureLine(sentence))) flags[i] = 1;
    }
    furnitureByDoc.set(doc, flags);
  }
  return flags;
}

/** Whether a character code is an upper-case ASCII letter. */
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * Datelines and bylines that open a sentence without being part of its content. `mayMatch`
 * is a cheap test every text the pattern matches passes: most sentences fail it at once.
 */
const LEADING_FURNITURE: Array<{ pattern: RegExp; mayMatch: (text: string) => boolean }> = [
  // "(CNN)", "LONDON, England (CNN) -- ", "Washington (CNN)", "AUGUSTA, Maine (AP) — "
  {
    pattern: /^(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,4}\s*)?\((?:CNN|AP|Reuters|AFP)[^)]*\)\s*(?:--|—|–|-)?\s*/,
    mayMatch: (text) => text.includes('('),
  },
  // "(The Hollywood Reporter)Stan ...": another outlet's credit opening the story.
  {
    pattern: /^\((?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}\)\s*(?:--|—|–|-)?\s*(?=["“‘A-Z])/,
    mayMatch: (text) => text.startsWith('('),
  },
  // "WASHINGTON — ", "LONDON, Nov 6 (Reuters) - ": a capital, then capitals, spaces or marks.
  {
    pattern: /^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w.]*(?: \d{1,2})?)?\s*(?:--|—|–)\s*/,
    mayMatch: (text) => isUpper(text.charCodeAt(0)) && (isUpper(text.charCodeAt(1)) || " .'-".includes(text[1] ?? 'x')),
  },
  // "By . Jane Doe . ", "By Jane Doe and John Roe . "
  {
    pattern: /^By\s+\.?\s*(?:[A-Z][\w'-]+\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w'-]+\s*){1,4})?\.\s*/,
    mayMatch: (text) => text.startsWith('By'),
  },
];

/** How many leading characters of a sentence are a dateline or byline (0: none). */
export function leadingFurnitureLength(sentence: string): number {
  let text = sentence;
  for (const { pattern, mayMatch } of LEADING_FURNITURE) if (mayMatch(text)) text = text.replace(pattern, '');
  return sentence.length - text.length;
}

/** FURNITURE, to find every place it matches. */
const FURNITURE_ALL = new RegExp(FURNITURE.source, 'gi');

// "Image copyright The Paper", "Photo: Ann Lee": the credit comes right after these.
const CREDIT_AFTER = /^(?:image copyright|copyright|\bphoto:|published:|updated:|\bvideo:)$/i;

/** Where a furniture word stands; `creditAfter`: a credit follows it ("Photo: Ann Lee"). */
export interface FurnitureSpan { start: number; end: number; creditAfter: boolean }

/** Where the furniture words of a text are, in document offsets (`offset`: where the text starts). */
export function furnitureWordSpans(text: string, offset: number): FurnitureSpan[] {
  const spans: FurnitureSpan[] = [];
  FURNITURE_ALL.lastIndex = 0;
  for (const m of text.matchAll(FURNITURE_ALL)) {
    spans.push({ start: offset + m.index, end: offset + m.index + m[0].length, creditAfter: CREDIT_AFTER.test(m[0]) });
  }
  return spans;
}

const VIDEO_PROMPT = /\bScroll down for video\b/i;
const VIDEO_PROMPT_ALL = /\bScroll down for video\b\.?/gi;

/** The text without its "Scroll down for video" prompts, single-spaced where one was cut. */
export function withoutVideoPrompts(text: string): string {
  // Most sentences have no prompt: the rewrite runs only when one is there.
  return VIDEO_PROMPT.test(text) ? text.replace(VIDEO_PROMPT_ALL, ' ').replace(/\s+/g, ' ').trim() : text;
}
