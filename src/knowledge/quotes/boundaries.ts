// Where a reported content ends: before the next cue's clause, an aside, a circumstance
// ("in a statement", "when he ran"), a contrast, an adjunct or a closing apposition.
import { frontedAdverbialEnd, hasClauseOpener, hasVerb, opensPredicate, opensWithSubordinate, startsClause, trimEnd } from './clause.ts';
import { cueStrength } from './cues.ts';
import { ADJUNCT_RELATIVES, CONTRASTIVE, HEARER_VERBS, MEDIUM_NOUNS, OBJECT_OR_HEARER_VERBS, ORGANIZATION_NOUNS, PERSON_NOUNS, RELATIVE_SPEAKERS } from './lexicon.ts';
import { isClauseLink, isDash, isQuoteMark, isSentenceEnd, MAX_PHRASE, nounPhraseStartingAt, skipHearer, skipTrailers, type WordRange } from './phrases.ts';
import type { Extraction } from './state.ts';
import type { Word } from './words.ts';

// Per-word tests of the boundary rules, as Sets rather than a regex per word.
const AND_BUT = new Set(['and', 'but']);
const AND_BUT_YET = new Set(['and', 'but', 'yet']);
/** Conjunctions of an adverbial clause ("when he ran", "so they could"). */
const ADVERBIAL_SUBORDINATORS = new Set(['when', 'after', 'before', 'since', 'because', 'until', 'while', 'so', 'once', 'whenever']);
const CIRCUMSTANCE_PREPOSITIONS = new Set(['in', 'during', 'on', 'at', 'via', 'through']);
/** Prepositions that name a cue's topic ("complained about", "commented on"). */
const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'on', 'over', 'against']);
/** Participles that work as prepositions (", including …"). */
const PREPOSITIONAL_PARTICIPLES = new Set(['including', 'according', 'regarding', 'concerning', 'following', 'excluding', 'considering', 'involving', 'beginning', 'starting']);

/** A content being cut: its words from `from` to `end`, and what kind of content it is. */
interface Content {
  w: Word[];
  from: number;
  end: number;
  /** A reported clause ("that he would …", "he would …"), not an object ("the plan"). */
  clausal: boolean;
  /** The sentence opens with a subordinate clause, or the content is a noun's "that" clause. */
  subordinate: boolean;
  /** An infinitive ("to release his returns"). */
  infinitive: boolean;
}

interface BoundaryRule {
  name: string;
  /** Tried on the words of a quotation too; every other rule skips them. */
  inQuotation?: boolean;
  /** Whether the content ends at word i: before it, or (see lastWord) with it. */
  cuts(s: Content, i: number): boolean;
  /** The content's last word when the rule cuts at i; by default the word before i. */
  lastWord?(s: Content, i: number): number;
}

/** Where a content ends inside its stretch, tried in order on each of its words. */
const BOUNDARY_RULES: readonly BoundaryRule[] = [
  {
    // "only “partial,” meaning …": a quotation's closing comma may set off the adjunct.
    name: 'the closing comma of a quotation before an adjunct',
    inQuotation: true,
    cuts: ({ w, from, end, clausal }, i) => w[i].quotation >= 0 && i > from && !clausal && isQuoteMark(w[i]) && w[i - 1].text === ',' &&
      w[i + 1]?.quotation < 0 && opensAdjunct(w, i + 1, end),
    lastWord: (_, i) => i,
  },
  {
    // "… is “true,” but in the course of the hearing they conceded …": a contrast opening a
    // clause of its own, after a quotation's closing comma or after a fronted phrase.
    name: 'a contrast clause (", but they conceded")',
    inQuotation: true,
    cuts: ({ w, from, end }, i) => i > from && opensContrastClause(w, i, end),
    lastWord: ({ w }, i) => (w[i].quotation >= 0 ? i : i - 1),
  },
  {
    // "…, even as prices rose", "…, aside from saying …": the writer's aside after the content.
    name: 'an aside (", even as", ", aside from")',
    cuts: ({ w, from, end }, i) => i > from && w[i].text === ',' && opensAside(w, i + 1, end),
  },
  {
    // "Why he refuses to release his returns may be that …": a finite verb straight after the
    // infinitive's object makes the infinitive part of a larger subject; the report ends there.
    // ("to do what every candidate has done": not after a relative or wh- word that opens a clause of its own.)
    name: 'the verb after an infinitive subject ("to release his returns may be")',
    cuts: ({ w, from, infinitive }, i) => infinitive && i > from + 2 && w[i].pos === 'AUX' && w[i - 1].pos === 'NOUN' && w[i - 1].quotation < 0 &&
      !hasClauseOpener(w, from + 2, i - 2),
  },
  {
    name: 'a semicolon',
    cuts: ({ w }, i) => w[i].text === ';',
  },
  {
    // "…, and the downgrade is casting …": a new clause with a subject of its own after a comma.
    name: 'a new clause after ", and"',
    cuts: ({ w, from, end }, i) => w[i].text === ',' && i > from && w[i + 1]?.normal === 'and' && w[i + 2]?.pos !== 'PRON' && startsClause(w, i + 2, end),
  },
  {
    // ", but the senator would …" starts a new clause that is no longer reported; so does the
    // main clause after a fronted subordinate one ("If …, the company could …").
    // (After "but" a subject may be long: "but many firms and the richest of us have …".)
    name: 'a contrast or the main clause after a comma',
    cuts: ({ w, from, end, subordinate }, i) => {
      if (w[i].text !== ',' || i <= from) return false;
      const contrast = CONTRASTIVE.has(w[i + 1]?.normal ?? '');
      return (contrast || subordinate) && startsClause(w, i + (subordinate && !contrast ? 1 : 2), end, contrast);
    },
  },
  {
    // "the plan, which …", "Machado, citing …": after an object (not a reported clause), a
    // relative or participial adjunct describes it and is not part of what was reported.
    name: 'an adjunct after an object (", which", ", citing")',
    cuts: ({ w, from, end, clausal }, i) => w[i].text === ',' && i > from && (!clausal || opensGlossParticiple(w, i + 1)) && opensAdjunct(w, i + 1, end),
  },
  {
    // "Machado in early-morning tweets", "the plan when he ran", "the rules — a charge …":
    // after an object, a medium or time phrase, an adverbial clause or a dash comment is
    // the report's circumstance, not its content.
    // "… ― as was true for …", "… - a charge that …": after a reported clause too, a dash
    // before a comment (a subordinator or a noun phrase with its relative) closes the content.
    name: 'a circumstance or a dash comment',
    cuts: ({ w, from, end, clausal }, i) => i > from && (clausal ? dashComment(w, i, end) : opensCircumstance(w, i, end)),
  },
  {
    // "…in partnership with NATO, the existing military alliance that …": a closing apposition
    // describes the last noun for the reader; it is not what was said.
    // (Not after a name: "Alicia Machado, the former beauty queen" introduces whom it is about.)
    name: 'a closing apposition',
    cuts: ({ w, from, end }, i) => w[i].text === ',' && i > from && w[i - 1].pos !== 'PROPN' && closingApposition(w, i + 1, end),
  },
  {
    // "a tightening race as Trump consolidates …": after an object, an "as" clause is circumstance.
    name: 'an "as" clause after an object',
    cuts: ({ w, from, end, clausal }, i) => i > from && !clausal && w[i].text === 'as' && startsClause(w, i + 1, end),
  },
  {
    // "seek to cut costs and creditors look to …": after an object, "and" with a new subject and verb opens a clause of its own.
    // (Not "Democrats and the media are to blame": a verb must come before the "and".)
    name: 'a new clause after an object and "and"',
    cuts: ({ w, from, end, clausal }, i) => i > from && !clausal && AND_BUT.has(w[i].normal) && w[i - 1].pos === 'NOUN' && w[i + 1]?.pos !== 'PRON' &&
      hasVerb(w, from, i - 1) && startsClause(w, i + 1, end),
  },
  {
    // "backed the bill and has since left": a second predicate of the speaker is not content.
    // ("born and raised", "shooting and killing": two verbs share what follows.)
    // ("unsubstantiated and fabricated": a participle coordinated with an adjective describes.)
    name: 'a second predicate of the speaker ("and has since left")',
    cuts: ({ w, from, clausal }, i) => i > from && !clausal && AND_BUT_YET.has(w[i].normal) && w[i - 1].pos !== 'VERB' &&
      !(w[i - 1].pos === 'ADJ' && w[i + 1]?.normal.endsWith('ed')) && opensPredicate(w, i + 1, from),
  },
];

/** A later cue of the same stretch, as far as where its clause starts matters. */
type LaterCue = { at: WordRange; speaker: WordRange; layout: string; strong?: boolean };

/**
 * The last word of a content from `from` to at most `end` that the later cues leave it: a
 * later cue's clause closes it at the comma, semicolon, dash or link before that clause.
 */
function laterCueEnd(w: Word[], from: number, end: number, cues: LaterCue[], self: number): number {
  // "that if the deal fails, the company could …", "that at a meeting in 1972, he backed …": a
  // fronted adverbial opens the reported clause; its main clause after the comma is content.
  const fronted = frontedAdverbialEnd(w, from, end);
  for (let k = self + 1; k < cues.length; k++) {
    const other = cues[k];
    // "… and said …", "… but noted …": a coordinated cue of the same speaker ends the content at "and".
    if (/^(and|but)$/.test(w[other.at[0] - 1]?.normal ?? '') && other.speaker[0] < from && other.at[0] > from && other.at[0] <= end) return other.at[0] - 2;
    // A participle (", arguing that …") has its speaker earlier: its clause starts at the cue.
    const clauseStart = other.speaker[0] > from ? Math.min(other.at[0], other.speaker[0]) : other.at[0];
    if (clauseStart <= from || clauseStart > end || clauseStart <= fronted + 2) continue;
    // "people …, who think …": a relative clause's report is nested in this content.
    if (other.speaker[0] > from && other.speaker[0] === other.speaker[1] && RELATIVE_SPEAKERS.has(w[other.speaker[0]].normal)) continue;
    // "…, which she thought …": a relative clause with a cue of its own closes the content at its comma.
    if (RELATIVE_SPEAKERS.has(w[clauseStart - 1]?.normal ?? '') && w[clauseStart - 2]?.text === ',' && clauseStart - 3 >= from) return clauseStart - 3;
    let b = clauseStart - 1;
    // "… and Democrats accused …": a second speaker's cue clause linked by "and"/"but".
    // (Not "Sanders and Trump were referring to": the names before "and" may share the subject.)
    const linked = /^(and|but)$/.test(w[b]?.normal ?? '') && other.layout === 'after' && other.strong === true && other.speaker[0] === clauseStart &&
      w[b - 1]?.pos !== 'PROPN' && w[b - 1]?.pos !== 'PRON' &&
      other.speaker[1] < other.at[0] && !RELATIVE_SPEAKERS.has(w[clauseStart].normal);
    if (isClauseLink(w[b])) b--;
    // ",” though she noted …": the comma may close a quotation.
    if (isQuoteMark(w[b]) && w[b - 1]?.text === ',' && b - 1 > from) b--;
    const punctuation = w[b]?.text === ',' || w[b]?.text === ';' || isDash(w[b]);
    if (punctuation || other.layout === 'according') return b - (punctuation ? 1 : 0);
    if (linked) return b;
  }
  return end;
}

/** Where content starting at `from` ends: before another cue's clause or "according to", or at a boundary rule. */
export function cutAtNextCue(ex: Extraction, from: number, last: number, cues: LaterCue[], self: number): number {
  const w = ex.words;
  if (from > last || !w[from]) return from - 1;
  const end = laterCueEnd(w, from, last, cues, self);
  // "Contrary to his claim that …, there would be …": after a noun's clause a comma and a
  // new clause close it, as after a fronted subordinate clause.
  const nounClause = w[from].normal === 'that' && w[from - 1]?.pos === 'NOUN' && !cueStrength(w, from - 1);
  const subordinate = nounClause || opensWithSubordinate(w, ex.sentenceOf(from)[0], from);
  // ("that argument in a ruling": a demonstrative "that" opens an object, not a clause.)
  const demonstrative = w[from].normal === 'that' && w[from + 1]?.pos === 'NOUN' && !/^(VERB|AUX)$/.test(w[from + 2]?.pos ?? '');
  const clausal = (w[from].normal === 'that' && !demonstrative) || startsClause(w, from, end);
  const infinitive = w[from].normal === 'to' && w[from + 1]?.pos === 'VERB';
  const content: Content = { w, from, end, clausal, subordinate, infinitive };
  for (let i = from; i <= end; i++) {
    const quoted = w[i].quotation >= 0;
    for (const rule of BOUNDARY_RULES) {
      if (quoted && !rule.inQuotation) continue;
      if (rule.cuts(content, i)) return trimEnd(w, from, rule.lastWord ? rule.lastWord(content, i) : i - 1);
    }
  }
  return trimEnd(w, from, end);
}

/**
 * ", the latest chapter in a rocky relationship …" to the end: a noun phrase led by an article
 * (with its prepositional phrases and at most a relative clause after) that closes the sentence.
 */
export function closingApposition(w: Word[], i: number, end: number): boolean {
  if (!w[i] || w[i].quotation >= 0 || !/^(the|a|an)$/.test(w[i].normal)) return false;
  let np = nounPhraseStartingAt(w, i, end);
  if (!np) return false;
  let k = np[1] + 1;
  while (k <= end && w[k].pos === 'ADP' && w[k].quotation < 0 && (np = nounPhraseStartingAt(w, k + 1, end))) k = np[1] + 1;
  if (k <= end && !(w[k].quotation < 0 && /^(that|who|which|whose)$/.test(w[k].normal))) return false;
  // "tax fairness, the closure of loopholes … and …": a list goes on; an apposition does not.
  for (let j = i; j <= end; j++) if (w[j].normal === 'and' || w[j].normal === 'or') return false;
  return true;
}

/** ", (even) saying …" or ", which …": an adjunct after a comma, outside any quotation. */
export function opensAdjunct(w: Word[], i: number, end: number): boolean {
  let k = i;
  if (w[k]?.pos === 'ADV' && (w[k].normal.endsWith('ly') || w[k].normal === 'even')) k++;
  const x = w[k];
  if (!x || x.quotation >= 0) return false;
  if (ADJUNCT_RELATIVES.has(x.normal)) {
    // ", which would include the military, to crack down …": a closed relative is parenthetical.
    for (let j = k + 1; j <= Math.min(end, k + MAX_PHRASE); j++) if (w[j].text === ',') return false;
    return true;
  }
  // The tagger may read the participle as an adjective (", engaging in …").
  const participle = x.pos === 'VERB' || (x.pos === 'ADJ' && /^(ADP|DET|PRON)$/.test(w[k + 1]?.pos ?? ''));
  return participle && x.normal.endsWith('ing') && x.normal.length > 4 && !PREPOSITIONAL_PARTICIPLES.has(x.normal);
}

/** ", even as <clause>" or ", aside from …" / ", apart from …": a concession or exception the writer adds. */
export function opensAside(w: Word[], i: number, end: number): boolean {
  const x = w[i];
  const y = w[i + 1];
  if (!x || !y || x.quotation >= 0 || y.quotation >= 0) return false;
  if ((x.normal === 'aside' || x.normal === 'apart') && y.normal === 'from') return true;
  return x.normal === 'even' && y.normal === 'as' && startsClause(w, i + 2, end, true);
}

/**
 * Word i is a comma (or a quotation's closing mark after its comma) before "but"/"yet" and a
 * clause with its own subject, maybe after a fronted phrase ("but in the end they …").
 */
export function opensContrastClause(w: Word[], i: number, end: number): boolean {
  const x = w[i];
  const link = w[i + 1];
  // (Checked first: rare, and a plain comparison for every word of the content.)
  if (!link || (link.normal !== 'but' && link.normal !== 'yet') || link.quotation >= 0) return false;
  const comma = x.text === ',' ? x.quotation < 0 : isQuoteMark(x) && w[i - 1]?.text === ',';
  if (!comma) return false;
  if (x.quotation >= 0 && startsClause(w, i + 2, end, true)) return true;
  if (w[i + 2]?.pos !== 'ADP') return false;
  // The fronted phrase: a preposition and a few words without a comma before the subject.
  for (let k = i + 3; k <= Math.min(end, i + 10); k++) {
    if (w[k].quotation >= 0 || w[k].pos === 'PUNCT' || w[k].pos === 'VERB' || w[k].pos === 'AUX') return false;
    if (/^(PRON|PROPN|DET|NOUN)$/.test(w[k].pos) && !/^(ADP|DET|ADJ)$/.test(w[k - 1].pos) && startsClause(w, k, end)) return true;
  }
  return false;
}

/**
 * ", implicitly putting …", ", effectively ending …": a manner adverb before a participle marks
 * the writer's gloss on what was said, so it closes even a reported clause.
 */
export function opensGlossParticiple(w: Word[], i: number): boolean {
  return w[i]?.pos === 'ADV' && w[i].normal.endsWith('ly') && w[i + 1]?.normal.endsWith('ing');
}

export function dashComment(w: Word[], i: number, end: number): boolean {
  const next = w[i + 1];
  if (!isDash(w[i]) || !next || i + 1 > end || next.quotation >= 0) return false;
  if (/^(as|which|though|although|including|even|just|perhaps|probably)$/.test(next.normal)) return true;
  if (!/^(a|an)$/.test(next.normal)) return false;
  const np = nounPhraseStartingAt(w, i + 1, end);
  return np !== null && /^(that|which|who)$/.test(w[np[1] + 1]?.normal ?? '');
}

export function opensCircumstance(w: Word[], i: number, end: number): boolean {
  const x = w[i];
  if (x.quotation >= 0) return false;
  if (isDash(x)) return w[i + 1] !== undefined && w[i + 1].quotation < 0;
  // "misgivings about X because of Y": a reason after an object is the report's circumstance.
  if (x.normal === 'because' && w[i + 1]?.normal === 'of') return true;
  if (ADVERBIAL_SUBORDINATORS.has(x.normal)) return startsClause(w, i + 1, end) || opensTimePhrase(w, i, end) || opensReducedClause(w, i);
  if (x.pos !== 'ADP' || !CIRCUMSTANCE_PREPOSITIONS.has(x.normal)) return false;
  // "during a campaign stop": always a time.
  if (x.normal === 'during') return true;
  // "in a statement", "during the debate", "on Thursday": a medium or a time.
  for (let k = i + 1; k <= Math.min(end, i + 5); k++) {
    const y = w[k];
    if (y.time) {
      // "called the remarks on Saturday “a wake-up call”": the object's complement follows the time.
      let after = k;
      while (after <= end && w[after].time) after++;
      return !(after <= end && w[after].quotation >= 0);
    }
    if (MEDIUM_NOUNS.has(y.normal) || (y.pos === 'NOUN' && MEDIUM_NOUNS.has(y.lemma))) return true;
    // ("an on-air diatribe": a hyphen inside a compound modifier.)
    if ((y.text === '-' || w[k + 1]?.text === '-') && k > i + 1) continue;
    if (y.pos === 'ADP' || y.pos === 'VERB' || y.pos === 'PUNCT') return false;
  }
  return false;
}

/** "while driving home", "after leaving office": a subordinator with a participle and no subject. */
export function opensReducedClause(w: Word[], i: number): boolean {
  const next = w[i + 1];
  // ("when everything fell": the tagger may read an indefinite pronoun in -thing as a verb.)
  return /^(while|when|after|before|since)$/.test(w[i].normal) && next !== undefined && next.quotation < 0 && next.pos === 'VERB' &&
    next.normal.endsWith('ing') && !next.normal.endsWith('thing');
}

/** "since the debate", "while at the convention": a time or place phrase after a conjunction that can be a preposition. */
export function opensTimePhrase(w: Word[], i: number, end: number): boolean {
  if (!/^(since|while|after|before|until)$/.test(w[i].normal) || i + 1 > end) return false;
  const next = w[i + 1];
  if (next.quotation >= 0) return false;
  // ("her work after the attacks": "after" and "before" may tie an event to its noun.)
  // ("since they both were competing": a subject pronoun opens a clause the tagger may not parse.)
  if (next.time || (next.pos === 'PRON' && /^(he|she|they|we|i)$/.test(next.normal))) return true;
  return w[i].normal === 'while' ? next.pos === 'DET' || next.pos === 'ADP' : /^(since|until)$/.test(w[i].normal) && next.pos === 'DET';
}

/**
 * Whether the phrase at word i is the hearer of a cue that may take one. "show" takes only a
 * pronoun ("showed him the video", but "polls show a close race"); a verb whose plain object
 * may be what was said ("ordered the deployment of troops", "urged restraint") takes a person,
 * a body or a name ("ordered the company to pay", "warned residents that"), or any phrase that
 * an infinitive or a "that" clause follows.
 */
function hearerAt(w: Word[], lemma: string, i: number, last: number): boolean {
  const x = w[i];
  if (!x) return false;
  if (x.pos === 'PRON') return true;
  if (lemma === 'show') return false;
  if (!OBJECT_OR_HEARER_VERBS.has(lemma)) return true;
  const np = nounPhraseStartingAt(w, i, last);
  if (!np) return false;
  const head = w[np[1]];
  const next = w[np[1] + 1];
  if (next && ((next.normal === 'to' && w[np[1] + 2]?.pos === 'VERB') || next.normal === 'that' || next.quotation >= 0)) return true;
  return head.pos === 'PROPN' || PERSON_NOUNS.has(head.lemma) || ORGANIZATION_NOUNS.has(head.lemma);
}

/** Content after a cue: from past its trailers and hearer to the end of the sentence. */
export function contentAfter(w: Word[], cue: WordRange, lastWord: number): WordRange | null {
  let i = skipTrailers(w, cue[1] + 1, lastWord);
  if (HEARER_VERBS.has(w[cue[0]].lemma) && hearerAt(w, w[cue[0]].lemma, i, lastWord)) i = skipTrailers(w, skipHearer(w, i, lastWord), lastWord);
  // "reported at the time that …": a short phrase before "that" belongs to the cue.
  for (let k = i; k <= Math.min(lastWord, i + 6) && w[i]?.normal !== 'that'; k++) {
    const x = w[k];
    if (x.normal === 'that' && (x.pos === 'SCONJ' || (k > i && startsClause(w, k + 1, lastWord)))) {
      i = k;
      break;
    }
    if (!/^(ADP|DET|NOUN|ADJ|PROPN|NUM|ADV)$/.test(x.pos) || x.quotation >= 0) break;
  }
  // "complained about his mic", "worried about turnout": the preposition goes with the cue.
  if (i === cue[1] + 1 && w[i]?.pos === 'ADP' && TOPIC_PREPOSITIONS.has(w[i].normal) && i < lastWord && w[i + 1].quotation < 0) i++;
  if (w[i] && (w[i].text === ',' || w[i].text === ':') && i <= lastWord) {
    // ", adding …" / ", according to …" after the cue leave no content of its own.
    if (cueStrength(w, i + 1) || w[i + 1]?.normal === 'according') return null;
    i++;
  }
  let end = lastWord;
  while (end >= i && w[end].quotation < 0 && (isSentenceEnd(w[end]) || w[end].text === ',' || isDash(w[end]))) end--;
  return i <= end ? [i, end] : null;
}
