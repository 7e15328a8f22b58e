// The single typed wrapper around wink-nlp (CommonJS, loosely typed). Every extractor reads
// the same NlpDoc, so an article is tokenised and tagged exactly once.
import { createRequire } from 'node:module';

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
interface WinkDoc {
  tokens(): WinkItems;
  sentences(): WinkItems;
  entities(): WinkItems;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let instance: WinkNlp | null = null;

/** The wink-nlp instance, loaded once per process (the model takes ~0.5 s to load). */
export function wink(): WinkNlp {
  if (!instance) {
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkNlp;
    const model = require('wink-eng-lite-web-model') as unknown;
    instance = winkNLP(model);
  }
  return instance;
}

/** Bare tokenisation + tagging, nothing else: the floor the benchmark compares against. */
export function readDocBare(text: string): number {
  const doc = wink().readDoc(text);
  return (doc.tokens().out() as string[]).length;
}

/**
 * Tokens with their character offsets. wink keeps the original token text but not offsets,
 * so each token is found in the text from the end of the previous one.
 */
function locateTokens(text: string, values: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    // A token wink rewrote (rare) is not in the text: give it a zero-width span where we are.
    if (at < 0 || at - cursor > 64) at = -1;
    if (at < 0) {
      spans[i] = [cursor, cursor];
      continue;
    }
    spans[i] = [at, at + value.length];
    cursor = at + value.length;
  }
  return spans;
}

export function analyse(text: string): NlpDoc {
  if (!text.trim()) return { text, tokens: [], sentences: [], entities: [] };
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const pos = tokens.out(its.pos) as Pos[];
  const types = tokens.out(its.type) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  const spans = locateTokens(text, values);

  // wink's sentences, cut at paragraph breaks (wink runs a sentence across a blank line when
  // a paragraph ends without punctuation, as headers and tweets do), trimmed of whitespace
  // tokens, and glued back where wink split inside a word ("pic.twitter.com").
  const sentenceSpans = doc.sentences().out(its.span) as Array<[number, number]>;
  const sentences: NlpSentence[] = [];
  const tokenList: Token[] = new Array(values.length);
  const isSpace = (i: number) => values[i].trim() === '';
  const push = (first: number, last: number) => {
    while (first < last && isSpace(first)) first++;
    while (last > first && isSpace(last)) last--;
    if (isSpace(first)) return;
    const prev = sentences[sentences.length - 1];
    if (prev && prev.end === spans[first][0]) {
      prev.lastToken = last;
      prev.end = spans[last][1];
      return;
    }
    sentences.push({ start: spans[first][0], end: spans[last][1], firstToken: first, lastToken: last });
  };
  for (const [first, last] of sentenceSpans) {
    let open = first;
    for (let i = first; i <= last; i++) {
      if (i > open && (values[i].includes('\n\n') || /\n\s*\n/.test(values[i]) ||
          /\n[ \t\r\u00a0]*\n/.test(text.slice(spans[i - 1][1], spans[i][0])))) {
        push(open, i - 1);
        open = i;
      }
    }
    push(open, last);
  }
  for (let s = 0; s < sentences.length; s++) {
    const from = s === 0 ? 0 : sentences[s].firstToken;
    const to = s === sentences.length - 1 ? values.length - 1 : sentences[s + 1].firstToken - 1;
    for (let i = from; i <= to; i++) {
      tokenList[i] = {
        text: values[i],
        normal: normals[i],
        lemma: lemmas[i],
        pos: pos[i],
        type: types[i],
        start: spans[i][0],
        end: spans[i][1],
        sentence: s,
      };
    }
  }

  const details = doc.entities().out(its.detail) as Array<{ value: string; type: string }>;
  const entitySpans = doc.entities().out(its.span) as Array<[number, number]>;
  const entities: NlpEntity[] = details.map((d, i) => {
    const [first, last] = entitySpans[i];
    return {
      type: d.type,
      text: text.slice(spans[first][0], spans[last][1]),
      start: spans[first][0],
      end: spans[last][1],
      firstToken: first,
      lastToken: last,
    };
  });
  return { text, tokens: tokenList, sentences, entities };
}
