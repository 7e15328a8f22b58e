// "Who stabbed X?", "which harbour legend waved off the crew?": the one in the asked role of the
// act — the agent before an active verb, the "by" phrase after a passive one, the one a role noun
// names — never the one the act was done to, nor a name from the question itself.
import type { Entity } from '../../../knowledge/facts.ts';
import { frameOf, type Question } from '../../../knowledge/question/index.ts';
import { namedAsRole } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, type LoadedArticle, lookupKey, terms } from '../../library.ts';
import { remember, result, rolesOf, supported } from '../compose.ts';
import { askedWordsIn, citation, coverage, entitiesIn, inNamingArticles, retrieve, type Ranked, topicTerms } from '../evidence.ts';
import type { AskResult } from '../types.ts';

/** "was stabbed", "were allegedly shot", "had been seen": the verb after it is passive. */
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\p{L}+ly\s+)?$/iu;

/** How far (in characters) an agent may stand before its verb: "Kyle Brandt, 29, allegedly stabbed". */
const AGENT_REACH = 80;

/** Words that end a clause between an agent and its verb: the name before them is another clause's. */
const CLAUSE_BREAK = /[.;:!?]|\b(?:and|but|while|after|before|when|because|who|which|that)\b/i;

/** Sentences the topic leads to, best first, in the articles that name whom the question names. */
function evidence(lib: Library, q: Question, context: ConversationContext): { words: string[]; hits: Ranked[] } {
  const words = topicTerms(q);
  const hits = inNamingArticles(lib, q, retrieve(lib, words, context, 10));
  const top = hits[0];
  if (!top || coverage(lib, words, top) < 0.4) return { words, hits: [] };
  // The story of the best hit, read further for the sentence that tells the act.
  const more = lib.search(words, { limit: 30, articles: new Set([top.article]) });
  return { words, hits: [...hits.filter((h) => h.article === top.article), ...more] };
}

function answer(lib: Library, hit: Ranked, entity: Entity, context: ConversationContext): AskResult {
  const loaded = lib.article(hit.article);
  const cite = citation(lib, hit);
  const roles = rolesOf(loaded, entity);
  return result('who', supported(lib, hit, roles ? `${entity.name} (${roles})` : entity.name), 0.75, [cite], remember(context, [cite], entity));
}

/** Whether an entity is one the question names itself ("who stabbed Dean Morrow" is not answered "Dean Morrow"). */
function askedAbout(entity: Entity, asked: Set<string>): boolean {
  return terms(entity.name).some((t) => asked.has(t));
}

/** The agent of the verb at `verbAt` (an offset in the article): by-phrase when passive, else the name just before it. */
function agentAt(loaded: LoadedArticle, sentence: number, verbAt: number, verbEnd: number, asked: Set<string>): Entity | undefined {
  const s = loaded.facts.sentences[sentence];
  const text = loaded.article.text;
  // "the shooting", "his attack": the act named as a thing has no agent before it.
  if (/\b(?:the|a|an|his|her|their|its|this|that)\s+(?:\p{L}+\s+)?$|['’]s\s+$/iu.test(text.slice(Math.max(s.start, verbAt - 30), verbAt))) return undefined;
  const named = entitiesIn(loaded, sentence, ['person', 'organization']).filter((x) => !askedAbout(x.entity, asked));
  // "was stabbed by a neighbour, Kyle Brandt", "The law, signed by Gov. Sam Brownback": the first one named after "by".
  const by = /^\s+by\s/i.exec(text.slice(verbEnd, s.end));
  if (by) return named.find((x) => x.at >= verbEnd && x.at - verbEnd <= by[0].length + 40)?.entity;
  if (PASSIVE_BEFORE.test(text.slice(s.start, verbAt))) return undefined;
  return nameBefore(loaded, sentence, verbAt, named);
}

/** The one named last before an offset in a sentence, in the same clause and not far: the subject of the verb there. */
function nameBefore(loaded: LoadedArticle, sentence: number, verbAt: number, named: Array<{ entity: Entity }>): Entity | undefined {
  const s = loaded.facts.sentences[sentence];
  const text = loaded.article.text;
  const verbEnd = verbAt + (/^\p{L}+/u.exec(text.slice(verbAt))?.[0].length ?? 0);
  let best: { entity: Entity; end: number } | undefined;
  for (const { entity } of named) {
    for (const m of entity.mentions) {
      if (m.start < s.start || m.end > verbAt || verbAt - m.end > AGENT_REACH) continue;
      // "Fenwick's supporters outvoted them": the supporters did it, not Fenwick.
      if (/^['’]s?\s/.test(text.slice(m.end, m.end + 3))) continue;
      // (", 29," is an age; "charged … after allegedly shooting": the participle's agent is the clause's subject.)
      const gap = text.slice(m.end, verbAt).replace(/,\s*\d{1,3}\s*,/, ',').replace(/\b(?:after|before|while|when|by)\s+(?:\p{L}+ly\s+)?$/iu, (x) => (/ing$/i.test(text.slice(verbAt, verbEnd)) ? '' : x));
      if (CLAUSE_BREAK.test(gap)) continue;
      if (!best || m.end > best.end) best = { entity, end: m.end };
    }
  }
  return best?.entity;
}

/** Who stands in the asked role at one occurrence of the act's verb (offsets in the article). */
type RoleAt = (loaded: LoadedArticle, sentence: number, verbAt: number, verbEnd: number, asked: Set<string>) => Entity | undefined;

/** "Kyle Brandt, 29, was charged": the one named just before a passive verb. */
const patientAt: RoleAt = (loaded, sentence, verbAt, _verbEnd, asked) => {
  if (!PASSIVE_BEFORE.test(loaded.article.text.slice(loaded.facts.sentences[sentence].start, verbAt))) return undefined;
  const named = entitiesIn(loaded, sentence, ['person', 'organization']).filter((x) => !askedAbout(x.entity, asked));
  return nameBefore(loaded, sentence, verbAt, named);
};

/**
 * In the sentences the topic leads to that tell the act (and, `withObject`, something else asked:
 * "… stabbed Morrow twice"), the first one `roleAt` finds at the act's verb. Null when none.
 */
function firstInRole(lib: Library, q: Question, context: ConversationContext, verb: string, roleAt: RoleAt, withObject: boolean): AskResult | null {
  const act = terms(verb)[0];
  if (!act) return null;
  const { words, hits } = evidence(lib, q, context);
  const rest = words.filter((w) => w !== act);
  const asked = new Set(terms(q.text));
  for (const hit of hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const said = lib.sentenceText(hit);
    if (withObject && rest.length > 0 && askedWordsIn(said, rest).length === 0) continue;
    for (const at of askedWordsIn(said, [act])) {
      const verbAt = s.start + at.at;
      const verbEnd = verbAt + (/^\p{L}+/u.exec(said.slice(at.at))?.[0].length ?? 0);
      const found = roleAt(loaded, hit.sentence, verbAt, verbEnd, asked);
      if (found) return answer(lib, hit, found, context);
    }
  }
  return null;
}

/**
 * "Who stabbed Cheryl Morrow?": in the sentences that tell the act, the one who did it; "who's
 * been charged?": the one it was done to. Null when no such sentence names them (the caller then
 * tries its other ways).
 */
export function answerAgent(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const { predicate } = frameOf(q);
  // "Who's been charged?" asks for the one it was done to; "who's accused of shooting X" for the
  // agent of the act under the accusation.
  if (predicate.passive && predicate.participle && (!predicate.act || terms(predicate.act)[0] === terms(predicate.participle)[0])) {
    return firstInRole(lib, q, context, predicate.participle, patientAt, false);
  }
  const verb = predicate.verb ?? predicate.act;
  if (predicate.passive || !verb) return null;
  return firstInRole(lib, q, context, verb, agentAt, true);
}

/** Whether a sentence tells an act in any form, a noun made from it too: "pay" in "make the payment". */
function tellsAct(sentence: string, act: string): boolean {
  const stem = terms(act)[0];
  return !!stem && stem.length >= 3 && terms(sentence).some((t) => t.startsWith(stem));
}

/**
 * "Which harbour legend waved off the crew?": in the sentences about the act, the one the role
 * noun names ("harbour legend Tom Keel"). Null when none is named so.
 */
export function answerWhichRole(lib: Library, q: Question, context: ConversationContext): AskResult | null {
  const role = frameOf(q).constraints.which;
  const head = role ? lookupKey(role).split(' ').pop() : undefined;
  if (!head || head.length < 3) return null;
  const { hits } = evidence(lib, q, context);
  const asked = new Set(terms(q.text).filter((t) => t !== terms(head)[0]));
  // Where sentences tell the act, only those: "singer Cher said …" does not answer "which singer
  // had to apologise" when "Demi Lovato was forced to apologise" is told (the agent's way finds her).
  const act = frameOf(q).predicate.act;
  const telling = act ? hits.filter((h) => tellsAct(lib.sentenceText(h), act)) : [];
  for (const hit of telling.length > 0 ? telling : hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const text = loaded.article.text;
    for (const { entity, at } of entitiesIn(loaded, hit.sentence, ['person'])) {
      if (askedAbout(entity, asked)) continue;
      const mention = entity.mentions.find((m) => m.start === at)!;
      if (namedAsRole(text.slice(Math.max(s.start, at - 40), at), text.slice(mention.end, Math.min(s.end, mention.end + 40)), head)) return answer(lib, hit, entity, context);
    }
  }
  return null;
}
