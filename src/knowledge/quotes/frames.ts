// Cue frames beyond the verbs of saying: a "that" clause after a stance noun or adjective
// ("the claim that …", "afraid that …"), attitudes ("critical of"), intent ("determined to"),
// public reactions ("faced criticism for"), advocates ("an opponent of") and fixed phrases of
// taking a stand ("took aim at", "made clear that").
import { backOverAuxiliaries, clauseSubject, gappedClause, namesNoOne, startsClause } from './clause.ts';
import { cueStrength } from './cues.ts';
import { STANCE_ADJECTIVES, STANCE_NOUNS } from './lexicon.ts';
import { isSentenceEnd, nounPhraseEndingAt, subjectBefore, VERB_MODIFIERS, type WordRange } from './phrases.ts';
import { canSpeak, infinitiveSpeaker, participleSpeaker } from './sources.ts';
import type { Cue, Extraction } from './state.ts';
import type { Word } from './words.ts';

/** The verb forms of the fixed phrases of taking a stand ("took aim at", "weighed in on"), by verb. */
export const STANCE_IDIOM_VERBS: ReadonlyMap<string, string> = new Map([
  ...['take', 'takes', 'took', 'taken', 'taking'].map((f): [string, string] => [f, 'take']),
  ...['weigh', 'weighs', 'weighed', 'weighing'].map((f): [string, string] => [f, 'weigh']),
  ...['throw', 'throws', 'threw', 'thrown', 'throwing'].map((f): [string, string] => [f, 'throw']),
  ...['come', 'comes', 'came', 'coming'].map((f): [string, string] => [f, 'come']),
]);

/** Nouns of a public reaction someone faces or raises ("faced criticism for", "raised questions about"). */
export const REACTION_NOUNS = new Set(['criticism', 'questions', 'concerns', 'doubts', 'scrutiny', 'backlash', 'fire', 'condemnation', 'ridicule', 'attack', 'attacks']);

/** People defined by the side they take on something ("an opponent of", "a supporter of"). */
export const ADVOCATE_NOUNS = new Set(['opponent', 'supporter', 'critic', 'defender', 'proponent', 'advocate', 'champion', 'foe', 'backer',
  'skeptic', 'sceptic', 'booster', 'admirer', 'detractor', 'fan', 'ally', 'enemy']);

/** Nouns of stance that name what someone holds when a "that" clause follows "is" ("His view is that …"). */
const COPULAR_STANCE_NOUNS = new Set(['argument', 'position', 'view', 'claim', 'contention', 'belief', 'case', 'message', 'hope', 'fear',
  'concern', 'worry', 'thinking', 'assumption', 'expectation', 'bet', 'complaint', 'reasoning', 'theory', 'suggestion']);
export const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);

/**
 * "Trump's claim that …", "Democrats are afraid that …", "McConnell came away convinced
 * that …": a "that" clause after a stance noun, a stance adjective or any verb outside the
 * cue lexicon is what its subject (or the noun's possessor) says, thinks or feels.
 */
export function complementCue(ex: Extraction, that: number, sf: number, sl: number): Cue | null {
  const w = ex.words;
  const h = that - 1;
  const head = w[h];
  if (h < sf || head.quotation >= 0 || !startsClause(w, that + 1, sl)) return null;
  // "so vague that", "such a mess that": a clause of result, not of content.
  for (let k = h; k >= Math.max(sf, h - 4); k--) if (w[k].normal === 'so' || w[k].normal === 'such') return null;
  if (head.pos === 'NOUN') {
    if (!STANCE_NOUNS.has(head.lemma) || gappedClause(w, that + 1, sl)) return null;
    return nounCue(w, h, sf);
  }
  // "His argument is that …", "The campaign's position was that …": the clause is the stance.
  if (/^(is|was)$/.test(head.normal) && h - 1 >= sf && w[h - 1].pos === 'NOUN' && COPULAR_STANCE_NOUNS.has(w[h - 1].lemma)) {
    const cue = nounCue(w, h - 1, sf);
    return { ...cue, at: [h - 1, h] };
  }
  const adjective = head.pos === 'ADJ' && STANCE_ADJECTIVES.has(head.normal);
  // Lexicon cues are read as cues already; "now that", "given that" are conjunctions.
  const verb = head.pos === 'VERB' && !cueStrength(w, h) && !/^(now|given|provided|except|assuming|granted|seeing)$/.test(head.normal);
  if (!adjective && !verb) return null;
  let k = h - 1;
  while (k > sf && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || VERB_MODIFIERS.has(w[k].normal) || (w[k].pos === 'VERB' && /^(came|come|comes|grew|grow|grows|became|become|becomes|seemed|seems|seem|appeared|appears|remained|remains|felt|feels)$/.test(w[k].normal)))) k--;
  const subject = subjectBefore(w, k + 1, sf) ?? (verb ? participleSpeaker(ex, h, sf, sf) : null);
  // "It is clear that …": an empty subject says nothing.
  if (!subject || namesNoOne(w, subject)) return null;
  return { at: [h, h], speaker: subject, layout: 'after', strong: true };
}

/** A stance noun's cue; the possessor speaks ("Smith's claim", "his repeated insistence"), else no one. */
export function nounCue(w: Word[], h: number, sf: number): Cue {
  let k = h - 1;
  while (k > sf && w[k].pos === 'ADJ' && h - k < 4) k--;
  if (w[k]?.pos === 'PRON' && /^(his|her|their|its|our|my)$/.test(w[k].normal)) {
    // "Bornstein's letter was ridiculed for its prediction that …": "its" is the clause's subject.
    const subject = w[k].normal === 'its' ? clauseSubject(w, sf, k) : null;
    return { at: [h, h], speaker: subject ?? [k, k], layout: 'after', strong: true };
  }
  if (w[k]?.pos === 'PART' && k - 1 >= sf) {
    const owner = nounPhraseEndingAt(w, k - 1, sf);
    if (owner) return { at: [h, h], speaker: owner, layout: 'after', strong: true };
  }
  return { at: [h, h], speaker: [h, h], layout: 'after', strong: true, unsourced: true };
}

/**
 * "Graham has been critical of Trump", "aides were coy about …": a predicative adjective of
 * attitude with its preposition; what follows is what the subject's stance is about.
 */
export function attitudeCue(w: Word[], adjective: number, sf: number): Cue | null {
  let k = adjective - 1;
  let copula = false;
  while (k > sf && adjective - k < 6 && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || w[k].pos === 'PART' || VERB_MODIFIERS.has(w[k].normal) ||
    /^(became|become|becomes|remained|remains|seemed|seems|appeared|appears|grew|grown)$/.test(w[k].normal))) {
    if (/^(is|was|are|were|be|been|being|'s|’s|'re|’re|became|become|becomes|remained|remains|seemed|seems|appeared|appears|grew|grown)$/.test(w[k].normal)) copula = true;
    k--;
  }
  // Only a predicate ("is critical of"), not an attribute ("a critical look at").
  if (!copula) return null;
  const subject = subjectBefore(w, k + 1, sf);
  if (!subject || (subject[0] === subject[1] && /^(it|there|this|that)$/.test(w[subject[0]].normal))) return null;
  if (w[subject[1]].pos !== 'PROPN' && w[subject[1]].pos !== 'PRON' && !canSpeak(w, subject[1])) return null;
  return { at: [adjective, adjective + 1], speaker: subject, layout: 'after', strong: true };
}

/** "Mr. Obama is also determined to warn …": the infinitive after an adjective of will. */
export function intentCue(w: Word[], to: number, sf: number): Cue | null {
  const h = to - 1;
  const k = backOverAuxiliaries(w, h - 1, sf);
  if (k === h - 1) return null;
  const subject = subjectBefore(w, k + 1, sf);
  if (!subject || namesNoOne(w, subject)) return null;
  return { at: [h, h], speaker: subject, layout: 'after', strong: true };
}

/**
 * "X has faced sharp criticism for Y", "came under fire over Y": criticism of X by no one
 * named, about Y; "X is raising questions about Y": X's own doubt. Null for any other frame
 * (or when "from …" names the critics: the writer names them elsewhere in the sentence).
 */
export function reactionCue(w: Word[], c: number, sf: number): Cue | null {
  let k = c - 1;
  // ("withering criticism": the tagger may read a modifier as a participle.)
  while (k > sf && c - k < 4 && (w[k].pos === 'ADJ' || (w[k].pos === 'VERB' && w[k].normal.endsWith('ing') && !/^(rais|fac|com)/.test(w[k].normal)))) k--;
  const verb = w[k]?.normal ?? '';
  if (/^(raise|raises|raised|raising)$/.test(verb) && /^(questions|concerns|doubts)$/.test(w[c].normal)) {
    const subject = subjectBefore(w, k, sf);
    if (!subject || namesNoOne(w, subject)) return null;
    return { at: [k, c + 1], speaker: subject, layout: 'after', strong: true };
  }
  const faced = /^(face|faces|faced|facing)$/.test(verb) || (verb === 'under' && /^(come|comes|came|coming)$/.test(w[k - 1]?.normal ?? ''));
  if (!faced || w[c + 2]?.normal === 'from') return null;
  return { at: [c, c + 1], speaker: [c, c], layout: 'after', strong: true, unsourced: true };
}

/**
 * "X is a staunch opponent of …", "X has been a consistent and outspoken supporter of …": the
 * cue runs from the form of "be" through "of"; the subject holds the stance. Null when the
 * noun is no predicate of "be" ("an opponent of the plan said …").
 */
export function advocateCue(w: Word[], c: number, sf: number): Cue | null {
  let k = c - 1;
  while (k > sf && c - k < 7 && (w[k].pos === 'ADJ' || w[k].pos === 'ADV' || w[k].normal === 'and')) k--;
  if (!/^(a|an)$/.test(w[k]?.normal ?? '') || !/^(is|was|are|were|been|be|remains|remained)$/.test(w[k - 1]?.normal ?? '')) return null;
  const copula = k - 1;
  let s = copula;
  while (s > sf && VERB_MODIFIERS.has(w[s - 1].normal)) s--;
  const subject = subjectBefore(w, s, sf);
  if (!subject || namesNoOne(w, subject)) return null;
  return { at: [copula, c + 1], speaker: subject, layout: 'after', strong: true };
}

/**
 * A fixed phrase of taking a public stand on X, after a form of its verb: "took aim at",
 * "weighed in (Friday) on/about", "threw its support behind", "came out against/in favor of".
 * The cue runs through the phrase's preposition; the subject speaks. Null for other uses.
 */
export function stanceIdiomCue(ex: Extraction, c: number, sf: number, sl: number): Cue | null {
  const w = ex.words;
  const at = (k: number): string => w[k]?.normal ?? '';
  let k = c + 1;
  if (w[k]?.time) k++;
  const verb = STANCE_IDIOM_VERBS.get(at(c));
  let last = -1;
  if (verb === 'take' && at(k) === 'aim' && at(k + 1) === 'at') last = k + 1;
  else if (verb === 'weigh' && at(k) === 'in') {
    // "weighed in Friday about": a time may sit between the particle and the preposition.
    const p = w[k + 1]?.time ? k + 2 : k + 1;
    if (/^(on|about)$/.test(at(p))) last = p;
  }
  else if (verb === 'throw' && /^(his|her|its|their|our|my)$/.test(at(k)) && at(k + 1) === 'support' && at(k + 2) === 'behind') last = k + 2;
  else if (verb === 'come' && at(k) === 'out' && at(k + 1) === 'against') last = k + 1;
  else if (verb === 'come' && at(k) === 'out' && at(k + 1) === 'in' && /^(favor|favour|support)$/.test(at(k + 2)) && at(k + 3) === 'of') last = k + 3;
  if (last < 0 || last >= sl) return null;
  const subject = subjectBefore(w, c, sf) ?? participleSpeaker(ex, c, sf, sf);
  if (!subject || namesNoOne(w, subject)) return null;
  return { at: [c, last], speaker: subject, layout: 'after', strong: true };
}

/**
 * "X made clear (that) …", "X made it plain …", "X made the case that/for …": the phrase after
 * a form of "make" is a cue whose subject speaks. Null for any other use of "make".
 */
export function makeStanceCue(ex: Extraction, c: number, sf: number, sl: number): Cue | null {
  const w = ex.words;
  let k = c + 1;
  if (w[k]?.normal === 'it') k++;
  let last: number;
  if (/^(clear|plain)$/.test(w[k]?.normal ?? '')) last = k;
  else if (w[c + 1]?.normal === 'the' && w[c + 2]?.normal === 'case' && /^(that|for|against)$/.test(w[c + 3]?.normal ?? '')) last = w[c + 3].normal === 'that' ? c + 2 : c + 3;
  else return null;
  if (last >= sl) return null;
  // The content is a clause ("made clear that …", "made clear he …") or the case's topic.
  const next = last + 1;
  if (w[last].normal === 'clear' || w[last].normal === 'plain') {
    if (w[next].normal !== 'that' && !startsClause(w, next, sl)) return null;
  }
  const at: WordRange = [c, last];
  const subject = subjectBefore(w, c, sf) ?? participleSpeaker(ex, c, sf, sf) ?? infinitiveSpeaker(w, c, at, sf, sl);
  if (!subject || namesNoOne(w, subject)) return null;
  return { at, speaker: subject, layout: 'after', strong: true };
}

/**
 * "…, as the memo put it." / "As Smith put it, …" at the "put" of "put it": the phrase works like
 * "according to", from its "as" through "it". Null when no "as" comes before the subject.
 */
export function asPutItCue(w: Word[], c: number, sf: number, sl: number): Cue | null {
  const subject = subjectBefore(w, c, sf);
  if (!subject || w[subject[0] - 1]?.normal !== 'as') return null;
  // "…, as the magazine put it, “the operator.”": words after the phrase are its content.
  // ("put it in a lengthy profile, …": a short circumstance may come first.)
  let comma = c + 2;
  while (comma <= Math.min(sl, c + 10) && w[comma].text !== ',' && w[comma].pos !== 'VERB' && w[comma].pos !== 'AUX' &&
    !isSentenceEnd(w[comma]) && w[comma].quotation < 0) comma++;
  const contentFollows = w[comma]?.text === ',' && comma + 1 <= sl && !isSentenceEnd(w[comma + 1]);
  return { at: [subject[0] - 1, c + 1], speaker: subject, layout: 'according', strong: true, contentFollows };
}
