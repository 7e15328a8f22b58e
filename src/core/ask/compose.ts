// Composing an answer: a short lead, attributed when the evidence is someone's claim, then the
// cited sentence; and the conversation updated with what the answer was about.
import type { Entity, QuoteFact, TimeFact } from '../../knowledge/facts.ts';
import type { QuestionType } from '../../knowledge/question/index.ts';
import { occursAsWord } from '../../knowledge/words.ts';
import type { ConversationContext } from '../conversation.ts';
import { Library, type LoadedArticle, lookupKey, type SentenceRef } from '../library.ts';
import { clip, dateInWords, describeRoles, withArticle } from '../wording.ts';
import { askedWordsIn } from './evidence.ts';
import type { Answer, AnswerText, AskResult, Citation } from './types.ts';

/** The speaker a sentence is attributed to by the quotes extractor, if any. */
function attributionOf(loaded: LoadedArticle, sentence: number): QuoteFact | null {
  const s = loaded.facts.sentences[sentence];
  if (!s) return null;
  // The sentence is someone's claim when a quote covers most of it, not when it merely holds one.
  for (const q of loaded.facts.quotes) {
    if (!q.speaker) continue;
    const overlap = Math.min(q.end, s.end) - Math.max(q.start, s.start);
    if (overlap > 0 && overlap * 2 >= s.end - s.start) return q;
  }
  return null;
}

/** The speaker's name; null for a pronoun the extractor could not resolve ("who", "they"). */
export function speakerName(q: QuoteFact): string | null {
  const name = q.speaker ? q.speaker.name ?? q.speaker.text : null;
  if (!name || /^(who|whom|he|she|they|it|we|i|you|which|that|this|these|those|one|someone)$/i.test(name.trim())) return null;
  return name;
}

/**
 * "according to …": the speaker as it reads inside a sentence. A speaker the article only
 * describes ("Prosecutors say …", "A police spokesman said") has its capital from the start of
 * its sentence: "according to prosecutors", "according to a police spokesman". Its first word
 * is lowered when it is an article, when the text also writes it in lower case, or when it
 * opens its sentence and is part of no name the article found; a name ("Reuters reported") is not.
 */
function accordingTo(q: QuoteFact, loaded: LoadedArticle): string | null {
  const name = speakerName(q);
  if (!name) return null;
  const speaker = q.speaker!;
  const first = speaker.name ? undefined : /^\p{Lu}\p{Ll}+(?=\s|$)/u.exec(name)?.[0];
  if (first) {
    const lower = first.toLowerCase();
    const text = loaded.article.text;
    const opensSentence = loaded.facts.sentences.some((s) => s.start === speaker.start) || /(^|[.!?]["'”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, speaker.start - 4), speaker.start));
    const named = loaded.facts.entities.some((e) => e.mentions.some((m) => m.start <= speaker.start && m.end > speaker.start));
    if (/^(a|an|the)$/.test(lower) || occursAsWord(text, lower) || (opensSentence && !named)) return lower + name.slice(first.length);
  }
  return withArticle(name);
}

/**
 * A sentence as an answer that keeps its source: when the sentence is a quote or reported
 * speech whose speaker is not named in it, "According to X, …" says whose claim it is.
 */
export function attributed(lib: Library, ref: SentenceRef, words: string[] = []): string {
  const loaded = lib.article(ref.article);
  const span = loaded.facts.sentences[ref.sentence];
  // A headline match (sentence TITLE) is no sentence of the text: nobody is quoted in it.
  if (!span) return excerpt(lib.sentenceText(ref), words);
  const sentence = lib.sentenceText(ref);
  const text = excerpt(sentence, words);
  const q = attributionOf(loaded, ref.sentence);
  // A quote that covers the sentence may not cover the part shown of an overlong one.
  const shownFrom = span.start + sentence.length - (text.length - (text === sentence ? 0 : 1));
  const who = q && q.end > shownFrom ? speakerName(q) : null;
  if (!who) return text;
  const named = lookupKey(text).includes(lookupKey(who).split(' ').pop() ?? '');
  return named || !q ? text : `According to ${accordingTo(q, loaded)}: ${text}`;
}

/**
 * What an entity is, in words. A role the article only reports as someone's claim ("the
 * department said Gonzalez was a criminal illegal alien") keeps its source.
 */
export function rolesOf(loaded: LoadedArticle, entity: Entity): string | null {
  const plain: string[] = [];
  const claimed: string[] = [];
  const people = new Set(loaded.facts.entities.filter((e) => e.kind === 'person' && e.id !== entity.id).map((e) => lookupKey(e.name)));
  for (const role of entity.roles) {
    // Another person's name is no description of this one.
    if (people.has(lookupKey(role))) continue;
    // Only a description ("a criminal illegal alien") can be a claim, and only in a quote that
    // speaks of this entity; a title ("Rep.") inside some quote is not one.
    const descriptive = /^(a|an|the)\s/i.test(role);
    const q = descriptive
      ? loaded.facts.quotes.find((x) => x.speaker && x.text.includes(role) && entity.mentions.some((m) => m.start >= x.start && m.end <= x.end))
      : undefined;
    const who = q ? speakerName(q) : null;
    if (who && q && !lookupKey(who).includes(lookupKey(entity.name))) claimed.push(`${role}, according to ${accordingTo(q, loaded)}`);
    else plain.push(role);
  }
  return [describeRoles(plain), ...claimed].filter(Boolean).join('; ') || null;
}

export function timeWords(t: TimeFact): string {
  const words = t.type === 'date' || t.type === 'time' ? dateInWords(t.value) : null;
  if (!words) return t.text;
  return words.toLowerCase().includes(t.text.toLowerCase()) ? words : `${t.text} (${words})`;
}

export function result(type: QuestionType, answer: AnswerText, confidence: number, citations: Citation[], context: ConversationContext): AskResult {
  const text = answer === null || typeof answer === 'string' ? answer : answer.text;
  const a: Answer = { answer: text, type, confidence: Math.round(confidence * 100) / 100, citations };
  if (answer !== null && typeof answer !== 'string') a.lead = answer.lead;
  return { answer: a, context };
}

/** "Mr. Sharpton, a pastor" led by the full name the speaker resolved to: "Al Sharpton, a pastor". */
function withFullName(lead: string, fullName: string): string {
  const surname = fullName.split(/\s+/).pop() ?? '';
  const opening = /^(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?([\p{L}'’.-]+)(?=$|[\s,(])/u.exec(lead);
  if (!opening || opening[1] !== surname || fullName.split(/\s+/).length < 2) return lead;
  return fullName + lead.slice(opening[0].length);
}

/**
 * A short answer with the sentence that supports it. When that sentence is someone's claim,
 * the short answer says whose: "Silverio Villegas-Gonzalez, according to DHS".
 * `quoted`: a number or a name is someone's claim only when it stands in what they said (the age
 * in "Judge Mendes told Victor Hale, 54, that …" is the writer's).
 */
export function supported(lib: Library, ref: SentenceRef, lead: string, max = 300, quoted?: string): { text: string; lead: string } {
  const claim = attributionOf(lib.article(ref.article), ref.sentence);
  const q = claim && quoted !== undefined && !lib.article(ref.article).article.text.slice(claim.start, claim.end).includes(quoted) ? null : claim;
  const who = q ? speakerName(q) : null;
  // The speaker's own name in the lead ("Ruth Adair (Dunmore Mayor)" for "Dunmore Mayor Ruth Adair") needs no "according to".
  const surname = who ? lookupKey(who).split(' ').pop() : undefined;
  const ownName = !!who && (lookupKey(lead).includes(lookupKey(who)) || (!!surname && /^\p{Lu}/u.test(who) && lookupKey(lead).split(' ').includes(surname)));
  const sourced = who && q && !ownName ? `${lead}, according to ${accordingTo(q, lib.article(ref.article))}` : who && ownName ? withFullName(lead, who) : lead;
  return { text: `${sourced} — ${clip(lib.sentenceText(ref), max)}`, lead: sourced };
}

/** Updates the conversation with what an answer was about. */
export function remember(context: ConversationContext, cites: Citation[], entity?: Entity): ConversationContext {
  const next: ConversationContext = { ...context };
  if (cites[0]) next.articleId = cites[0].articleId;
  if (entity?.kind === 'person') next.person = entity.name;
  else if (entity && entity.kind === 'organization') next.organization = entity.name;
  return next;
}

/**
 * The part of an overlong sentence (run-together captions and bullets) that holds the most
 * of the asked words, so the answer starts where it is, not hundreds of characters before.
 */
function excerpt(text: string, words: string[], max = 320): string {
  if (text.length <= max || words.length === 0) return text;
  const hits = askedWordsIn(text, words);
  if (hits.length === 0) return text;
  // The tightest run of hits that holds the most distinct asked words.
  let best = { from: 0, count: 0, span: Infinity };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j].at - hits[i].at < max; j++) {
      seen.add(hits[j].term);
      const span = hits[j].at - hits[i].at;
      if (seen.size > best.count || (seen.size === best.count && span < best.span)) best = { from: Math.max(0, hits[i].at - 30), count: seen.size, span };
    }
  }
  if (best.from === 0) return text;
  const start = text.indexOf(' ', best.from) + 1;
  return `…${text.slice(start)}`;
}

// Words that give a reason: the sentence that says why, not the one that restates what.
