// Direct quotes: a quotation with its cue right after it ("…," X said) or right before it
// (X said: "…"), a signed paragraph ("…" ― Name), continued by the quotation sentences that
// follow with no cue of their own; and a quotation paragraph with no cue, which continues the
// speaker of the paragraph before.
import { endsAfter, hasCueBetween, opensParagraph, paragraphStart, parenthesisEnd, startsClause, trimEnd } from './clause.ts';
import { cueRange, cueStrength } from './cues.ts';
import { HEARER_VERBS, MEDIUM_NOUNS, STANCE_NOUNS } from './lexicon.ts';
import { isDash, isQuoteMark, isSentenceEnd, MAX_PHRASE, nounPhraseStartingAt, skipHearer, skipTrailers, subjectBefore, VERB_MODIFIERS, withDescription, type WordRange } from './phrases.ts';
import { descriptionEnd, headlineSpeaker, participleSpeaker, transcriptSpeaker } from './sources.ts';
import type { Draft, Extraction } from './state.ts';
import type { Word } from './words.ts';

const EMBEDDING = new Set(['what', 'which', 'that', 'whom', 'as']);
const CLOSING_INSIDE = /[,?!\u2014\u2013\u2015\-\u2026]\s*$/;
const TERMINAL_INSIDE = /[.?!\u2026]['"\u2019\u201d]*\s*$/;

function isSpeakerPronounWord(w: Word | undefined): boolean {
  return w !== undefined && w.pos === 'PRON' && /^(he|she|they|i|we)$/.test(w.normal);
}

/**
 * Quotation sentences that follow in the same paragraph with no cue of their own
 * ("…," he said. "…") belong to the same content. Scans from word `from` (inside the
 * sentence that holds the cue) and appends each such quotation to `fragments`.
 */
export function followingQuotes(ex: Extraction, fragments: WordRange[], from: number): WordRange[] {
  const w = ex.words;
  const paragraph = w[fragments[0][0]].paragraph;
  let k = from;
  for (let guard = 0; guard < 50; guard++) {
    // The rest of the cue's sentence must be short: ", adding that …" is an attribution of its own.
    const limit = k + 2 * MAX_PHRASE;
    while (k < w.length && k < limit && w[k].paragraph === paragraph && ex.quotationStartingAt(k) < 0 &&
      !(isSentenceEnd(w[k]) && w[k].quotation < 0)) {
      if (cueStrength(w, k) === 'strong') return fragments;
      // "(D-N.C.)": a parenthesis may hold full stops.
      if (w[k].text === '(') k = parenthesisEnd(w, k);
      k++;
    }
    if (w[k] && isSentenceEnd(w[k]) && w[k].quotation < 0) k++;
    const q = ex.quotationStartingAt(k);
    if (q < 0 || w[k].paragraph !== paragraph || ex.used[k]) return fragments;
    const [qa, qb] = ex.view.quotationWords[q];
    const after = w[qb + 1];
    const standsAlone = !after || after.paragraph !== w[qb].paragraph || isSentenceEnd(after) || ex.quotationStartingAt(qb + 1) >= 0;
    if (!standsAlone) return fragments;
    fragments.push([qa, qb]);
    k = qb + 1;
  }
  return fragments;
}

/** "…," X said / "…," said X / "…" ― X, with an optional second quotation after the cue. */
export function cueAfterQuote(ex: Extraction, qa: number, qb: number): Draft | null {
  const w = ex.words;
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
  const inner = ex.innerText([qa, qb]);
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
    if (speaker) speaker = withDescription(speaker, descriptionEnd(w, speaker[1]));
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
  const sentence = ex.sentenceOf(qa);
  const before = w[qa - 1];
  const clauseInitial = qa === sentence[0] || !before || before.paragraph !== paragraph ||
    before.text === ':' || isDash(before) || isQuoteMark(before);
  // "On this weekend's broadcast of “Fox News Sunday,” Pence said he …": a title inside an
  // opening prepositional phrase is no content; the cue's own clause is (the indirect pass).
  if (!clauseInitial && w[sentence[0]].pos === 'ADP' && cue !== j && !endsAfter(w, cueWords[1])) return null;
  const first = clauseInitial ? qa : Math.max(sentence[0], ex.lastDraftEndBefore(qa) + 1);
  const fragments: WordRange[] = [[first, qb]];
  let k = skipTrailers(w, groupEnd + 1, w.length - 1);
  // "…," he said, "…" and "…," he said: "…"
  if (w[k] && (w[k].text === ',' || w[k].text === ':')) k++;
  const second = ex.quotationStartingAt(k);
  if (second >= 0 && w[k].paragraph === paragraph) {
    fragments.push(ex.view.quotationWords[second]);
    k = ex.view.quotationWords[second][1] + 1;
  }
  followingQuotes(ex, fragments, k);
  const last = fragments[fragments.length - 1][1];
  // "DuVernay said she felt … “…,” she said. “…”": the sentence's own cue reports the partial
  // quotation; the cue after it repeats the speaker and introduces the quotations that follow.
  const own = clauseInitial ? null : sentenceCueBefore(w, first, qa);
  if (own) {
    if (fragments.length > 1) {
      const rest = fragments.slice(1);
      ex.add({ content: [rest[0][0], rest[rest.length - 1][1]], fragments: rest, kind: 'direct', speaker, cue: cueWords });
    }
    ex.mark([qb + 1, groupEnd]);
    return { content: [own.cue[1] + 1, qb], kind: 'partial', speaker: own.speaker, cue: own.cue };
  }
  return { content: [first, last], fragments, kind: clauseInitial ? 'direct' : 'partial', speaker, cue: cueWords };
}

/** A strong cue with its subject between `from` and a quotation at `qa` ("Jo said she felt … “…”"). */
export function sentenceCueBefore(w: Word[], from: number, qa: number): { cue: WordRange; speaker: WordRange } | null {
  for (let m = from; m < qa - 1; m++) {
    if (w[m].quotation >= 0 || cueStrength(w, m) !== 'strong') continue;
    const cue = cueRange(w, m);
    const speaker = subjectBefore(w, m, from);
    // Only a cue whose content runs into the quotation: a clause or "that" right after it.
    if (!speaker || cue[1] + 1 >= qa || !(w[cue[1] + 1].normal === 'that' || startsClause(w, cue[1] + 1, qa - 1))) return null;
    return { cue, speaker };
  }
  return null;
}

/** X said: "…" / X said, "…" / NAME: "…" (a transcript line). */
export function cueBeforeQuote(ex: Extraction, qa: number, qb: number): Draft | null {
  const w = ex.words;
  const paragraph = w[qa].paragraph;
  let p = qa - 1;
  // A colon may end the paragraph before a block quotation ("Ruiz said:" ¶ "…").
  if (p < 0 || (w[p].paragraph !== paragraph && w[p].text !== ':')) return null;
  const colon = w[p].text === ':';
  if (colon || w[p].text === ',') p--;
  const after = w[qb + 1];
  const endsSentence = !after || after.paragraph !== paragraph || isSentenceEnd(after) ||
    TERMINAL_INSIDE.test(ex.innerText([qa, qb]));
  if (!endsSentence || p < 0) return null;
  if (p < 0) return null;
  const floor = paragraphStart(w, p);
  if (colon) {
    const speaker = transcriptSpeaker(w, floor, p + 1) ?? headlineSpeaker(w, floor, p + 1);
    if (speaker) return directFrom(ex, qa, qb, speaker, [p + 1, p + 1]);
    const named = namedWords(w, p, floor);
    if (named) return directFrom(ex, qa, qb, named.speaker, named.cue);
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
    const inverted = c === ex.sentenceOf(c)[0] ? nounPhraseStartingAt(w, c + 1, p) : null;
    // ", saying “…”" after a comma: the sentence's subject says it, not an apposition before the comma.
    const commaParticiple = w[c - 1]?.text === ',' && x.normal.endsWith('ing');
    const speaker = inverted ?? (commaParticiple ? participleSpeaker(ex, c, floor) : null) ?? subjectBefore(w, c, floor) ?? participleSpeaker(ex, c, floor);
    if (!speaker) return null;
    // "through what she calls a “war of words”": an embedded cue, part of a larger content.
    if (!colon && EMBEDDING.has(w[speaker[0] - 1]?.normal ?? '')) return null;
    // "Ditto said she expects the campaign “to …”": the inner cue is part of the outer content.
    // Not "Asked about it, Clinton said, “…”": a fronted clause closed by a comma is no outer cue.
    const fronted = w[speaker[0] - 1]?.text === ',' || isDash(w[speaker[0] - 1]);
    if (!colon && !fronted && hasCueBetween(w, ex.sentenceOf(c)[0], speaker[0] - 1)) return null;
    const cue = cueRange(w, c);
    // Words between cue and quotation ("told the crowd that “…”") make it partial content.
    let first = skipTrailers(w, (inverted ? inverted[1] : cue[1]) + 1, qa);
    if (HEARER_VERBS.has(w[c].lemma)) first = skipTrailers(w, skipHearer(w, first, qa - 1), qa);
    if (first < qa && (w[first].text === ':' || w[first].text === ',')) first++;
    if (first >= qa) return directFrom(ex, qa, qb, speaker, cue);
    const fragments = followingQuotes(ex, [[first, qb]], qb + 1);
    return { content: [first, fragments[fragments.length - 1][1]], fragments, kind: 'partial', speaker, cue };
  }
  return null;
}

/** Nouns of words given that a colon may close, the quotation after it being those words ("a blunt warning: “…”"). */
const GIVEN_WORDS: ReadonlySet<string> = new Set([...MEDIUM_NOUNS, ...STANCE_NOUNS, 'answer', 'reply', 'response', 'question', 'word', 'words',
  'advice', 'verdict', 'plea', 'request', 'explanation', 'slogan', 'motto', 'line', 'refrain', 'mantra']);

/**
 * "The mayor issued a blunt warning: “…”", "I had to change my answer: “…”": the object before
 * the colon names the words that follow; its verb's subject said them. The cue is the verb
 * through the noun. Null unless word p (before the colon) heads such an object.
 */
function namedWords(w: Word[], p: number, floor: number): { speaker: WordRange; cue: WordRange } | null {
  // "a blunt warning to riverside residents:": the noun may have its hearer after it.
  let noun = p;
  for (let k = p - 1; k > floor && p - k <= 5 && w[k].pos !== 'VERB' && w[k].text !== ','; k--) {
    if (/^(to|for)$/.test(w[k].normal) && w[k].pos === 'ADP') {
      noun = k - 1;
      break;
    }
  }
  if (w[noun]?.pos !== 'NOUN' || !GIVEN_WORDS.has(w[noun].lemma)) return null;
  let verb = noun - 1;
  // ("had a simple message": a form of "have" with an object is the verb.)
  const isVerb = (k: number): boolean => w[k].pos === 'VERB' || (w[k].lemma === 'have' && /^(DET|ADJ)$/.test(w[k + 1]?.pos ?? ''));
  while (verb >= floor && noun - verb <= MAX_PHRASE / 2 && !isVerb(verb)) {
    // ("rolling out a new message": a verb's particle.)
    const particle = w[verb].pos === 'ADP' && /^(out|up|off|down)$/.test(w[verb].normal) && w[verb - 1]?.pos === 'VERB';
    if (w[verb].quotation >= 0 || isSentenceEnd(w[verb]) || w[verb].text === ',' || (w[verb].pos === 'ADP' && !particle)) return null;
    verb--;
  }
  if (verb < floor || !isVerb(verb)) return null;
  // "had to change my answer": the subject of the verb before the infinitive.
  let head = verb;
  if (w[verb - 1]?.normal === 'to' && verb - 2 >= floor && (w[verb - 2].pos === 'VERB' || w[verb - 2].pos === 'AUX')) head = verb - 2;
  const speaker = subjectBefore(w, head, floor);
  return speaker ? { speaker, cue: [verb, noun] } : null;
}

export function directFrom(ex: Extraction, qa: number, qb: number, speaker: WordRange, cue: WordRange): Draft {
  const fragments = followingQuotes(ex, [[qa, qb]], qb + 1);
  return { content: [qa, fragments[fragments.length - 1][1]], fragments, kind: 'direct', speaker, cue };
}

/**
 * A paragraph that opens with a quotation and ends with "― Name" (reader comments, social
 * posts, epigraphs): everything before the dash is the signer's, whatever marks it holds.
 */
export function signedParagraph(w: Word[], qa: number): Draft | null {
  if (!opensParagraph(w, qa)) return null;
  let end = qa;
  while (end + 1 < w.length && end - qa < 400 && w[end + 1].paragraph === w[qa].paragraph) end++;
  if (end + 1 < w.length && w[end + 1].paragraph === w[qa].paragraph) return null;
  let last = end;
  while (last > qa && isSentenceEnd(w[last])) last--;
  let first = last;
  while (first > qa && last - first < 5 && w[first - 1].quotation < 0 && /^\p{Lu}/u.test(w[first - 1].text) && w[first - 1].pos !== 'PUNCT') first--;
  if (!/^\p{Lu}/u.test(w[last].text) || w[first].quotation >= 0 || !isDash(w[first - 1])) return null;
  const dash = first - 1;
  const contentEnd = trimEnd(w, qa, dash - 1);
  if (contentEnd <= qa) return null;
  return { content: [qa, contentEnd], kind: 'direct', speaker: [first, last], cue: [dash, dash] };
}

export function directPass(ex: Extraction): void {
  const qw = ex.view.quotationWords;
  for (let q = 0; q < qw.length; q++) {
    const [qa, qb] = qw[q];
    if (qa < 0 || ex.used[qa]) continue;
    const draft = signedParagraph(ex.words, qa) ?? cueAfterQuote(ex, qa, qb) ?? cueBeforeQuote(ex, qa, qb);
    if (draft) ex.add(draft);
  }
}

/** The quotation at `qa` comes within a few free words after the draft's last word. */
export function closelyFollows(ex: Extraction, previous: Draft, qa: number): boolean {
  const w = ex.words;
  const last = Math.max(previous.content[1], previous.speaker?.[1] ?? -1, previous.cue?.[1] ?? -1);
  if (w[last].paragraph !== w[qa].paragraph || qa - last > 12) return false;
  let free = 0;
  for (let i = last + 1; i < qa; i++) if (!ex.used[i] && w[i].pos !== 'PUNCT') free++;
  return free <= 2;
}

/** A quotation paragraph with no cue continues the speaker of the paragraph before. */
export function continuationPass(ex: Extraction): void {
  const w = ex.words;
  const qw = ex.view.quotationWords;
  const byEnd = [...ex.drafts].sort((a, b) => a.content[1] - b.content[1]);
  let d = -1;
  for (let q = 0; q < qw.length; q++) {
    const [qa, qb] = qw[q];
    if (qa < 0 || ex.used[qa]) continue;
    while (d + 1 < byEnd.length && byEnd[d + 1].content[1] < qa) d++;
    const previous = d >= 0 ? byEnd[d] : null;
    if (!previous || (!previous.speaker && !previous.inherits)) continue;
    if (w[qa].paragraph - w[previous.content[1]].paragraph > 1) continue;
    // Inside a paragraph: only right after the previous attribution ("… called him a master.
    // “He showed …”" or ", including, “…”"), with a few free words at most between.
    if (!opensParagraph(w, qa) && !closelyFollows(ex, previous, qa)) continue;
    // "… during a “Commander-in-Chief Forum”": a title or scare quote inside a clause is no quote.
    const lead = w[qa - 1];
    if (!opensParagraph(w, qa) && lead && !(isSentenceEnd(lead) || lead.text === ':' || lead.text === ',' || isDash(lead) || isQuoteMark(lead))) continue;
    const fragments = followingQuotes(ex, [[qa, qb]], qb + 1);
    const draft: Draft = { content: [qa, fragments[fragments.length - 1][1]], fragments, kind: 'direct', speaker: null, cue: null, inherits: previous.inherits ?? previous };
    ex.add(draft);
    byEnd.splice(d + 1, 0, draft);
    d++;
  }
}
