// "Who is X?": what the articles say X is (their roles), else the sentence that mentions X.
import { PERSON_PRONOUNS, type Question } from '../../../knowledge/question/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, lookupKey, terms } from '../../library.ts';
import { clip, withIndefinite } from '../../wording.ts';
import { remember, result, rolesOf } from '../compose.ts';
import { citation, coverage, sentenceAt } from '../evidence.ts';
import { resolveSubject } from '../focus.ts';
import type { AskResult } from '../types.ts';
import { answerHappened } from './happened.ts';
import { answerWho } from './who.ts';

export function answerWhoIs(lib: Library, q: Question, context: ConversationContext): AskResult {
  const subject = resolveSubject(q.subject ?? '', context);
  if (!subject) return result('who-is', null, 0.1, [], context);
  const refs = lib.findEntities(subject);
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  const preferred = current === undefined ? undefined : refs.find((r) => r.article === current);
  // The best-ranked few are looked at for roles: each look reads an article (a common name has thousands).
  const withRoles = refs.slice(0, 30).find((r) => r.entity.roles.length > 0);
  const ref = withRoles ?? preferred ?? refs[0];
  if (!ref) {
    const hits = lib.search(terms(subject), { limit: 1 });
    const top = hits[0];
    if (top && coverage(lib, terms(subject), top) >= 0.99) {
      const cite = citation(lib, top);
      return result('who-is', `${subject} is mentioned: ${clip(cite.sentence, 300)}`, 0.4, [cite], remember(context, [cite]));
    }
    return result('who-is', null, 0.1, [], context);
  }
  const loaded = lib.article(ref.article);
  const { entity } = ref;
  const roles = rolesOf(loaded, entity);
  const mention = entity.mentions[0];
  const cite = citation(lib, { article: ref.article, sentence: mention ? sentenceAt(loaded, mention.start) : 0 });
  const kind = entity.kind === 'person' ? '' : entity.kind === 'organization' ? ' (an organisation)' : entity.kind === 'place' ? ' (a place)' : '';
  const alsoKnown = entity.aliases.filter((a) => lookupKey(a) !== lookupKey(entity.name) && a.length > 1).slice(0, 3);
  const text = roles
    ? `${entity.name} is ${withIndefinite(roles)}${alsoKnown.length ? ` (also "${alsoKnown.join('", "')}")` : ''}.`
    : `${entity.name}${kind}${alsoKnown.length ? `, also "${alsoKnown.join('", "')}"` : ''}: ${clip(cite.sentence, 300)}`;
  return result('who-is', text, roles ? 0.85 : 0.6, [cite], remember(context, [cite], entity));
}

/**
 * "Who is X?": a lower-case guess ("who was arrested") is a name only if someone has it; "who is
 * the suspect?" is no name either, and falls back to a who-question about the events.
 */
export function answerWhoIsQuestion(lib: Library, q: Question, context: ConversationContext): AskResult {
  if (q.nameGuess && lib.findEntities(q.subject ?? '', 1).length === 0) {
    return q.query ? answerHappened(lib, { ...q, type: 'what-happened' }, context) : answerWho(lib, { ...q, type: 'who' }, context);
  }
  const r = answerWhoIs(lib, q, context);
  return r.answer.answer === null && !PERSON_PRONOUNS.test(q.subject ?? '') ? answerWho(lib, { ...q, type: 'who' }, context) : r;
}
