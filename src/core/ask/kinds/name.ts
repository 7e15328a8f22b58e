// "What is the officer's name?": the name written next to the asked role ("officer John Smith").
import type { Question } from '../../../knowledge/question/index.ts';
import { kinMention, namedAsRole } from '../../../knowledge/sentence/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, lookupKey, terms } from '../../library.ts';
import { remember, result, supported } from '../compose.ts';
import { citation, entitiesIn, retrieve, sharesWord } from '../evidence.ts';
import type { AskResult } from '../types.ts';

/**
 * "The name of mia benning's dad": the person a sentence names just before the relative speaks of
 * her ("Karl Benning, 46, told reporters that his daughter Mia …").
 */
function relativeOf(lib: Library, about: string, context: ConversationContext): AskResult | null {
  const m = /^(.+?)['’]s? (\p{L}+)$/u.exec(about);
  if (!m) return null;
  const names: string[] = m[1].toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const hit of retrieve(lib, terms(m[1]), context, 30)) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const kin = kinMention(lib.sentenceText(hit), m[2], names);
    if (!kin) continue;
    // The nearest person named before it who is not the one asked about (a father may bear her
    // surname, or she his given name: "Tesfa Alem … his daughter Mia Tesfa").
    const child = lookupKey(kin.name);
    const relative = entitiesIn(loaded, hit.sentence, ['person'])
      .filter((x) => x.at < s.start + kin.at && !lookupKey(x.entity.name).split(' ').includes(child))
      .pop();
    if (!relative) continue;
    const cite = citation(lib, hit);
    return result('name', supported(lib, hit, relative.entity.name), 0.7, [cite], remember(context, [cite], relative.entity));
  }
  return null;
}

export function answerName(lib: Library, q: Question, context: ConversationContext): AskResult {
  const about = (q.about ?? '').replace(/^(the|a|an) /i, '');
  const relative = relativeOf(lib, about, context);
  if (relative) return relative;
  const aboutTerms = terms(about);
  if (aboutTerms.length === 0) return result('name', null, 0.1, [], context);
  const hits = retrieve(lib, aboutTerms, context, 30);
  // The asked noun as written ("boy"), so "boyhood" or "Boyd" do not count.
  const head = (about.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).pop()!.replace(/(es|s)$/, '');
  // "the ferry captain": a captain of something else is not the one asked about.
  const headTerm = terms(head)[0];
  const modifiers = aboutTerms.filter((t) => t !== headTerm);
  for (const hit of hits) {
    const loaded = lib.article(hit.article);
    const s = loaded.facts.sentences[hit.sentence];
    if (!s) continue;
    const text = loaded.article.text.slice(s.start, s.end);
    if (modifiers.length > 0 && !sharesWord(lib, hit, modifiers)) continue;
    for (const { entity, at } of entitiesIn(loaded, hit.sentence, ['person', 'organization', 'place', 'other'])) {
      const local = at - s.start;
      const before = text.slice(Math.max(0, local - 40), local);
      const mention = entity.mentions.find((m) => m.start === at)!;
      const after = text.slice(mention.end - s.start, mention.end - s.start + 40);
      if (namedAsRole(before, after, head)) {
        const cite = citation(lib, hit);
        return result('name', supported(lib, hit, entity.name), 0.75, [cite], remember(context, [cite], entity));
      }
    }
  }
  return result('name', null, 0.6, [], context);
}
