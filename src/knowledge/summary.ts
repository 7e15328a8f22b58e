// A short extractive summary: up to three sentences, best first, verbatim from the text.
// News puts its point first (lead bias), so position weighs most; centrality (how much of
// the article's vocabulary a sentence shares) and a preference for mid-length sentences
// break ties and let a strong later sentence replace a weak lead. Page furniture (datelines,
// bylines, captions, promos, tweets) is removed or skipped first.
import type { NlpDoc } from './nlp.ts';
import { FURNITURE, furnitureSentences, leadingFurnitureLength, withoutVideoPrompts } from './furniture.ts';
import { lowerWords } from './words.ts';

/** A sentence that may go into the summary: its cleaned text and what it is scored on. */
interface Candidate {
  index: number;
  text: string;
  words: string[];
  score: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 55;
/** Sentences considered: the head of the article, where news puts its point. */
const MAX_CANDIDATES = 40;
/** A summary longer than this (in words) stops taking sentences. */
const TARGET_WORDS = 75;

const STOP_WORDS = new Set(
  ('a an the and or but if of to in on at by for with from as is was are were be been being it its ' +
    'this that these those he she they we you i his her their our your my him them us me who whom ' +
    'which what when where why how not no so than then there here has have had do does did will ' +
    'would can could should may might must said says say about after before over into up out also ' +
    'just more most very one two new').split(' '),
);

/** The sentence with datelines, bylines and "Scroll down for video" cut away. */
export function cleanSentence(raw: string): string {
  // Most sentences are already single-spaced: rewrite only those that are not.
  let text = hasRunOfSpace(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  text = text.slice(leadingFurnitureLength(text));
  return withoutVideoPrompts(text);
}

/** White space other than a space. */
const OTHER_SPACE = /[^\S ]/;

/**
 * Whether the text has white space other than a single space, or two in a row. Without other
 * white space, two in a row are two spaces: a substring search finds them.
 */
function hasRunOfSpace(text: string): boolean {
  return OTHER_SPACE.test(text) || text.includes('  ');
}

/**
 * Why a sentence must not be in a summary, or null when it may be. `furniture`: the furniture test
 * of this very text when already made (the document's flags, for a sentence cleaning left as it was).
 */
function rejection(text: string, words: string[], furniture?: boolean): string | null {
  if (words.length < MIN_WORDS) return 'short';
  if (words.length > MAX_WORDS) return 'long';
  if (furniture ?? FURNITURE.test(text)) return 'furniture';
  if (/^[@#]/.test(text) || (text.includes('@') && /(^|\s)@\w+/.test(text))) return 'tweet';
  if (/\?\s*$/.test(text)) return 'question';
  // A sentence that is one long quote is an opinion, rarely the news.
  if (/^["“‘']/.test(text) && /["”’']\s*[.!]?$/.test(text)) return 'quote';
  // A lower-case opening is the tail of a sentence the splitter cut (inside a quote, after an abbreviation).
  if (/^[a-z]/.test(text)) return 'fragment';
  // So is a sentence that opens or ends inside a quotation: 'We did it together," Mills said.'
  if (!quotesBalanced(text)) return 'fragment';
  return null;
}

/** Whether every double quotation mark the text opens it also closes, and it does not open on a closing one. */
function quotesBalanced(text: string): boolean {
  let open = 0;
  let straight = 0;
  for (const c of text) {
    if (c === '“') open++;
    else if (c === '”' && --open < 0) return false;
    else if (c === '"') straight++;
  }
  return open === 0 && straight % 2 === 0;
}

/** How many sentences use a content word, and the last one seen doing so. */
interface WordUse {
  sentences: number;
  last: number;
}

/**
 * Each sentence's distinct content words (no stop words, at least three letters), in first-use
 * order, each given by its entry in the table of document frequencies (how many sentences use
 * it). One table serves both: a word is new to a sentence when the last sentence that used it is another.
 */
function contentWords(sentences: string[][]): WordUse[][] {
  const uses = new Map<string, WordUse>();
  // Each sentence's words are given as their entries in the table, whose counts are final once
  // every sentence is read: centrality then needs no second look-up per word.
  return sentences.map((words, index) => {
    const out: WordUse[] = [];
    for (const w of words) {
      if (w.length < 3) continue;
      // A stop word is never in the table, so only a word not found there needs the stop-word test.
      let use = uses.get(w);
      if (use === undefined) {
        if (STOP_WORDS.has(w)) continue;
        use = { sentences: 1, last: index };
        uses.set(w, use);
      } else if (use.last === index) continue;
      else {
        use.sentences++;
        use.last = index;
      }
      out.push(use);
    }
    return out;
  });
}

/** Share of the article's recurring vocabulary this sentence carries (0..~1); `content`: its words' entries from contentWords. */
function centrality(content: WordUse[], sentenceCount: number): number {
  let sum = 0;
  for (const use of content) {
    const f = use.sentences;
    if (f > 1) sum += Math.log(f) / Math.log(Math.max(2, sentenceCount));
  }
  return content.length === 0 ? 0 : sum / Math.sqrt(content.length);
}

/** Lead bias: the first sentences carry the story. */
function positionWeight(rank: number): number {
  return 1 / (1 + 0.3 * rank);
}

/** Mid-length sentences (15–35 words) read as complete news statements. */
function lengthWeight(count: number): number {
  if (count < 10) return 0.7;
  if (count < 15) return 0.9;
  if (count <= 35) return 1;
  return 0.85;
}

/** A leading label ("Wanted: ...", "Fighter ace: ...") marks a photo caption. */
function looksLikeCaption(text: string): boolean {
  // The label's ": " is looked for first: most sentences have none.
  return text.includes(': ') && /^[A-Z][\w'’-]*(?: [\w'’-]+){0,3}: \S/.test(text);
}

/** The text of the first `limit` sentences. */
function sentenceTexts(doc: NlpDoc, limit = doc.sentences.length): string[] {
  return doc.sentences.slice(0, limit).map((s) => doc.text.slice(s.start, s.end));
}

/** Sentences a quotation may run over before its close is taken as lost. */
const MAX_QUOTE_SENTENCES = 3;

/**
 * The splitter cuts a quotation of several sentences apart ('"We had no choice.' | 'The cranes
 * could have fallen," she said.'): the first part takes the rest, up to the one that closes the
 * quote, and the parts it took are left empty (too short to be chosen), so no candidate opens or
 * ends inside a quote and the indexes still match the document's sentences.
 */
function joinSplitQuotes(sentences: string[]): string[] {
  const out = [...sentences];
  for (let i = 0; i < out.length; i++) {
    if (quotesBalanced(out[i])) continue;
    let joined = out[i];
    let last = i;
    while (last + 1 < out.length && last - i + 1 < MAX_QUOTE_SENTENCES && !quotesBalanced(joined)) joined = `${joined} ${out[++last]}`;
    if (!quotesBalanced(joined)) continue;
    out[i] = joined;
    for (let k = i + 1; k <= last; k++) out[k] = '';
    i = last;
  }
  return out;
}

/** Scored candidates among the first sentences of the article, furniture removed. */
function candidates(doc: NlpDoc): Candidate[] {
  const raw = sentenceTexts(doc, MAX_CANDIDATES);
  const cleaned = joinSplitQuotes(raw.map(cleanSentence));
  const words = cleaned.map(lowerWords);
  const content = contentWords(words);
  const out: Candidate[] = [];
  let rank = 0;
  const furniture = furnitureSentences(doc);
  for (let i = 0; i < cleaned.length; i++) {
    if (rejection(cleaned[i], words[i], cleaned[i] === raw[i] ? furniture[i] === 1 : undefined)) continue;
    const caption = looksLikeCaption(cleaned[i]) ? 0.8 : 1;
    const score =
      positionWeight(rank) * lengthWeight(words[i].length) * caption * (0.3 + 0.7 * centrality(content[i], raw.length));
    out.push({ index: i, text: cleaned[i], words: words[i], score });
    rank++;
  }
  return out;
}

/** True when most of this sentence's words are already in the summary (`seen`: the chosen sentences' words). */
function redundant(words: string[], seen: Set<string>): boolean {
  const content = words.filter((w) => !STOP_WORDS.has(w));
  if (content.length === 0) return true;
  const repeated = content.filter((w) => seen.has(w)).length;
  return repeated / content.length > 0.7;
}

/** Up to three sentences, best first. Falls back to the first sentences when nothing qualifies. */
export function summarise(doc: NlpDoc): string[] {
  const pool = candidates(doc).sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const c of pool) {
    if (chosen.length === 3) break;
    if (chosen.length > 0 && total + c.words.length > TARGET_WORDS + 15) continue;
    if (redundant(c.words, seen)) continue;
    chosen.push(c);
    for (const w of c.words) seen.add(w);
    total += c.words.length;
    if (total >= TARGET_WORDS) break;
  }
  if (chosen.length === 0) {
    const out: string[] = [];
    for (let i = 0; i < doc.sentences.length && out.length < 3; i++) {
      const text = cleanSentence(doc.text.slice(doc.sentences[i].start, doc.sentences[i].end));
      if (text.length > 0) out.push(text);
    }
    return out;
  }
  return chosen.map((c) => c.text);
}
