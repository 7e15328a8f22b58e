// The cue classes of reported speech, as a table of small named rules tried in order on each
// word of a free stretch: the first rule that recognises the word reads it (a cue with its
// speaker, or an attribution of its own such as a passive report) and no later rule tries it.
// A verb of saying then has its own table: where its speaker is ("…, said Jo Hart", "Jo Hart
// said", ", saying …", "appeared to suggest that …").
import { startsClause } from './clause.ts';
import { cueRange, cueStrength } from './cues.ts';
import {
  ADVOCATE_NOUNS, MAKE_FORMS, REACTION_NOUNS, STANCE_IDIOM_VERBS,
  advocateCue, asPutItCue, attitudeCue, complementCue, intentCue, makeStanceCue, reactionCue, stanceIdiomCue,
} from './frames.ts';
import { PASSIVE_OPINION_FORMS, frontedQuestion, impression, passiveAttribution, passiveOpinion, passiveReport } from './impressions.ts';
import { ATTITUDE_ADJECTIVES, DOCUMENT_NOUNS, INTENT_ADJECTIVES, MEDIUM_NOUNS, NAMING_VERBS } from './lexicon.ts';
import { contentAfter } from './boundaries.ts';
import { isQuoteMark, nounPhraseStartingAt, subjectBefore, type WordRange } from './phrases.ts';
import { coordinatedSource, frontedParticipleSpeaker, infinitiveSpeaker, invertedSpeaker, issuerOf, mainSpeakerBefore, participleSpeaker, purposeSpeaker, shortPhraseBeforeComma, withPrepositionalPhrases } from './sources.ts';
import type { Cue, Draft, Extraction } from './state.ts';
import type { Word } from './words.ts';

/** A stretch of a sentence being read for cues, with the cues found in it so far. */
export interface Stretch {
  ex: Extraction;
  w: Word[];
  /** The stretch's first and last words. */
  sf: number;
  sl: number;
  /** The sentence's first word: a stretch may start after a direct quote inside the sentence. */
  sentenceFirst: number;
  cues: Cue[];
}

/** What a rule makes of a word: a cue, an attribution of its own, or nothing (the word is done). */
export interface Reading {
  cue?: Cue;
  draft?: Draft;
}

const NOTHING: Reading = Object.freeze({});

function asCue(cue: Cue | null): Reading {
  return cue ? { cue } : NOTHING;
}

function asDraft(draft: Draft | null): Reading {
  return draft ? { draft } : NOTHING;
}

interface CueRule {
  name: string;
  /** The rule can only match a word of LISTED_FORMS (a single Set lookup skips it for the rest). */
  listed?: boolean;
  /** Null: not this rule's word, the next rule tries it. */
  read(s: Stretch, c: number): Reading | null;
}

/** Verbs of thought and deed that a reported clause's own subject may do ("he thought of …", "refused to …"). */
const THINKING_VERBS = new Set(['believe', 'think', 'feel', 'fear', 'hope', 'expect', 'suspect', 'assume', 'reckon', 'speculate',
  'conclude', 'judge', 'worry', 'understand', 'know', 'realize', 'realise', 'recognize', 'recognise', 'doubt', 'wonder']);
// Word sets of the per-word tests (a Set lookup is cheaper than a regex per word).
const SEEM_FORMS = new Set(['seem', 'seems', 'seemed']);
const EVIDENT_ADJECTIVES = new Set(['clear', 'obvious', 'apparent', 'evident']);
/** Words that open a cue whatever their tag. */
const ANY_TAG_TRIGGERS = new Set(['according', 'to', 'that', 'put', ...PASSIVE_OPINION_FORMS, ...EVIDENT_ADJECTIVES]);

/**
 * Every word that a rule tests by its normal form against a list or a fixed word: a word
 * outside this one Set skips those rules (a single lookup instead of one per list).
 */
const LISTED_FORMS: ReadonlySet<string> = new Set(['according', 'to', 'that', 'put', ...SEEM_FORMS, ...PASSIVE_OPINION_FORMS,
  ...EVIDENT_ADJECTIVES, ...ATTITUDE_ADJECTIVES.keys(), ...REACTION_NOUNS, ...STANCE_IDIOM_VERBS.keys(), ...MAKE_FORMS]);

/**
 * Whether a word may open a cue: verbs, their auxiliaries, adjectives and nouns, and the
 * trigger words of any tag. (Tags compared directly: cheaper than a Set per word.)
 */
function mayOpenCue(x: Word): boolean {
  const pos = x.pos;
  return pos === 'VERB' || pos === 'AUX' || pos === 'ADJ' || pos === 'NOUN' || ANY_TAG_TRIGGERS.has(x.normal);
}

function isVerbOrAux(x: Word | undefined): boolean {
  return x !== undefined && (x.pos === 'VERB' || x.pos === 'AUX');
}

/** The cue classes, in the order they are tried. */
const CUE_RULES: readonly CueRule[] = [
  {
    name: 'according to X',
    listed: true,
    read: ({ w, sl }, c) => {
      if (w[c].normal !== 'according' || w[c + 1]?.normal !== 'to' || c + 1 >= sl) return null;
      // "According to a report by the Gazette, …": the source's own phrases go with it.
      const np = nounPhraseStartingAt(w, c + 2, sl);
      const speaker = (np && withPrepositionalPhrases(w, np, sl)) ?? shortPhraseBeforeComma(w, c + 2, sl);
      return asCue(speaker ? { at: [c, c + 1], speaker: coordinatedSource(w, speaker, sl), layout: 'according', strong: true } : null);
    },
  },
  {
    name: 'an adjective of will and its infinitive ("is determined to warn")',
    listed: true,
    read: ({ w, sf }, c) => {
      const before = w[c - 1];
      if (w[c].normal !== 'to' || !(before?.pos === 'ADJ' || before?.pos === 'VERB') || !INTENT_ADJECTIVES.has(before.normal) || w[c + 1]?.pos !== 'VERB') return null;
      return asCue(intentCue(w, c, sf));
    },
  },
  {
    name: 'an impression held by no one named ("seems risky", "is expected to")',
    listed: true,
    read: ({ w, sf, sl }, c) => {
      const x = w[c];
      if (!(isVerbOrAux(x) && SEEM_FORMS.has(x.normal)) && !passiveOpinion(w, c)) return null;
      return asDraft(impression(w, c, sf, sl, passiveReport(w, c, sl)));
    },
  },
  {
    name: 'a passive report with no agent ("was criticized for")',
    read: ({ w, sf, sl }, c) => (passiveReport(w, c, sl) ? asDraft(impression(w, c, sf, sl, true)) : null),
  },
  {
    // "Asked about the blast, the mayor said …": the question of an unnamed asker, up to the comma.
    name: 'a fronted question ("Asked about X,")',
    read: ({ w, sf, sl }, c) => (c === sf && (w[c].text === 'Asked' || w[c].text === 'Pressed') ? asDraft(frontedQuestion(w, c, sl)) : null),
  },
  {
    // "It is obvious that …", "It was clear Clinton is …": an evident fact, held by no one named.
    name: 'an evident fact ("it is clear that")',
    listed: true,
    read: ({ w, sl }, c) => {
      if (!EVIDENT_ADJECTIVES.has(w[c].normal) || !/^(is|was|'s|’s)$/.test(w[c - 1]?.normal ?? '') || w[c - 2]?.normal !== 'it' ||
        c + 1 > sl || !(w[c + 1].normal === 'that' || startsClause(w, c + 1, sl))) return null;
      return { cue: { at: [c - 2, c], speaker: [c, c], layout: 'after', strong: true, unsourced: true } };
    },
  },
  {
    name: 'an attitude ("is critical of")',
    listed: true,
    read: ({ w, sf, sl }, c) => {
      const x = w[c];
      if (x.pos !== 'ADJ' || !ATTITUDE_ADJECTIVES.get(x.normal)?.has(w[c + 1]?.normal ?? '') || c + 2 > sl) return null;
      return asCue(attitudeCue(w, c, sf));
    },
  },
  {
    name: 'a "that" clause after a stance word ("the claim that", "afraid that")',
    listed: true,
    read: ({ ex, w, sf, sl }, c) => (w[c].normal === 'that' ? asCue(complementCue(ex, c, sf, sl)) : null),
  },
  {
    // "has faced sharp criticism for X", "came under fire over X", "is raising questions about X".
    name: 'a public reaction ("faced criticism for")',
    listed: true,
    read: ({ w, sf, sl }, c) => {
      const x = w[c];
      if (x.pos !== 'NOUN' || !REACTION_NOUNS.has(x.normal) || !/^(for|about|over)$/.test(w[c + 1]?.normal ?? '') || c + 2 > sl) return null;
      return asCue(reactionCue(w, c, sf));
    },
  },
  {
    // "She is a staunch opponent of X", "has been an outspoken supporter of X": a standing stance on X.
    name: 'an advocate ("an opponent of")',
    read: ({ w, sf, sl }, c) => {
      const x = w[c];
      if (x.pos !== 'NOUN' || w[c + 1]?.normal !== 'of' || c + 2 > sl || !ADVOCATE_NOUNS.has(x.lemma)) return null;
      return asCue(advocateCue(w, c, sf));
    },
  },
  {
    // "took aim at X", "weighed in on X", "threw its support behind X", "came out against X".
    name: 'a fixed phrase of taking a stand ("took aim at")',
    listed: true,
    read: ({ ex, w, sf, sl }, c) => (isVerbOrAux(w[c]) && STANCE_IDIOM_VERBS.has(w[c].normal) ? asCue(stanceIdiomCue(ex, c, sf, sl)) : null),
  },
  {
    // "made clear that …", "made it plain …", "is making the case for …": a stand taken in words.
    name: 'a stand made in words ("made clear that")',
    listed: true,
    read: ({ ex, w, sf, sl }, c) => (isVerbOrAux(w[c]) && MAKE_FORMS.has(w[c].normal) ? asCue(makeStanceCue(ex, c, sf, sl)) : null),
  },
  {
    // "…, as the memo put it." / "As Smith put it, …": the phrase works like "according to".
    name: 'as X put it',
    listed: true,
    read: ({ w, sf, sl }, c) => (w[c].normal === 'put' && w[c + 1]?.normal === 'it' && c + 1 <= sl ? asCue(asPutItCue(w, c, sf, sl)) : null),
  },
  {
    name: 'a verb of saying',
    read: (s, c) => {
      const strength = cueStrength(s.w, c);
      if (!strength) return null;
      const verb: VerbCue = { c, strength, at: cueRange(s.w, c) };
      for (const rule of SPEAKER_RULES) {
        const reading = rule.read(s, verb);
        if (reading) return reading;
      }
      return NOTHING;
    },
  },
];

/** A verb of saying at word c, with its strength and its own words ("pointed out"). */
interface VerbCue {
  c: number;
  strength: 'strong' | 'weak';
  at: WordRange;
}

interface SpeakerRule {
  name: string;
  /** Null: not this rule's case, the next rule tries it. */
  read(s: Stretch, verb: VerbCue): Reading | null;
}

/** Where a verb of saying finds its speaker, in the order tried. */
const SPEAKER_RULES: readonly SpeakerRule[] = [
  {
    // Perception verbs ("a statement seen by …") describe a document, they do not report it.
    name: 'a passive with its agent ("endorsed by the union")',
    read: ({ w, sf, sl }, { c, strength }) => {
      if (strength !== 'strong' && !/^(report|decide)$/.test(w[c].lemma)) return null;
      const passive = passiveAttribution(w, c, sf, sl);
      return passive ? { draft: passive } : null;
    },
  },
  {
    // "Citing a report, the mayor said …": the subject after the participle's phrase speaks.
    name: 'a participle opening the sentence ("Citing a report, the mayor said")',
    read: ({ w, sl, sentenceFirst }, { c, strength, at }) => {
      const speaker = frontedParticipleSpeaker(w, c, sentenceFirst, sl);
      return speaker ? { cue: { at, speaker, layout: 'after', strong: strength === 'strong' } } : null;
    },
  },
  {
    // "The senator spoke at a farm to discuss …": the subject of the verb before the infinitive.
    name: 'an infinitive of purpose ("spoke at a farm to discuss")',
    read: ({ w, sf }, { c, strength, at }) => {
      const speaker = purposeSpeaker(w, c, sf);
      return speaker ? { cue: { at, speaker, layout: 'after', strong: strength === 'strong' } } : null;
    },
  },
  {
    // Inversion: "…, said John Smith, a spokesman." (not "…, echoing John Smith")
    name: 'inverted after a comma or quotation ("…, said Jo Hart")',
    read: ({ w, sl }, { c, at }) => {
      if (!(w[c - 1]?.text === ',' || isQuoteMark(w[c - 1])) || w[c].normal.endsWith('ing')) return null;
      const speaker = invertedSpeaker(w, at, sl);
      return speaker ? { cue: { at, speaker, layout: 'before', strong: true } } : null;
    },
  },
  {
    name: 'the subject before it ("Jo Hart said")',
    read: ({ ex, w, sf }, { c, strength, at }) => {
      // ", arguing that …" after a comma: the sentence's subject argues, not an apposition before it.
      if (isCommaParticiple(w, c)) return null;
      const subject = subjectBefore(w, c, sf);
      if (!subject) return null;
      // "In a Facebook message posted Friday, Cruz said …", "In a statement announcing the pick, …":
      // a participle after a preposition's object describes that object; it reports nothing.
      const issuer = issuerOf(ex, subject, c, sf);
      if (!issuer && w[subject[0] - 1]?.pos === 'ADP' && /^(in|on|at|during|through)$/.test(w[subject[0] - 1].normal) &&
        (/(ed|en|wn|ing)$/.test(w[c].normal) && (MEDIUM_NOUNS.has(w[subject[1]].lemma) || DOCUMENT_NOUNS.has(w[subject[1]].lemma)))) return NOTHING;
      return { cue: { at, speaker: issuer ?? subject, layout: 'after', strong: strength === 'strong' } };
    },
  },
  {
    // "Police say he posed a threat and refused to drop the gun": a verb coordinated inside a
    // reported clause belongs to that clause's subject, it is no cue of the speaker's.
    // A verb of saying or naming ("… and warned …", "… and called it …") is the speaker's own next cue.
    name: 'a verb coordinated inside a reported clause ("say he … and refused")',
    read: ({ w, sl, cues }, { c, strength }) => {
      const speakersOwn = NAMING_VERBS.has(w[c].lemma) || (strength === 'strong' && !THINKING_VERBS.has(w[c].lemma));
      return w[c - 1]?.normal === 'and' && w[c - 2]?.text !== ',' && !speakersOwn && insideReportedClause(w, cues, c, sl) ? NOTHING : null;
    },
  },
  {
    // "“…,” the mayor said, adding that …": a participle after a direct attribution speaks
    // for that attribution's speaker, outside this stretch.
    // ", saying …" after a cue of this sentence speaks for that cue's speaker.
    // So does a coordinated cue (", and criticized …") when its sentence's main cue came first.
    name: 'a participle or coordinated verb (", saying …", "and added")',
    read: ({ ex, w, sf, sentenceFirst, cues }, { c, strength, at }) => {
      const coordinated = w[c - 1]?.normal === 'and' && (w[c - 2]?.text === ',' || w[c].normal.endsWith('ing'));
      const previous = (w[c - 1]?.text === ',' && w[c].normal.endsWith('ing')) || coordinated ? mainSpeakerBefore(cues, c) : null;
      const participle = previous ?? participleSpeaker(ex, c, sf, sf, sentenceFirst) ?? (sentenceFirst < sf ? participleSpeaker(ex, c, sentenceFirst, sentenceFirst) : null) ??
        (isCommaParticiple(w, c) ? subjectBefore(w, c, sf) : null);
      return participle ? { cue: { at, speaker: participle, layout: 'after', strong: strength === 'strong' } } : null;
    },
  },
  {
    // "he appeared to suggest that …", "was forced to admit that …": an infinitive cue before a
    // "that" clause reports for the subject of the verb before it.
    name: 'an infinitive before a "that" clause ("appeared to suggest that")',
    read: ({ w, sf, sl }, { c, at }) => {
      const speaker = infinitiveSpeaker(w, c, at, sf, sl);
      return speaker ? { cue: { at, speaker, layout: 'after', strong: true } } : null;
    },
  },
];

/** ", arguing that …": a present participle right after a comma. */
function isCommaParticiple(w: Word[], c: number): boolean {
  return w[c - 1]?.text === ',' && w[c].normal.endsWith('ing');
}

/** Word `c` lies in the content of an earlier cue whose content is a clause with its own subject. */
function insideReportedClause(w: Word[], cues: Cue[], c: number, sl: number): boolean {
  for (const cue of cues) {
    if (cue.layout !== 'after' || cue.at[1] >= c) continue;
    const range = contentAfter(w, cue.at, sl);
    if (!range || range[0] >= c) continue;
    const first = w[range[0]].normal === 'that' ? range[0] + 1 : range[0];
    if (startsClause(w, first, sl)) return true;
  }
  return false;
}

/**
 * Reads the stretch's words with the cue rules: the cues go to `s.cues` in text order, the
 * attributions of their own (passives, impressions, questions) are returned.
 */
export function readCues(s: Stretch): Draft[] {
  const { w, sf, sl } = s;
  const drafts: Draft[] = [];
  for (let c = sf; c <= sl; c++) {
    const x = w[c];
    if (x.quotation >= 0) continue;
    // Most words (names, determiners, prepositions, punctuation) can open no cue: only the
    // trigger words of any tag, the first word, and verbs, adjectives and nouns go on.
    if (c !== sf && !mayOpenCue(x)) continue;
    const listed = LISTED_FORMS.has(x.normal);
    for (const rule of CUE_RULES) {
      if (rule.listed && !listed) continue;
      const reading = rule.read(s, c);
      if (!reading) continue;
      if (reading.cue) s.cues.push(reading.cue);
      else if (reading.draft) drafts.push(reading.draft);
      break;
    }
  }
  return drafts;
}
