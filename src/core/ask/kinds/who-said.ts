// "Who said '…'?": the speaker of the quote that holds the asked words, as the article introduces them.
import { isFirstName } from '../../../knowledge/entities/index.ts';
import type { QuoteFact } from '../../../knowledge/facts.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { postAuthor } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, type LoadedArticle, lookupKey, terms } from '../../library.ts';
import { affiliation } from '../../wording.ts';
import { remember, result, rolesOf, speakerName, supported } from '../compose.ts';
import { citation, coverage, retrieve, sentenceAt } from '../evidence.ts';
import { entityOfName } from '../focus.ts';
import type { AskResult } from '../types.ts';

/**
 * A who-answer leads with the who: a long introduction ("Donna Brazile, the interim
 * chairwoman of the Democratic National Committee") shortens to the name and the
 * organisation it ties them to; the cited sentence keeps the rest.
 */
function shortSpeaker(name: string, introduction: string, isPerson: (name: string) => boolean): string {
  if (introduction.length <= 60) return introduction;
  const surname = lookupKey(name).split(' ').pop() ?? '';
  const cut = introduction.search(/\s*[,(;]/);
  const head = cut > 0 ? introduction.slice(0, cut) : introduction;
  const shown = lookupKey(head).split(' ').includes(surname) ? head : name;
  const org = affiliation(introduction.slice(shown === head ? head.length : 0));
  // "… following the departure of Bill Bratton": a person is nobody's organisation. Without an
  // organisation the name alone leads; the cited sentence still has the rest.
  if (org && !lookupKey(shown).includes(lookupKey(org)) && !isPerson(org)) return `${shown} (${org})`;
  // "Ronald R. Fieldstone, a Miami lawyer who has been involved in …" → up to the relative clause.
  const core = introduction.split(/\s+(?:who|whom|whose|which|that)\s/)[0].replace(/[,;(\s]+$/, '');
  if (core.length <= 60 && core !== introduction) return core;
  return shown === head ? head : introduction;
}

export function answerWhoSaid(lib: Library, q: Question, context: ConversationContext): AskResult {
  const words = terms(q.quote ?? q.text);
  const hits = retrieve(lib, words, context, 10);
  let best: { loaded: LoadedArticle; quote: QuoteFact; overlap: number } | null = null;
  const wanted = new Set(words);
  for (const hit of hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    for (const quote of loaded.facts.quotes) {
      if (quote.end <= s.start || quote.start >= s.end) continue;
      const qt = new Set(terms(quote.text));
      let overlap = 0;
      for (const w of wanted) if (qt.has(w)) overlap++;
      const score = overlap / Math.max(1, wanted.size);
      if (!best || score > best.overlap) best = { loaded, quote, overlap: score };
    }
  }
  // Quoted words must mostly match; a paraphrase ("who said the well was empty") needs less.
  const needed = q.quote && frameOf(q).constraints.quoted ? 0.5 : 0.34;
  // A speaker the extractor left as a pronoun ("… too fast!!" he said) names no one: the words
  // are in the articles without a speaker, as below.
  const who = best && best.overlap >= needed ? speakerName(best.quote) : null;
  if (best && who && best.quote.speaker) {
    const entity = best.quote.speaker.entity ? best.loaded.facts.entities.find((e) => e.id === best!.quote.speaker!.entity) : entityOfName(best.loaded, who);
    const ref = { article: best.loaded.index, sentence: sentenceAt(best.loaded, best.quote.start) };
    const cite = citation(lib, ref);
    // The speaker as the article introduces them ("Sen. Claire McCaskill (D-Mo.)") says most;
    // a pronoun or a bare surname gets the resolved name and roles instead.
    const mention = best.quote.speaker.text.replace(/\s+/g, ' ').trim();
    const surname = lookupKey(who).split(' ').pop() ?? '';
    const described = mention.length <= 120 && mention.length > who.length && lookupKey(mention).split(' ').includes(surname);
    // A bare "Retired Lt. Gen. Michael Flynn" still gains what the article says of him elsewhere,
    // less what the name already shows.
    const shown = described ? mention : who;
    const extra = !/[,(]/.test(shown) && entity ? rolesOf(best.loaded, { ...entity, roles: entity.roles.filter((r) => !shown.includes(r)) }) : null;
    const introduction = `${shown}${extra ? ` (${extra})` : ''}`;
    // A person the table knows, whose name opens with a given name (the table also mistakes
    // firms for people: "Crosscut Strategies").
    const isPerson = (name: string) => entityOfName(best!.loaded, name)?.kind === 'person' && isFirstName(name.split(' ')[0]);
    const lead = shortSpeaker(who, introduction, isPerson);
    return result('who-said', supported(lib, ref, lead, 220), 0.5 + best.overlap / 2, [cite], remember(context, [cite], entity));
  }
  const top = hits[0];
  if (top && coverage(lib, words, top) > 0.6) {
    // Words of an embedded post are its author's: the post's byline follows them in the paragraph.
    const loaded = lib.article(top.article);
    const s = loaded.facts.sentences[top.sentence];
    const post = s ? postAuthor(loaded.article.text, s.start) : null;
    const cite = citation(lib, top);
    if (post) return result('who-said', supported(lib, top, `${post.name} (${post.handle}), in a post dated ${post.date}`, 220), 0.6, [cite], remember(context, [cite]));
    // The words are in the articles but no speaker is given for them.
    return result('who-said', null, 0.3, [cite], context);
  }
  return result('who-said', null, 0.1, [], context);
}
