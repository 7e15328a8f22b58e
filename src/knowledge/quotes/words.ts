// The article as a flat list of visible words (wink's whitespace tokens dropped), each with
// its sentence, paragraph, and the quotation it sits in. Built in one linear pass.
import type { NlpDoc, Token } from '../nlp.ts';
import type { Quotation } from './marks.ts';

export interface Word extends Token {
  /** Paragraph number (paragraphs are separated by line breaks). */
  paragraph: number;
  /** Index into the quotations list, or -1 when outside any quotation. */
  quotation: number;
  /** Inside a wink DATE/TIME/DURATION entity. */
  time: boolean;
}

/**
 * A word of the view: the token's fields, its own sentence number, and the token's lemma and
 * type read only when asked. The fields are declared, not initialised, so that each is written
 * once, in the constructor (one such object is made per word of every article).
 */
class ViewWord implements Word {
  declare text: string;
  declare normal: string;
  declare pos: Token['pos'];
  declare start: number;
  declare end: number;
  declare sentence: number;
  declare paragraph: number;
  declare quotation: number;
  declare time: boolean;
  declare private readonly token: Token;
  declare private lemmaValue: string | undefined;
  constructor(token: Token, paragraph: number, quotation: number, time: boolean) {
    this.text = token.text;
    this.normal = token.normal;
    this.pos = token.pos;
    this.start = token.start;
    this.end = token.end;
    this.sentence = token.sentence;
    this.paragraph = paragraph;
    this.quotation = quotation;
    this.time = time;
    this.token = token;
    this.lemmaValue = undefined;
  }
  get lemma(): string {
    this.lemmaValue ??= this.token.lemma;
    return this.lemmaValue;
  }
  get type(): string {
    return this.token.type;
  }
}

export interface WordView {
  words: Word[];
  /** Per sentence: [first, last] word index, inclusive; [-1, -2] when the sentence has no word. */
  sentences: Array<[number, number]>;
  /** Per quotation: [first, last] word index, inclusive (the marks are words too). */
  quotationWords: Array<[number, number]>;
}

const TIME_TYPES = new Set(['DATE', 'TIME', 'DURATION']);

/** Character spans of time expressions, as the time extractor finds them. */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * The word view. Words inside a time expression are flagged from `timeSpans` when given (the
 * time extractor's date, time and duration spans), else from wink's DATE/TIME/DURATION entities.
 */
export function buildWordView(doc: NlpDoc, quotations: Quotation[], timeSpans?: TimeSpan[]): WordView {
  const words: Word[] = [];
  let paragraph = 0;
  let previousEnd = 0;
  let q = 0;
  let e = 0;
  timeSpans ??= doc.entities.filter((x) => TIME_TYPES.has(x.type));
  let nextBreak = doc.text.indexOf('\n');
  for (const token of doc.tokens) {
    if (!token || token.end <= token.start || isBlank(doc.text, token)) continue;
    // A line break between the previous word and this one starts a new paragraph.
    if (nextBreak >= 0 && nextBreak < token.start) {
      if (words.length > 0 && nextBreak >= previousEnd) paragraph++;
      nextBreak = doc.text.indexOf('\n', token.start);
    }
    while (q < quotations.length && quotations[q].end <= token.start) q++;
    const inQuote = q < quotations.length && token.start >= quotations[q].start && token.end <= quotations[q].end;
    while (e < timeSpans.length && timeSpans[e].end <= token.start) e++;
    const inTime = e < timeSpans.length && token.start >= timeSpans[e].start && token.end <= timeSpans[e].end;
    words.push(new ViewWord(token, paragraph, inQuote ? q : -1, inTime));
    previousEnd = token.end;
  }
  splitAfterClosedQuotes(doc.text, words, quotations);
  const count = words.length > 0 ? words[words.length - 1].sentence + 1 : 0;
  const sentences = emptyRanges(count);
  const quotationWords = emptyRanges(quotations.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const range = sentences[w.sentence];
    if (range) {
      if (range[0] < 0) range[0] = i;
      range[1] = i;
    }
    if (w.quotation >= 0) {
      const quoted = quotationWords[w.quotation];
      if (quoted[0] < 0) quoted[0] = i;
      quoted[1] = i;
    }
  }
  return { words, sentences, quotationWords };
}

/** `count` ranges [-1, -2], each to be set to the [first, last] word it spans. */
function emptyRanges(count: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = new Array(count);
  for (let i = 0; i < count; i++) ranges[i] = [-1, -2];
  return ranges;
}

/**
 * wink's whitespace tokens. A token's text is the source's from its start, so a visible ASCII
 * character there (most words) settles it from the article's one flat string, without reading
 * the token's own string (scattered in memory, the dearest read of this pass).
 */
function isBlank(source: string, token: Token): boolean {
  const first = source.charCodeAt(token.start);
  if (first > 0x20 && first < 0x7f) return false;
  return token.text.trim() === '';
}

/**
 * The tagger runs a sentence on past a quotation that ends with its own full stop
 * (“… policy.'' The network said …”): a capitalised word after such a closing mark starts a
 * new sentence. Renumbers the words' sentences in place, in one pass.
 */
function splitAfterClosedQuotes(text: string, words: Word[], quotations: Quotation[]): void {
  let shift = 0;
  let previousTagged = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const tagged = w.sentence;
    const prev = words[i - 1];
    if (i > 0 && tagged === previousTagged && prev.quotation >= 0 && w.quotation !== prev.quotation && /^\p{Lu}/u.test(w.text)) {
      const q = quotations[prev.quotation];
      if (q.closed && q.end <= w.start && /[.?!]['"\u2019\u201d`\s]*$/.test(text.slice(q.start, q.end))) shift++;
    }
    previousTagged = tagged;
    w.sentence = tagged + shift;
  }
}
