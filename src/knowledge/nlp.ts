// The single typed wrapper around wink-nlp (CommonJS, loosely typed). Every extractor reads
// the same NlpDoc, so an article is tokenised and tagged exactly once.
import { createRequire } from 'node:module';
import { readEveryTextFirst, wordsLearnedByLastReader } from './first-reading.ts';
import { LIMITS } from './limits.ts';
import { hasParagraphBreak } from './paragraphs.ts';

const require = createRequire(import.meta.url);

/** Universal POS tags as emitted by wink-eng-lite-web-model. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  /** Text exactly as in the source. */
  text: string;
  /** Lower-cased normal form (wink's `normal`). */
  normal: string;
  lemma: string;
  pos: Pos;
  /** wink token type: word, number, punctuation, email, url, hashtag, mention, emoji, ... */
  type: string;
  start: number;
  end: number;
  /** Index of the sentence holding this token. */
  sentence: number;
}

export interface NlpSentence {
  start: number;
  end: number;
  /** Token index range [firstToken, lastToken] inclusive. */
  firstToken: number;
  lastToken: number;
}

/** wink's own entity recogniser: DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, DURATION, ... */
export interface NlpEntity {
  type: string;
  text: string;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

export interface NlpDoc {
  text: string;
  tokens: Token[];
  sentences: NlpSentence[];
  entities: NlpEntity[];
}

interface WinkItems {
  out(what?: unknown): unknown;
}
interface WinkTokens extends WinkItems {
  itemAt(index: number): WinkItems;
}
interface WinkDoc {
  tokens(): WinkTokens;
  sentences(): WinkItems;
  entities(): WinkItems;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

/**
 * The annotations extraction reads: sentences, parts of speech (with lemmas) and wink's
 * entities. wink's default pipeline also scores sentiment and negation, which nothing here
 * reads; leaving them out saves about a sixth of the tagger's time with identical output.
 */
const PIPE = ['sbd', 'pos', 'ner'];

/** The same without wink's entity recogniser, about a third of the tagger's time, for callers that take time spans from the time extractor. */
const PIPE_WITHOUT_ENTITIES = ['sbd', 'pos'];

let instance: WinkNlp | null = null;
let untypedInstance: WinkNlp | null = null;
let defaultInstance: WinkNlp | null = null;

function loadWink(pipe: string[] | null): WinkNlp {
  readEveryTextFirst(require);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
  const model = require('wink-eng-lite-web-model') as unknown;
  return pipe ? winkNLP(model, pipe) : winkNLP(model);
}

/** The wink-nlp instance extraction uses, loaded once per process (the model takes ~0.5 s to load). */
export function wink(): WinkNlp {
  if (!instance) instance = loadWink(PIPE);
  return instance;
}

function winkWithoutEntities(): WinkNlp {
  if (!untypedInstance) untypedInstance = loadWink(PIPE_WITHOUT_ENTITIES);
  return untypedInstance;
}

let headlineInstance: WinkNlp | null = null;

/**
 * A separate instance for headlines. An instance adds the unknown words of every text it reads
 * to its vocabulary, which changes how it tokenises later texts (after a body that wrote
 * "Weisfield's", a headline's "Weisfield's" is one token instead of two): headlines read by
 * their own instance are tokenised as before, whatever the bodies read before them.
 */
function winkForHeadlines(): WinkNlp {
  if (!headlineInstance) headlineInstance = loadWink(PIPE_WITHOUT_ENTITIES);
  return headlineInstance;
}

/** Words the wink instance that read the last text has learned (kept within LIMITS.learnedWords). */
export function learnedWords(): number {
  return wordsLearnedByLastReader();
}

/**
 * Drops an instance that has learned too many words (LIMITS.learnedWords): the next text of its
 * kind loads a fresh one. Tokens never depend on the words an instance learned (first-reading.ts),
 * so the fresh one reads every text as the old one would; documents it read keep it while used.
 */
function retire(nlp: WinkNlp): void {
  if (instance === nlp) instance = null;
  if (untypedInstance === nlp) untypedInstance = null;
  if (headlineInstance === nlp) headlineInstance = null;
}

export interface AnalyseOptions {
  /** Run wink's entity recogniser (DATE, TIME, CARDINAL, ...); without it `entities` is empty. Default true. */
  winkEntities?: boolean;
  /** A headline, read by its own instance without wink's entity recogniser (see winkForHeadlines). */
  headline?: boolean;
}

/**
 * Bare tokenisation + tagging with wink's default pipeline, nothing else: the floor the
 * benchmark compares against (a separate instance, loaded on first use).
 */
export function readDocBare(text: string): number {
  if (!defaultInstance) defaultInstance = loadWink(null);
  const doc = defaultInstance.readDoc(text);
  return (doc.tokens().out() as string[]).length;
}

/** The same with extraction's own pipeline (no entity recogniser), so the benchmark can show both floors. */
export function readDocPipeline(text: string): number {
  const doc = winkWithoutEntities().readDoc(text);
  return (doc.tokens().out() as string[]).length;
}

/** Where `value` occurs at most 64 characters after `from`, or -1: the search never runs to the end of the text (which, for every token wink rewrote, would be quadratic). */
function nearby(text: string, value: string, from: number): number {
  const at = text.slice(from, from + 64 + value.length).indexOf(value);
  return at < 0 ? -1 : from + at;
}

/**
 * Tokens' character offsets, written into `starts`/`ends`. wink keeps the original token text
 * but not offsets, so each token is found in the text from the end of the previous one.
 */
function locateTokens(text: string, values: string[], starts: Int32Array, ends: Int32Array): void {
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Most tokens start where the previous one ended or one space later: those need no search
    // (the first characters are compared before the whole token). A word is looked for after
    // the spaces before it, which may be many: a long run cut short by boundRuns leaves spaces.
    const first = value.charCodeAt(0);
    let from = cursor;
    if (!isSpace(first)) while (from < text.length && isSpace(text.charCodeAt(from))) from++;
    const at = text.charCodeAt(from) === first && text.startsWith(value, from) ? from
      : text.charCodeAt(from + 1) === first && text.startsWith(value, from + 1) ? from + 1
      : nearby(text, value, from);
    // A token wink rewrote (rare) is not in the text: give it a zero-width span where we are.
    if (at < 0) {
      starts[i] = cursor;
      ends[i] = cursor;
      continue;
    }
    starts[i] = at;
    ends[i] = at + value.length;
    cursor = at + value.length;
  }
}

const BLANK_LINE_IN_GAP = /\n[ \t\r\u00a0]*\n/;

/**
 * Finds blank lines between tokens in one forward pass: the gap between two tokens is only
 * sliced and tested when a line break lies inside it (offsets are asked in ascending order).
 */
function blankLineFinder(text: string): (from: number, to: number) => boolean {
  let nextBreak = text.indexOf('\n');
  return (from, to) => {
    if (nextBreak < 0 || to - from < 2) return false;
    if (nextBreak < from) {
      nextBreak = text.indexOf('\n', from);
      if (nextBreak < 0) return false;
    }
    return nextBreak < to && BLANK_LINE_IN_GAP.test(text.slice(from, to));
  };
}

/**
 * A document's lemmas (and types), each computed on first use: only the quote finder reads lemmas, and only
 * of verbs and nouns, while wink's lemmatiser is the dearest of the token properties.
 */
class LazyProperties {
  private readonly values: Array<string | undefined>;
  private types: string[] | null = null;
  constructor(
    private readonly tokens: WinkTokens,
    private readonly its: Record<string, unknown>,
    private readonly texts: string[],
    private readonly pos: Pos[],
  ) {
    this.values = new Array(texts.length);
  }
  /** wink's token types, read for the whole document when first asked (rarely needed). */
  typeAt(index: number): string {
    if (!this.types) this.types = this.tokens.out(this.its.type) as string[];
    return this.types[index];
  }
  at(index: number): string {
    let value = this.values[index];
    if (value !== undefined) return value;
    // A lemma depends on the word and its tag only, except in contractions ("n't" → "not"),
    // which wink keeps per token: those are always asked of wink.
    const text = this.texts[index];
    const memo = hasApostrophe(text) ? null : memoOf(this.pos[index]);
    value = memo?.get(text);
    if (value === undefined) {
      value = this.tokens.itemAt(index).out(this.its.lemma) as string;
      if (memo) {
        if (memo.size >= LEMMA_MEMO_LIMIT) memo.clear();
        memo.set(text, value);
      }
    }
    this.values[index] = value;
    return value;
  }
}

/** A straight or curly apostrophe, the mark of a contraction ("n't", "’ll"). */
function hasApostrophe(text: string): boolean {
  return text.includes("'") || text.includes('\u2019');
}
/** Lemmas by tag, then word, shared across documents (each cleared when it grows past the limit). */
const LEMMA_MEMO = new Map<Pos, Map<string, string>>();
const LEMMA_MEMO_LIMIT = 50_000;

function memoOf(pos: Pos): Map<string, string> {
  let memo = LEMMA_MEMO.get(pos);
  if (!memo) {
    memo = new Map();
    LEMMA_MEMO.set(pos, memo);
  }
  return memo;
}

/**
 * A word lower-cased, curly apostrophes straightened: the key of word-list lookups. (Not
 * wink's `normal`, which also respells words: "Vice" → "vise".)
 */
export function lowerWord(text: string): string {
  const lower = text.toLowerCase();
  // One pass over the characters looks for either curly apostrophe.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019) return lower.replace(/[’‘]/g, "'");
  }
  return lower;
}

/** lowerWord of a token's text, computed once per token of an analysed document. */
export function lowerOf(token: Token): string {
  return token instanceof NlpToken ? token.lower : lowerWord(token.text);
}

/** A token whose lemma and type are looked up when first read, and its lower case computed once. */
class NlpToken implements Token {
  private lowerText: string | undefined = undefined;
  constructor(
    public text: string,
    public normal: string,
    public pos: Pos,
    public start: number,
    public end: number,
    public sentence: number,
    private readonly lazy: LazyProperties,
    private readonly index: number,
  ) {}
  get lemma(): string {
    return this.lazy.at(this.index);
  }
  get type(): string {
    return this.lazy.typeAt(this.index);
  }
  get lower(): string {
    if (this.lowerText === undefined) this.lowerText = lowerWord(this.text);
    return this.lowerText;
  }
}

/**
 * Adds the sentence of tokens [first, last] trimmed of whitespace tokens, or extends the
 * previous sentence when it ends right where this one starts (wink split inside a word).
 */
function pushSentence(sentences: NlpSentence[], values: string[], starts: Int32Array, ends: Int32Array, first: number, last: number): void {
  while (first < last && values[first].trim() === '') first++;
  while (last > first && values[last].trim() === '') last--;
  if (values[first].trim() === '') return;
  const prev = sentences[sentences.length - 1];
  if (prev && prev.end === starts[first]) {
    prev.lastToken = last;
    prev.end = ends[last];
    return;
  }
  sentences.push({ start: starts[first], end: ends[last], firstToken: first, lastToken: last });
}

/** Whitespace as wink splits on it (the characters of /\s/). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The text with the part of every run of non-space characters beyond `limit` replaced by
 * spaces of the same length: wink's tokeniser is quadratic in the length of a token (1 MB of
 * base64 would take minutes), while no word or URL of an article is that long. The length is
 * kept, so offsets into the result index the original text; the same text is returned when
 * no run is that long.
 */
export function boundRuns(text: string, limit: number): string {
  let out = '';
  let copied = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - runStart > limit) {
      // Never cut between the two halves of a surrogate pair.
      let cut = runStart + limit;
      if ((text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
      out += text.slice(copied, cut) + ' '.repeat(i - cut);
      copied = i;
    }
    runStart = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Tokens (text, normal, lemma, pos, type, offsets), sentences and wink's entities of a text.
 * wink's token properties are each read once, as whole-document arrays.
 */
export function analyse(text: string, options: AnalyseOptions = {}): NlpDoc {
  if (!text.trim()) return { text, tokens: [], sentences: [], entities: [] };
  const withEntities = options.winkEntities !== false && !options.headline;
  const nlp = withEntities ? wink() : options.headline ? winkForHeadlines() : winkWithoutEntities();
  const its = nlp.its;
  // wink reads the text with long runs cut short; `read` has the text's length, so every offset found in it indexes `text`.
  const read = boundRuns(text, LIMITS.tokenChars);
  const doc = nlp.readDoc(read);
  if (wordsLearnedByLastReader() > LIMITS.learnedWords) retire(nlp);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const pos = tokens.out(its.pos) as Pos[];
  const count = values.length;
  const lazy = new LazyProperties(tokens, its, values, pos);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  locateTokens(read, values, starts, ends);

  // wink's sentences, cut at paragraph breaks (wink runs a sentence across a blank line when
  // a paragraph ends without punctuation, as headers and tweets do), trimmed of whitespace
  // tokens, and glued back where wink split inside a word ("pic.twitter.com").
  const sentenceSpans = doc.sentences().out(its.span) as Array<[number, number]>;
  const sentences: NlpSentence[] = [];
  const tokenList: Token[] = new Array(count);
  const blankLineBetween = blankLineFinder(read);
  for (const [first, last] of sentenceSpans) {
    let open = first;
    for (let i = first + 1; i <= last; i++) {
      if (i > open && ((values[i].includes('\n') && hasParagraphBreak(values[i])) || blankLineBetween(ends[i - 1], starts[i]))) {
        pushSentence(sentences, values, starts, ends, open, i - 1);
        open = i;
      }
    }
    pushSentence(sentences, values, starts, ends, open, last);
  }
  for (let s = 0; s < sentences.length; s++) {
    const from = s === 0 ? 0 : sentences[s].firstToken;
    const to = s === sentences.length - 1 ? count - 1 : sentences[s + 1].firstToken - 1;
    for (let i = from; i <= to; i++) {
      tokenList[i] = new NlpToken(values[i], normals[i], pos[i], starts[i], ends[i], s, lazy, i);
    }
  }

  if (!withEntities) return { text, tokens: tokenList, sentences, entities: [] };
  const entityList = doc.entities();
  const details = entityList.out(its.detail) as Array<{ value: string; type: string }>;
  const entitySpans = entityList.out(its.span) as Array<[number, number]>;
  const entities: NlpEntity[] = details.map((d, i) => {
    const [first, last] = entitySpans[i];
    return {
      type: d.type,
      text: text.slice(starts[first], ends[last]),
      start: starts[first],
      end: ends[last],
      firstToken: first,
      lastToken: last,
    };
  });
  return { text, tokens: tokenList, sentences, entities };
}
