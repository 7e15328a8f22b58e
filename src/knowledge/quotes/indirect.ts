// Reported speech, sentence by sentence: each free stretch of a sentence (words no direct
// quote holds) is read for cues, and each cue's content is the clause after it (X said that …),
// before it (…, X said), around it (…, X said, …) or after "according to X".
import { contentAfter, cutAtNextCue } from './boundaries.ts';
import { closeRelativeClause, contrastEnd, frontedAdverbialEnd, lastClauseStart, onlyTime, opensParagraph, startsClause, trimEnd } from './clause.ts';
import { readCues } from './cue-rules.ts';
import { ADJUNCT_RELATIVES, EVIDENCE_VERBS, NAMING_VERBS, ORGANIZATION_NOUNS, PERSON_NOUNS, REGARDING_VERBS } from './lexicon.ts';
import { isClauseLink, isDash, isQuoteMark, isSentenceEnd, MAX_PHRASE, type WordRange } from './phrases.ts';
import { canSpeak, namesDocument, transcriptSpeaker } from './sources.ts';
import type { Cue, Draft, Extraction } from './state.ts';
import type { Word } from './words.ts';

/** Weak cues whose plain object is what a speaker reports or wants ("cited the figure"). */
const OBJECT_REPORTING_VERBS = new Set(['report', 'cite', 'want', 'seek', 'observe', 'signal']);
const CONTINUATION_START = /^[\p{Ll})\],;]/u;

/** A word that cannot open a sentence: lower case, a closing bracket, a comma or a semicolon. ASCII is settled by code. */
function continuesSentence(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return c === 0x29 || c === 0x5d || c === 0x2c || c === 0x3b;
  return CONTINUATION_START.test(text);
}

export function indirectPass(ex: Extraction): void {
  const w = ex.words;
  let open: WordRange | null = null;
  for (const [sf, sl] of ex.view.sentences) {
    if (sf < 0) continue;
    // The tagger splits after abbreviations ("(D-Ore.) said …"): a sentence that starts in
    // lower case in the same paragraph continues the one before.
    if (open && continuesSentence(w[sf].text) && w[sf].paragraph === w[open[1]].paragraph) {
      open = [open[0], sl];
      continue;
    }
    if (open) indirectInSentence(ex, open[0], open[1]);
    open = [sf, sl];
  }
  if (open) indirectInSentence(ex, open[0], open[1]);
}

export function indirectInSentence(ex: Extraction, sf: number, sl: number): void {
  // The sentence's free stretches: runs of words not already part of a direct attribution.
  let i = sf;
  while (i <= sl) {
    while (i <= sl && ex.used[i]) i++;
    let j = i;
    while (j + 1 <= sl && !ex.used[j + 1]) j++;
    if (i <= sl) indirectInStretch(ex, i, j, sf);
    i = j + 1;
  }
}

export function indirectInStretch(ex: Extraction, sf: number, sl: number, sentenceFirst: number = sf): void {
  const w = ex.words;
  // Transcript or headline line: "Name: what they said".
  if (opensParagraph(w, sf)) {
    for (let c = sf + 1; c <= Math.min(sl, sf + 5); c++) {
      if (w[c].text !== ':') continue;
      const speaker = transcriptSpeaker(w, sf, c);
      if (speaker && c < sl) {
        // A transcript turn runs to the end of its paragraph.
        let last = sl;
        while (last + 1 < w.length && last - sl < 2000 && w[last + 1].paragraph === w[sl].paragraph && !ex.used[last + 1]) last++;
        ex.add({ content: [c + 1, trimEnd(w, c + 1, last)], kind: 'indirect', speaker, cue: [c, c] });
        return;
      }
    }
  }
  const cues: Cue[] = [];
  for (const d of readCues({ ex, w, sf, sl, sentenceFirst, cues })) ex.add(d);
  if (cues.length === 0) return;

  // Decide each cue's layout: a cue with nothing after it takes the clause before it.
  const afterRanges = cues.map((cue) => (cue.layout === 'after' ? contentAfter(w, cue.at, sl) : null));
  cues.forEach((cue, k) => {
    if (cue.layout === 'after') cue.layout = settledLayout(w, sf, cue, afterRanges[k]);
  });
  const claims: Claims = { ex, w, sf, sl, cues, floor: sf, claimed: [], drafts: [] };
  // Cue-last attributions claim the clause before them, from the right; inner cues are nested.
  cues.forEach((cue, k) => {
    if (cue.layout === 'around') claimAround(claims, cue);
    else if (cue.layout !== 'after' && !claimAfterSource(claims, cue, k)) claimBefore(claims, cue);
  });
  cues.forEach((cue, k) => {
    if (cue.layout === 'after') claimAfter(claims, cue, k, afterRanges[k]);
  });
  for (const d of claims.drafts) ex.add(d);
}

/** The contents claimed so far in a stretch, left to right. */
interface Claims {
  ex: Extraction;
  w: Word[];
  sf: number;
  sl: number;
  cues: Cue[];
  /** The first word no content before it has claimed. */
  floor: number;
  /** Word ranges already claimed: a cue inside one reports nothing of its own. */
  claimed: Array<[number, number]>;
  drafts: Draft[];
}

/** "The museum, he told me on Friday, is …": the content runs on both sides of the cue. */
function claimAround(s: Claims, cue: Cue): void {
  const { w, floor } = s;
  const end = contrastEnd(w, Math.max(cue.at[1], cue.speaker[1]) + 1, trimEnd(w, floor, s.sl));
  // "…the stadium, which, Lee said, is …": the cue sits in a relative clause; its content starts there.
  const relative = Math.min(cue.at[0], cue.speaker[0]) - 2;
  const first = relative > floor && w[relative - 1].text === ',' && ADJUNCT_RELATIVES.has(w[relative].normal) ? relative : afterLink(w, floor, end);
  if (end >= first) s.drafts.push({ content: [first, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
  s.claimed.push([floor, end]);
  s.floor = end + 1;
}

/**
 * "According to X, …", "As the memo put it, …": the content after the source, when the phrase
 * opens the stretch (or a sentence the splitter missed) or its content follows. False when the
 * phrase closes its content instead ("…, according to X").
 */
function claimAfterSource(s: Claims, cue: Cue, k: number): boolean {
  const { w, sl } = s;
  if (cue.layout !== 'according') return false;
  // A capital "According" opens a sentence the splitter missed (captions run into the text).
  const opensSentence = w[cue.at[0]].text === 'According' && w[cue.speaker[1] + 1]?.text === ',';
  if (!(cue.at[0] <= s.floor + 1 || cue.contentFollows || opensSentence)) return false;
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
  const end = cutAtNextCue(s.ex, start, sl, s.cues, k);
  if (start <= end) s.drafts.push({ content: [start, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
  s.claimed.push([cue.at[0], end]);
  s.floor = end + 1;
  return true;
}

/** Connectives that tie a sentence to the one before it ("However, …", "In addition, …"). */
const SENTENCE_LINKS = new Set(['and', 'but', 'so', 'yet', 'or', 'however', 'still', 'meanwhile', 'instead', 'moreover', 'nonetheless', 'nevertheless', 'also']);
const LINK_PHRASES = new Set(['in addition', 'in fact', 'of course', 'in turn', 'at the same time']);

/**
 * The first word of a content that opens its sentence, past the writer's link to the sentence
 * before: "And perhaps, he said, …", "However, slower growth …", "In addition, the campaign …".
 */
function afterLink(w: Word[], first: number, end: number): number {
  const opens = first === 0 || isSentenceEnd(w[first - 1]) || w[first - 1].paragraph !== w[first].paragraph;
  if (!opens || w[first].quotation >= 0) return first;
  let k = first;
  const two = `${w[k].normal} ${w[k + 1]?.normal ?? ''}`;
  const four = `${two} ${w[k + 2]?.normal ?? ''} ${w[k + 3]?.normal ?? ''}`;
  if (LINK_PHRASES.has(two) && w[k + 2]?.text === ',') k += 3;
  else if (LINK_PHRASES.has(four) && w[k + 4]?.text === ',') k += 5;
  else if (SENTENCE_LINKS.has(w[k].normal)) k += w[k + 1]?.text === ',' ? 2 : 1;
  return k <= end ? k : first;
}

/** "…, officials said", "…, according to X": the clause before the cue (and its speaker). */
function claimBefore(s: Claims, cue: Cue): void {
  const { w, floor } = s;
  const anchor = cue.layout === 'according' ? cue.at[0] : Math.min(cue.speaker[0], cue.at[0]);
  let end = anchor - 1;
  if (w[end]?.normal === 'as' && w[end - 1]?.text === ',') end--;
  while (end >= floor && (w[end].text === ',' || isDash(w[end]))) end--;
  if (end < floor) return;
  // "Last month, the FBI warned officials": a fronted time is no content.
  if (onlyTime(w, floor, end)) return;
  // "…, as the memo put it": the phrase comments on the last clause only.
  // "And …, she said", "However, …, he said": the writer's link to the sentence before is no content.
  const first = cue.layout === 'according' && w[cue.at[0]].normal === 'as' ? lastClauseStart(w, floor, end) : afterLink(w, floor, end);
  s.drafts.push({ content: [first, end], kind: 'indirect', speaker: cue.speaker, cue: cue.at });
  s.claimed.push([floor, Math.max(cue.at[1], cue.speaker[1])]);
  s.floor = Math.max(cue.at[1], cue.speaker[1]) + 1;
}

/** "X said (that) …": the content after the cue, unless a content before has claimed the cue. */
function claimAfter(s: Claims, cue: Cue, k: number, range: WordRange | null): void {
  const { w } = s;
  if (!range) return;
  if (s.claimed.some(([a, b]) => cue.at[0] >= a && cue.at[0] <= b)) return;
  if (!cue.strong && !weakCueReports(w, cue.at, cue.speaker, range)) return;
  // "wrote because …", "know -- the one …": a reason or an aside, not what was said.
  const lead = w[range[0]];
  if (lead.quotation < 0 && (lead.normal === 'because' || isDash(lead) || lead.text === ')')) return;
  // "feel stung", "felt good": a linking verb before an adjective or participle names a state.
  if (w[cue.at[0]].lemma === 'feel' && cue.at[0] === cue.at[1] && (lead.pos === 'ADJ' || (lead.pos === 'VERB' && lead.normal !== lead.lemma && !lead.normal.endsWith('ing')))) return;
  // "reported from Midway, and …", "the rate he proposed for individuals", "known as …":
  // a second predicate, a purpose or beneficiary after a gapped object, or a name.
  if (lead.quotation < 0 && (lead.text === 'and' || (lead.normal === 'for' && !/^(plead|beg|appeal|pray)$/.test(w[cue.at[0]].lemma)) ||
    (w[cue.at[0]].normal === 'known' && lead.normal === 'as'))) return;
  const end = closeRelativeClause(w, cue.speaker, range[0], cutAtNextCue(s.ex, range[0], range[1], s.cues, k));
  if (end < range[0]) return;
  s.drafts.push({ content: [range[0], end], kind: 'indirect', speaker: cue.unsourced ? null : cue.speaker, cue: cue.at });
  s.claimed.push([cue.at[0], end]);
}

/** A cue read with its content after it, and how the words around it set it off. */
interface Placement {
  w: Word[];
  cue: Cue;
  /** The content after the cue, null when nothing follows it. */
  after: WordRange | null;
  /** A comma, quotation mark, dash or ", as" comes right before the cue's clause. */
  setOff: boolean;
  /** A comma comes between the cue (with its time and hearer) and the content after it. */
  commaAfter: boolean;
  /** The stretch's first word. */
  sf: number;
}

interface LayoutRule {
  name: string;
  /** The layout the rule gives the cue, or null when it does not apply. */
  layout(p: Placement): Cue['layout'] | null;
}

/** Where a cue read as "content after" really has its content, the first rule that applies. */
const LAYOUT_RULES: readonly LayoutRule[] = [
  {
    // Cue last ("…, officials said") needs the comma that sets the content off.
    name: 'nothing after the cue ("…, officials said")',
    layout: ({ after, setOff }) => (after ? null : setOff ? 'before' : 'after'),
  },
  {
    // "…, the agency said in a statement obtained by the paper": a participle after a cue-last
    // attribution describes the statement; the content is the clause before.
    // After a comma only a participle with its preposition ("said, compared with …"):
    // "The museum, he said, celebrated …" has the finite verb of the content.
    name: 'a participle after a cue-last attribution ("…, the agency said in a statement obtained by")',
    layout: ({ w, after, setOff, commaAfter }) => {
      if (!after || !setOff) return null;
      const first = w[after[0]];
      return first && first.pos === 'VERB' && /(ed|en|wn)$/.test(first.normal) && (!commaAfter || w[after[0] + 1]?.pos === 'ADP') ? 'before' : null;
    },
  },
  {
    // Parenthetical "…, Graham said, since …", "The museum, he told me on Friday, is …": the
    // content runs on both sides of the cue; "…, he said, and …" closes the content before it.
    name: 'a parenthetical cue ("…, Graham said, since …")',
    layout: ({ w, cue, after, commaAfter, sf }) => {
      if (w[cue.speaker[0] - 1]?.text !== ',' || cue.speaker[0] - 2 < sf || !after || !commaAfter) return null;
      return isClauseLink(w[after[0]]) ? 'before' : 'around';
    },
  },
];

/** The layout of a cue read as "content after", given the content after it (null: none). */
function settledLayout(w: Word[], sf: number, cue: Cue, after: WordRange | null): Cue['layout'] {
  const before = w[cue.speaker[0] - 1];
  // "…, as police have said": a comment clause after the content sets the cue off too.
  const asComment = before?.normal === 'as' && w[cue.speaker[0] - 2]?.text === ',' && cue.speaker[1] < cue.at[0];
  // "On Wednesday, he called for increased …": a comma that closes a fronted time or adverbial
  // opens the sentence's clause, it sets no content off before the cue.
  const frontedComma = before?.text === ',' && (onlyTime(w, sf, cue.speaker[0] - 2) || frontedAdverbialEnd(w, sf, cue.speaker[0]) === cue.speaker[0] - 1);
  const setOff = Boolean(before && ((before.text === ',' && !frontedComma) || isQuoteMark(before) || isDash(before) || asComment));
  const commaAfter = after !== null && w[after[0] - 1]?.text === ',' && after[0] - 1 > cue.at[1];
  const placement: Placement = { w, cue, after, setOff, commaAfter, sf };
  for (const rule of LAYOUT_RULES) {
    const layout = rule.layout(placement);
    if (layout) return layout;
  }
  return cue.layout;
}

/** An object with an "as" complement or a comparing manner adverb within a few words ("X as Y", "X more favorably"). */
function regardsAs(w: Word[], content: WordRange): boolean {
  for (let k = content[0] + 1; k <= Math.min(content[1], content[0] + MAX_PHRASE / 3); k++) {
    if (w[k].normal === 'as') return k + 1 <= content[1];
    if (w[k].pos === 'ADV' && w[k].normal.endsWith('ly') && w[k - 1]?.pos !== 'VERB') return true;
    if (w[k].pos === 'VERB' || w[k].pos === 'AUX' || w[k].text === ',') return false;
  }
  return false;
}

/** A weak cue ("found", "shows", "called for") reports only before a clause or from a document. */
export function weakCueReports(w: Word[], cue: WordRange, speaker: WordRange, content: WordRange): boolean {
  if (cue[1] > cue[0]) return true;
  const lemma = w[cue[0]].lemma;
  const first = w[content[0]].normal;
  if (first === 'that' || first === 'to') return !NAMING_VERBS.has(lemma) || first === 'that';
  const head = w[speaker[1]];
  // "Clinton called the plan …": naming by a named or pronoun speaker, not "a group called X".
  // Not "called in to a show" nor the naming participle ", called the Fund,".
  // "see the bridge as a waste", "view the mayor more favorably than …": a view of something.
  if (REGARDING_VERBS.has(lemma)) return regardsAs(w, content);
  // ", citing the report": a participle after a comma speaks for the sentence's speaker, found
  // and checked by its own rule, whatever kind of phrase that speaker is.
  if (lemma === 'cite' && w[cue[0] - 1]?.text === ',' && w[cue[0]].normal.endsWith('ing') && speaker[1] < cue[0] - 1) return true;
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
  if (EVIDENCE_VERBS.has(lemma) && namesDocument(w, speaker)) return true;
  // "The panel found the United States was in breach", "administrators decided she should …":
  // a finite clause after the verb is what was found or decided.
  if (startsClause(w, content[0], content[1])) return true;
  // "A reporter reported her presence", "Democrats want policies that …": a speaker's object.
  return OBJECT_REPORTING_VERBS.has(lemma) && canSpeak(w, speaker[1]);
}
