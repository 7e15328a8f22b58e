// The main clause of a headline or lead sentence: its subject (who) and its predicate (what).
// wink tags headline verbs poorly ("Lady Gaga stages/NOUN protest"), so a headline also
// accepts a noun-tagged word right after a proper name as its verb when it reads like one.
import type { Token } from '../nlp.ts';

export interface Clause {
  subject: Token[];
  /** Verb group + object, cut before subordinate clauses. */
  predicate: Token[];
  /** Tokens after the predicate (where a cause or manner clause may start). */
  rest: Token[];
}

/** Words that open a subordinate clause: the main predicate ends before them. */
const CLAUSE_BREAKS = new Set([
  'after', 'as', 'while', 'because', 'when', 'since', 'amid', 'despite', 'following', 'before',
  'until', 'though', 'although', 'whereas', 'if', 'unless', 'but', 'which', 'who', 'where', 'so',
]);

/** Words that may stand inside a subject without ending it ("Dozens of rescuers"). */
const SUBJECT_JOINERS = new Set(['of', 'and', '&', "'s", '’s', "'", '-']);

/** Tags of words that never end a name or a noun phrase ("to", "of", "the", "and"). */
const FUNCTION_TAGS = new Set(['ADP', 'PART', 'DET', 'CCONJ', 'SCONJ']);

const MAX_PREDICATE_WORDS = 7;
const MAX_SUBJECT_WORDS = 8;

export const isWord = (t: Token): boolean => /[\p{L}\p{N}]/u.test(t.text);
const isVerbTag = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';
const isLower = (t: Token): boolean => /^\p{Ll}/u.test(t.text);

/** A noun-tagged headline word that is really the verb: "Police name final...", "Gaga stages protest". */
function headlineVerbLike(tokens: Token[], i: number, headline: boolean): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || prev.pos !== 'PROPN' || t.pos !== 'NOUN' || !isLower(t)) return false;
  const thirdPerson = /s$/.test(t.text) && !/ss$/.test(t.text);
  // "the Chinese boy who fell": a relative pronoun after the word makes it a noun, not a verb.
  const objectFollows = !!next && ['DET', 'NUM', 'ADJ', 'PRON'].includes(next.pos) && !/^(who|which|that|whose)$/.test(next.normal);
  // In running text only "Toblerone changes the ..." counts; headlines drop articles, so allow more.
  const pastTense = /ed$/.test(t.text);
  return headline ? thirdPerson || objectFollows : (thirdPerson || pastTense) && objectFollows;
}

/** Index of the main verb: the first finite-looking verb after a noun phrase. */
function mainVerbIndex(tokens: Token[], headline: boolean): number {
  let sawNoun = false;
  // "Residents who had warned the county ... watched it": the first verb group after a relative
  // pronoun is the relative clause's; the main verb comes after it and its object.
  let relative = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^(who|which|that)$/.test(t.normal) && t.pos === 'PRON' && sawNoun) {
      relative = true;
      continue;
    }
    if (relative) {
      if (isVerbTag(t)) {
        while (i + 1 < tokens.length && isVerbTag(tokens[i + 1])) i++;
        relative = false;
        sawNoun = false;
      }
      continue;
    }
    if (sawNoun && headlineVerbLike(tokens, i, headline)) return i;
    if (isVerbTag(t) && sawNoun && !/ing$/.test(t.normal)) return i;
    if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.pos)) sawNoun = true;
    // Past a clause boundary with no verb yet, the opening was a fronted phrase: keep looking.
  }
  return -1;
}

/** The subject noun phrase: trimmed of determiners, appositions and trailing modifiers. */
function trimSubject(tokens: Token[]): Token[] {
  // A fronted subordinate clause ("As fans celebrate, X ...") or a heading ("Tears of joy as X"):
  // keep what follows the last clause word.
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (CLAUSE_BREAKS.has(tokens[i].normal) || tokens[i].text === ',' && i < 3) from = i + 1;
  }
  let out = tokens.slice(from);
  // Cut at an apposition or a post-modifier ("Dozens of rescuers in China", "Lady Gaga, a supporter").
  const cut = out.findIndex(
    (t, i) => i > 0 && (t.pos === 'PUNCT' && !SUBJECT_JOINERS.has(t.text) || (t.pos === 'ADP' && !SUBJECT_JOINERS.has(t.normal)) || t.pos === 'PRON' && /^(who|which|that)$/.test(t.normal)),
  );
  if (cut > 0) out = out.slice(0, cut);
  while (out.length > 0 && (out[0].pos === 'DET' || !isWord(out[0]))) out = out.slice(1);
  // "Toblerone chocolate bar shape change": a brand before a pile of common nouns is the actor.
  const names = out.findIndex((t) => t.pos !== 'PROPN');
  if (names > 0 && out.slice(names).filter((t) => t.pos === 'NOUN').length >= 2 && out.slice(names).every((t) => t.pos === 'NOUN')) out = out.slice(0, names);
  // "Governor to sign budget": a subject never ends in a function word ("Governor to", "Post telling everyone to").
  while (out.length > 0 && (!isWord(out[out.length - 1]) || SUBJECT_JOINERS.has(out[out.length - 1].normal) || FUNCTION_TAGS.has(out[out.length - 1].pos))) out = out.slice(0, -1);
  return out.length > MAX_SUBJECT_WORDS ? [] : out;
}

/** Verb group and object: stops at punctuation, a subordinate clause, or a second preposition. */
function predicateFrom(tokens: Token[], verb: number): { predicate: Token[]; rest: Token[] } {
  const out: Token[] = [];
  let prepositions = 0;
  let words = 0;
  let i = verb;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > verb) {
      if (t.pos === 'PUNCT' && !/^['’‘-]$/.test(t.text)) break;
      if (CLAUSE_BREAKS.has(t.normal) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'PRON' || t.pos === 'ADV')) break;
      if (t.pos === 'CCONJ' && tokens[i + 1] && isVerbTag(tokens[i + 1])) break;
      if (t.pos === 'ADP') {
        prepositions++;
        if (prepositions > 1) break;
      }
      if (words >= MAX_PREDICATE_WORDS) break;
    }
    out.push(t);
    if (isWord(t)) words++;
  }
  while (out.length > 1 && (!isWord(out[out.length - 1]) || ['ADP', 'DET', 'CCONJ', 'PART'].includes(out[out.length - 1].pos))) out.pop();
  return { predicate: out, rest: tokens.slice(i) };
}

/** Subject and predicate of one sentence or headline, or null when no verb is found. */
export function mainClause(tokens: Token[], headline = false): Clause | null {
  const verb = mainVerbIndex(tokens, headline);
  if (verb <= 0) return null;
  // Auxiliaries and adverbs just before the verb belong to the predicate ("has been named").
  let start = verb;
  while (start > 0 && (tokens[start - 1].pos === 'AUX' || tokens[start - 1].pos === 'ADV' || tokens[start - 1].pos === 'PART' && tokens[start - 1].normal !== 'to')) start--;
  const subject = trimSubject(tokens.slice(0, start));
  if (subject.length === 0) return null;
  const { predicate, rest } = predicateFrom(tokens, start);
  return { subject, predicate, rest };
}

/** The source text of a run of tokens. */
export function phrase(text: string, tokens: Token[]): string | null {
  if (tokens.length === 0) return null;
  return text.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ').trim() || null;
}
