// "Who did / was …": the one in the asked role — the agent of the asked verb, the one it was done
// to, or the holder of a named role.
import type { Entity } from '../../../knowledge/facts.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { agentAfterBy, namedAsRole, OBJECT_PHRASE, passiveSubject, subjectBefore } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { type EntityRef, Library, lookupKey, terms } from '../../library.ts';
import { clip } from '../../wording.ts';
import { attributed, remember, result, rolesOf, supported } from '../compose.ts';
import { askedWordsIn, citation, coverage, entitiesIn, GENERIC, inNamingArticles, isAskedWord, retrieve, sentenceAt, sharesWord, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';
import { answerAgent, answerWhichRole } from './agent.ts';
import { answerName } from './name.ts';

/**
 * "Who is the chairman of the oversight committee?": the entity whose roles hold the asked
 * role's head noun ("chairman") and most of its other words.
 */
function holderOfRole(lib: Library, role: string, context: ConversationContext): AskResult | null {
  const before = role.split(/\s+(?:of|in|at|for|on|from)\s+/i)[0];
  const head = lookupKey(before).split(' ').pop();
  if (!head || head.length < 3) return null;
  const words = lookupKey(role).split(' ').filter((w) => w.length > 2 && w !== head && !['the', 'and'].includes(w));
  let best: { ref: EntityRef; score: number } | null = null;
  for (const ref of lib.findByRole(head)) {
    if (ref.entity.kind !== 'person') continue;
    const described = ` ${lookupKey([...ref.entity.roles, ref.entity.name].join(' '))} `;
    const score = words.filter((w) => described.includes(` ${w} `)).length + (ref.article === lib.get(context.articleId ?? '')?.index ? 0.5 : 0);
    if (!best || score > best.score || (score === best.score && ref.entity.mentions.length > best.ref.entity.mentions.length)) best = { ref, score };
  }
  // Every other asked word that the article could hold must count for something.
  if (!best || (words.length > 0 && best.score < 1)) return null;
  const loaded = lib.article(best.ref.article);
  const { entity } = best.ref;
  const mention = entity.mentions.find((m) => lookupKey(lib.sentenceText({ article: loaded.index, sentence: sentenceAt(loaded, m.start) })).includes(head)) ?? entity.mentions[0];
  const ref = { article: loaded.index, sentence: mention ? sentenceAt(loaded, mention.start) : 0 };
  const cite = citation(lib, ref);
  const roles = rolesOf(loaded, entity);
  return result('who', supported(lib, ref, roles ? `${entity.name} (${roles})` : entity.name), 0.7, [cite], remember(context, [cite], entity));
}

/**
 * "Who did the mayor ask for help?": the one the act was done to, named right after the verb in
 * the sentence that tells it ("asked Governor Paul Brandt for help"). Null when no sentence has the verb.
 */
function answerWhoObject(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const m = frameOf(q).predicate.object;
  if (!m || /^(you|i|we)$/i.test(m.subject)) return null;
  const verb = terms(m.verb)[0];
  if (!verb) return null;
  const words = [...terms(m.subject), verb, ...terms(m.rest)].filter((t) => !GENERIC.has(t));
  // The asker's subject must be the sentence's, or someone its article names ("Haskell thanked …").
  const subjectTerms = terms(m.subject).filter((t) => !GENERIC.has(t));
  const namingArticles = new Set(lib.findEntities(m.subject, 50).map((r) => r.article));
  for (const hit of retrieve(lib, words, context, 10).filter((h) => coverage(lib, words, h) >= 0.4)) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    if (subjectTerms.length > 0 && !sharesWord(lib, hit, subjectTerms) && !namingArticles.has(hit.article)) continue;
    const at = askedWordsIn(lib.sentenceText(hit), [verb])[0];
    if (!at) continue;
    const verbEnd = s.start + at.at + (/^\p{L}+/u.exec(lib.sentenceText(hit).slice(at.at))?.[0].length ?? 0);
    // A person or organisation named within a few words after the verb.
    const named = entitiesIn(loaded, hit.sentence, ['person', 'organization'])
      .map(({ entity }) => ({ entity, at: entity.mentions.find((x) => x.start >= verbEnd && x.start - verbEnd <= 30)?.start }))
      .filter((x): x is { entity: Entity; at: number } => x.at !== undefined)
      .sort((a, b) => a.at - b.at)[0];
    const cite = citation(lib, hit);
    if (named) {
      const roles = rolesOf(loaded, named.entity);
      return result('who', supported(lib, hit, roles ? `${named.entity.name} (${roles})` : named.entity.name), 0.7, [cite], remember(context, [cite], named.entity));
    }
    // "told analysts the plant …": a noun phrase right after the verb.
    const phrase = OBJECT_PHRASE.exec(loaded.article.text.slice(verbEnd, s.end))?.[1];
    if (phrase) return result('who', supported(lib, hit, phrase), 0.6, [cite], remember(context, [cite]));
  }
  // "Who did Owen Marsh shoot?", where no sentence tells the shooting with its object: an act of
  // harm is done to the one the subject's story calls the victim ("… said victim Paula Greer had …").
  if (HARM.has(verb)) {
    const victim = victimIn(lib, m.subject, context);
    if (victim) return victim;
  }
  // No sentence tells the act: the articles do not say who.
  return result('who', null, 0.2, [], context);
}

/** Acts done to a victim. */
const HARM = new Set(terms('shoot kill stab attack murder punch assault injure wound beat strangle'));

/** The person named as the victim in a story that names the subject ("victim Paula Greer"). */
function victimIn(lib: Library, subject: string, context: ConversationContext): AskResult | null {
  const stories = new Set(lib.findEntities(subject, 50).map((r) => r.article));
  if (stories.size === 0) return null;
  for (const hit of lib.search(terms('victim'), { articles: stories, limit: 20 })) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const text = loaded.article.text;
    for (const { entity, at } of entitiesIn(loaded, hit.sentence, ['person'])) {
      const end = entity.mentions.find((x) => x.start === at)!.end;
      if (!namedAsRole(text.slice(Math.max(s.start, at - 40), at), text.slice(end, Math.min(s.end, end + 40)), 'victim')) continue;
      const cite = citation(lib, hit);
      return result('who', supported(lib, hit, entity.name), 0.65, [cite], remember(context, [cite], entity));
    }
  }
  return null;
}

export function answerWho(lib: Library, q: Question, context: ConversationContext): AskResult {
  const object = answerWhoObject(lib, q, context);
  if (object) return object;
  const inRole = answerWhichRole(lib, q, context) ?? answerAgent(lib, q, context);
  if (inRole) return inRole;
  // "Who is the fbi director?" names a role; "who was the man who was shot" a clause.
  const { predicate, constraints: { role } } = frameOf(q);
  if (role) {
    const byRole = holderOfRole(lib, role, context);
    if (byRole) return byRole;
    // "… communications director Jennifer Palmieri said": the name next to the role's words.
    const named = answerName(lib, { ...q, type: 'name', about: role }, context);
    if (named.answer.answer) return { ...named, answer: { ...named.answer, type: 'who' } };
  }
  const words = q.about ? terms(q.about) : topicTerms(q);
  const hits = inNamingArticles(lib, q, retrieve(lib, words, context, 10));
  // "Who shot Gonzalez?" is answered where the shooting is told, not where Gonzalez is named most.
  const verb = predicate.verb;
  const act = verb ? terms(verb)[0] : undefined;
  let top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return result('who', null, 0.1, [], context);
  if (act && !terms(lib.sentenceText(top)).includes(act)) {
    // The verb as asked ("shot") before another form of it ("the shooting").
    const inArticle = lib.search(words, { limit: 20, articles: new Set([top.article]) });
    const asWritten = new RegExp(`\\b${verb}\\b`, 'i');
    const told = inArticle.find((h) => asWritten.test(lib.sentenceText(h))) ?? inArticle.find((h) => terms(lib.sentenceText(h)).includes(act));
    if (told) top = { ...told };
  }
  const loaded = lib.article(top.article);
  const cite = citation(lib, top);
  // "Who was shot?" and "the kid who fell down the well" ask for the one it happened to.
  const passive = predicate.passive || Boolean(q.about);
  const asked = new Set(terms(q.text));
  const named = entitiesIn(loaded, top.sentence, ['person', 'organization']).filter((x) => !terms(x.entity.name).some((t) => asked.has(t)));
  let lead: string | null = null;
  let entity: Entity | undefined;
  if (passive) {
    // The one something happened to: a person named in the sentence, else the person the story is about.
    const people = named.filter((x) => x.entity.kind === 'person');
    const speakers = new Set(loaded.facts.quotes.map((x) => x.speaker?.entity).filter(Boolean));
    const main = [...loaded.facts.entities]
      .filter((e) => e.kind === 'person' && !speakers.has(e.id))
      .sort((a, b) => b.mentions.length - a.mentions.length)[0];
    // A person named once in a caption is a weaker answer than the person the story is about.
    const inSentence = [...people].sort((a, b) => b.entity.mentions.length - a.entity.mentions.length)[0]?.entity;
    // "… while 50 other passengers were injured": the sentence's own passive subject, when it
    // names no one, says who better than the story's main figure.
    const participle = predicate.participle;
    const sufferer = !inSentence && participle ? passiveSubject(cite.sentence, participle) : null;
    // Asked for a role no one is named in ("who was the tram driver"), the story's main figure is
    // no answer: the sentence about the role is.
    const fallback = role ? undefined : main;
    entity = inSentence && (!fallback || inSentence.mentions.length * 2 >= fallback.mentions.length) ? inSentence : sufferer ? undefined : fallback ?? inSentence;
    if (entity) {
      const roles = rolesOf(loaded, entity);
      lead = roles ? `${entity.name} (${roles})` : entity.name;
    } else lead = sufferer;
  } else {
    lead = (act ? agentAfterBy(cite.sentence, isAskedWord([act])) ?? subjectBefore(cite.sentence, isAskedWord([act])) : null) ?? subjectBefore(cite.sentence, isAskedWord(words));
    // The one the subject names, else (no subject found) the first one named.
    const inLead = (e: Entity) => !!lead && lookupKey(lead).includes(lookupKey(e.name).split(' ').pop() ?? '\u0000');
    const firstNamed = named.find((x) => inLead(x.entity))?.entity ?? (lead ? undefined : named[0]?.entity);
    if (firstNamed) {
      entity = firstNamed;
      // "Fenwick's supporters" did it, not Fenwick.
      if (!lead || !/['’]s?\s+\S/.test(lead)) lead = firstNamed.name;
    }
  }
  const text = lead ? supported(lib, top, lead, 400) : clip(attributed(lib, top), 400);
  return result('who', text, lead ? 0.7 : 0.45, [cite], remember(context, [cite], entity));
}
