// Time expressions, typed and normalised to TIMEX3 values against the dateline.
// A hand-written grammar (src/knowledge/time/grammar.ts) over a small tokeniser of its own
// finds the expressions left to right; each value is then computed from the dateline and the
// previous date, as TempEval anchors relative expressions ("the following day").
import type { TimeFact } from './facts.ts';
import type { NlpDoc } from './nlp.ts';
import { parseDateline } from './time/calendar.ts';
import { TimeGrammar, type Match } from './time/grammar.ts';
import { FUTURE_CUES, PAST_CUES } from './time/lexicon.ts';
import { tokenize, type TimeToken } from './time/tokens.ts';

/** How far back (in tokens) to look for a tense cue before a weekday or a month. */
const TENSE_WINDOW = 12;

/** Sentence-ending tokens bound the search for tense cues. */
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n']);

/** Whether the words just before token i (same sentence) speak of the future. */
function speaksOfFuture(tokens: TimeToken[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - TENSE_WINDOW; k--) {
    const word = tokens[k].lower;
    if (SENTENCE_END.has(word)) return false;
    if (FUTURE_CUES.has(word)) return true;
    // "is to resume", "are to meet"
    if (word === 'to' && k > 0 && (tokens[k - 1].lower === 'is' || tokens[k - 1].lower === 'are')) return true;
    if (PAST_CUES.has(word)) return false;
  }
  return false;
}

/** Non-overlapping matches, left to right, longest at each start. */
function findMatches(tokens: TimeToken[]): Match[] {
  const grammar = new TimeGrammar(tokens);
  const matches: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = grammar.matchAt(i);
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
/** Values a later relative expression may anchor on: calendar dates, not durations or refs. */
const isAnchor = (value: string) => /^\d{4}(-|$)/.test(value);

export function extractTimes(doc: NlpDoc, published: string | null): TimeFact[] {
  const text = doc.text;
  if (!text) return [];
  const tokens = tokenize(text);
  const dct = parseDateline(published);
  const facts: TimeFact[] = [];
  let last: string | null = null;
  let lastQuarter: string | null = null;
  for (const match of findMatches(tokens)) {
    const start = tokens[match.first].start;
    const end = tokens[match.end - 1].end;
    const value = match.resolve({ dct, last, lastQuarter, future: speaksOfFuture(tokens, match.first) });
    facts.push({ start, end, text: text.slice(start, end), type: match.type, value });
    if (value && match.type !== 'duration' && match.type !== 'set' && isAnchor(value)) {
      last = value;
      if (isQuarter(value)) lastQuarter = value;
    }
  }
  return facts;
}
