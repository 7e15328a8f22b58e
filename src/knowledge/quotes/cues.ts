// Cue verbs over the word list: whether a word can introduce reported speech ("said",
// "pointed out", a present tense the tagger read as a noun) and the cue's own words.
import { CUE_PARTICLES, NEEDS_PARTICLE, SPEECH_LEMMAS, WEAK_LEMMAS } from './lexicon.ts';
import { POSSESSIVES, type WordRange } from './phrases.ts';
import type { Word } from './words.ts';

/** Verbs whose object is typically a whole clause ("show he took", "say they will"). */
const CLAUSE_VERBS: ReadonlySet<string> = new Set(['show', 'find', 'suggest', 'indicate', 'reveal', 'prove', 'say', 'claim', 'argue',
  'believe', 'think', 'know', 'insist', 'warn', 'fear', 'hope', 'expect', 'assert', 'contend', 'predict', 'estimate']);

/** Verb forms that are never nouns, which the tagger still reads as nouns after a number or a name. */
const IRREGULAR_CUE_FORMS: ReadonlyMap<string, string> = new Map([
  ['says', 'say'], ['said', 'say'], ['tells', 'tell'], ['told', 'tell'], ['found', 'find'], ['thought', 'think'], ['wrote', 'write'], ['knew', 'know'],
]);

function lemmaOf(w: Word): string {
  return (w.lemma || w.normal).toLowerCase();
}

/** A verb that can introduce reported speech at word i (particle verbs need their particle). */
export function cueStrength(words: Word[], i: number): 'strong' | 'weak' | null {
  const w = words[i];
  if (!w || w.quotation >= 0) return null;
  // Only verbs, and nouns or adjectives the tagger misread, can be cues: most words stop here.
  if (w.pos !== 'VERB' && w.pos !== 'NOUN' && w.pos !== 'ADJ') return null;
  // The tagger reads some present-tense cues as plural nouns ("The Foundation estimates that").
  const nounCue = w.pos === 'NOUN' && (IRREGULAR_CUE_FORMS.has(w.normal) ||
    (w.normal.endsWith('s') && words[i - 1]?.pos === 'PROPN' && /^(that|:)$/.test(words[i + 1]?.normal ?? '')) ||
    isVerbReadAsNoun(words, i) || closesCueLast(words, i));
  // "has also detailed …": a participle after a form of "have" the tagger read as an adjective.
  // So is "Japan branded North Korea …": a past tense between a name or pronoun and an object.
  const participle = w.pos === 'ADJ' && w.normal.endsWith('ed') && (perfectAuxiliaryBefore(words, i) ||
    ((words[i - 1]?.pos === 'PROPN' || /^(he|she|they|we|i|it)$/.test(words[i - 1]?.normal ?? '')) && (/^(DET|PROPN|PRON)$/.test(words[i + 1]?.pos ?? '') || (words[i + 1]?.quotation ?? -1) >= 0)));
  // ", promising to …", "is promising to …": a present participle after a comma or a form of
  // "be" the tagger read as an adjective.
  // ("is promising to researchers" is an adjective: after "be" the "to" must open an infinitive.)
  const gerund = w.pos === 'ADJ' && w.normal.endsWith('ing') && /^(to|that)$/.test(words[i + 1]?.normal ?? '') && (words[i - 1]?.text === ',' ||
    (progressiveAuxiliaryBefore(words, i) && (words[i + 1].normal === 'that' || /^(VERB|AUX)$/.test(words[i + 2]?.pos ?? ''))));
  // "…, offering broad new support": a present participle after a comma the tagger read as a
  // noun, before the start of its object.
  const commaGerund = w.pos === 'NOUN' && w.normal.endsWith('ing') && words[i - 1]?.text === ',' && OBJECT_START_TAGS.has(words[i + 1]?.pos ?? '');
  if (w.pos !== 'VERB' && !nounCue && !participle && !gerund && !commaGerund) return null;
  // Read only now: a lemma is looked up on first use, and most words are no verb.
  const lemma = (w.pos === 'NOUN' && !commaGerund ? IRREGULAR_CUE_FORMS.get(w.normal) : undefined) ??
    (participle ? participleLemma(w.normal) : gerund || commaGerund ? gerundLemma(w.normal) : lemmaOf(w));
  // Most verbs are no cue verb at all: every test below gives null for them.
  if (!CUE_LEMMAS.has(lemma)) return null;
  const particles = NEEDS_PARTICLE.get(lemma);
  if (particles && particles.has(words[particleAt(words, i)]?.normal ?? '')) return 'weak';
  // "$5 compared with $2": a participle used as a preposition reports nothing.
  if (lemma === 'compare' && /^(with|to)$/.test(words[i + 1]?.normal ?? '')) return null;
  // "her dealings and favors to foreign governments": a plural noun the tagger read as a verb
  // (a present-tense cue takes no "to" phrase but an infinitive).
  if (w.pos === 'VERB' && w.normal.endsWith('s') && words[i - 1]?.normal === 'and' && words[i - 2]?.pos === 'NOUN' &&
    words[i + 1]?.normal === 'to' && words[i + 2]?.pos !== 'VERB' && words[i + 2]?.pos !== 'AUX') return null;
  // "The council has proved to be ineffective": "prove to" means "turn out", it reports nothing.
  if (lemma === 'prove' && words[i + 1]?.normal === 'to') return null;
  if (OTHER_SENSES.some((sense) => sense.lemma === lemma && sense.holds(words, i))) return null;
  if (SPEECH_LEMMAS.has(lemma)) return 'strong';
  if (WEAK_LEMMAS.has(lemma)) return 'weak';
  return null;
}

/** A sense of a cue verb that reports nothing, told by what follows the verb. */
interface OtherSense {
  lemma: string;
  /** Why, with an example. */
  name: string;
  holds(words: Word[], i: number): boolean;
}

/** The head noun of the object right after word i ("the annual convention of nurses" → "convention"). */
function objectHead(words: Word[], i: number): Word | undefined {
  let k = i + 1;
  if (words[k]?.pos !== 'DET' && !POSSESSIVES.has(words[k]?.normal ?? '')) return undefined;
  k++;
  while (words[k] && (words[k].pos === 'ADJ' || words[k].pos === 'NUM' || (words[k].pos === 'NOUN' && words[k + 1]?.pos === 'NOUN'))) k++;
  return words[k]?.pos === 'NOUN' ? words[k] : undefined;
}

/** Audiences and occasions that are addressed: the speech was given to them, they are not what was said. */
const ADDRESSED = new Set(['convention', 'conference', 'rally', 'crowd', 'audience', 'nation', 'meeting', 'summit', 'assembly', 'symposium',
  'gathering', 'forum', 'session', 'congregation', 'graduates', 'students', 'supporters', 'delegates', 'members', 'luncheon', 'dinner', 'ceremony']);

const OTHER_SENSES: readonly OtherSense[] = [
  {
    lemma: 'appeal',
    name: 'a legal appeal: "appealed the ruling to a higher court" (but "appealed for calm", "appealed to voters")',
    holds: (words, i) => objectHead(words, i) !== undefined,
  },
  {
    lemma: 'address',
    name: 'a speech to an audience: "addressed the convention" (but "addressed the issue of pay")',
    holds: (words, i) => ADDRESSED.has(objectHead(words, i)?.lemma ?? ''),
  },
  {
    lemma: 'find',
    name: 'a means found: "found ways to cut costs", "found a way to win" (but "found that …")',
    holds: (words, i) => /^(ways?|means)$/.test(words[i + 1]?.normal === 'a' ? words[i + 2]?.normal ?? '' : words[i + 1]?.normal ?? ''),
  },
];

/** Tags that open a verb's object ("offering broad support", "citing the report", "urging them"). */
const OBJECT_START_TAGS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'PRON', 'PROPN', 'NUM']);

/** Every lemma cueStrength can call a cue (with or without its particle). */
const CUE_LEMMAS: ReadonlySet<string> = new Set([...SPEECH_LEMMAS, ...WEAK_LEMMAS, ...NEEDS_PARTICLE.keys()]);

/** The verb of a regular past participle ("detailed" → "detail", "noted" → "note"), else the word. */
function participleLemma(form: string): string {
  const stem = form.slice(0, -2);
  for (const candidate of [stem, form.slice(0, -1), stem.slice(0, -1)]) {
    if (SPEECH_LEMMAS.has(candidate) || WEAK_LEMMAS.has(candidate)) return candidate;
  }
  return form;
}

/** The verb of a present participle ("promising" → "promise", "vowing" → "vow"), else the word. */
function gerundLemma(form: string): string {
  const stem = form.slice(0, -3);
  for (const candidate of [stem, stem + 'e', stem.slice(0, -1)]) {
    if (SPEECH_LEMMAS.has(candidate) || WEAK_LEMMAS.has(candidate)) return candidate;
  }
  return form;
}

/** "is", "are", "was" or "were" right before word i, past one adverb. */
function progressiveAuxiliaryBefore(words: Word[], i: number): boolean {
  let p = i - 1;
  if (words[p]?.pos === 'ADV') p--;
  return /^(is|are|was|were|been)$/.test(words[p]?.normal ?? '');
}

/** "has", "have" or "had" right before word i, past one adverb. */
function perfectAuxiliaryBefore(words: Word[], i: number): boolean {
  let p = i - 1;
  if (words[p]?.pos === 'ADV') p--;
  return /^(has|have|had)$/.test(words[p]?.normal ?? '');
}

/**
 * "The campaign plans to …", "Clinton vows to …": a present-tense verb the tagger read as a
 * plural noun, between a subject and an infinitive.
 */
function isVerbReadAsNoun(words: Word[], i: number): boolean {
  const w = words[i];
  let p = i - 1;
  // "Some Democrats, however, question …", "The ad then references …"
  // (The tag first: it is at hand, where a word's text is read from memory elsewhere.)
  if (words[p - 1]?.pos === 'ADV' && words[p]?.text === ',' && words[p - 2]?.text === ',') p -= 3;
  else if (words[p]?.pos === 'ADV' && p > 0) p--;
  const prev = words[p];
  const next = words[i + 1];
  if (!prev || !next || w.quotation >= 0) return false;
  if (w.normal.endsWith('s') && next.normal === 'to' && words[i + 2]?.pos === 'VERB') {
    // "The campaign plans to …", "Clinton vows to …"
    return prev.pos === 'PROPN' || (prev.pos === 'PRON' && /^(he|she|it)$/.test(prev.normal)) || prev.pos === 'NOUN';
  }
  // Every reading below needs a name, noun or pronoun subject: without one the lemma is not looked up.
  if (prev.pos !== 'PROPN' && prev.pos !== 'NOUN' && prev.pos !== 'PRON') return false;
  // "Polls show a close contest", "China and Russia support the government": a plural or
  // named subject, the bare verb, then the start of its object.
  // The object's start is checked first: it is the cheapest test, and lemmas are looked up on first use.
  // "documents show he took …": a subject pronoun opens the reported clause.
  const subjectPronoun = next.pos === 'PRON' && /^(he|she|they|we|it|i)$/.test(next.normal);
  // "Trump demands accountability": after a name, a plain noun object of a speech verb.
  const nounObject = next.pos === 'NOUN' && prev.pos === 'PROPN' && w.normal.endsWith('s');
  if (!(next.pos === 'DET' || next.pos === 'PROPN' || next.normal === 'that' || subjectPronoun || nounObject || (next.pos === 'PRON' && POSSESSIVES.has(next.normal)))) return false;
  const lemma = w.lemma || w.normal;
  if (!(SPEECH_LEMMAS.has(lemma) || WEAK_LEMMAS.has(lemma)) || (nounObject && !SPEECH_LEMMAS.has(lemma))) return false;
  // Only verbs that take a clause read a pronoun after them as its subject ("the rate he proposed" is a noun).
  if (subjectPronoun && !CLAUSE_VERBS.has(lemma)) return false;
  // "Trump questions the fairness …", "Federal court rules that …": a singular subject and the
  // verb's -s form.
  if (w.normal !== lemma) {
    return w.normal.endsWith('s') && (prev.pos === 'PROPN' || (prev.pos === 'NOUN' && prev.normal === prev.lemma) ||
      (prev.pos === 'PRON' && /^(he|she|it)$/.test(prev.normal)));
  }
  return prev.pos === 'PROPN' || (prev.pos === 'NOUN' && ((prev.normal !== prev.lemma && prev.normal.endsWith('s')) || subjectPronoun)) ||
    (prev.pos === 'PRON' && /^(they|we|i|you)$/.test(prev.normal));
}

/** Words that may make up a short source name between a comma and its cue ("the Harbor Ledger"). */
const SOURCE_NAME_TAGS = new Set(['PROPN', 'DET', 'NOUN', 'ADJ']);

/**
 * "…, the Harbor Ledger reports.", "…, Okafor notes.": an -s form the tagger read as a plural
 * noun, right after a name and closing a sentence whose content the comma before the name sets off.
 */
function closesCueLast(words: Word[], i: number): boolean {
  const w = words[i];
  if (!w.normal.endsWith('s') || words[i - 1]?.pos !== 'PROPN') return false;
  const next = words[i + 1];
  if (!next || !(next.text === '.' || next.text === ',')) return false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    if (words[k].text === ',') return k < i - 1 && words[k - 1]?.text !== ',';
    if (!SOURCE_NAME_TAGS.has(words[k].pos)) return false;
  }
  return false;
}

/** The cue's own words: the verb, a particle ("pointed out"), nothing else. */
export function cueRange(words: Word[], i: number): WordRange {
  const feeling = expressedFeelingEnd(words, i);
  if (feeling > i) return [i, feeling];
  const p = particleAt(words, i);
  const next = words[p];
  if (next && CUE_PARTICLES.has(next.normal) && NEEDS_PARTICLE.get(lemmaOf(words[i]))?.has(next.normal)) return [i, p];
  return [i, i];
}

/** Where a cue's particle would be: next to it, or after one time word or manner adverb ("called Friday for", "spoke warmly of"). */
function particleAt(words: Word[], i: number): number {
  const next = words[i + 1];
  if (next?.time && !words[i + 2]?.time) return i + 2;
  return next?.pos === 'ADV' && next.normal.endsWith('ly') && CUE_PARTICLES.has(words[i + 2]?.normal ?? '') ? i + 2 : i + 1;
}

/** Feelings and stances a speaker "expresses" or "voices" about something ("voiced deep concern about …"). */
const EXPRESSED_FEELINGS = new Set(['concern', 'concerns', 'misgivings', 'outrage', 'support', 'doubt', 'doubts', 'skepticism', 'scepticism',
  'frustration', 'opposition', 'reservations', 'alarm', 'anger', 'dismay', 'disappointment', 'optimism', 'confidence', 'worry', 'worries',
  'fears', 'regret', 'sympathy', 'solidarity', 'displeasure', 'unease', 'disgust', 'admiration', 'gratitude', 'interest', 'enthusiasm']);
const FEELING_PREPOSITIONS = new Set(['about', 'over', 'for', 'with', 'at', 'in', 'toward', 'towards', 'regarding']);

/**
 * "expressed deep concern about X", "voiced support for X": the last word of the cue through the
 * preposition, so the content is X; else i.
 */
function expressedFeelingEnd(words: Word[], i: number): number {
  if (!/^(express|expresses|expressed|expressing|voice|voices|voiced|voicing)$/.test(words[i].normal)) return i;
  let k = i + 1;
  while (k < i + 4 && (words[k]?.pos === 'ADJ' || words[k]?.pos === 'ADV')) k++;
  if (!EXPRESSED_FEELINGS.has(words[k]?.normal ?? '') || !FEELING_PREPOSITIONS.has(words[k + 1]?.normal ?? '')) return i;
  return k + 1;
}
