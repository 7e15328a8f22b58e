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

/** A plural noun or name: "teams", "Families" (not "glass", "boss"). */
const isPlural = (t: Token): boolean => (t.pos === 'NOUN' || t.pos === 'PROPN') && /[^s]s$/.test(t.normal);

/**
 * "Rescue teams dig through", "Families of victims demand answers": after a plural subject a
 * present verb has no -s, and wink tags it a noun. Read it as the verb when something it
 * governs follows (a preposition, an article, a number, an adjective, a pronoun or a noun).
 */
function pluralThenBareVerb(prev: Token | undefined, t: Token, next: Token | undefined): boolean {
  return !!prev && !!next && isPlural(prev) && t.pos === 'NOUN' && isLower(t) && !/s$/.test(t.normal) &&
    ['ADP', 'DET', 'NUM', 'ADJ', 'PRON', 'NOUN'].includes(next.pos);
}

/** A noun-tagged headline word that is really the verb: "Police name final...", "Gaga stages protest". */
function headlineVerbLike(tokens: Token[], i: number, headline: boolean): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (headline && pluralThenBareVerb(prev, t, next)) return true;
  if (!prev || prev.pos !== 'PROPN' || t.pos !== 'NOUN' || !isLower(t)) return false;
  const thirdPerson = /s$/.test(t.text) && !/ss$/.test(t.text);
  // "the Chinese boy who fell": a relative pronoun after the word makes it a noun, not a verb.
  const objectFollows = !!next && ['DET', 'NUM', 'ADJ', 'PRON'].includes(next.pos) && !/^(who|which|that|whose)$/.test(next.normal);
  // "Rescuers race to free ...": a noun before "to" and a verb reads as a verb with its infinitive.
  const infinitiveFollows = next?.pos === 'PART' && next.normal === 'to' && !!tokens[i + 2] && isVerbTag(tokens[i + 2]);
  // In running text only "Toblerone changes the ..." counts; headlines drop articles, so allow more.
  const pastTense = /ed$/.test(t.text);
  if (!headline) return (thirdPerson || pastTense) && objectFollows;
  // "Junior doctors in Wales vote", "Harbour Hawks fans celebrate": an -s word with no object
  // after it, followed in its clause by a verb, is the plural head of the subject.
  if (thirdPerson && !objectFollows && !infinitiveFollows && verbLater(tokens, i)) return false;
  return thirdPerson || objectFollows || infinitiveFollows;
}

/**
 * Whether a verb (not an "-ing" form) or a noun before "to" + verb follows token i in its
 * clause, before an article or a conjunction (which would open its object or a second act).
 * A headline participle counts: "Toblerone fans outraged after ...", "Chinese rescuers ... trapped".
 */
function verbLater(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.pos === 'PUNCT' || CLAUSE_BREAKS.has(t.normal) || t.pos === 'DET' || t.pos === 'CCONJ') return false;
    if (t.pos === 'NOUN' && tokens[j + 1]?.normal === 'to' && tokens[j + 2] && isVerbTag(tokens[j + 2])) return true;
    if (isVerbTag(t) && !/ing$/.test(t.normal)) return true;
  }
  return false;
}

/** A verb form that may be a past participle: "trapped", "stuck", "found" (not "traps" or "trapping"). */
const mayBeParticiple = (t: Token): boolean => t.pos === 'VERB' && !/(?:s|ing)$/.test(t.normal) && (/ed$/.test(t.normal) || t.normal !== t.lemma);
/** A finite verb form: an auxiliary ("is", "has") or a third-person present ("pleads", "dies"). */
const isFinite = (t: Token): boolean => t.pos === 'AUX' || (t.pos === 'VERB' && /[^s]s$/.test(t.normal));

/**
 * A headline drops its auxiliaries, so a bare participle can be the act ("Chief cleared by
 * inquiry") or only say which one is meant ("Boy trapped in shaft is found alive"). When a
 * finite verb follows in the same clause, that verb is the act: its index, else -1.
 */
function finiteAfterParticiple(tokens: Token[], verb: number): number {
  for (let i = verb + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos === 'PUNCT' || CLAUSE_BREAKS.has(t.normal) || t.normal === 'that') return -1;
    if (isFinite(t)) return i;
  }
  return -1;
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
        // "Girl who fell down well dies": the subject was named before the relative clause, so a
        // verb may follow its object at once; a headline drops the object's articles and tags
        // ("well" as an adverb), so it need not be seen as a noun.
        sawNoun = headline;
      }
      continue;
    }
    if (sawNoun && headlineVerbLike(tokens, i, headline)) return i;
    if (isVerbTag(t) && sawNoun && !/ing$/.test(t.normal)) {
      // "You knew it would be": after a pronoun the verb is finite itself.
      const finite = headline && mayBeParticiple(t) && tokens[i - 1]?.pos !== 'PRON' ? finiteAfterParticiple(tokens, i) : -1;
      return finite > 0 ? finite : i;
    }
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
    // "Boy, 6, rescued ...": a comma before an age is an apposition's, not a fronted phrase's.
    const ageFollows = tokens[i + 1]?.pos === 'NUM' && tokens[i + 2]?.text === ',';
    // "Girl who fell down well": a relative pronoun after the head opens no fronted clause; it is cut below.
    const relative = i > 0 && tokens[i].pos === 'PRON' && /^(who|which)$/.test(tokens[i].normal);
    if (CLAUSE_BREAKS.has(tokens[i].normal) && !relative || tokens[i].text === ',' && i < 3 && !ageFollows) from = i + 1;
  }
  let out = tokens.slice(from);
  // Cut at an apposition or a post-modifier ("Dozens of rescuers in China", "Lady Gaga, a
  // supporter", "Mother of toddler stuck in lift").
  const cut = out.findIndex(
    (t, i) => i > 0 && (t.pos === 'PUNCT' && !SUBJECT_JOINERS.has(t.text) || (t.pos === 'ADP' && !SUBJECT_JOINERS.has(t.normal)) || t.pos === 'PRON' && /^(who|which|that)$/.test(t.normal) || mayBeParticiple(t)),
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

/**
 * Whether the conjunction at i opens a clause with its own subject: "have died and more than
 * 40 have been injured" (a few non-verb words, then an auxiliary).
 */
function newSubjectAfter(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j];
    if (t.pos === 'AUX') return j > i + 1;
    if (t.pos === 'VERB' || t.pos === 'PUNCT') return false;
  }
  return false;
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
      if (t.pos === 'CCONJ' && (tokens[i + 1] && isVerbTag(tokens[i + 1]) || newSubjectAfter(tokens, i))) break;
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

/**
 * An adverb that stands before a verb in its group: "-ly" ones and a few short ones ("has
 * finally won", "still hopes"). Another word tagged an adverb is more often a mis-tagged noun
 * ending the subject's clause ("who fell down well dies").
 */
function isPreverbalAdverb(t: Token): boolean {
  return t.pos === 'ADV' && (/ly$/.test(t.normal) || /^(?:not|n't|never|also|still|just|now|already|again|even|only|soon|then|ever|once)$/.test(t.normal));
}

/** Subject and predicate of one sentence or headline, or null when no verb is found. */
export function mainClause(tokens: Token[], headline = false): Clause | null {
  const verb = mainVerbIndex(tokens, headline);
  if (verb <= 0) return null;
  // Auxiliaries and adverbs just before the verb belong to the predicate ("has been named").
  let start = verb;
  while (start > 0 && (tokens[start - 1].pos === 'AUX' || isPreverbalAdverb(tokens[start - 1]) || tokens[start - 1].pos === 'PART' && tokens[start - 1].normal !== 'to')) start--;
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
