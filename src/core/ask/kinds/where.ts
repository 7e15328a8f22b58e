// "Where …": the place named nearest the asked words; "where is X from" (a nationality) and
// "where is <place>" (what contains it).
import { countryOfDemonym } from '../../../knowledge/entities/index.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { NATIONALITY } from '../../../knowledge/sentence/index.ts';
import { articleInFocus, type ConversationContext } from '../../conversation.ts';
import { Library, lookupKey, terms } from '../../library.ts';
import { escapeRegExp, stateName } from '../../wording.ts';
import { remember, result, supported } from '../compose.ts';
import { citation, coverage, leadSentence, placesIn, type Ranked, retrieve, sentenceAt, topicTerms, wordDistance } from '../evidence.ts';
import { resolveSubject } from '../focus.ts';
import type { AskResult } from '../types.ts';

/** "Where is Silverio Villegas-Gonzalez from?": the country his nationality names, from a sentence about him. */
function answerWhereFrom(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const subject = frameOf(q).constraints.origin;
  if (!subject) return null;
  const name = resolveSubject(subject, context) ?? subject;
  for (const ref of lib.findEntities(name, 20)) {
    if (ref.entity.kind !== 'person') continue;
    const loaded = lib.article(ref.article);
    for (const m of ref.entity.mentions) {
      const sentence = sentenceAt(loaded, m.start);
      const hit = { article: ref.article, sentence };
      const nationality = NATIONALITY.exec(lib.sentenceText(hit));
      const country = nationality ? countryOfDemonym(nationality[1]) : null;
      if (!country) continue;
      const cite = citation(lib, hit);
      return result('where', supported(lib, hit, `${country} (${nationality![0].replace(/^(a|an)\s+/, 'a ')})`), 0.7, [cite], remember(context, [cite], ref.entity));
    }
  }
  return null;
}

/**
 * "Where is Franklin Park?": a place asked about is answered only by what the articles say contains
 * it ("Franklin Park, Ill.", "Franklin Park, a suburb of Chicago", "in Franklin Park near Chicago").
 */
function answerWhereIsPlace(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const asked = frameOf(q).constraints.placeAsked;
  if (!asked || !/^\p{Lu}/u.test(asked)) return null;
  const places = lib.findEntities(asked, 20).filter((r) => r.entity.kind === 'place');
  if (places.length === 0) return null;
  const name = escapeRegExp(asked);
  const container = new RegExp(`${name}(?:,\\s+(?:a|an|the)\\s+(?:\\p{Ll}+\\s+){0,2}?(?:suburb|neighbou?rhood|district|town|village|city|area|region|county|province|state)\\s+(?:of|in|outside|near)\\s+|,\\s+|\\s+(?:in|near|outside)\\s+(?:the\\s+)?)((?:\\p{Lu}[\\p{L}.'’-]*)(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*)`, 'u');
  for (const ref of places) {
    const loaded = lib.article(ref.article);
    for (const m of ref.entity.mentions) {
      const hit = { article: ref.article, sentence: sentenceAt(loaded, m.start) };
      const found = container.exec(lib.sentenceText(hit));
      const within = found?.[1];
      // The container is a place the articles know, or a state written as "Ill.".
      if (!within || !(lib.findEntities(within, 1)[0]?.entity.kind === 'place' || /^[A-Z][a-z]{1,4}\.$/.test(within))) continue;
      const cite = citation(lib, hit);
      return result('where', supported(lib, hit, stateName(within)), 0.6, [cite], remember(context, [cite], ref.entity));
    }
  }
  return result('where', null, 0.3, [], context);
}

export function answerWhere(lib: Library, q: Question, context: ConversationContext): AskResult {
  const from = answerWhereFrom(lib, q, context) ?? answerWhereIsPlace(lib, q, context);
  if (from) return from;
  const words = topicTerms(q);
  let candidates: Ranked[] = [];
  if (words.length > 0) candidates = retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.4);
  const generic = candidates.length === 0;
  if (generic) {
    if (words.length > 0 && !context.articleId && lib.size > 1) return result('where', null, 0.1, [], context);
    const loaded = articleInFocus(lib, context);
    if (!loaded) return result('where', null, 0.1, [], context);
    const lead = leadSentence(loaded);
    candidates = loaded.facts.sentences.slice(lead, lead + 12).map((_, i) => ({ article: loaded.index, sentence: lead + i, score: 1, matched: 0 }));
    if (candidates.length === 0) return result('where', null, 0.1, [], context);
  }
  const places: Array<{ name: string; ref: Ranked; score: number; named: boolean }> = [];
  const wanted = new Set(words);
  // "Where in China …" asks for a place inside China, not China.
  const asked = lookupKey(q.text);
  const inQuestion = (name: string) => name.length > 1 && ` ${asked} `.includes(` ${lookupKey(name)} `);
  // "Which village …": a place whose name says it is one ("Zhongmengchang Village") answers best.
  const kindNoun = frameOf(q).constraints.placeNoun;
  for (const [rank, hit] of candidates.slice(0, generic ? 12 : 6).entries()) {
    // Among the best sentences, the place next to the asked words wins; without topic words
    // the article's order decides.
    const distance = generic ? () => 0 : wordDistance(lib, hit, words);
    for (const place of placesIn(lib, hit)) {
      if ([place.name, ...(place.entity?.aliases ?? [])].some(inQuestion)) continue;
      // "the bottom of the well" does not say where the well is.
      if (place.head && wanted.has(terms(place.head)[0] ?? '')) continue;
      // A named place says more than a phrase ("at a rally") from the same sentence.
      const score = (generic ? 100 - rank : hit.score / (1 + Math.min(distance(place), 400) / 60)) * (place.entity ? 1 : 0.7);
      const seen = places.find((p) => p.name === place.name);
      if (!seen) places.push({ name: place.name, ref: hit, score, named: !!place.entity });
      else if (score > seen.score) Object.assign(seen, { ref: hit, score });
    }
  }
  places.sort((a, b) => b.score - a.score);
  if (kindNoun) {
    const i = places.findIndex((p) => p.named && lookupKey(p.name).split(' ').includes(kindNoun));
    if (i > 0) places.unshift(...places.splice(i, 1));
  }
  const first = places[0];
  if (!first) {
    const loaded = lib.article(candidates[0].article);
    if (loaded.facts.event?.where) {
      const cite = citation(lib, candidates[0]);
      return result('where', supported(lib, candidates[0], loaded.facts.event.where), 0.5, [cite], remember(context, [cite]));
    }
    return result('where', null, 0.3, [], context);
  }
  const cites = [citation(lib, first.ref)];
  // "The article also mentions …": places of the same article only.
  const others = places.slice(1).filter((p) => p.named && p.ref.article === first.ref.article).slice(0, 3).map((p) => p.name);
  for (const p of places.slice(1, 3)) {
    const c = citation(lib, p.ref);
    if (!cites.some((x) => x.start === c.start && x.articleId === c.articleId)) cites.push(c);
  }
  const lead = `${first.name}${others.length ? ` (the article also mentions ${others.join(', ')})` : ''}`;
  return result('where', supported(lib, first.ref, lead), 0.7, cites, remember(context, cites));
}
