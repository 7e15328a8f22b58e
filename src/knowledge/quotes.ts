// Direct, partial and indirect speech with cue and speaker, resolved to entities.
//
// Three passes over the word list, each linear in the article's length:
//   1. direct: every quotation with a cue right after it ("…," X said) or right before it
//      (X said: "…"), continued by following quotation sentences of the same paragraph;
//   2. indirect: each sentence's cue verbs, with the content after the cue (X said that …),
//      before it (…, X said) or around "according to X";
//   3. continuations: a quotation paragraph without a cue goes to the previous speaker.
// Content spans follow the usual annotation conventions (PolNeAR, PARC): a direct quote keeps
// its quotation marks, an indirect content keeps a leading "that" and drops the final period.
import * as entityModule from './entities.ts';
import type { Entity, QuoteFact, QuoteKind, TimeFact } from './facts.ts';
import type { NlpDoc } from './nlp.ts';
import { ATTITUDE_ADJECTIVES, EVIDENCE_VERBS, HEARER_VERBS, MEDIUM_NOUNS, NAMING_VERBS, ORGANIZATION_NOUNS, PERSON_NOUNS, INTENT_ADJECTIVES, STANCE_ADJECTIVES, STANCE_NOUNS } from './quote/lexicon.ts';
import { findQuotations } from './quote/marks.ts';
import {
  MAX_PHRASE, VERB_MODIFIERS, cueRange, cueStrength, isClauseLink, isDash, isQuoteMark, isSentenceEnd, nounPhraseEndingAt, nounPhraseStartingAt,
  skipHearer, skipTrailers, subjectBefore, withDescription, type WordRange,
} from './quote/phrases.ts';
import { resolveSpeakers, type NameResolver } from './quote/speaker.ts';
import { buildWordView, type Word, type WordView } from './quote/words.ts';

/** A cue found in a sentence, with its speaker and where its content lies. */
interface Cue {
  at: WordRange;
  speaker: WordRange;
  layout: 'after' | 'before' | 'around' | 'according';
  strong: boolean;
  /** The speaker range only anchors the cue ("a growing fear that …"): the attribution has no source. */
  unsourced?: boolean;
  /** "…, as X put it, …": the content comes after the phrase even in mid-sentence. */
  contentFollows?: boolean;
}

interface Draft {
  content: WordRange;
  /** The words the content really holds when it skips a cue in the middle ("…," he said. "…"). */
  fragments?: WordRange[];
  kind: QuoteKind;
  speaker: WordRange | null;
  cue: WordRange | null;
  /** Continuation: copy the speaker of this earlier draft. */
  inherits?: Draft;
}

/** entities.ts's resolveName, when that module exports it. */
function nameResolver(): NameResolver | null {
  const candidate = (entityModule as Record<string, unknown>).resolveName;
  return typeof candidate === 'function' ? (candidate as NameResolver) : null;
}

const EMBEDDING = new Set(['what', 'which', 'that', 'whom', 'as']);
const CONTRASTIVE = new Set(['but', 'yet', 'while', 'though', 'although', 'whereas']);
/** Sentence-initial words of a subordinate clause: the main clause after its comma is not reported. */
const SUBORDINATORS = new Set(['after', 'when', 'because', 'since', 'if', 'although', 'though', 'while', 'as', 'before', 'once', 'until', 'unless']);
/** Weak cues whose plain object is what a speaker reports or wants ("cited the figure"). */
const OBJECT_REPORTING_VERBS = new Set(['report', 'cite', 'want', 'seek', 'observe', 'signal']);
/** Conjunctions of an adverbial clause ("when he ran", "so they could"). */
const ADVERBIAL_SUBORDINATORS = new Set(['when', 'after', 'before', 'since', 'because', 'until', 'while', 'so', 'once', 'whenever']);
const CIRCUMSTANCE_PREPOSITIONS = new Set(['in', 'during', 'on', 'at', 'via', 'through']);
const PARTICIPLE_LINKS = new Set(['before', 'after', 'while', 'when', 'by', 'without', 'since']);
const RELATIVE_SPEAKERS = new Set(['who', 'which', 'that']);
const EDITORIAL_LABELS = new Set(['correction', 'corrections', 'update', 'updated', 'clarification', 'note', 'related',
  'advertisement', 'photo', 'credit', 'source', 'sources', 'watch', 'read', 'listen', 'disclosure', 'editor']);
/** Non-restrictive relatives (", which …"): their clause describes, it is not reported. */
const CLAUSE_OPENERS = new Set(['what', 'which', 'that', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'whether', 'if']);
const ADJUNCT_RELATIVES = new Set(['which', 'who', 'whose', 'where']);
/** Participles that work as prepositions (", including …"). */
const PREPOSITIONAL_PARTICIPLES = new Set(['including', 'according', 'regarding', 'concerning', 'following', 'excluding', 'considering', 'involving', 'beginning', 'starting']);
/** Things whose findings are reported ("the poll shows", "a study found"). */
const DOCUMENT_NOUNS = new Set(['poll', 'survey', 'study', 'report', 'analysis', 'data', 'average', 'review', 'audit',
  'investigation', 'document', 'memo', 'letter', 'filing', 'record', 'video', 'footage', 'transcript', 'census', 'research', 'test', 'model']);
/** Verbs of thought and deed that a reported clause's own subject may do ("he thought of …", "refused to …"). */
const THINKING_VERBS = new Set(['believe', 'think', 'feel', 'fear', 'hope', 'expect', 'suspect', 'assume', 'reckon', 'speculate',
  'conclude', 'judge', 'worry', 'understand', 'know', 'realize', 'realise', 'recognize', 'recognise', 'doubt', 'wonder']);
/** Prepositions that name a cue's topic ("complained about", "commented on"). */
/** The verb forms of the fixed phrases of taking a stand ("took aim at", "weighed in on"), by verb. */
const STANCE_IDIOM_VERBS: ReadonlyMap<string, string> = new Map([
  ...['take', 'takes', 'took', 'taken', 'taking'].map((f): [string, string] => [f, 'take']),
  ...['weigh', 'weighs', 'weighed', 'weighing'].map((f): [string, string] => [f, 'weigh']),
  ...['throw', 'throws', 'threw', 'thrown', 'throwing'].map((f): [string, string] => [f, 'throw']),
  ...['come', 'comes', 'came', 'coming'].map((f): [string, string] => [f, 'come']),
]);

/** Nouns of a public reaction someone faces or raises ("faced criticism for", "raised questions about"). */
const REACTION_NOUNS = new Set(['criticism', 'questions', 'concerns', 'doubts', 'scrutiny', 'backlash', 'fire', 'condemnation', 'ridicule', 'attack', 'attacks']);

/** People defined by the side they take on something ("an opponent of", "a supporter of"). */
const ADVOCATE_NOUNS = new Set(['opponent', 'supporter', 'critic', 'defender', 'proponent', 'advocate', 'champion', 'foe', 'backer',
  'skeptic', 'sceptic', 'booster', 'admirer', 'detractor', 'fan', 'ally', 'enemy']);

/** Nouns of stance that name what someone holds when a "that" clause follows "is" ("His view is that …"). */
const COPULAR_STANCE_NOUNS = new Set(['argument', 'position', 'view', 'claim', 'contention', 'belief', 'case', 'message', 'hope', 'fear',
  'concern', 'worry', 'thinking', 'assumption', 'expectation', 'bet', 'complaint', 'reasoning', 'theory', 'suggestion']);
// Per-word tests of cutAtNextCue, as Sets rather than a regex per word.
const AND_BUT = new Set(['and', 'but']);
const AND_BUT_YET = new Set(['and', 'but', 'yet']);
const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'on', 'over', 'against']);
// Word sets of the per-word tests in indirectInStretch (a Set lookup is cheaper than a regex per word).
const SEEM_FORMS = new Set(['seem', 'seems', 'seemed']);
const EVIDENT_ADJECTIVES = new Set(['clear', 'obvious', 'apparent', 'evident']);
const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);
/** Passive verbs of labelling or reporting ("was criticized for", "is rated as"). */
const PASSIVE_REPORT_LEMMAS = new Set(['criticize', 'criticise', 'accuse', 'charge', 'label', 'dub', 'brand', 'call', 'rate', 'describe', 'blame',
  'praise', 'condemn', 'denounce', 'characterize', 'deem', 'define', 'debate', 'question', 'cite', 'allege', 'announce', 'confirm', 'report']);
const PASSIVE_OPINION_FORMS = new Set(['expected', 'believed', 'thought', 'rumored', 'rumoured', 'viewed', 'considered', 'regarded', 'perceived']);
/** Words that open a cue in indirectInStretch whatever their tag. */
const ANY_TAG_TRIGGERS = new Set(['according', 'to', 'that', 'put', ...PASSIVE_OPINION_FORMS, ...EVIDENT_ADJECTIVES]);

/**
 * Whether a word may open a cue in indirectInStretch: verbs, their auxiliaries, adjectives and
 * nouns, and the trigger words of any tag. (Tags compared directly: cheaper than a Set per word.)
 */
function mayOpenCue(x: Word): boolean {
  const pos = x.pos;
  return pos === 'VERB' || pos === 'AUX' || pos === 'ADJ' || pos === 'NOUN' || ANY_TAG_TRIGGERS.has(x.normal);
}

/** Ends in -ed, -en or -wn, as a past participle does (asked of every verb and adjective: no regex). */
function hasParticipleEnding(normal: string): boolean {
  return normal.endsWith('ed') || normal.endsWith('en') || normal.endsWith('wn');
}

/**
 * Every word that indirectInStretch tests by its normal form against a list or a fixed word:
 * a word outside this one Set skips those tests (a single lookup instead of one per list).
 */
const LISTED_FORMS: ReadonlySet<string> = new Set(['according', 'to', 'that', 'put', ...SEEM_FORMS, ...PASSIVE_OPINION_FORMS,
  ...EVIDENT_ADJECTIVES, ...ATTITUDE_ADJECTIVES.keys(), ...REACTION_NOUNS, ...STANCE_IDIOM_VERBS.keys(), ...MAKE_FORMS]);

function isVerbOrAux(x: Word | undefined): boolean {
  return x !== undefined && (x.pos === 'VERB' || x.pos === 'AUX');
}

const CLOSING_INSIDE = /[,?!\u2014\u2013\u2015\-\u2026]\s*$/;
const TERMINAL_INSIDE = /[.?!\u2026]['"\u2019\u201d]*\s*$/;

class Extractor {
  readonly words: Word[];
  readonly used: Uint8Array;
  readonly drafts: Draft[] = [];
  /** Speakers of the drafts so far, by the tagger's sentence of their first word. */
  readonly speakersBySentence = new Map<number, WordRange[]>();
  /** Speakers of the drafts so far, by their cue's first word. */
  readonly speakerByCue = new Map<number, WordRange>();

  constructor(readonly text: string, readonly view: WordView) {
    this.words = view.words;
    this.used = new Uint8Array(view.words.length);
  }

  mark(range: WordRange | null): void {
    if (!range) return;
    for (let i = range[0]; i <= range[1]; i++) this.used[i] = 1;
  }

  add(d: Draft): void {
    for (const part of this.splitAtLongGap(d)) {
      this.drafts.push(part);
      if (part.fragments) part.fragments.forEach((f) => this.mark(f));
      else this.mark(part.content);
      this.mark(part.cue);
      this.mark(part.speaker);
      if (part.speaker && part.cue) this.speakerByCue.set(part.cue[0], part.speaker);
      if (part.speaker) {
        const sentence = this.words[part.speaker[0]].sentence;
        const list = this.speakersBySentence.get(sentence);
        if (list) list.push(part.speaker);
        else this.speakersBySentence.set(sentence, [part.speaker]);
      }
    }
  }

  /**
   * One span cannot skip a long cue ("…," said X, an economist who … . "…"): when the words
   * between the fragments outnumber the quoted ones, the later fragments become a second
   * quote of the same speaker.
   */
  splitAtLongGap(d: Draft): Draft[] {
    const f = d.fragments;
    if (!f || f.length < 2) return [d];
    const quoted = f.reduce((n, [a, b]) => n + this.countWords(a, b), 0);
    const gap = this.countWords(f[0][1] + 1, f[f.length - 1][0] - 1) - f.slice(1, -1).reduce((n, [a, b]) => n + this.countWords(a, b), 0);
    if (gap <= quoted) return [d];
    const first: Draft = { ...d, content: [f[0][0], f[0][1]], fragments: [f[0]] };
    const rest = f.slice(1);
    const second: Draft = { content: [rest[0][0], rest[rest.length - 1][1]], fragments: rest, kind: 'direct', speaker: null, cue: null, inherits: first };
    return [first, second];
  }

  countWords(from: number, to: number): number {
    let n = 0;
    for (let i = from; i <= to; i++) if (this.words[i].pos !== 'PUNCT') n++;
    return n;
  }

  sentenceOf(i: number): WordRange {
    return this.view.sentences[this.words[i].sentence];
  }

  /** The text between the quotation's marks, for its final punctuation. */
  innerText(range: WordRange): string {
    const w = this.words;
    // The closing mark may be two words (NYT '' is tokenised as two apostrophes).
    return this.text.slice(w[range[0]].start, w[range[1]].start).replace(/['"\u201d\u2019`]+\s*$/, '');
  }

  /** Index of the quotation that starts exactly at word i, or -1. */
  quotationStartingAt(i: number): number {
    const w = this.words[i];
    if (!w || w.quotation < 0) return -1;
    return this.view.quotationWords[w.quotation][0] === i ? w.quotation : -1;
  }

  /**
   * Quotation sentences that follow in the same paragraph with no cue of their own
   * ("…," he said. "…") belong to the same content. Scans from word `from` (inside the
   * sentence that holds the cue) and appends each such quotation to `fragments`.
   */
  followingQuotes(fragments: WordRange[], from: number): WordRange[] {
    const w = this.words;
    const paragraph = w[fragments[0][0]].paragraph;
    let k = from;
    for (let guard = 0; guard < 50; guard++) {
      // The rest of the cue's sentence must be short: ", adding that …" is an attribution of its own.
      const limit = k + 2 * MAX_PHRASE;
      while (k < w.length && k < limit && w[k].paragraph === paragraph && this.quotationStartingAt(k) < 0 &&
        !(isSentenceEnd(w[k]) && w[k].quotation < 0)) {
        if (cueStrength(w, k) === 'strong') return fragments;
        // "(D-N.C.)": a parenthesis may hold full stops.
        if (w[k].text === '(') k = this.parenthesisEnd(k);
        k++;
      }
      if (w[k] && isSentenceEnd(w[k]) && w[k].quotation < 0) k++;
      const q = this.quotationStartingAt(k);
      if (q < 0 || w[k].paragraph !== paragraph || this.used[k]) return fragments;
      const [qa, qb] = this.view.quotationWords[q];
      const after = w[qb + 1];
      const standsAlone = !after || after.paragraph !== w[qb].paragraph || isSentenceEnd(after) || this.quotationStartingAt(qb + 1) >= 0;
      if (!standsAlone) return fragments;
      fragments.push([qa, qb]);
      k = qb + 1;
    }
    return fragments;
  }

  /** The closing parenthesis of the one opening at `open` (within a few words), else `open`. */
  parenthesisEnd(open: number): number {
    const w = this.words;
    for (let k = open + 1; k < Math.min(w.length, open + 12); k++) {
      if (w[k].text === ')') return k;
      if (w[k].paragraph !== w[open].paragraph) break;
    }
    return open;
  }

  /** "…," X said / "…," said X / "…" ― X, with an optional second quotation after the cue. */
  cueAfterQuote(qa: number, qb: number): Draft | null {
    const w = this.words;
    const paragraph = w[qa].paragraph;
    let j = qb + 1;
    if (!w[j] || w[j].paragraph !== paragraph) return null;
    const commaOutside = w[j].text === ',';
    if (commaOutside) j++;
    if (!w[j] || w[j].paragraph !== paragraph) return null;
    if (isDash(w[j]) && w[j + 1]?.pos === 'PROPN') {
      const speaker = nounPhraseStartingAt(w, j + 1, w.length - 1);
      if (speaker) return { content: [qa, qb], kind: 'direct', speaker, cue: [j, j] };
    }
    const inner = this.innerText([qa, qb]);
    if (!commaOutside && !CLOSING_INSIDE.test(inner)) return null;
    let cue = -1;
    for (let m = j; m < Math.min(w.length, j + MAX_PHRASE); m++) {
      if (w[m].text === '(') {
        // "Rep. Jane Doe (D-Ill.) said": the parenthesis may hold a full stop.
        let close = m + 1;
        while (close < Math.min(w.length, m + 12) && w[close].text !== ')') close++;
        if (w[close]?.text === ')') {
          m = close;
          continue;
        }
      }
      const x = w[m];
      // "McConnell, R-Ky., said": a full stop before a comma ends an abbreviation, not the sentence.
      if (x.paragraph !== paragraph || (isSentenceEnd(x) && w[m + 1]?.text !== ',') || x.quotation >= 0) break;
      if (cueStrength(w, m)) {
        cue = m;
        break;
      }
    }
    if (cue < 0) return null;
    const cueWords = cueRange(w, cue);
    let speaker: WordRange | null;
    let groupEnd: number;
    if (cue === j) {
      speaker = nounPhraseStartingAt(w, cueWords[1] + 1, w.length - 1);
      groupEnd = speaker ? speaker[1] : cueWords[1];
      if (speaker) speaker = withDescription(speaker, this.descriptionEnd(speaker[1]));
    } else {
      // Everything between the quotation and the cue is the speaker and its description.
      speaker = nounPhraseStartingAt(w, j, cue - 1);
      let last = cue - 1;
      while (last > j && (w[last].text === ',' || VERB_MODIFIERS.has(w[last].normal) || w[last].pos === 'ADV')) last--;
      if (speaker) speaker = withDescription(speaker, last);
      groupEnd = cueWords[1];
    }
    if (!speaker) return null;
    // A quotation inside a clause ("called it “a disaster,” aides said") is partial content.
    const sentence = this.sentenceOf(qa);
    const before = w[qa - 1];
    const clauseInitial = qa === sentence[0] || !before || before.paragraph !== paragraph ||
      before.text === ':' || isDash(before) || isQuoteMark(before);
    // "On this weekend's broadcast of “Fox News Sunday,” Pence said he …": a title inside an
    // opening prepositional phrase is no content; the cue's own clause is (the indirect pass).
    if (!clauseInitial && w[sentence[0]].pos === 'ADP' && cue !== j && !this.endsAfter(cueWords[1])) return null;
    const first = clauseInitial ? qa : Math.max(sentence[0], this.lastDraftEndBefore(qa) + 1);
    const fragments: WordRange[] = [[first, qb]];
    let k = skipTrailers(w, groupEnd + 1, w.length - 1);
    // "…," he said, "…" and "…," he said: "…"
    if (w[k] && (w[k].text === ',' || w[k].text === ':')) k++;
    const second = this.quotationStartingAt(k);
    if (second >= 0 && w[k].paragraph === paragraph) {
      fragments.push(this.view.quotationWords[second]);
      k = this.view.quotationWords[second][1] + 1;
    }
    this.followingQuotes(fragments, k);
    const last = fragments[fragments.length - 1][1];
    // "DuVernay said she felt … “…,” she said. “…”": the sentence's own cue reports the partial
    // quotation; the cue after it repeats the speaker and introduces the quotations that follow.
    const own = clauseInitial ? null : this.sentenceCueBefore(first, qa);
    if (own) {
      if (fragments.length > 1) {
        const rest = fragments.slice(1);
        this.add({ content: [rest[0][0], rest[rest.length - 1][1]], fragments: rest, kind: 'direct', speaker, cue: cueWords });
      }
      this.mark([qb + 1, groupEnd]);
      return { content: [own.cue[1] + 1, qb], kind: 'partial', speaker: own.speaker, cue: own.cue };
    }
    return { content: [first, last], fragments, kind: clauseInitial ? 'direct' : 'partial', speaker, cue: cueWords };
  }

  /** A strong cue with its subject between `from` and a quotation at `qa` ("Jo said she felt … “…”"). */
  sentenceCueBefore(from: number, qa: number): { cue: WordRange; speaker: WordRange } | null {
    const w = this.words;
    for (let m = from; m < qa - 1; m++) {
      if (w[m].quotation >= 0 || cueStrength(w, m) !== 'strong') continue;
      const cue = cueRange(w, m);
      const speaker = subjectBefore(w, m, from);
      // Only a cue whose content runs into the quotation: a clause or "that" right after it.
      if (!speaker || cue[1] + 1 >= qa || !(w[cue[1] + 1].normal === 'that' || this.startsClause(cue[1] + 1, qa - 1))) return null;
      return { cue, speaker };
    }
    return null;
  }

  /** Nothing but trailers ("on Sunday", "in a statement") follows word i to its sentence end. */
  endsAfter(i: number): boolean {
    const w = this.words;
    const k = skipTrailers(w, i + 1, Math.min(w.length - 1, i + MAX_PHRASE));
    return !w[k] || isSentenceEnd(w[k]) || w[k].paragraph !== w[i].paragraph || w[k].text === ',' || isQuoteMark(w[k]);
  }

  /** End of ", a spokesman for the agency" after an inverted speaker, up to the sentence end. */
  descriptionEnd(last: number): number {
    const w = this.words;
    const open = w[last + 1];
    if (!open || (open.text !== ',' && open.text !== '(')) return last;
    let end = last;
    for (let k = last + 1; k < Math.min(w.length, last + MAX_PHRASE); k++) {
      if (w[k].text === '(' && this.parenthesisEnd(k) > k) {
        end = k = this.parenthesisEnd(k);
        continue;
      }
      if (w[k].paragraph !== w[last].paragraph || w[k].quotation >= 0 || isSentenceEnd(w[k]) ||
        (w[k].text === ',' && w[k + 1]?.quotation >= 0) || cueStrength(w, k)) break;
      end = k;
    }
    while (end > last && (w[end].text === ',' || isDash(w[end]))) end--;
    return end;
  }

  lastDraftEndBefore(i: number): number {
    let end = -1;
    for (let d = this.drafts.length - 1; d >= 0 && d >= this.drafts.length - 4; d--) {
      const e = this.drafts[d].content[1];
      if (e < i && e > end) end = e;
    }
    return end;
  }

  /** X said: "…" / X said, "…" / NAME: "…" (a transcript line). */
  cueBeforeQuote(qa: number, qb: number): Draft | null {
    const w = this.words;
    const paragraph = w[qa].paragraph;
    let p = qa - 1;
    // A colon may end the paragraph before a block quotation ("Ruiz said:" ¶ "…").
    if (p < 0 || (w[p].paragraph !== paragraph && w[p].text !== ':')) return null;
    const colon = w[p].text === ':';
    if (colon || w[p].text === ',') p--;
    const after = w[qb + 1];
    const endsSentence = !after || after.paragraph !== paragraph || isSentenceEnd(after) ||
      TERMINAL_INSIDE.test(this.innerText([qa, qb]));
    if (!endsSentence || p < 0) return null;
    if (p < 0) return null;
    const floor = this.paragraphStart(p);
    if (colon) {
      const speaker = this.transcriptSpeaker(floor, p);
      if (speaker) return this.directFrom(qa, qb, speaker, [p + 1, p + 1]);
    }
    for (let c = p; c >= Math.max(floor, p - 8); c--) {
      const x = w[c];
      if (x.quotation >= 0 || isSentenceEnd(x)) break;
      // Any verb right before a colon introduces the quotation ("Caddell continued:").
      // So does a past-tense verb right after a name or pronoun, before a comma ("She continued, “…”").
      const colonVerb = c === p && (colon ? x.pos === 'VERB' || (x.pos === 'NOUN' && x.normal.endsWith('s')) :
        w[p + 1]?.text === ',' && x.pos === 'VERB' && x.normal.endsWith('ed') && (w[c - 1]?.pos === 'PROPN' || isSpeakerPronounWord(w[c - 1])));
      if (!cueStrength(w, c) && !colonVerb) {
        if (x.pos === 'VERB' || x.pos === 'AUX') break;
        continue;
      }
      // "Said Ellis: “…”": a cue opening the sentence, its speaker after it.
      const inverted = c === this.sentenceOf(c)[0] ? nounPhraseStartingAt(w, c + 1, p) : null;
      // ", saying “…”" after a comma: the sentence's subject says it, not an apposition before the comma.
      const commaParticiple = w[c - 1]?.text === ',' && x.normal.endsWith('ing');
      const speaker = inverted ?? (commaParticiple ? this.participleSpeaker(c, floor) : null) ?? subjectBefore(w, c, floor) ?? this.participleSpeaker(c, floor);
      if (!speaker) return null;
      // "through what she calls a “war of words”": an embedded cue, part of a larger content.
      if (!colon && EMBEDDING.has(w[speaker[0] - 1]?.normal ?? '')) return null;
      // "Ditto said she expects the campaign “to …”": the inner cue is part of the outer content.
      // Not "Asked about it, Clinton said, “…”": a fronted clause closed by a comma is no outer cue.
      const fronted = w[speaker[0] - 1]?.text === ',' || isDash(w[speaker[0] - 1]);
      if (!colon && !fronted && this.hasCueBetween(this.sentenceOf(c)[0], speaker[0] - 1)) return null;
      const cue = cueRange(w, c);
      // Words between cue and quotation ("told the crowd that “…”") make it partial content.
      let first = skipTrailers(w, (inverted ? inverted[1] : cue[1]) + 1, qa);
      if (HEARER_VERBS.has(w[c].lemma)) first = skipTrailers(w, skipHearer(w, first, qa - 1), qa);
      if (first < qa && (w[first].text === ':' || w[first].text === ',')) first++;
      if (first >= qa) return this.directFrom(qa, qb, speaker, cue);
      const fragments = this.followingQuotes([[first, qb]], qb + 1);
      return { content: [first, fragments[fragments.length - 1][1]], fragments, kind: 'partial', speaker, cue };
    }
    return null;
  }

  hasCueBetween(from: number, to: number): boolean {
    for (let i = Math.max(from, to - MAX_PHRASE); i <= to; i++) if (cueStrength(this.words, i) === 'strong') return true;
    return false;
  }

  directFrom(qa: number, qb: number, speaker: WordRange, cue: WordRange): Draft {
    const fragments = this.followingQuotes([[qa, qb]], qb + 1);
    return { content: [qa, fragments[fragments.length - 1][1]], fragments, kind: 'direct', speaker, cue };
  }

  /** Whether word i opens its paragraph: the same as paragraphStart(i) === i, without the walk back. */
  opensParagraph(i: number): boolean {
    return i === 0 || this.words[i - 1].paragraph !== this.words[i].paragraph;
  }

  paragraphStart(i: number): number {
    const w = this.words;
    let j = i;
    const floor = Math.max(0, i - 200);
    while (j > floor && w[j - 1].paragraph === w[i].paragraph) j--;
    return j;
  }

  /** "WALLACE:", "Pat Caddell:" — a short run of proper nouns opening a paragraph. */
  transcriptSpeaker(paragraphFirst: number, colon: number): WordRange | null {
    const w = this.words;
    let first = paragraphFirst;
    if (isQuoteMark(w[first])) first++;
    if (colon - first < 1 || colon - first > 4) return null;
    for (let i = first; i < colon; i++) if (w[i].pos !== 'PROPN') return null;
    // "Correction:", "Update:": editorial labels, not speakers.
    if (colon - first === 1 && EDITORIAL_LABELS.has(w[first].normal)) return null;
    return [first, colon - 1];
  }

  /** ", saying …" / ", adding …": the speaker is the subject of the sentence. */
  participleSpeaker(cue: number, floor: number, sentenceFirst?: number, draftsFrom?: number): WordRange | null {
    const w = this.words;
    // ", saying …", "and saying …", and the coordinated "… and said …".
    // "… before asking her, “…”", "… while insisting that …": the main clause's subject speaks.
    const participle = w[cue].normal.endsWith('ing') && (w[cue - 1]?.text === ',' || w[cue - 1]?.normal === 'and' ||
      PARTICIPLE_LINKS.has(w[cue - 1]?.normal ?? ''));
    // "… and has called for …", "… and also said …": auxiliaries and adverbs may come between.
    let link = cue - 1;
    while (link > cue - 4 && link > 0 && VERB_MODIFIERS.has(w[link].normal)) link--;
    const coordinated = (w[link]?.normal === 'and' || w[link]?.normal === 'but') && w[cue].pos === 'VERB';
    if (!participle && !coordinated) return null;
    // The indirect pass knows the real sentence start (the tagger splits after "(R-Ga.)").
    const start = Math.max(floor, sentenceFirst ?? this.sentenceOf(cue)[0]);
    // Drafts come pass by pass (direct quotes first), so the sentence's own attribution is
    // looked up by sentence, not by recency.
    // ("“…,” he told the group, adding …": the sentence's attribution may lie before the stretch.)
    const from = Math.min(start, draftsFrom ?? start);
    for (let sentence = w[cue].sentence; sentence >= w[from].sentence; sentence--) {
      const speakers = this.speakersBySentence.get(sentence) ?? [];
      for (let d = speakers.length - 1; d >= 0; d--) {
        const s = speakers[d];
        if (s[0] >= from && s[0] < cue) return s;
      }
    }
    // "Once …, when …, I laughed and said": the subject of the verb before "and".
    // "… after she attacked the officers and blamed …": the subject of the first verb's clause.
    if (coordinated) {
      let verb = link - 1;
      while (verb > start && link - verb < 8 && !(w[verb].pos === 'VERB' && !w[verb].normal.endsWith('ing'))) verb--;
      const subject = verb > start && w[verb].pos === 'VERB' ? subjectBefore(w, verb, start) : null;
      // (Not "for a Senate run but noted": the subject opens its clause.)
      const opens = subject && (subject[0] === start || w[subject[0] - 1].text === ',' || SUBORDINATORS.has(w[subject[0] - 1].normal));
      if (subject && opens && subject[1] === verb - 1) return subject;
    }
    return nounPhraseStartingAt(w, start, cue - 1) ?? this.subjectAfterFronted(start, cue - 1);
  }

  /**
   * "On Thursday, the senator spoke …", "Later, the court blocked …": the subject after a
   * short fronted phrase of time or place (no verb in it) closed by a comma, when a verb follows it.
   */
  subjectAfterFronted(start: number, last: number): WordRange | null {
    const w = this.words;
    // ("Later, the governor …": a lone adverb is a fronted phrase too.)
    const adverb = w[start]?.pos === 'ADV' && w[start + 1]?.text === ',';
    if (w[start]?.pos !== 'ADP' && !w[start]?.time && !adverb) return null;
    let comma = start + 1;
    while (comma <= Math.min(last, start + 8) && w[comma].text !== ',' && /^(ADP|DET|NOUN|PROPN|NUM|ADJ|PART)$/.test(w[comma].pos) && w[comma].quotation < 0) comma++;
    if (w[comma]?.text !== ',' || comma >= last) return null;
    const np = nounPhraseStartingAt(w, comma + 1, last);
    if (!np) return null;
    let k = np[1] + 1;
    while (k < last && (w[k].pos === 'ADV' || w[k].pos === 'AUX')) k++;
    return w[k]?.pos === 'VERB' || w[k]?.pos === 'AUX' ? np : null;
  }

  /**
   * A paragraph that opens with a quotation and ends with "― Name" (reader comments, social
   * posts, epigraphs): everything before the dash is the signer's, whatever marks it holds.
   */
  signedParagraph(qa: number): Draft | null {
    const w = this.words;
    if (!this.opensParagraph(qa)) return null;
    let end = qa;
    while (end + 1 < w.length && end - qa < 400 && w[end + 1].paragraph === w[qa].paragraph) end++;
    if (end + 1 < w.length && w[end + 1].paragraph === w[qa].paragraph) return null;
    let last = end;
    while (last > qa && isSentenceEnd(w[last])) last--;
    let first = last;
    while (first > qa && last - first < 5 && w[first - 1].quotation < 0 && /^\p{Lu}/u.test(w[first - 1].text) && w[first - 1].pos !== 'PUNCT') first--;
    if (!/^\p{Lu}/u.test(w[last].text) || w[first].quotation >= 0 || !isDash(w[first - 1])) return null;
    const dash = first - 1;
    const contentEnd = this.trimEnd(qa, dash - 1);
    if (contentEnd <= qa) return null;
    return { content: [qa, contentEnd], kind: 'direct', speaker: [first, last], cue: [dash, dash] };
  }

  directPass(): void {
    const qw = this.view.quotationWords;
    for (let q = 0; q < qw.length; q++) {
      const [qa, qb] = qw[q];
      if (qa < 0 || this.used[qa]) continue;
      const draft = this.signedParagraph(qa) ?? this.cueAfterQuote(qa, qb) ?? this.cueBeforeQuote(qa, qb);
      if (draft) this.add(draft);
    }
  }

  /** Content after a cue: from past its trailers and hearer to the end of the sentence. */
  contentAfter(cue: WordRange, lastWord: number): WordRange | null {
    const w = this.words;
    let i = skipTrailers(w, cue[1] + 1, lastWord);
    // "showed him the video", but "polls show a close race": "show" takes only a pronoun hearer.
    const hearer = HEARER_VERBS.has(w[cue[0]].lemma) && (w[cue[0]].lemma !== 'show' || w[i]?.pos === 'PRON');
    if (hearer) i = skipTrailers(w, skipHearer(w, i, lastWord), lastWord);
    // "reported at the time that …": a short phrase before "that" belongs to the cue.
    for (let k = i; k <= Math.min(lastWord, i + 6) && w[i]?.normal !== 'that'; k++) {
      const x = w[k];
      if (x.normal === 'that' && (x.pos === 'SCONJ' || (k > i && this.startsClause(k + 1, lastWord)))) {
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

  indirectPass(): void {
    const w = this.words;
    let open: WordRange | null = null;
    for (const [sf, sl] of this.view.sentences) {
      if (sf < 0) continue;
      // The tagger splits after abbreviations ("(D-Ore.) said …"): a sentence that starts in
      // lower case in the same paragraph continues the one before.
      if (open && continuesSentence(w[sf].text) && w[sf].paragraph === w[open[1]].paragraph) {
        open = [open[0], sl];
        continue;
      }
      if (open) this.indirectInSentence(open[0], open[1]);
      open = [sf, sl];
    }
    if (open) this.indirectInSentence(open[0], open[1]);
  }

  indirectInSentence(sf: number, sl: number): void {
    // The sentence's free stretches: runs of words not already part of a direct attribution.
    let i = sf;
    while (i <= sl) {
      while (i <= sl && this.used[i]) i++;
      let j = i;
      while (j + 1 <= sl && !this.used[j + 1]) j++;
      if (i <= sl) this.indirectInStretch(i, j, sf);
      i = j + 1;
    }
  }

  indirectInStretch(sf: number, sl: number, sentenceFirst: number = sf): void {
    const w = this.words;
    const cues: Cue[] = [];
    const passives: Draft[] = [];
    // Transcript or headline line: "Name: what they said".
    if (this.opensParagraph(sf)) {
      for (let c = sf + 1; c <= Math.min(sl, sf + 5); c++) {
        if (w[c].text !== ':') continue;
        const speaker = this.transcriptSpeaker(sf, c);
        if (speaker && c < sl) {
          // A transcript turn runs to the end of its paragraph.
          let last = sl;
          while (last + 1 < w.length && last - sl < 2000 && w[last + 1].paragraph === w[sl].paragraph && !this.used[last + 1]) last++;
          this.add({ content: [c + 1, this.trimEnd(c + 1, last)], kind: 'indirect', speaker, cue: [c, c] });
          return;
        }
      }
    }
    for (let c = sf; c <= sl; c++) {
      const x = w[c];
      if (x.quotation >= 0) continue;
      // Most words (names, determiners, prepositions, punctuation) can open no cue below: only
      // the trigger words of any tag, the first word, and verbs, adjectives and nouns go on.
      if (c !== sf && !mayOpenCue(x)) continue;
      const normal = x.normal;
      const listed = LISTED_FORMS.has(normal);
      if (listed && normal === 'according' && w[c + 1]?.normal === 'to' && c + 1 < sl) {
        const speaker = nounPhraseStartingAt(w, c + 2, sl) ?? this.shortPhraseBeforeComma(c + 2, sl);
        if (speaker) cues.push({ at: [c, c + 1], speaker: this.coordinatedSource(speaker, sl), layout: 'according', strong: true });
        continue;
      }
      if (listed && normal === 'to' && (w[c - 1]?.pos === 'ADJ' || w[c - 1]?.pos === 'VERB') && INTENT_ADJECTIVES.has(w[c - 1].normal) && w[c + 1]?.pos === 'VERB') {
        const intent = this.intentCue(c, sf);
        if (intent) cues.push(intent);
        continue;
      }
      const report = this.passiveReport(c, sl);
      if ((listed && ((isVerbOrAux(x) && SEEM_FORMS.has(normal)) || this.passiveOpinion(c))) || report) {
        const impression = this.impression(c, sf, sl, report);
        if (impression) passives.push(impression);
        continue;
      }
      // "Asked about the blast, the mayor said …": the question of an unnamed asker, up to the comma.
      if (c === sf && (x.text === 'Asked' || x.text === 'Pressed')) {
        const question = this.frontedQuestion(c, sl);
        if (question) passives.push(question);
        continue;
      }
      // "It is obvious that …", "It was clear Clinton is …": an evident fact, held by no one named.
      if (listed && EVIDENT_ADJECTIVES.has(normal) && /^(is|was|'s|’s)$/.test(w[c - 1]?.normal ?? '') && w[c - 2]?.normal === 'it' &&
        c + 1 <= sl && (w[c + 1].normal === 'that' || this.startsClause(c + 1, sl))) {
        cues.push({ at: [c - 2, c], speaker: [c, c], layout: 'after', strong: true, unsourced: true });
        continue;
      }
      if (listed && x.pos === 'ADJ' && ATTITUDE_ADJECTIVES.get(normal)?.has(w[c + 1]?.normal ?? '') && c + 2 <= sl) {
        const attitude = this.attitudeCue(c, sf);
        if (attitude) cues.push(attitude);
        continue;
      }
      if (listed && normal === 'that') {
        const complement = this.complementCue(c, sf, sl);
        if (complement) cues.push(complement);
        continue;
      }
      // "has faced sharp criticism for X", "came under fire over X", "is raising questions about X".
      if (listed && x.pos === 'NOUN' && REACTION_NOUNS.has(normal) && /^(for|about|over)$/.test(w[c + 1]?.normal ?? '') && c + 2 <= sl) {
        const reaction = this.reactionCue(c, sf);
        if (reaction) cues.push(reaction);
        continue;
      }
      // "She is a staunch opponent of X", "has been an outspoken supporter of X": a standing stance on X.
      if (x.pos === 'NOUN' && w[c + 1]?.normal === 'of' && c + 2 <= sl && ADVOCATE_NOUNS.has(x.lemma)) {
        const advocate = this.advocateCue(c, sf);
        if (advocate) cues.push(advocate);
        continue;
      }
      // "took aim at X", "weighed in on X", "threw its support behind X", "came out against X".
      if (listed && isVerbOrAux(x) && STANCE_IDIOM_VERBS.has(normal)) {
        const idiom = this.stanceIdiomCue(c, sf, sl);
        if (idiom) cues.push(idiom);
        continue;
      }
      // "made clear that …", "made it plain …", "is making the case for …": a stand taken in words.
      if (listed && isVerbOrAux(x) && MAKE_FORMS.has(normal)) {
        const stand = this.makeStanceCue(c, sf, sl);
        if (stand) cues.push(stand);
        continue;
      }
      // "…, as the memo put it." / "As Smith put it, …": the phrase works like "according to".
      if (listed && normal === 'put' && w[c + 1]?.normal === 'it' && c + 1 <= sl) {
        const subject = subjectBefore(w, c, sf);
        if (subject && w[subject[0] - 1]?.normal === 'as') {
          // "…, as the magazine put it, “the operator.”": words after the phrase are its content.
          // ("put it in a lengthy profile, …": a short circumstance may come first.)
          let comma = c + 2;
          while (comma <= Math.min(sl, c + 10) && w[comma].text !== ',' && w[comma].pos !== 'VERB' && w[comma].pos !== 'AUX' &&
            !isSentenceEnd(w[comma]) && w[comma].quotation < 0) comma++;
          const contentFollows = w[comma]?.text === ',' && comma + 1 <= sl && !isSentenceEnd(w[comma + 1]);
          cues.push({ at: [subject[0] - 1, c + 1], speaker: subject, layout: 'according', strong: true, contentFollows });
        }
        continue;
      }
      const strength = cueStrength(w, c);
      if (!strength) continue;
      // Perception verbs ("a statement seen by …") describe a document, they do not report it.
      const passive = strength === 'strong' || /^(report|decide)$/.test(w[c].lemma) ? this.passiveAttribution(c, sf, sl) : null;
      if (passive) {
        passives.push(passive);
        continue;
      }
      const at = cueRange(w, c);
      // Inversion: "…, said John Smith, a spokesman." (not "…, echoing John Smith")
      if ((w[c - 1]?.text === ',' || isQuoteMark(w[c - 1])) && !w[c].normal.endsWith('ing')) {
        const speaker = this.invertedSpeaker(at, sl);
        if (speaker) {
          cues.push({ at, speaker, layout: 'before', strong: true });
          continue;
        }
      }
      // ", arguing that …" after a comma: the sentence's subject argues, not an apposition before it.
      const commaParticiple = w[c - 1]?.text === ',' && w[c].normal.endsWith('ing');
      const subject = commaParticiple ? null : subjectBefore(w, c, sf);
      // "In a Facebook message posted Friday, Cruz said …", "In a statement announcing the pick, …":
      // a participle after a preposition's object describes that object; it reports nothing.
      const issuer = subject ? this.issuerOf(subject, c, sf) : null;
      if (subject && !issuer && w[subject[0] - 1]?.pos === 'ADP' && /^(in|on|at|during|through)$/.test(w[subject[0] - 1].normal) &&
        (/(ed|en|wn|ing)$/.test(w[c].normal) && (MEDIUM_NOUNS.has(w[subject[1]].lemma) || DOCUMENT_NOUNS.has(w[subject[1]].lemma)))) continue;
      if (subject) {
        cues.push({ at, speaker: issuer ?? subject, layout: 'after', strong: strength === 'strong' });
        continue;
      }
      // "“…,” the mayor said, adding that …": a participle after a direct attribution speaks
      // for that attribution's speaker, outside this stretch.
      // ", saying …" after a cue of this sentence speaks for that cue's speaker.
      // So does a coordinated cue (", and criticized …") when its sentence's main cue came first.
      // "Police say he posed a threat and refused to drop the gun": a verb coordinated inside a
      // reported clause belongs to that clause's subject, it is no cue of the speaker's.
      // A verb of saying or naming ("… and warned …", "… and called it …") is the speaker's own next cue.
      const speakersOwn = NAMING_VERBS.has(w[c].lemma) || (strength === 'strong' && !THINKING_VERBS.has(w[c].lemma));
      if (w[c - 1]?.normal === 'and' && w[c - 2]?.text !== ',' && !speakersOwn && this.insideReportedClause(cues, c, sl)) continue;
      const coordinated = w[c - 1]?.normal === 'and' && (w[c - 2]?.text === ',' || w[c].normal.endsWith('ing'));
      const previous = (w[c - 1]?.text === ',' && w[c].normal.endsWith('ing')) || coordinated ? this.mainSpeakerBefore(cues, c) : null;
      const participle = previous ?? this.participleSpeaker(c, sf, sf, sentenceFirst) ?? (sentenceFirst < sf ? this.participleSpeaker(c, sentenceFirst, sentenceFirst) : null) ??
        (commaParticiple ? subjectBefore(w, c, sf) : null);
      if (participle) {
        cues.push({ at, speaker: participle, layout: 'after', strong: strength === 'strong' });
        continue;
      }
      // "he appeared to suggest that …", "was forced to admit that …": an infinitive cue before a
      // "that" clause reports for the subject of the verb before it.
      const infinitive = this.infinitiveSpeaker(c, at, sf, sl);
      if (infinitive) cues.push({ at, speaker: infinitive, layout: 'after', strong: true });
    }
    for (const d of passives) this.add(d);
    if (cues.length === 0) return;

    // Decide each cue's layout: a cue with nothing after it takes the clause before it.
    const afterRanges = cues.map((cue) => (cue.layout === 'after' ? this.contentAfter(cue.at, sl) : null));
    cues.forEach((cue, k) => {
      const before = w[cue.speaker[0] - 1];
      // "…, as police have said": a comment clause after the content sets the cue off too.
      const asComment = before?.normal === 'as' && w[cue.speaker[0] - 2]?.text === ',' && cue.speaker[1] < cue.at[0];
      const setOff = Boolean(before && (before.text === ',' || isQuoteMark(before) || isDash(before) || asComment));
      if (cue.layout === 'after' && !afterRanges[k]) {
        // Cue last ("…, officials said") needs the comma that sets the content off.
        cue.layout = setOff ? 'before' : 'after';
      }
      // "…, the agency said in a statement obtained by the paper": a participle after a cue-last
      // attribution describes the statement; the content is the clause before.
      const after = afterRanges[k];
      // A comma between the cue (with its time and hearer) and the words after it sets the cue off.
      const commaAfter = after !== null && w[after[0] - 1]?.text === ',' && after[0] - 1 > cue.at[1];
      if (cue.layout === 'after' && after && setOff) {
        const first = w[after[0]];
        // After a comma only a participle with its preposition ("said, compared with …"):
        // "The museum, he said, celebrated …" has the finite verb of the content.
        if (first && first.pos === 'VERB' && /(ed|en|wn)$/.test(first.normal) && (!commaAfter || w[after[0] + 1]?.pos === 'ADP')) cue.layout = 'before';
      }
      // Parenthetical "…, Graham said, since …", "The museum, he told me on Friday, is …": the
      // content runs on both sides of the cue; "…, he said, and …" closes the content before it.
      if (cue.layout === 'after' && w[cue.speaker[0] - 1]?.text === ',' && cue.speaker[0] - 2 >= sf && after && commaAfter) {
        cue.layout = isClauseLink(w[after[0]]) ? 'before' : 'around';
      }
    });
    // Cue-last attributions claim the clause before them, from the right; inner cues are nested.
    const drafts: Draft[] = [];
    let floor = sf;
    const claimed: Array<[number, number]> = [];
    for (let k = 0; k < cues.length; k++) {
      const cue = cues[k];
      if (cue.layout === 'after') continue;
      if (cue.layout === 'around') {
        const end = this.contrastEnd(Math.max(cue.at[1], cue.speaker[1]) + 1, this.trimEnd(floor, sl));
        // "…the stadium, which, Lee said, is …": the cue sits in a relative clause; its content starts there.
        const relative = Math.min(cue.at[0], cue.speaker[0]) - 2;
        const first = relative > floor && w[relative - 1].text === ',' && ADJUNCT_RELATIVES.has(w[relative].normal) ? relative : floor;
        if (end >= first) drafts.push({ content: [first, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
        claimed.push([floor, end]);
        floor = end + 1;
        continue;
      }
      const anchor = cue.layout === 'according' ? cue.at[0] : Math.min(cue.speaker[0], cue.at[0]);
      // A capital "According" opens a sentence the splitter missed (captions run into the text).
      const opensSentence = w[cue.at[0]].text === 'According' && w[cue.speaker[1] + 1]?.text === ',';
      if (cue.layout === 'according' && (anchor <= floor + 1 || cue.contentFollows || opensSentence)) {
        // "According to X, …": content after the source.
        // ("As the memo put it, …": the cue closes the source.)
        let start = Math.max(cue.speaker[1], cue.at[1]) + 1;
        // "As Ms. Lee put it in a statement, …": its circumstance runs to the comma.
        if (w[cue.at[0]].normal === 'as') {
          for (let k2 = start; k2 <= Math.min(sl, start + MAX_PHRASE); k2++) {
            if (w[k2].text === ',') {
              start = k2;
              break;
            }
            if (w[k2].quotation >= 0 || isSentenceEnd(w[k2])) break;
          }
        }
        if (w[start]?.text === ',') start++;
        const end = this.cutAtNextCue(start, sl, cues, k);
        if (start <= end) drafts.push({ content: [start, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
        claimed.push([cue.at[0], end]);
        floor = end + 1;
        continue;
      }
      let end = anchor - 1;
      if (w[end]?.normal === 'as' && w[end - 1]?.text === ',') end--;
      while (end >= floor && (w[end].text === ',' || isDash(w[end]))) end--;
      if (end < floor) continue;
      // "Last month, the FBI warned officials": a fronted time is no content.
      if (this.onlyTime(floor, end)) continue;
      // "…, as the memo put it": the phrase comments on the last clause only.
      const first = cue.layout === 'according' && w[cue.at[0]].normal === 'as' ? this.lastClauseStart(floor, end) : floor;
      drafts.push({ content: [first, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
      claimed.push([floor, Math.max(cue.at[1], cue.speaker[1])]);
      floor = Math.max(cue.at[1], cue.speaker[1]) + 1;
    }
    for (let k = 0; k < cues.length; k++) {
      const cue = cues[k];
      const range = afterRanges[k];
      if (cue.layout !== 'after' || !range) continue;
      if (claimed.some(([a, b]) => cue.at[0] >= a && cue.at[0] <= b)) continue;
      if (!cue.strong && !this.weakCueReports(cue.at, cue.speaker, range)) continue;
      // "wrote because …", "know -- the one …": a reason or an aside, not what was said.
      const lead = w[range[0]];
      if (lead.quotation < 0 && (lead.normal === 'because' || isDash(lead) || lead.text === ')')) continue;
      // "reported from Midway, and …", "the rate he proposed for individuals", "known as …":
      // a second predicate, a purpose or beneficiary after a gapped object, or a name.
      if (lead.quotation < 0 && (lead.text === 'and' || (lead.normal === 'for' && !/^(plead|beg|appeal|pray)$/.test(w[cue.at[0]].lemma)) ||
        (w[cue.at[0]].normal === 'known' && lead.normal === 'as'))) continue;
      const end = this.closeRelativeClause(cue.speaker, range[0], this.cutAtNextCue(range[0], range[1], cues, k));
      if (end < range[0]) continue;
      drafts.push({ content: [range[0], end], kind: 'indirect', speaker: cue.unsourced ? null : cue.speaker, cue: cue.at });
      claimed.push([cue.at[0], end]);
    }
    for (const d of drafts) this.add(d);
  }

  /**
   * "Trump's claim that …", "Democrats are afraid that …", "McConnell came away convinced
   * that …": a "that" clause after a stance noun, a stance adjective or any verb outside the
   * cue lexicon is what its subject (or the noun's possessor) says, thinks or feels.
   */
  complementCue(that: number, sf: number, sl: number): Cue | null {
    const w = this.words;
    const h = that - 1;
    const head = w[h];
    if (h < sf || head.quotation >= 0 || !this.startsClause(that + 1, sl)) return null;
    // "so vague that", "such a mess that": a clause of result, not of content.
    for (let k = h; k >= Math.max(sf, h - 4); k--) if (w[k].normal === 'so' || w[k].normal === 'such') return null;
    if (head.pos === 'NOUN') {
      if (!STANCE_NOUNS.has(head.lemma) || this.gappedClause(that + 1, sl)) return null;
      return this.nounCue(h, sf);
    }
    // "His argument is that …", "The campaign's position was that …": the clause is the stance.
    if (/^(is|was)$/.test(head.normal) && h - 1 >= sf && w[h - 1].pos === 'NOUN' && COPULAR_STANCE_NOUNS.has(w[h - 1].lemma)) {
      const cue = this.nounCue(h - 1, sf);
      return { ...cue, at: [h - 1, h] };
    }
    const adjective = head.pos === 'ADJ' && STANCE_ADJECTIVES.has(head.normal);
    // Lexicon cues are read as cues already; "now that", "given that" are conjunctions.
    const verb = head.pos === 'VERB' && !cueStrength(w, h) && !/^(now|given|provided|except|assuming|granted|seeing)$/.test(head.normal);
    if (!adjective && !verb) return null;
    let k = h - 1;
    while (k > sf && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || VERB_MODIFIERS.has(w[k].normal) || (w[k].pos === 'VERB' && /^(came|come|comes|grew|grow|grows|became|become|becomes|seemed|seems|seem|appeared|appears|remained|remains|felt|feels)$/.test(w[k].normal)))) k--;
    const subject = subjectBefore(w, k + 1, sf) ?? (verb ? this.participleSpeaker(h, sf, sf) : null);
    // "It is clear that …": an empty subject says nothing.
    if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
    return { at: [h, h], speaker: subject, layout: 'after', strong: true };
  }

  /** A stance noun's cue; the possessor speaks ("Smith's claim", "his repeated insistence"), else no one. */
  nounCue(h: number, sf: number): Cue {
    const w = this.words;
    let k = h - 1;
    while (k > sf && w[k].pos === 'ADJ' && h - k < 4) k--;
    if (w[k]?.pos === 'PRON' && /^(his|her|their|its|our|my)$/.test(w[k].normal)) {
      // "Bornstein's letter was ridiculed for its prediction that …": "its" is the clause's subject.
      const subject = w[k].normal === 'its' ? this.clauseSubject(sf, k) : null;
      return { at: [h, h], speaker: subject ?? [k, k], layout: 'after', strong: true };
    }
    if (w[k]?.pos === 'PART' && k - 1 >= sf) {
      const owner = nounPhraseEndingAt(w, k - 1, sf);
      if (owner) return { at: [h, h], speaker: owner, layout: 'after', strong: true };
    }
    return { at: [h, h], speaker: [h, h], layout: 'after', strong: true, unsourced: true };
  }

  /**
   * "It issued a policy paper welcoming …", "Trump unleashed a series of tweets saying …": a
   * participle cue after the object of a verb speaks for that verb's subject, the issuer of
   * the paper or the tweets. Null when the phrase before the cue is no such object.
   */
  issuerOf(object: WordRange, cue: number, sf: number): WordRange | null {
    const w = this.words;
    const head = w[object[1]];
    if (!w[cue].normal.endsWith('ing') || head.pos !== 'NOUN' || PERSON_NOUNS.has(head.lemma)) return null;
    // A paper, a letter or a statement is issued; a newspaper or a board is no object here.
    const issued = DOCUMENT_NOUNS.has(head.lemma) || MEDIUM_NOUNS.has(head.lemma) || head.lemma === 'paper';
    if (ORGANIZATION_NOUNS.has(head.lemma) && !issued) return null;
    // "she said at a news conference announcing …": the medium after a cue's preposition.
    const verb = w[object[0] - 1]?.pos === 'ADP' && /^(at|in|during)$/.test(w[object[0] - 1].normal) && issued ? object[0] - 2 : object[0] - 1;
    const v = w[verb];
    if (!v || v.pos !== 'VERB' || v.normal.endsWith('ing') || v.normal === v.lemma) return null;
    // The verb may be the cue of a quote found before ("“…,” she said at a news conference announcing …").
    if (verb <= sf) return this.speakerByCue.get(verb) ?? null;
    const subject = subjectBefore(w, verb, sf);
    return subject && this.canSpeak(subject[1]) ? subject : null;
  }

  /** The noun phrase opening the sentence at `sf` when a verb follows it before word `before`, else null. */
  clauseSubject(sf: number, before: number): WordRange | null {
    const w = this.words;
    const np = nounPhraseStartingAt(w, sf, before - 1);
    if (!np || w[np[0]].pos === 'PRON') return null;
    let k = np[1] + 1;
    // "Bornstein's earlier missive on Trump was …": a few more words of the subject phrase.
    while (k < before && k - np[1] < 8 && /^(PART|ADV|ADJ|NOUN|PROPN|DET|ADP|NUM)$/.test(w[k].pos) && w[k].quotation < 0) k++;
    return k < before && (w[k].pos === 'AUX' || w[k].pos === 'VERB') ? np : null;
  }

  /**
   * "He has been criticized for …", "The statements were rated as …", "It was labeled “…”": a
   * passive cue after a form of "be", with a complement and no agent in the clause. The subject
   * is what was said about, so the whole clause is content with no source.
   */
  passiveReport(c: number, sl: number): boolean {
    const w = this.words;
    const x = w[c];
    if (x.quotation >= 0 || (x.pos !== 'VERB' && x.pos !== 'ADJ') || !hasParticipleEnding(x.normal)) return false;
    let k = c - 1;
    while (k > 0 && c - k < 4 && w[k].pos === 'ADV') k--;
    if (!/^(is|are|was|were|be|been|being)$/.test(w[k]?.normal ?? '')) return false;
    // (The lemma only now: it is looked up on first use, and most participles follow no "be".)
    if (!PASSIVE_REPORT_LEMMAS.has(x.lemma)) return false;
    const next = w[c + 1];
    if (!next || c + 1 > sl || isSentenceEnd(next) || /^(that|by|,)$/.test(next.normal)) return false;
    // "called for", "called to": a particle or preposition after "call" makes another verb.
    if (x.lemma === 'call' && next.pos === 'ADP') return false;
    // "has never been charged": a denial of the report is no attribution.
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (/^(not|never|n't|n’t)$/.test(w[j].normal)) return false;
    // An agent anywhere in the clause makes it an attribution of its own ("was praised on Friday by …").
    for (let j = c + 1; j <= Math.min(sl, c + MAX_PHRASE) && w[j].text !== ','; j++) if (w[j].normal === 'by' && w[j].quotation < 0) return false;
    return true;
  }

  /** "Asked about X," / "Asked to describe X," / "Pressed on X,": the question up to the comma, with no source. */
  frontedQuestion(c: number, sl: number): Draft | null {
    const w = this.words;
    let cueEnd = c;
    if (/^(about|on)$/.test(w[c + 1]?.normal ?? '')) cueEnd = c + 1;
    let comma = cueEnd + 1;
    while (comma <= Math.min(sl, c + 2 * MAX_PHRASE) && !(w[comma].text === ',' && w[comma].quotation < 0) && !isSentenceEnd(w[comma])) comma++;
    if (w[comma]?.text !== ',' || comma <= cueEnd + 1) return null;
    return { content: [cueEnd + 1, comma - 1], kind: 'indirect', speaker: null, cue: [c, cueEnd] };
  }

  /** "is expected to", "was viewed as": a passive verb of opinion after a form of "be", with no agent. */
  passiveOpinion(c: number): boolean {
    const w = this.words;
    if (!PASSIVE_OPINION_FORMS.has(w[c].normal)) return false;
    let k = c - 1;
    while (k > 0 && c - k < 4 && (w[k].pos === 'ADV' || w[k].normal === 'widely')) k--;
    if (!/^(is|are|was|were|be|been|being)$/.test(w[k]?.normal ?? '')) return false;
    return /^(to|as)$/.test(w[c + 1]?.normal ?? '');
  }

  /**
   * "The plan seems too risky", "Melania seems to have vanished": an impression with no one
   * to hold it; the whole clause, subject included, is the attributed content, with no source.
   */
  impression(c: number, sf: number, sl: number, report = false): Draft | null {
    const w = this.words;
    const next = w[c + 1];
    if (!next || c + 1 > sl || (next.quotation >= 0 && !report)) return null;
    // "seems to be …", "seems too risky", "seemed credible", "seemed far away"; not "seems that" or "seems as though".
    // A passive opinion takes only its infinitive or "as" ("is expected to …", "was viewed as …").
    const passive = !/^seem/.test(w[c].normal);
    const infinitive = next.normal === 'to' && /^(VERB|AUX)$/.test(w[c + 2]?.pos ?? '');
    const predicate = passive ? next.normal === 'as' : next.pos === 'ADJ' || (next.pos === 'ADV' && /^(ADJ|ADV)$/.test(w[c + 2]?.pos ?? ''));
    if (!infinitive && !predicate && !report) return null;
    // "seemed to think that …": the verb after it is a cue of its own.
    if (infinitive && cueStrength(w, c + 2)) return null;
    let k = c - 1;
    while (k > sf && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || VERB_MODIFIERS.has(w[k].normal))) k--;
    const subject = subjectBefore(w, k + 1, sf);
    if (!subject || /^(it|there|this|that)$/.test(w[subject[0]].normal) || w[subject[0]].quotation >= 0) return null;
    // The whole subject ("the lack of enthusiasm among voters seems"): from the clause's start,
    // past a linking conjunction ("…, or drawing on home equity seems …").
    // ("She added that the vote seems …": inside another cue's content it is that cue's.)
    if (this.hasCueBetween(sf, subject[0] - 1)) return null;
    let first = this.lastClauseStart(sf, subject[0]);
    // ("…, which is defined as …": the relative pronoun, not its antecedent, opens the clause.)
    for (let r = subject[1] + 1; r < c; r++) if (RELATIVE_SPEAKERS.has(w[r].normal) && w[r].pos !== 'SCONJ') first = r;
    if (RELATIVE_SPEAKERS.has(w[subject[0]].normal)) first = subject[0];
    // ("Neither she nor her aides have been charged": a denied report.)
    if (report) for (let n = first; n < c; n++) if (/^(neither|nor|no|none)$/.test(w[n].normal)) return null;
    // ("… -- which seems to be …": a dash opens the clause too.)
    for (let d = subject[0] - 1; d >= first; d--) if (isDash(w[d])) {
      first = d + 1;
      break;
    }
    while (first < subject[0] && (w[first].pos === 'CCONJ' || w[first].pos === 'SCONJ' || (w[first].pos === 'ADV' && w[first + 1]?.pos !== 'ADJ'))) first++;
    // The impression ends at the first comma, colon, parenthesis or dash ("…, as encapsulated by …").
    let end = c + 1;
    while (end + 1 <= sl && !(w[end + 1].quotation < 0 && (/^[,:;(]$/.test(w[end + 1].text) || isDash(w[end + 1]) || isSentenceEnd(w[end + 1]) ||
      (report && end > c + 1 && this.opensCircumstance(end + 1, sl))))) end++;
    end = this.trimEnd(c + 1, end);
    // "seemed far away to European citizens": the one it seems so to holds the impression.
    let holder: WordRange | null = null;
    // (Not "seems to have rules for those opposed to Mexicans": only after an adjective.)
    for (let t = c + 2; !infinitive && !passive && t < end; t++) {
      if (w[t].normal !== 'to' || w[t].pos !== 'ADP') continue;
      const np = nounPhraseStartingAt(w, t + 1, end);
      if (np && np[1] === end && this.canSpeak(np[1])) {
        holder = np;
        end = t - 1;
      }
      break;
    }
    if (end <= c + 1) return null;
    return { content: [first, end], kind: 'indirect', speaker: holder, cue: [c, c] };
  }

  /**
   * "Graham has been critical of Trump", "aides were coy about …": a predicative adjective of
   * attitude with its preposition; what follows is what the subject's stance is about.
   */
  attitudeCue(adjective: number, sf: number): Cue | null {
    const w = this.words;
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
    if (w[subject[1]].pos !== 'PROPN' && w[subject[1]].pos !== 'PRON' && !this.canSpeak(subject[1])) return null;
    return { at: [adjective, adjective + 1], speaker: subject, layout: 'after', strong: true };
  }

  /** "Mr. Obama is also determined to warn …": the infinitive after an adjective of will. */
  intentCue(to: number, sf: number): Cue | null {
    const w = this.words;
    const h = to - 1;
    let k = h - 1;
    while (k > sf && (w[k].pos === 'ADV' || w[k].pos === 'AUX' || VERB_MODIFIERS.has(w[k].normal))) k--;
    if (k === h - 1) return null;
    const subject = subjectBefore(w, k + 1, sf);
    if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
    return { at: [h, h], speaker: subject, layout: 'after', strong: true };
  }

  /**
   * "the fear that I have ever seen": a relative clause after a noun lacks its object (a past
   * verb right before the clause ends), where a content clause is complete. A passive is complete.
   */
  gappedClause(i: number, last: number): boolean {
    const w = this.words;
    const np = nounPhraseStartingAt(w, i, last);
    if (!np) return false;
    let k = np[1] + 1;
    let passive = false;
    while (k < last && (w[k + 1].pos === 'AUX' || w[k + 1].pos === 'VERB' || w[k + 1].pos === 'ADV' || w[k + 1].pos === 'PART') &&
      (w[k].pos === 'AUX' || w[k].pos === 'ADV' || w[k].pos === 'PART')) {
      if (/^(is|was|are|were|be|been|being)$/.test(w[k].normal)) passive = true;
      k++;
    }
    const verb = w[k];
    if (!verb || verb.pos !== 'VERB' || verb.normal.endsWith('ing') || passive) return false;
    const next = w[k + 1];
    return !next || k + 1 > last || isSentenceEnd(next) || next.text === ',';
  }

  /**
   * "The plan has been endorsed by the union", "a view echoed by every expert": a reporting verb
   * in the passive with its agent after "by" attributes its subject (what was endorsed,
   * reported, echoed) to the agent.
   */
  passiveAttribution(c: number, sf: number, sl: number): Draft | null {
    const w = this.words;
    const cue = w[c];
    if (cue.pos !== 'VERB' || !/(ed|en|wn)$/.test(cue.normal) || HEARER_VERBS.has(cue.lemma)) return null;
    let by = c + 1;
    if (w[by]?.pos === 'ADV') by++;
    if (w[by]?.normal !== 'by' || by >= sl) return null;
    const agent = nounPhraseStartingAt(w, by + 1, sl);
    if (!agent || w[agent[1] + 1]?.normal === 'that') return null;
    // Back over the passive's auxiliaries ("has also been", "is likely to be") to its subject.
    let k = c - 1;
    let auxiliaries = 0;
    while (k > sf && (w[k].pos === 'AUX' || w[k].pos === 'ADV' || w[k].pos === 'PART' || VERB_MODIFIERS.has(w[k].normal) ||
      w[k].normal === 'likely')) {
      if (/^(is|was|are|were|be|been|being|'s|’s)$/.test(w[k].normal)) auxiliaries++;
      k--;
    }
    // Without a form of "be" only a participle right after its noun ("a view echoed by …").
    if (auxiliaries === 0 && k !== c - 1) return null;
    const subject = nounPhraseEndingAt(w, k, sf);
    if (!subject || (subject[0] === subject[1] && w[subject[0]].pos === 'PRON')) return null;
    return { content: subject, kind: 'indirect', speaker: agent, cue: [c, c] };
  }

  /**
   * "According to exit polls, …": the tagger may read a word of the source as a verb; a short
   * phrase with a noun, up to the comma or the sentence end, is still the source.
   */
  shortPhraseBeforeComma(first: number, last: number): WordRange | null {
    const w = this.words;
    let end = first;
    let noun = false;
    while (end <= last && end - first < 6 && w[end].pos !== 'PUNCT' && w[end].quotation < 0) {
      if (w[end].pos === 'NOUN' || w[end].pos === 'PROPN') noun = true;
      end++;
    }
    const stop = w[end];
    // "according to police,": a lone word the tagger read as a verb.
    if (end === first + 1 && /^\p{L}+$/u.test(w[first].text)) noun = true;
    if (!noun || end === first || !stop || !(stop.text === ',' || isSentenceEnd(stop))) return null;
    return [first, end - 1];
  }

  /**
   * "according to the boy's parents and grandfather": a source may be two phrases joined by
   * "and"/"or" (not a clause: the second phrase must end at a comma or the sentence end).
   */
  coordinatedSource(source: WordRange, last: number): WordRange {
    const w = this.words;
    const link = w[source[1] + 1];
    if (!link || source[1] + 2 > last || !/^(and|or)$/.test(link.normal)) return source;
    const second = nounPhraseStartingAt(w, source[1] + 2, last);
    if (!second) return source;
    const stop = w[second[1] + 1];
    return !stop || second[1] + 1 > last || stop.text === ',' || isSentenceEnd(stop) ? [source[0], second[1]] : source;
  }

  /** "…, although it may take days …", "…; the rest …": the reported clause ends before a contrast or a semicolon. */
  contrastEnd(from: number, end: number): number {
    const w = this.words;
    for (let i = from; i <= end; i++) {
      if (w[i].quotation >= 0) continue;
      if (w[i].text === ';' || (w[i].text === ',' && CONTRASTIVE.has(w[i + 1]?.normal ?? '') && this.startsClause(i + 2, end))) return this.trimEnd(from, i - 1);
    }
    return end;
  }

  /** Words [from, to] hold a time and nothing else but articles and prepositions ("Last month", "On Friday"). */
  onlyTime(from: number, to: number): boolean {
    const w = this.words;
    let time = false;
    for (let k = from; k <= to; k++) {
      if (w[k].time) time = true;
      else if (w[k].pos !== 'DET' && w[k].pos !== 'ADP') return false;
    }
    return time;
  }

  /** The first word after the last comma (and conjunction) outside quotations in [from, to], else `from`. */
  lastClauseStart(from: number, to: number): number {
    const w = this.words;
    for (let k = to; k > from && to - k < 2 * MAX_PHRASE; k--) {
      // ", but the rule is …": the conjunction links the clause, it is not reported.
      if (w[k].text === ',' && w[k].quotation < 0) return w[k + 1].pos === 'CCONJ' && k + 2 <= to ? k + 2 : k + 1;
    }
    return from;
  }

  /**
   * "The judge, who opposes X, resigned": a cue inside a relative clause set off by commas has
   * its content end at the comma where the main clause's verb resumes. The content's last word.
   */
  closeRelativeClause(speaker: WordRange, from: number, to: number): number {
    const w = this.words;
    if (speaker[0] !== speaker[1] || !RELATIVE_SPEAKERS.has(w[speaker[0]].normal) || w[speaker[0] - 1]?.text !== ',') return to;
    // A relative clause nested in the content ("that the law, which passed in May, is …") closes at its own comma first.
    let nested = 0;
    for (let k = from + 1; k < to; k++) {
      if (w[k].text !== ',' || w[k].quotation >= 0) continue;
      if (RELATIVE_SPEAKERS.has(w[k + 1].normal)) nested++;
      else if (w[k + 1].pos === 'VERB' || w[k + 1].pos === 'AUX') {
        if (nested === 0) return k - 1;
        nested--;
      }
    }
    return to;
  }

  /**
   * "X has faced sharp criticism for Y", "came under fire over Y": criticism of X by no one
   * named, about Y; "X is raising questions about Y": X's own doubt. Null for any other frame
   * (or when "from …" names the critics: the writer names them elsewhere in the sentence).
   */
  reactionCue(c: number, sf: number): Cue | null {
    const w = this.words;
    let k = c - 1;
    // ("withering criticism": the tagger may read a modifier as a participle.)
    while (k > sf && c - k < 4 && (w[k].pos === 'ADJ' || (w[k].pos === 'VERB' && w[k].normal.endsWith('ing') && !/^(rais|fac|com)/.test(w[k].normal)))) k--;
    const verb = w[k]?.normal ?? '';
    if (/^(raise|raises|raised|raising)$/.test(verb) && /^(questions|concerns|doubts)$/.test(w[c].normal)) {
      const subject = subjectBefore(w, k, sf);
      if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
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
  advocateCue(c: number, sf: number): Cue | null {
    const w = this.words;
    let k = c - 1;
    while (k > sf && c - k < 7 && (w[k].pos === 'ADJ' || w[k].pos === 'ADV' || w[k].normal === 'and')) k--;
    if (!/^(a|an)$/.test(w[k]?.normal ?? '') || !/^(is|was|are|were|been|be|remains|remained)$/.test(w[k - 1]?.normal ?? '')) return null;
    const copula = k - 1;
    let s = copula;
    while (s > sf && VERB_MODIFIERS.has(w[s - 1].normal)) s--;
    const subject = subjectBefore(w, s, sf);
    if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
    return { at: [copula, c + 1], speaker: subject, layout: 'after', strong: true };
  }

  /**
   * A fixed phrase of taking a public stand on X, after a form of its verb: "took aim at",
   * "weighed in (Friday) on/about", "threw its support behind", "came out against/in favor of".
   * The cue runs through the phrase's preposition; the subject speaks. Null for other uses.
   */
  stanceIdiomCue(c: number, sf: number, sl: number): Cue | null {
    const w = this.words;
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
    const subject = subjectBefore(w, c, sf) ?? this.participleSpeaker(c, sf, sf);
    if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
    return { at: [c, last], speaker: subject, layout: 'after', strong: true };
  }

  /**
   * "X made clear (that) …", "X made it plain …", "X made the case that/for …": the phrase after
   * a form of "make" is a cue whose subject speaks. Null for any other use of "make".
   */
  makeStanceCue(c: number, sf: number, sl: number): Cue | null {
    const w = this.words;
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
      if (w[next].normal !== 'that' && !this.startsClause(next, sl)) return null;
    }
    const at: WordRange = [c, last];
    const subject = subjectBefore(w, c, sf) ?? this.participleSpeaker(c, sf, sf) ?? this.infinitiveSpeaker(c, at, sf, sl);
    if (!subject || (subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal))) return null;
    return { at, speaker: subject, layout: 'after', strong: true };
  }

  infinitiveSpeaker(c: number, at: WordRange, sf: number, sl: number): WordRange | null {
    const w = this.words;
    if (w[c - 1]?.normal !== 'to' || w[c - 1].pos !== 'PART' || c - 2 < sf) return null;
    if (w[skipTrailers(w, at[1] + 1, sl)]?.normal !== 'that') return null;
    const verb = c - 2;
    if (w[verb].pos !== 'VERB' && w[verb].pos !== 'ADJ') return null;
    let k = verb - 1;
    while (k > sf && (w[k].pos === 'AUX' || w[k].pos === 'ADV' || VERB_MODIFIERS.has(w[k].normal))) k--;
    const subject = subjectBefore(w, k + 1, sf);
    return subject && !(subject[0] === subject[1] && /^(it|there|this)$/.test(w[subject[0]].normal)) ? subject : null;
  }

  /** Word `c` lies in the content of an earlier cue whose content is a clause with its own subject. */
  insideReportedClause(cues: Cue[], c: number, sl: number): boolean {
    const w = this.words;
    for (const cue of cues) {
      if (cue.layout !== 'after' || cue.at[1] >= c) continue;
      const range = this.contentAfter(cue.at, sl);
      if (!range || range[0] >= c) continue;
      const first = w[range[0]].normal === 'that' ? range[0] + 1 : range[0];
      if (this.startsClause(first, sl)) return true;
    }
    return false;
  }

  /** The speaker of the main (first) cue before word `c` whose speaker is its subject, else null. */
  mainSpeakerBefore(cues: Cue[], c: number): WordRange | null {
    for (let k = 0; k < cues.length; k++) {
      const cue = cues[k];
      if (cue.at[1] < c && cue.speaker[1] < cue.at[0] && !cue.unsourced && cue.layout === 'after') return cue.speaker;
    }
    return null;
  }

  /** The speaker after an inverted cue, when the sentence or clause ends with it. */
  invertedSpeaker(at: WordRange, last: number): WordRange | null {
    const w = this.words;
    const speaker = nounPhraseStartingAt(w, at[1] + 1, last);
    if (!speaker || !this.canSpeak(speaker[1])) return null;
    let end = speaker[1];
    // "said one source in the room", "said Jo Hart of the union"
    while (end + 2 <= last && w[end + 1].pos === 'ADP' && nounPhraseStartingAt(w, end + 2, last)) {
      end = (nounPhraseStartingAt(w, end + 2, last) as WordRange)[1];
    }
    const next = w[end + 1];
    if (next && end + 1 <= last && next.text !== ',' && next.text !== '(' && !isSentenceEnd(next)) return null;
    return withDescription(speaker, this.descriptionEnd(end));
  }

  /** "…, noted the rule": only a name, a pronoun, a person, a group or a body speaks after an inverted cue. */
  canSpeak(head: number): boolean {
    const h = this.words[head];
    // "…, said Tuesday": a day is no speaker.
    if (h.time) return false;
    if (h.pos === 'PROPN' || h.pos === 'PRON') return true;
    if (PERSON_NOUNS.has(h.lemma) || PERSON_NOUNS.has(h.normal) || ORGANIZATION_NOUNS.has(h.lemma)) return true;
    return h.pos === 'NOUN' && h.normal !== h.lemma && h.normal.endsWith('s');
  }

  /** A weak cue ("found", "shows", "called for") reports only before a clause or from a document. */
  weakCueReports(cue: WordRange, speaker: WordRange, content: WordRange): boolean {
    const w = this.words;
    if (cue[1] > cue[0]) return true;
    const lemma = w[cue[0]].lemma;
    const first = w[content[0]].normal;
    if (first === 'that' || first === 'to') return !NAMING_VERBS.has(lemma) || first === 'that';
    const head = w[speaker[1]];
    // "Clinton called the plan …": naming by a named or pronoun speaker, not "a group called X".
    // Not "called in to a show" nor the naming participle ", called the Fund,".
    if (NAMING_VERBS.has(lemma)) {
      // After an apposition ("His partner, Lena Broun, called him …") the comma is the apposition's.
      let comma = -1;
      for (let i = speaker[0]; i < speaker[1] && comma < 0; i++) if (w[i].text === ',') comma = i;
      // "Jo Moore, a senior adviser, called …": the name before the description is the head.
      const named = comma > speaker[0] ? w[comma - 1] : head;
      // "The campaign called the charges baseless", "His surrogates called him …": a body or
      // people introduced by an article or a possessive name things too.
      const introduced = /^(DET|PRON)$/.test(w[speaker[0]].pos) && speaker[1] > speaker[0] &&
        (ORGANIZATION_NOUNS.has(head.lemma) || PERSON_NOUNS.has(head.lemma) || (head.pos === 'NOUN' && head.normal !== head.lemma && head.normal.endsWith('s')));
      return (named.pos === 'PROPN' || named.pos === 'PRON' || head.pos === 'PROPN' || head.pos === 'PRON' || introduced) &&
        (w[cue[0] - 1]?.text !== ',' || comma >= 0 || lemma === 'cite') && w[cue[1] + 1]?.pos !== 'ADP';
    }
    // "The video shows …", "a poll found …": evidence from a thing, not a person showing something.
    if (EVIDENCE_VERBS.has(lemma) && head.pos === 'NOUN' && !PERSON_NOUNS.has(head.lemma)) return true;
    // "Polls show …" (capitalised at the sentence start), "A study by Jo Reyes found …".
    if (EVIDENCE_VERBS.has(lemma) && this.namesDocument(speaker)) return true;
    // "The panel found the United States was in breach", "administrators decided she should …":
    // a finite clause after the verb is what was found or decided.
    if (this.startsClause(content[0], content[1])) return true;
    // "A reporter reported her presence", "Democrats want policies that …": a speaker's object.
    return OBJECT_REPORTING_VERBS.has(lemma) && this.canSpeak(speaker[1]);
  }

  /** A speaker phrase headed by a document or a survey ("Polls", "a 2014 study by …"). */
  namesDocument(speaker: WordRange): boolean {
    const w = this.words;
    for (let i = speaker[0]; i <= speaker[1] && i - speaker[0] < 6; i++) {
      const x = w[i];
      if (x.pos === 'ADP') break;
      if ((x.pos === 'NOUN' || x.pos === 'PROPN') && DOCUMENT_NOUNS.has(x.normal.replace(/s$/, ''))) return true;
    }
    return false;
  }

  /** Where content starting at `from` ends: before another cue's clause or "according to". */
  cutAtNextCue(from: number, last: number, cues: Array<{ at: WordRange; speaker: WordRange; layout: string; strong?: boolean }>, self: number): number {
    const w = this.words;
    if (from > last || !w[from]) return from - 1;
    let end = last;
    // "that if the deal fails, the company could …", "that at a meeting in 1972, he backed …": a
    // fronted adverbial opens the reported clause; its main clause after the comma is content.
    const fronted = this.frontedAdverbialEnd(from, last);
    for (let k = self + 1; k < cues.length; k++) {
      const other = cues[k];
      // "… and said …", "… but noted …": a coordinated cue of the same speaker ends the content at "and".
      if (/^(and|but)$/.test(w[other.at[0] - 1]?.normal ?? '') && other.speaker[0] < from && other.at[0] > from && other.at[0] <= end) {
        end = other.at[0] - 2;
        break;
      }
      // A participle (", arguing that …") has its speaker earlier: its clause starts at the cue.
      const clauseStart = other.speaker[0] > from ? Math.min(other.at[0], other.speaker[0]) : other.at[0];
      if (clauseStart <= from || clauseStart > end || clauseStart <= fronted + 2) continue;
      // "people …, who think …": a relative clause's report is nested in this content.
      if (other.speaker[0] > from && other.speaker[0] === other.speaker[1] && RELATIVE_SPEAKERS.has(w[other.speaker[0]].normal)) continue;
      // "…, which she thought …": a relative clause with a cue of its own closes the content at its comma.
      if (RELATIVE_SPEAKERS.has(w[clauseStart - 1]?.normal ?? '') && w[clauseStart - 2]?.text === ',' && clauseStart - 3 >= from) {
        end = clauseStart - 3;
        break;
      }
      let b = clauseStart - 1;
      // "… and Democrats accused …": a second speaker's cue clause linked by "and"/"but".
      // (Not "Sanders and Trump were referring to": the names before "and" may share the subject.)
      const linked = /^(and|but)$/.test(w[b]?.normal ?? '') && other.layout === 'after' && other.strong === true && other.speaker[0] === clauseStart &&
        w[b - 1]?.pos !== 'PROPN' && w[b - 1]?.pos !== 'PRON' &&
        other.speaker[1] < other.at[0] && !RELATIVE_SPEAKERS.has(w[clauseStart].normal);
      if (isClauseLink(w[b])) b--;
      // ",” though she noted …": the comma may close a quotation.
      if (isQuoteMark(w[b]) && w[b - 1]?.text === ',' && b - 1 > from) b--;
      if (w[b]?.text === ',' || w[b]?.text === ';' || isDash(w[b]) || other.layout === 'according') {
        end = b - (w[b]?.text === ',' || w[b]?.text === ';' || isDash(w[b]) ? 1 : 0);
        break;
      }
      if (linked) {
        end = b;
        break;
      }
    }
    // "Contrary to his claim that …, there would be …": after a noun's clause a comma and a
    // new clause close it, as after a fronted subordinate clause.
    const nounClause = w[from].normal === 'that' && w[from - 1]?.pos === 'NOUN' && !cueStrength(w, from - 1);
    const subordinate = nounClause || this.opensWithSubordinate(this.sentenceOf(from)[0], from);
    // ("that argument in a ruling": a demonstrative "that" opens an object, not a clause.)
    const demonstrative = w[from].normal === 'that' && w[from + 1]?.pos === 'NOUN' && !/^(VERB|AUX)$/.test(w[from + 2]?.pos ?? '');
    const clausal = (w[from].normal === 'that' && !demonstrative) || this.startsClause(from, end);
    const infinitive = w[from].normal === 'to' && w[from + 1]?.pos === 'VERB';
    for (let i = from; i <= end; i++) {
      // "only “partial,” meaning …": a quotation's closing comma may set off the adjunct.
      if (w[i].quotation >= 0 && i > from && !clausal && isQuoteMark(w[i]) && w[i - 1].text === ',' && w[i + 1]?.quotation < 0 && this.opensAdjunct(i + 1, end)) {
        end = i;
        break;
      }
      // "… is “true,” but in the course of the hearing they conceded …": a contrast opening a
      // clause of its own, after a quotation's closing comma or after a fronted phrase.
      if (i > from && this.opensContrastClause(i, end)) {
        end = w[i].quotation >= 0 ? i : i - 1;
        break;
      }
      if (w[i].quotation >= 0) continue;
      // "…, even as prices rose", "…, aside from saying …": the writer's aside after the content.
      if (i > from && w[i].text === ',' && this.opensAside(i + 1, end)) {
        end = i - 1;
        break;
      }
      // "Why he refuses to release his returns may be that …": a finite verb straight after the
      // infinitive's object makes the infinitive part of a larger subject; the report ends there.
      // ("to do what every candidate has done": not after a relative or wh- word that opens a clause of its own.)
      if (infinitive && i > from + 2 && w[i].pos === 'AUX' && w[i - 1].pos === 'NOUN' && w[i - 1].quotation < 0 && !this.hasClauseOpener(from + 2, i - 2)) {
        end = i - 1;
        break;
      }
      if (w[i].text === ';') {
        end = i - 1;
        break;
      }
      // "…, and the downgrade is casting …": a new clause with a subject of its own after a comma.
      if (w[i].text === ',' && i > from && w[i + 1]?.normal === 'and' && w[i + 2]?.pos !== 'PRON' && this.startsClause(i + 2, end)) {
        end = i - 1;
        break;
      }
      // ", but the senator would …" starts a new clause that is no longer reported.
      // (After "but" a subject may be long: "but many firms and the richest of us have …".)
      if (w[i].text === ',' && i > from && (CONTRASTIVE.has(w[i + 1]?.normal ?? '') || subordinate) &&
        this.startsClause(i + (subordinate && !CONTRASTIVE.has(w[i + 1]?.normal ?? '') ? 1 : 2), end, CONTRASTIVE.has(w[i + 1]?.normal ?? ''))) {
        end = i - 1;
        break;
      }
      // "the plan, which …", "Machado, citing …": after an object (not a reported clause), a
      // relative or participial adjunct describes it and is not part of what was reported.
      if (w[i].text === ',' && i > from && (!clausal || this.opensGlossParticiple(i + 1)) && this.opensAdjunct(i + 1, end)) {
        end = i - 1;
        break;
      }
      // "Machado in early-morning tweets", "the plan when he ran", "the rules — a charge …":
      // after an object, a medium or time phrase, an adverbial clause or a dash comment is
      // the report's circumstance, not its content.
      // "… ― as was true for …", "… - a charge that …": after a reported clause too, a dash
      // before a comment (a subordinator or a noun phrase with its relative) closes the content.
      if (i > from && (clausal ? this.dashComment(i, end) : this.opensCircumstance(i, end))) {
        end = i - 1;
        break;
      }
      // "…in partnership with NATO, the existing military alliance that …": a closing apposition
      // describes the last noun for the reader; it is not what was said.
      // (Not after a name: "Alicia Machado, the former beauty queen" introduces whom it is about.)
      if (w[i].text === ',' && i > from && w[i - 1].pos !== 'PROPN' && this.closingApposition(i + 1, end)) {
        end = i - 1;
        break;
      }
      // "a tightening race as Trump consolidates …": after an object, an "as" clause is circumstance.
      if (i > from && !clausal && w[i].text === 'as' && this.startsClause(i + 1, end)) {
        end = i - 1;
        break;
      }
      // "seek to cut costs and creditors look to …": after an object, "and" with a new subject and verb opens a clause of its own.
      // (Not "Democrats and the media are to blame": a verb must come before the "and".)
      if (i > from && !clausal && AND_BUT.has(w[i].normal) && w[i - 1].pos === 'NOUN' && w[i + 1]?.pos !== 'PRON' && this.hasVerb(from, i - 1) && this.startsClause(i + 1, end)) {
        end = i - 1;
        break;
      }
      // "backed the bill and has since left": a second predicate of the speaker is not content.
      // ("born and raised", "shooting and killing": two verbs share what follows.)
      // ("unsubstantiated and fabricated": a participle coordinated with an adjective describes.)
      if (i > from && !clausal && AND_BUT_YET.has(w[i].normal) && w[i - 1].pos !== 'VERB' &&
        !(w[i - 1].pos === 'ADJ' && w[i + 1]?.normal.endsWith('ed')) && this.opensPredicate(i + 1, from)) {
        end = i - 1;
        break;
      }
    }
    return this.trimEnd(from, end);
  }

  /**
   * The sentence at `first` opens with a subordinate clause before word `before`: "If …",
   * "But just as …", or "With Democrats worried about …, the president …".
   */
  opensWithSubordinate(first: number, before: number): boolean {
    const w = this.words;
    let k = first;
    if (w[k]?.pos === 'CCONJ') k++;
    // ("But just as …": one adverb before the conjunction; "When" itself may be tagged an adverb.)
    if (w[k]?.pos === 'ADV' && !SUBORDINATORS.has(w[k].normal) && k < before) k++;
    const x = w[k];
    return x !== undefined && k < before && (SUBORDINATORS.has(x.normal) || (x.normal === 'with' && k === first));
  }

  hasVerb(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (this.words[k].pos === 'VERB' && this.words[k].quotation < 0) return true;
    return false;
  }

  /**
   * The comma closing a fronted adverbial at the head of a content ("that if …, …", "at one
   * of his first meetings, in 1972, …"), or -1. Commas of a second fronted phrase are included.
   */
  frontedAdverbialEnd(from: number, last: number): number {
    const w = this.words;
    let first = w[from]?.normal === 'that' ? from + 1 : from;
    const lead = w[first];
    if (!lead || lead.quotation >= 0 || !(SUBORDINATORS.has(lead.normal) || lead.pos === 'ADP')) return -1;
    let comma = -1;
    for (let k = first + 1; k <= Math.min(last, first + MAX_PHRASE); k++) {
      if (w[k].quotation >= 0 || isSentenceEnd(w[k]) || w[k].text === ';') break;
      if (w[k].text !== ',') continue;
      comma = k;
      // ", in 1972, he …": a second short phrase set off by commas belongs to the same opening.
      if (w[k + 1]?.pos === 'ADP') {
        first = k + 1;
        continue;
      }
      break;
    }
    return comma;
  }

  /**
   * ", the latest chapter in a rocky relationship …" to the end: a noun phrase led by an article
   * (with its prepositional phrases and at most a relative clause after) that closes the sentence.
   */
  closingApposition(i: number, end: number): boolean {
    const w = this.words;
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
  opensAdjunct(i: number, end: number): boolean {
    const w = this.words;
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
  opensAside(i: number, end: number): boolean {
    const w = this.words;
    const x = w[i];
    const y = w[i + 1];
    if (!x || !y || x.quotation >= 0 || y.quotation >= 0) return false;
    if ((x.normal === 'aside' || x.normal === 'apart') && y.normal === 'from') return true;
    return x.normal === 'even' && y.normal === 'as' && this.startsClause(i + 2, end, true);
  }

  /** Words [from, to] hold a word that opens an embedded clause ("what", "that", "who", "where", …). */
  hasClauseOpener(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (CLAUSE_OPENERS.has(this.words[k].normal)) return true;
    return false;
  }

  /**
   * Word i is a comma (or a quotation's closing mark after its comma) before "but"/"yet" and a
   * clause with its own subject, maybe after a fronted phrase ("but in the end they …").
   */
  opensContrastClause(i: number, end: number): boolean {
    const w = this.words;
    const x = w[i];
    const link = w[i + 1];
    // (Checked first: rare, and a plain comparison for every word of the content.)
    if (!link || (link.normal !== 'but' && link.normal !== 'yet') || link.quotation >= 0) return false;
    const comma = x.text === ',' ? x.quotation < 0 : isQuoteMark(x) && w[i - 1]?.text === ',';
    if (!comma) return false;
    if (x.quotation >= 0 && this.startsClause(i + 2, end, true)) return true;
    if (w[i + 2]?.pos !== 'ADP') return false;
    // The fronted phrase: a preposition and a few words without a comma before the subject.
    for (let k = i + 3; k <= Math.min(end, i + 10); k++) {
      if (w[k].quotation >= 0 || w[k].pos === 'PUNCT' || w[k].pos === 'VERB' || w[k].pos === 'AUX') return false;
      if (/^(PRON|PROPN|DET|NOUN)$/.test(w[k].pos) && !/^(ADP|DET|ADJ)$/.test(w[k - 1].pos) && this.startsClause(k, end)) return true;
    }
    return false;
  }

  /**
   * ", implicitly putting …", ", effectively ending …": a manner adverb before a participle marks
   * the writer's gloss on what was said, so it closes even a reported clause.
   */
  opensGlossParticiple(i: number): boolean {
    const w = this.words;
    return w[i]?.pos === 'ADV' && w[i].normal.endsWith('ly') && w[i + 1]?.normal.endsWith('ing');
  }

  dashComment(i: number, end: number): boolean {
    const w = this.words;
    const next = w[i + 1];
    if (!isDash(w[i]) || !next || i + 1 > end || next.quotation >= 0) return false;
    if (/^(as|which|though|although|including|even|just|perhaps|probably)$/.test(next.normal)) return true;
    if (!/^(a|an)$/.test(next.normal)) return false;
    const np = nounPhraseStartingAt(w, i + 1, end);
    return np !== null && /^(that|which|who)$/.test(w[np[1] + 1]?.normal ?? '');
  }

  opensCircumstance(i: number, end: number): boolean {
    const w = this.words;
    const x = w[i];
    if (x.quotation >= 0) return false;
    if (isDash(x)) return w[i + 1] !== undefined && w[i + 1].quotation < 0;
    // "misgivings about X because of Y": a reason after an object is the report's circumstance.
    if (x.normal === 'because' && w[i + 1]?.normal === 'of') return true;
    if (ADVERBIAL_SUBORDINATORS.has(x.normal)) return this.startsClause(i + 1, end) || this.opensTimePhrase(i, end) || this.opensReducedClause(i);
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
  opensReducedClause(i: number): boolean {
    const w = this.words;
    const next = w[i + 1];
    // ("when everything fell": the tagger may read an indefinite pronoun in -thing as a verb.)
    return /^(while|when|after|before|since)$/.test(w[i].normal) && next !== undefined && next.quotation < 0 && next.pos === 'VERB' &&
      next.normal.endsWith('ing') && !next.normal.endsWith('thing');
  }

  /** "since the debate", "while at the convention": a time or place phrase after a conjunction that can be a preposition. */
  opensTimePhrase(i: number, end: number): boolean {
    const w = this.words;
    if (!/^(since|while|after|before|until)$/.test(w[i].normal) || i + 1 > end) return false;
    const next = w[i + 1];
    if (next.quotation >= 0) return false;
    // ("her work after the attacks": "after" and "before" may tie an event to its noun.)
    // ("since they both were competing": a subject pronoun opens a clause the tagger may not parse.)
    if (next.time || (next.pos === 'PRON' && /^(he|she|they|we|i)$/.test(next.normal))) return true;
    return w[i].normal === 'while' ? next.pos === 'DET' || next.pos === 'ADP' : /^(since|until)$/.test(w[i].normal) && next.pos === 'DET';
  }

  /**
   * A finite predicate after "and"/"but" ("has called for", "extended", "also had to"), not
   * a coordinated infinitive ("to bring back jobs and roll back rules"): its verb is inflected.
   */
  opensPredicate(i: number, contentFirst: number): boolean {
    const w = this.words;
    let k = i;
    while (w[k] && w[k].pos === 'ADV' && k < i + 2) k++;
    const x = w[k];
    if (!x || x.quotation >= 0) return false;
    if (x.pos === 'AUX') return !/^(to|be|been)$/.test(x.normal);
    if (x.pos !== 'VERB') return false;
    // "calling for …" after a participle content is one more of the same participles.
    if (x.normal.endsWith('ing')) return !w[contentFirst].normal.endsWith('ing');
    return x.normal !== x.lemma && !x.normal.endsWith('ing');
  }

  /** A subject (determiner, name or pronoun led noun phrase) directly followed by a verb. */
  startsClause(i: number, last: number, longSubject = false): boolean {
    const w = this.words;
    // "there remains …", "there is …": an existential subject.
    if (w[i]?.normal === 'there' && i < last && (w[i + 1].pos === 'VERB' || w[i + 1].pos === 'AUX')) return true;
    const np = nounPhraseStartingAt(w, i, last);
    if (!np) return false;
    let after = (longSubject ? this.subjectTailEnd(np[1], last) : np[1]) + 1;
    // "the bridge, which opened in May, needs …": step over a closed relative clause.
    if (w[after]?.text === ',' && ADJUNCT_RELATIVES.has(w[after + 1]?.normal ?? '')) {
      let k = after + 2;
      while (k <= Math.min(last, after + MAX_PHRASE) && w[k].text !== ',') k++;
      if (w[k]?.text === ',') after = k + 1;
    }
    // "the union also stepped in": one adverb may come between subject and verb.
    if (w[after]?.pos === 'ADV' && after < last && /^(VERB|AUX)$/.test(w[after + 1].pos)) after++;
    const next = w[after];
    // ("the Affordable Care Act as …": a capitalised "verb" right after a name is the name's last word.)
    if (next?.pos === 'VERB' && w[after - 1].pos === 'PROPN' && isCapitalised(next.text)) return false;
    if (next?.pos === 'VERB' && this.isCompoundNounTail(after)) return false;
    return next !== undefined && after <= last && (next.pos === 'VERB' || next.pos === 'AUX');
  }

  /**
   * "the missile launch as …", "a price rise in …": a base-form "verb" after a singular noun, with
   * no object after it, is the head of a noun compound (a finite verb would agree: "launches").
   * (Not "the company pay its taxes": a subjunctive takes its object; not "police say": a plural noun.)
   */
  isCompoundNounTail(i: number): boolean {
    const w = this.words;
    const x = w[i];
    const before = w[i - 1];
    const after = w[i + 1];
    if (before.pos !== 'NOUN' || !(after === undefined || after.pos === 'ADP' || after.pos === 'PUNCT' || after.pos === 'CCONJ')) return false;
    if (x.normal.endsWith('ed') || x.normal.endsWith('s') || before.normal === 'people' || before.normal === 'police') return false;
    // (The lemmas last: they are looked up only when asked.)
    return x.normal === x.lemma && before.normal === before.lemma;
  }

  /**
   * The last word of a subject's tail after its first noun phrase: "of our society" and one
   * coordinated phrase ("many firms and the wealthiest members of society"), a few words at most.
   */
  subjectTailEnd(np: number, last: number): number {
    const w = this.words;
    let end = np;
    let coordinated = false;
    for (let step = 0; step < 3; step++) {
      const link = w[end + 1];
      if (!link || end + 2 > last || link.quotation >= 0) break;
      const of = link.pos === 'ADP' && /^(of|in|at|for|from)$/.test(link.normal);
      const and = !coordinated && /^(and|or)$/.test(link.normal);
      if (!of && !and) break;
      const next = nounPhraseStartingAt(w, end + 2, last);
      // (A pronoun after "and" opens a clause of its own: "… and he said".)
      if (!next || next[1] - end > 10 || (and && w[next[0]].pos === 'PRON')) break;
      if (and) coordinated = true;
      end = next[1];
    }
    return end;
  }

  trimEnd(from: number, end: number): number {
    const w = this.words;
    while (end >= from && w[end].quotation < 0 && (isSentenceEnd(w[end]) || w[end].text === ',' || w[end].text === ':' || isDash(w[end]) ||
      (end > from && /^(and|but)$/.test(w[end].normal)))) end--;
    return end;
  }

  /** The quotation at `qa` comes within a few free words after the draft's last word. */
  closelyFollows(previous: Draft, qa: number): boolean {
    const w = this.words;
    const last = Math.max(previous.content[1], previous.speaker?.[1] ?? -1, previous.cue?.[1] ?? -1);
    if (w[last].paragraph !== w[qa].paragraph || qa - last > 12) return false;
    let free = 0;
    for (let i = last + 1; i < qa; i++) if (!this.used[i] && w[i].pos !== 'PUNCT') free++;
    return free <= 2;
  }

  /** A quotation paragraph with no cue continues the speaker of the paragraph before. */
  continuationPass(): void {
    const w = this.words;
    const qw = this.view.quotationWords;
    const byEnd = [...this.drafts].sort((a, b) => a.content[1] - b.content[1]);
    let d = -1;
    for (let q = 0; q < qw.length; q++) {
      const [qa, qb] = qw[q];
      if (qa < 0 || this.used[qa]) continue;
      while (d + 1 < byEnd.length && byEnd[d + 1].content[1] < qa) d++;
      const previous = d >= 0 ? byEnd[d] : null;
      if (!previous || (!previous.speaker && !previous.inherits)) continue;
      if (w[qa].paragraph - w[previous.content[1]].paragraph > 1) continue;
      // Inside a paragraph: only right after the previous attribution ("… called him a master.
      // “He showed …”" or ", including, “…”"), with a few free words at most between.
      if (!this.opensParagraph(qa) && !this.closelyFollows(previous, qa)) continue;
      // "… during a “Commander-in-Chief Forum”": a title or scare quote inside a clause is no quote.
      const lead = w[qa - 1];
      if (!this.opensParagraph(qa) && lead && !(isSentenceEnd(lead) || lead.text === ':' || lead.text === ',' || isDash(lead) || isQuoteMark(lead))) continue;
      const fragments = this.followingQuotes([[qa, qb]], qb + 1);
      const draft: Draft = { content: [qa, fragments[fragments.length - 1][1]], fragments, kind: 'direct', speaker: null, cue: null, inherits: previous.inherits ?? previous };
      this.add(draft);
      byEnd.splice(d + 1, 0, draft);
      d++;
    }
  }
}

const CONTINUATION_START = /^[\p{Ll})\],;]/u;

/** Starts with a capital letter followed by a lower-case one ("Act", not "A" or "USA"). */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/** A word that cannot open a sentence: lower case, a closing bracket, a comma or a semicolon. ASCII is settled by code. */
function continuesSentence(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return c === 0x29 || c === 0x5d || c === 0x2c || c === 0x3b;
  return CONTINUATION_START.test(text);
}

function isSpeakerPronounWord(w: Word | undefined): boolean {
  return w !== undefined && w.pos === 'PRON' && /^(he|she|they|i|we)$/.test(w.normal);
}

function kindOf(words: Word[], d: Draft): QuoteKind {
  if (d.kind === 'direct') return 'direct';
  for (let i = d.content[0]; i <= d.content[1]; i++) if (words[i].quotation >= 0) return 'partial';
  return 'indirect';
}

/** A cue's span and text, built in one literal (a spread of a partial object is slow on this hot path). */
function cueOf(text: string, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Quotes and reported speech. With `times` (the time extractor's facts), words inside dates,
 * times and durations are known from them, so the document needs no wink entities.
 */
export function extractQuotes(doc: NlpDoc, entities: Entity[], times?: TimeFact[]): QuoteFact[] {
  const text = doc.text;
  if (!text || doc.tokens.length === 0) return [];
  const quotations = findQuotations(text);
  const timeSpans = times?.filter((t) => t.type === 'date' || t.type === 'time' || t.type === 'duration');
  const view = buildWordView(doc, quotations, timeSpans);
  if (view.words.length === 0) return [];
  const ex = new Extractor(text, view);
  ex.directPass();
  ex.indirectPass();
  ex.continuationPass();

  const drafts = ex.drafts.sort((a, b) => a.content[0] - b.content[0]);
  const words = view.words;
  const contents = drafts.map((d): [number, number] => [words[d.content[0]].start, words[d.content[1]].end]);
  const speakers = resolveSpeakers({ text, words, entities, resolver: nameResolver(), contents }, drafts.map((d) => d.speaker ?? d.inherits?.speaker ?? null));
  const out: QuoteFact[] = [];
  drafts.forEach((d, i) => {
    const start = words[d.content[0]].start;
    const end = words[d.content[1]].end;
    if (end <= start) return;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: kindOf(words, d),
      speaker: speakers[i],
      cue: d.cue ? cueOf(text, words[d.cue[0]].start, words[d.cue[1]].end) : null,
    });
  });
  return out;
}
