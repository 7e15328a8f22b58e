// People, organisations and places, with aliases, roles and every mention.
//
// wink's lite model has no person/organisation/place recogniser, so names are found from
// capitalisation and part of speech (runs.ts, candidate.ts), classified by titles, organisation and
// place heads, gazetteers and context, then merged: surnames to full names (register.ts),
// acronyms to their expansions (merge.ts), "the department" to the latest department
// (roles.ts). Every step indexes by normal form, so the cost stays linear in the number of tokens.
import type { Entity } from '../facts.ts';
import type { NlpDoc } from '../nlp.ts';
import { documentContext } from './context.ts';
import { Registry, wordsByName } from './draft.ts';
import { finalise } from './finalise.ts';
import { mergeKnownAcronyms, mergeNameTails } from './merge.ts';
import { indexDrafts, registerFullNames, registerShortNames } from './register.ts';
import { collectRoles, resolveDescriptions } from './roles.ts';
import { findCandidates } from './runs.ts';

export { countryOfDemonym } from './demonyms.ts';
export { isFirstName } from './gazetteer.ts';
export { resolveName } from './resolve.ts';

export function extractEntities(doc: NlpDoc): Entity[] {
  if (!doc || !doc.text || doc.tokens.length === 0) return [];
  wordsByName.clear();
  const ctx = documentContext(doc);
  const candidates = findCandidates(ctx);
  const registry = new Registry();
  registerFullNames(candidates, registry);
  registerShortNames(candidates, doc, registry, indexDrafts(registry));
  mergeKnownAcronyms(registry);
  mergeNameTails(registry);
  collectRoles(candidates, doc, registry);
  resolveDescriptions(candidates, doc, registry, ctx.definiteArticles);
  return finalise(registry);
}
