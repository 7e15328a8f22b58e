// What a question is about, resolved through the conversation: "he" is its person, "it" its
// organisation; a name is looked up in an article's entity table.
import type { Entity } from '../../knowledge/facts.ts';
import { GROUP_PRONOUNS, mentionsPerson, PERSON_PRONOUNS, type Question, type QuestionType, withPersonNamed } from '../../knowledge/question/index.ts';
import type { ConversationContext } from '../conversation.ts';
import { type LoadedArticle, lookupKey } from '../library.ts';

export function entityOfName(loaded: LoadedArticle, name: string): Entity | undefined {
  const key = lookupKey(name);
  const exact = loaded.facts.entities.find((e) => lookupKey(e.name) === key || e.aliases.some((a) => lookupKey(a) === key));
  if (exact) return exact;
  // "Retired Lt. Gen. Michael Flynn" is the "Gen. Michael Flynn" of the entity table: a name that
  // ends the way the longer one does, when only one entity fits.
  const fits = loaded.facts.entities.filter((e) => e.kind === 'person' && lookupKey(e.name).includes(' ') && ` ${key}`.endsWith(` ${lookupKey(e.name)}`));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Resolves a pronoun or name against the conversation; returns the name to look up. */
export function resolveSubject(subject: string, context: ConversationContext): string | null {
  const s = subject.trim().replace(/^(the )?/i, (x) => x);
  if (PERSON_PRONOUNS.test(s)) return context.person ?? null;
  if (GROUP_PRONOUNS.test(s)) return context.organization ?? context.person ?? null;
  return s;
}

/**
 * "How old is he?" after talking of Victor Hale: a person pronoun in a question about facts reads as
 * the conversation's person, so the question's words find that person's sentences.
 */
export function withPersonResolved(q: Question, context: ConversationContext): Question {
  if (!context.person || !RESOLVED_TYPES.has(q.type) || !mentionsPerson(q.text)) return q;
  return { ...q, text: withPersonNamed(q.text, context.person) };
}

const RESOLVED_TYPES = new Set<QuestionType>(['count', 'when', 'where', 'why', 'what', 'what-happened']);
