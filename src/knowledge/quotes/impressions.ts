// Attributions with no cue verb of saying: impressions held by no one named ("the plan seems
// risky", "is expected to …"), passive reports ("was criticized for …", "endorsed by the
// union") and the question before a fronted "Asked about …,".
import { opensCircumstance } from './boundaries.ts';
import { backOverAuxiliaries, hasCueBetween, lastClauseStart, trimEnd } from './clause.ts';
import { cueStrength } from './cues.ts';
import { FORMS_OF_BE, HEARER_VERBS, RELATIVE_SPEAKERS } from './lexicon.ts';
import { isDash, isSentenceEnd, MAX_PHRASE, nounPhraseEndingAt, nounPhraseStartingAt, subjectBefore, VERB_MODIFIERS, type WordRange } from './phrases.ts';
import { canSpeak } from './sources.ts';
import type { Draft } from './state.ts';
import type { Word } from './words.ts';

/** Passive verbs of labelling or reporting ("was criticized for", "is rated as"). */
const PASSIVE_REPORT_LEMMAS = new Set(['criticize', 'criticise', 'accuse', 'charge', 'label', 'dub', 'brand', 'call', 'rate', 'describe', 'blame',
  'praise', 'condemn', 'denounce', 'characterize', 'deem', 'define', 'debate', 'question', 'cite', 'allege', 'announce', 'confirm', 'report']);
/** Passive verbs of opinion ("is expected to", "was viewed as"). */
export const PASSIVE_OPINION_FORMS = new Set(['expected', 'believed', 'thought', 'rumored', 'rumoured', 'viewed', 'considered', 'regarded', 'perceived']);

/** Ends in -ed, -en or -wn, as a past participle does (asked of every verb and adjective: no regex). */
function hasParticipleEnding(normal: string): boolean {
  return normal.endsWith('ed') || normal.endsWith('en') || normal.endsWith('wn');
}

/**
 * "He has been criticized for …", "The statements were rated as …", "It was labeled “…”": a
 * passive cue after a form of "be", with a complement and no agent in the clause. The subject
 * is what was said about, so the whole clause is content with no source.
 */
export function passiveReport(w: Word[], c: number, sl: number): boolean {
  const x = w[c];
  if (x.quotation >= 0 || (x.pos !== 'VERB' && x.pos !== 'ADJ') || !hasParticipleEnding(x.normal)) return false;
  let k = c - 1;
  while (k > 0 && c - k < 4 && w[k].pos === 'ADV') k--;
  if (!FORMS_OF_BE.has(w[k]?.normal ?? '')) return false;
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
export function frontedQuestion(w: Word[], c: number, sl: number): Draft | null {
  let cueEnd = c;
  if (/^(about|on)$/.test(w[c + 1]?.normal ?? '')) cueEnd = c + 1;
  let comma = cueEnd + 1;
  while (comma <= Math.min(sl, c + 2 * MAX_PHRASE) && !(w[comma].text === ',' && w[comma].quotation < 0) && !isSentenceEnd(w[comma])) comma++;
  if (w[comma]?.text !== ',' || comma <= cueEnd + 1) return null;
  return { content: [cueEnd + 1, comma - 1], kind: 'indirect', speaker: null, cue: [c, cueEnd] };
}

/** "is expected to", "was viewed as": a passive verb of opinion after a form of "be", with no agent. */
export function passiveOpinion(w: Word[], c: number): boolean {
  if (!PASSIVE_OPINION_FORMS.has(w[c].normal)) return false;
  let k = c - 1;
  while (k > 0 && c - k < 4 && (w[k].pos === 'ADV' || w[k].normal === 'widely')) k--;
  if (!FORMS_OF_BE.has(w[k]?.normal ?? '')) return false;
  return /^(to|as)$/.test(w[c + 1]?.normal ?? '');
}

/**
 * "The plan seems too risky", "Melania seems to have vanished": an impression with no one
 * to hold it; the whole clause, subject included, is the attributed content, with no source.
 */
export function impression(w: Word[], c: number, sf: number, sl: number, report = false): Draft | null {
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
  const k = backOverAuxiliaries(w, c - 1, sf);
  const subject = subjectBefore(w, k + 1, sf);
  if (!subject || /^(it|there|this|that)$/.test(w[subject[0]].normal) || w[subject[0]].quotation >= 0) return null;
  // The whole subject ("the lack of enthusiasm among voters seems"): from the clause's start,
  // past a linking conjunction ("…, or drawing on home equity seems …").
  // ("She added that the vote seems …": inside another cue's content it is that cue's.)
  if (hasCueBetween(w, sf, subject[0] - 1)) return null;
  let first = lastClauseStart(w, sf, subject[0]);
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
    (report && end > c + 1 && opensCircumstance(w, end + 1, sl))))) end++;
  end = trimEnd(w, c + 1, end);
  // "seemed far away to European citizens": the one it seems so to holds the impression.
  let holder: WordRange | null = null;
  // (Not "seems to have rules for those opposed to Mexicans": only after an adjective.)
  for (let t = c + 2; !infinitive && !passive && t < end; t++) {
    if (w[t].normal !== 'to' || w[t].pos !== 'ADP') continue;
    const np = nounPhraseStartingAt(w, t + 1, end);
    if (np && np[1] === end && canSpeak(w, np[1])) {
      holder = np;
      end = t - 1;
    }
    break;
  }
  if (end <= c + 1) return null;
  return { content: [first, end], kind: 'indirect', speaker: holder, cue: [c, c] };
}

/**
 * "The plan has been endorsed by the union", "a view echoed by every expert": a reporting verb
 * in the passive with its agent after "by" attributes its subject (what was endorsed,
 * reported, echoed) to the agent.
 */
export function passiveAttribution(w: Word[], c: number, sf: number, sl: number): Draft | null {
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
