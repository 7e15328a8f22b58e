// Who a cue's source is in the words: the subject of a participle or coordinated cue, the
// speaker after an inverted cue ("…, said Jo Hart, a spokeswoman"), a transcript's name, the
// issuer of a document, the source of "according to".
import { backOverAuxiliaries, namesNoOne, parenthesisEnd } from './clause.ts';
import { cueStrength } from './cues.ts';
import { CAUSING_VERBS, DOCUMENT_NOUNS, MEDIUM_NOUNS, ORGANIZATION_NOUNS, PERSON_NOUNS, SUBORDINATORS } from './lexicon.ts';
import { isDash, isQuoteMark, isSentenceEnd, MAX_PHRASE, nounPhraseStartingAt, skipTrailers, subjectBefore, VERB_MODIFIERS, withDescription, type WordRange } from './phrases.ts';
import type { Cue, Extraction } from './state.ts';
import type { Word } from './words.ts';

/** Words that tie a participle to the main clause (", saying …", "before asking …"). */
const PARTICIPLE_LINKS = new Set(['before', 'after', 'while', 'when', 'by', 'without', 'since']);
/** Labels of page furniture before a colon ("Correction:", "Update:"): never a speaker. */
const EDITORIAL_LABELS = new Set(['correction', 'corrections', 'update', 'updated', 'clarification', 'note', 'related',
  'advertisement', 'photo', 'credit', 'source', 'sources', 'watch', 'read', 'listen', 'disclosure', 'editor']);

/** End of ", a spokesman for the agency" after an inverted speaker, up to the sentence end. */
export function descriptionEnd(w: Word[], last: number): number {
  const open = w[last + 1];
  if (!open || (open.text !== ',' && open.text !== '(')) return last;
  let end = last;
  for (let k = last + 1; k < Math.min(w.length, last + MAX_PHRASE); k++) {
    if (w[k].text === '(' && parenthesisEnd(w, k) > k) {
      end = k = parenthesisEnd(w, k);
      continue;
    }
    if (w[k].paragraph !== w[last].paragraph || w[k].quotation >= 0 || isSentenceEnd(w[k]) ||
      (w[k].text === ',' && w[k + 1]?.quotation >= 0) || cueStrength(w, k)) break;
    end = k;
  }
  while (end > last && (w[end].text === ',' || isDash(w[end]))) end--;
  return end;
}

/** "WALLACE:", "Pat Caddell:" — a short run of proper nouns opening a paragraph. */
export function transcriptSpeaker(w: Word[], paragraphFirst: number, colon: number): WordRange | null {
  let first = paragraphFirst;
  if (isQuoteMark(w[first])) first++;
  if (colon - first < 1 || colon - first > 4) return null;
  for (let i = first; i < colon; i++) if (w[i].pos !== 'PROPN') return null;
  // "Correction:", "Update:": editorial labels, not speakers.
  if (colon - first === 1 && EDITORIAL_LABELS.has(w[first].normal)) return null;
  return [first, colon - 1];
}

/** Words that tie a headline's speaker to its topic ("Jo Hart on the flood:", "A lesson from Jo Hart:"). */
const HEADLINE_LINKS = new Set(['on', 'about', 'from', 'by', 'to']);

/**
 * A headline line with no verb before its colon that names its speaker: "Jo Hart on the flood:
 * '…'", "A lesson from Jo Hart: '…'". The speaker is a run of two or more proper nouns (a full
 * name, not "Leeds") that opens the line before a link word or follows one up to the colon.
 */
export function headlineSpeaker(w: Word[], paragraphFirst: number, colon: number): WordRange | null {
  if (colon - paragraphFirst > 10) return null;
  for (let i = paragraphFirst; i < colon; i++) if (w[i].pos === 'VERB' || w[i].pos === 'AUX' || isSentenceEnd(w[i]) || w[i].quotation >= 0) return null;
  const runEnd = (first: number): number => {
    let k = first;
    while (k + 1 < colon && w[k + 1].pos === 'PROPN') k++;
    return k;
  };
  // "Jo Hart on the flood:": the name opens the line, a link word follows it.
  if (w[paragraphFirst].pos === 'PROPN') {
    const end = runEnd(paragraphFirst);
    if (end > paragraphFirst && HEADLINE_LINKS.has(w[end + 1]?.normal ?? '')) return [paragraphFirst, end];
  }
  // "A lesson from Jo Hart:": a link word, then the name up to the colon.
  for (let k = colon - 3; k >= paragraphFirst; k--) {
    if (!HEADLINE_LINKS.has(w[k].normal)) continue;
    for (let i = k + 1; i < colon; i++) if (w[i].pos !== 'PROPN') return null;
    return [k + 1, colon - 1];
  }
  return null;
}

/** ", saying …" / ", adding …": the speaker is the subject of the sentence. */
export function participleSpeaker(ex: Extraction, cue: number, floor: number, sentenceFirst?: number, draftsFrom?: number): WordRange | null {
  const w = ex.words;
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
  const start = Math.max(floor, sentenceFirst ?? ex.sentenceOf(cue)[0]);
  // Drafts come pass by pass (direct quotes first), so the sentence's own attribution is
  // looked up by sentence, not by recency.
  // ("“…,” he told the group, adding …": the sentence's attribution may lie before the stretch.)
  const from = Math.min(start, draftsFrom ?? start);
  for (let sentence = w[cue].sentence; sentence >= w[from].sentence; sentence--) {
    const speakers = ex.speakersBySentence.get(sentence) ?? [];
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
  return nounPhraseStartingAt(w, start, cue - 1) ?? subjectAfterFronted(w, start, cue - 1);
}

/**
 * "On Thursday, the senator spoke …", "Later, the court blocked …": the subject after a
 * short fronted phrase of time or place (no verb in it) closed by a comma, when a verb follows it.
 */
export function subjectAfterFronted(w: Word[], start: number, last: number): WordRange | null {
  // ("Later, the governor …": a lone adverb is a fronted phrase too.)
  const adverb = w[start]?.pos === 'ADV' && w[start + 1]?.text === ',';
  if (w[start]?.pos !== 'ADP' && !w[start]?.time && !adverb) return null;
  let comma = start + 1;
  while (comma <= Math.min(last, start + 8) && w[comma].text !== ',' && /^(ADP|DET|NOUN|PROPN|NUM|ADJ|PART)$/.test(w[comma].pos) && w[comma].quotation < 0) comma++;
  if (w[comma]?.text !== ',' || comma >= last) return null;
  // "On Thursday, however, Hart spoke …": a connective adverb set off by its own commas.
  if (w[comma + 1]?.pos === 'ADV' && w[comma + 2]?.text === ',') comma += 2;
  return subjectOpeningAt(w, comma + 1, last);
}

/** The noun phrase from word `first` when a verb follows it (past adverbs and auxiliaries): a clause's subject. */
function subjectOpeningAt(w: Word[], first: number, last: number): WordRange | null {
  const np = nounPhraseStartingAt(w, first, last);
  if (!np) return null;
  let k = np[1] + 1;
  while (k < last && (w[k].pos === 'ADV' || w[k].pos === 'AUX')) k++;
  return w[k]?.pos === 'VERB' || w[k]?.pos === 'AUX' ? np : null;
}

/**
 * "It issued a policy paper welcoming …", "Trump unleashed a series of tweets saying …": a
 * participle cue after the object of a verb speaks for that verb's subject, the issuer of
 * the paper or the tweets. Null when the phrase before the cue is no such object.
 */
export function issuerOf(ex: Extraction, object: WordRange, cue: number, sf: number): WordRange | null {
  const w = ex.words;
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
  if (verb <= sf) return ex.speakerByCue.get(verb) ?? null;
  const subject = subjectBefore(w, verb, sf);
  return subject && canSpeak(w, subject[1]) ? subject : null;
}

/**
 * "According to exit polls, …": the tagger may read a word of the source as a verb; a short
 * phrase with a noun, up to the comma or the sentence end, is still the source.
 */
export function shortPhraseBeforeComma(w: Word[], first: number, last: number): WordRange | null {
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
export function coordinatedSource(w: Word[], source: WordRange, last: number): WordRange {
  const link = w[source[1] + 1];
  if (!link || source[1] + 2 > last || !/^(and|or)$/.test(link.normal)) return source;
  const second = nounPhraseStartingAt(w, source[1] + 2, last);
  if (!second) return source;
  const stop = w[second[1] + 1];
  return !stop || second[1] + 1 > last || stop.text === ',' || isSentenceEnd(stop) ? [source[0], second[1]] : source;
}

const GO_FORMS = new Set(['go', 'goes', 'went', 'gone', 'going']);

export function infinitiveSpeaker(w: Word[], c: number, at: WordRange, sf: number, sl: number): WordRange | null {
  if (w[c - 1]?.normal !== 'to' || c - 2 < sf) return null;
  // "Hart went on to say …", "went on to explain how …": "go on" passes its subject to
  // the cue whatever follows it.
  const goesOn = w[c - 2].normal === 'on' && GO_FORMS.has(w[c - 3]?.normal ?? '') ? c - 3 : -1;
  if (goesOn > sf) {
    const subject = subjectBefore(w, backOverAuxiliaries(w, goesOn - 1, sf) + 1, sf);
    return subject && !namesNoOne(w, subject) ? subject : null;
  }
  if (w[c - 1].pos !== 'PART' || w[skipTrailers(w, at[1] + 1, sl)]?.normal !== 'that') return null;
  const verb = c - 2;
  if (w[verb].pos !== 'VERB' && w[verb].pos !== 'ADJ') return null;
  const k = backOverAuxiliaries(w, verb - 1, sf);
  const subject = subjectBefore(w, k + 1, sf);
  return subject && !namesNoOne(w, subject) ? subject : null;
}

/**
 * "The senator spoke at a farm in Iowa to discuss …", "ministers met on Friday to criticize …":
 * an infinitive of purpose speaks for the subject of the verb before it. That verb reports
 * nothing itself (its own cue would hold the infinitive) and causes nothing: in "the leak
 * prompted the union to demand …" the union demands, not the leak.
 */
export function purposeSpeaker(w: Word[], c: number, sf: number): WordRange | null {
  if (w[c - 1]?.normal !== 'to' || w[c - 1].pos !== 'PART') return null;
  let verb = c - 2;
  while (verb > sf && c - verb <= MAX_PHRASE && w[verb].pos !== 'VERB') {
    const x = w[verb];
    if (x.quotation >= 0 || isSentenceEnd(x) || x.text === ',' || isDash(x) || x.pos === 'SCONJ' || x.pos === 'AUX' || /^(that|who|which)$/.test(x.normal)) return null;
    verb--;
  }
  const v = w[verb];
  if (!v || v.pos !== 'VERB' || v.normal.endsWith('ing') || CAUSING_VERBS.has(v.lemma) || cueStrength(w, verb)) return null;
  const subject = subjectBefore(w, backOverAuxiliaries(w, verb - 1, sf) + 1, sf);
  return subject && canSpeak(w, subject[1]) && !namesNoOne(w, subject) ? subject : null;
}

/**
 * "Citing a report, the mayor said …": a participle cue that opens its sentence speaks for the
 * subject after the comma that closes its phrase, when a verb follows that subject.
 */
export function frontedParticipleSpeaker(w: Word[], c: number, sentenceFirst: number, sl: number): WordRange | null {
  if (c !== sentenceFirst || !w[c].normal.endsWith('ing')) return null;
  let comma = c + 1;
  while (comma <= Math.min(sl, c + MAX_PHRASE) && w[comma].text !== ',' && w[comma].quotation < 0 && w[comma].pos !== 'VERB') comma++;
  if (w[comma]?.text !== ',' || comma >= sl) return null;
  const subject = subjectOpeningAt(w, comma + 1, sl);
  return subject && canSpeak(w, subject[1]) ? subject : null;
}

/** The speaker of the main (first) cue before word `c` whose speaker is its subject, else null. */
export function mainSpeakerBefore(cues: Cue[], c: number): WordRange | null {
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    if (cue.at[1] < c && cue.speaker[1] < cue.at[0] && !cue.unsourced && cue.layout === 'after') return cue.speaker;
  }
  return null;
}

/** The speaker after an inverted cue, when the sentence or clause ends with it. */
export function invertedSpeaker(w: Word[], at: WordRange, last: number): WordRange | null {
  const speaker = nounPhraseStartingAt(w, at[1] + 1, last);
  if (!speaker || !canSpeak(w, speaker[1])) return null;
  // "said one source in the room", "said Jo Hart of the union"
  const end = withPrepositionalPhrases(w, speaker, last)[1];
  const next = w[end + 1];
  if (next && end + 1 <= last && next.text !== ',' && next.text !== '(' && !isSentenceEnd(next)) return null;
  return withDescription(speaker, descriptionEnd(w, end));
}

/** A noun phrase with the prepositional phrases after it: "a report by the Gazette", "Jo Hart of the union". */
export function withPrepositionalPhrases(w: Word[], np: WordRange, last: number): WordRange {
  let end = np[1];
  let next: WordRange | null;
  while (end + 2 <= last && w[end + 1].pos === 'ADP' && (next = nounPhraseStartingAt(w, end + 2, last))) end = next[1];
  return [np[0], end];
}

/** "…, noted the rule": only a name, a pronoun, a person, a group or a body speaks after an inverted cue. */
export function canSpeak(w: Word[], head: number): boolean {
  const h = w[head];
  // "…, said Tuesday": a day is no speaker.
  if (h.time) return false;
  if (h.pos === 'PROPN' || h.pos === 'PRON') return true;
  if (PERSON_NOUNS.has(h.lemma) || PERSON_NOUNS.has(h.normal) || ORGANIZATION_NOUNS.has(h.lemma)) return true;
  return h.pos === 'NOUN' && h.normal !== h.lemma && h.normal.endsWith('s');
}

/** A speaker phrase headed by a document or a survey ("Polls", "a 2014 study by …"). */
export function namesDocument(w: Word[], speaker: WordRange): boolean {
  for (let i = speaker[0]; i <= speaker[1] && i - speaker[0] < 6; i++) {
    const x = w[i];
    if (x.pos === 'ADP') break;
    if ((x.pos === 'NOUN' || x.pos === 'PROPN') && DOCUMENT_NOUNS.has(x.normal.replace(/s$/, ''))) return true;
  }
  return false;
}
