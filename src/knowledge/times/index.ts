// Time expressions, typed and normalised to TIMEX3 values against the dateline.
// A hand-written grammar (grammar.ts) over a small tokeniser of its own
// finds the expressions left to right; each value is then computed from the dateline and the
// previous date, as TempEval anchors relative expressions ("the following day").
import type { TimeFact } from '../facts.ts';
import type { NlpDoc } from '../nlp.ts';
import { parseDateline } from './calendar.ts';
import { TimeGrammar } from './grammar.ts';
import { FUTURE_CUES, PAST_CUES } from './lexicon.ts';
import { possibleStarts } from './starts.ts';
import { type TimeToken, tokenize } from './tokens.ts';
import type { Match } from './values.ts';

/** How far back (in tokens) to look for a tense cue before a weekday or a month. */
const TENSE_WINDOW = 12;

/** Sentence-ending tokens bound the search for tense cues. */
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'newly', 'recently']);

type Tense = 'future' | 'past' | null;

function tenseCue(tokens: TimeToken[], k: number): Tense {
  const word = tokens[k].lower;
  if (FUTURE_CUES.has(word)) return 'future';
  // "is to resume", "are to meet"
  if (word === 'to' && k > 0 && ['is', 'are', 'set'].includes(tokens[k - 1].lower)) return 'future';
  // "as early as Tuesday" looks ahead; "in the early hours of Thursday" does not.
  if (word === 'early') return tokens[k - 1]?.lower === 'as' && tokens[k + 1]?.lower === 'as' ? 'future' : null;
  if (PAST_CUES.has(word)) return 'past';
  // Regular past forms ("reported", "ended"), but not participles used as adjectives ("the
  // reduced dividend", "a still unspecified date", "the newly elected council").
  if (word.length > 4 && word.endsWith('ed') && !afterDeterminer(tokens, k)) return 'past';
  return null;
}

/** Adverbs that may stand between a determiner and the adjective it leads to ("a still unnamed buyer"). */
const DEGREE_WORDS = new Set(['still', 'yet', 'so', 'very', 'more', 'most', 'less', 'least', 'not', 'as']);

/** Whether the word at k follows a determiner, over adverbs ("the newly formed", "a still unspecified"). */
function afterDeterminer(tokens: TimeToken[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && j >= k - 3 && (DEGREE_WORDS.has(tokens[j].lower) || (tokens[j].lower.length > 3 && tokens[j].lower.endsWith('ly')))) j--;
  return j >= 0 && DETERMINERS.has(tokens[j].lower);
}

/** Words setting a deadline right before a time ("until 9 a.m. Tuesday", "by Friday"): it lies
 * ahead unless a past verb governs them ("stayed until Tuesday"). */
const DEADLINES = new Set(['until', 'till', 'by']);

/** The tense of the words before the expression [first, end): the nearest cue in the same
 * sentence; after a deadline word with none, the verb after it ("Until Thursday, they had not"), else the future. */
function tenseBefore(tokens: TimeToken[], first: number, end: number): Tense {
  for (let k = first - 1; k >= 0 && k >= first - TENSE_WINDOW; k--) {
    if (SENTENCE_END.has(tokens[k].lower)) break;
    const cue = tenseCue(tokens, k);
    if (cue) return cue;
  }
  if (first > 0 && DEADLINES.has(tokens[first - 1].lower)) return tenseAfter(tokens, end) ?? 'future';
  return null;
}

/** The nearest tense cue after the expression ending at `end`, in the same sentence. */
function tenseAfter(tokens: TimeToken[], end: number): Tense {
  for (let k = end; k < tokens.length && k < end + TENSE_WINDOW; k++) {
    if (SENTENCE_END.has(tokens[k].lower)) break;
    const cue = tenseCue(tokens, k);
    if (cue) return cue;
  }
  return null;
}

/** The tense of the words around the expression [first, end): the nearest cue before it in
 * the same sentence, else the nearest one after it. */
function tenseAround(tokens: TimeToken[], end: number, before: Tense): Tense {
  return before ?? tenseAfter(tokens, end);
}

/** Non-overlapping matches, left to right, longest at each start. */
function findMatches(tokens: TimeToken[]): Match[] {
  const grammar = new TimeGrammar(tokens);
  const starts = possibleStarts(tokens);
  const matches: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = starts[i] ? grammar.matchAt(i) : null;
    if (match && match.end > match.first && match.first >= i) {
      matches.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return matches;
}

const isQuarter = (value: string) => /^\d{4}-Q[1-4]$/.test(value);
/** A quarter that has not begun at the dateline is a forecast, not the quarter being reported on. */
const isFutureQuarter = (value: string, published: string | null) =>
  published !== null && value > `${published.slice(0, 4)}-Q${Math.floor((Number(published.slice(5, 7)) - 1) / 3) + 1}`;
/** Values a later relative expression may anchor on: calendar dates, not durations or refs. */
const isAnchor = (value: string) => /^\d{4}(-|$)/.test(value);

/** Sentence index of each character offset, from the tagger's sentences (ascending offsets). */
function sentenceLocator(doc: NlpDoc): (offset: number) => number {
  const starts = doc.sentences.map((s) => s.start);
  let cursor = 0;
  // Offsets are asked in ascending order, so a moving cursor keeps this linear.
  return (offset) => {
    while (cursor + 1 < starts.length && starts[cursor + 1] <= offset) cursor++;
    return cursor;
  };
}

export function extractTimes(doc: NlpDoc, published: string | null): TimeFact[] {
  const text = doc.text;
  if (!text) return [];
  const tokens = tokenize(text);
  const dct = parseDateline(published);
  const sentenceOf = sentenceLocator(doc);
  const facts: TimeFact[] = [];
  let last: string | null = null;
  let lastQuarter: string | null = null;
  let reportedQuarter: string | null = null;
  let previous: { value: string | null; sentence: number } | null = null;
  let named: { value: string; sentence: number } | null = null;
  for (const match of findMatches(tokens)) {
    const start = tokens[match.first].start;
    const end = tokens[match.end - 1].end;
    const sentence = sentenceOf(start);
    const before = tenseBefore(tokens, match.first, match.end);
    const tense = tenseAround(tokens, match.end, before);
    const near = previous && sentence - previous.sentence <= 1 ? previous : null;
    const value = match.resolve({
      dct, last, lastQuarter, reportedQuarter, future: tense === 'future', past: tense === 'past', futureBefore: before === 'future',
      previous: near?.value ?? null, previousSameSentence: near !== null && near.sentence === sentence,
      nearQuarter: named && sentence - named.sentence <= 1 ? named.value : null,
    });
    // A comparison is no anchor for the next one: "from $4 million a year ago ... compared with
    // $3 million a year earlier" both mean the year before the quarter reported, not two years.
    if (!match.shifted) previous = { value, sentence };
    if (value && !match.shifted && isQuarter(value)) named = { value, sentence };
    facts.push({ start, end, text: text.slice(start, end), type: match.type, value });
    if (value && !match.derived && match.type !== 'duration' && match.type !== 'set' && isAnchor(value)) {
      last = value;
      if (isQuarter(value) && !isFutureQuarter(value, published)) {
        lastQuarter = value;
        if (!match.shifted) reportedQuarter ??= value;
      }
    }
  }
  return facts;
}
