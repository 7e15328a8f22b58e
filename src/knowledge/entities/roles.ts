// Roles from appositions ("X, a spokesman for Y,") and later descriptions ("the department").
import type { Span } from '../facts.ts';
import type { NlpDoc, Token } from '../nlp.ts';
import { affiliationAfter } from './affiliation.ts';
import { type Candidate, low } from './context.ts';
import { addRole, type Draft, kindOf, lastMentionBefore, Registry, wordsOf } from './draft.ts';
import { DEFINITE_HEADS, RELATIONAL_NOUNS, TITLE_HEADS } from './lexicon.ts';
import { isAcronym, isCapitalised, isLowerInitial } from './names.ts';

// Apposition: "Silverio Villegas-Gonzalez, was a Mexican national", "X, a spokesman for Y,".
const APPOSITION_STOP = new Set(['who', 'whom', 'which', 'that', 'whose', 'where', 'and', 'but', 'with', 'when', 'while', 'after', 'before', 'because', 'as', 'since', 'said', 'says']);

const VAGUE_AFTER_THE = new Set(['one', 'same', 'other', 'first', 'last', 'only', 'latest', 'man', 'woman', 'person']);

/**
 * Inside a quotation: more opening than closing curly quotes since the paragraph start (a quotation
 * often runs over several sentences: '“X is a fraud. By any measure, X is a fraud!”'), or an odd
 * number of straight quotes since the sentence start (straight quotes say nothing of direction, so
 * one unbalanced quote earlier in a paragraph must not spoil the rest).
 */
function insideQuote(doc: NlpDoc, at: number): boolean {
  const sentence = doc.sentences[doc.tokens[at].sentence];
  const sentenceStart = sentence?.start ?? 0;
  const paragraphStart = doc.text.lastIndexOf('\n', sentenceStart) + 1;
  const paragraph = doc.text.slice(paragraphStart, doc.tokens[at].start);
  const opens = (paragraph.match(/[“]/g) ?? []).length;
  const closes = (paragraph.match(/[”]/g) ?? []).length;
  const straight = (doc.text.slice(sentenceStart, doc.tokens[at].start).match(/"/g) ?? []).length;
  return opens > closes || straight % 2 === 1;
}

/** The sentence opens with a preposition or subordinator before the name and its titles ("For Mr. Clarke,"). */
function frontedByPreposition(doc: NlpDoc, first: number): boolean {
  let k = first - 1;
  const fronting = (t: Token): boolean => t.pos === 'ADP' || t.pos === 'SCONJ';
  while (k >= 0 && doc.tokens[k].type === 'word' && !fronting(doc.tokens[k]) && /^\p{Lu}/u.test(doc.tokens[k].text)) k--;
  const before = doc.tokens[k];
  // Only a phrase that opens the sentence: "the trial of Frank Beck, a manager of homes accused ..." is an apposition.
  const opensSentence = before !== undefined && (k === 0 || doc.tokens[k - 1].sentence !== before.sentence ||
    /^[\p{Pi}\p{Ps}"'“‘]+$/u.test(doc.tokens[k - 1].text));
  return opensSentence && fronting(before);
}

function appositionAfter(doc: NlpDoc, first: number, last: number): string | null {
  const tokens = doc.tokens;
  let i = last + 1;
  const comma = tokens[i]?.text === ',';
  if (comma) i++;
  const copula = tokens[i] !== undefined && (low(tokens[i]) === 'was' || low(tokens[i]) === 'is');
  if (copula) i++;
  const det = tokens[i];
  if (!det || !(low(det) === 'a' || low(det) === 'an' || low(det) === 'the')) return null;
  if (!comma && !copula) return null; // "Smith the ..." is not an apposition
  // "X is a ..." as a claim inside a quotation is someone's opinion, not a description.
  if (copula && insideQuote(doc, first)) return null;
  if (low(det) === 'the' && VAGUE_AFTER_THE.has(low(tokens[i + 1]) ?? '')) return null;
  let end = i;
  let content = 0;
  let verbAt = -1;
  for (let j = i + 1; j < tokens.length && j <= i + 12; j++) {
    const t = tokens[j];
    if (t.sentence !== det.sentence || t.type === 'punctuation' && t.text !== '-' || t.pos === 'SPACE') break;
    // ("the WHO's regional director": an acronym, not the pronoun.)
    if (APPOSITION_STOP.has(low(t)) && !(t.text.length > 1 && isAcronym(t.text))) break;
    if (t.pos === 'VERB' && doc.text[t.start - 1] === ' ' && tokens[j - 1]?.text !== '-') {
      verbAt = j;
      break;
    }
    // "the baseball player Willie Mays": another name starts; the description ended before it.
    if (isCapitalised(t.text) && tokens[j - 1].pos === 'NOUN' && isLowerInitial(tokens[j - 1].text)) break;
    if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NUM') content++;
    end = j;
  }
  if (content === 0 || end === i) return null;
  // "For Mr. Clarke, the agreement opened the door": after a fronted phrase, the noun phrase is
  // the subject of the clause (a verb follows it), not a description of the name.
  if (comma && !copula && verbAt >= 0 && !/ing$/i.test(tokens[verbAt].text) && frontedByPreposition(doc, first)) return null;
  // Not ending on a dangling preposition or determiner ("a spokesman for").
  while (end > i && ['ADP', 'DET', 'CCONJ', 'PART'].includes(tokens[end].pos)) end--;
  return end > i ? doc.text.slice(det.start, tokens[end].end) : null;
}

const OWNERS = new Set(['the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'a', 'an']);

/**
 * "His lawyer, Peter Quon, asked …", "The company's chief executive, Marta Lindqvist, told …": a
 * role set off by commas before the name, opening the clause. The role's own words ("lawyer",
 * "chief executive"), without its owner; null unless its head is a title or a relation.
 */
function appositionBefore(doc: NlpDoc, first: number, last: number): string | null {
  const tokens = doc.tokens;
  if (tokens[first - 1]?.text !== ',' || tokens[last + 1]?.text !== ',') return null;
  const head = tokens[first - 2];
  if (!head || head.pos !== 'NOUN' || !isLowerInitial(head.text) || (!TITLE_HEADS.has(low(head)) && !RELATIONAL_NOUNS.has(low(head)))) return null;
  // Back over the role's words to its owner ("his", "the company's") at the clause's start.
  let k = first - 2;
  while (k - 1 >= 0 && first - 2 - (k - 1) < 4 && tokens[k - 1].sentence === head.sentence && isLowerInitial(tokens[k - 1].text) &&
    (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'ADJ')) k--;
  const owner = tokens[k - 1];
  if (!owner || owner.sentence !== head.sentence) return null;
  const ownedByName = owner.pos === 'PART' && /^['’]s$/.test(owner.text);
  if (!OWNERS.has(low(owner)) && !ownedByName) return null;
  // The owner's phrase opens its sentence or clause ("Meanwhile, his lawyer, …").
  let start = k - 1;
  if (ownedByName) {
    start -= 1;
    while (start - 1 >= 0 && tokens[start - 1].sentence === head.sentence && tokens[start - 1].text !== ',' && k - start < 5) start--;
  }
  const opener = tokens[start - 1];
  if (opener && opener.sentence === head.sentence && opener.text !== ',') return null;
  return doc.text.slice(tokens[k].start, head.end);
}

/** Affiliations ("D-Ill.") and appositions after each person mention. */
export function collectRoles(candidates: Candidate[], doc: NlpDoc, registry: Registry): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const draft = registry.owner[i];
    if (!draft || kindOf(draft.votes) !== 'person') continue;
    const affiliation = affiliationAfter(doc.text, c.end);
    if (affiliation) addRole(draft, affiliation);
    const apposition = appositionAfter(doc, c.first, c.last);
    if (apposition) addRole(draft, apposition);
    const before = appositionBefore(doc, c.first, c.last);
    if (before) addRole(draft, before);
  }
}

interface Event {
  at: number;
  draft?: Draft;
  /** A definite description ("the department") or a bare title ("the President") to resolve. */
  pending?: { span: Span; text: string; heads?: readonly string[]; title?: string };
}

/** "the department", "the agency", and bare titles, each to the latest fitting entity before it. */
export function resolveDescriptions(candidates: Candidate[], doc: NlpDoc, registry: Registry, definiteArticles: readonly number[]): void {
  const pendings: Event[] = [];
  const tokens = doc.tokens;
  for (const i of definiteArticles) {
    if (i + 1 >= tokens.length) break;
    const head = tokens[i + 1];
    const heads = DEFINITE_HEADS.get(low(head));
    if (!heads) continue;
    const after = tokens[i + 2];
    if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && after.type === 'word' && doc.text[head.end] === ' ') continue;
    if (isCapitalised(head.text)) continue; // "the Department of ..." is a name, found elsewhere
    const span = { start: tokens[i].start, end: head.end };
    pendings.push({ at: span.start, pending: { span, text: doc.text.slice(span.start, span.end), heads } });
  }
  for (const c of candidates) {
    if (!c.titleOnly) continue;
    const title = c.roles[c.roles.length - 1]?.toLowerCase();
    if (!title) continue;
    const word = title.split(/\s+/).find((w) => TITLE_HEADS.has(w)) ?? title;
    pendings.push({ at: c.start, pending: { span: { start: c.start, end: c.end }, text: c.text, title: word } });
  }
  // Mentions only matter as the latest fitting entity before a description or title.
  if (pendings.length === 0) return;
  // A draft's head words (organisations) or title words (people), listed once per draft rather than once per mention.
  const wordsByDraft = new Map<Draft, { heads: string[]; titles: string[] }>();
  const events: Event[] = [];
  for (const draft of registry.drafts) {
    if (draft.mentions.length === 0) continue;
    const words = draftWords(draft);
    // A draft with neither head nor title words can be the latest of nothing.
    if (words.heads.length === 0 && words.titles.length === 0) continue;
    wordsByDraft.set(draft, words);
    for (const m of draft.mentions) events.push({ at: m.start, draft });
  }
  for (const event of pendings) events.push(event);
  events.sort((a, b) => a.at - b.at);
  const latestByHead = new Map<string, Draft>();
  const latestByTitle = new Map<string, Draft>();
  for (const event of events) {
    if (event.draft) {
      const draft = event.draft;
      const words = wordsByDraft.get(draft)!;
      for (const w of words.heads) latestByHead.set(w, draft);
      for (const w of words.titles) latestByTitle.set(w, draft);
      continue;
    }
    const pending = event.pending!;
    let target: Draft | undefined;
    if (pending.heads) {
      let bestAt = -1;
      for (const head of pending.heads) {
        const draft = latestByHead.get(head);
        if (!draft) continue;
        const last = lastMentionBefore(draft, pending.span.start);
        if (last > bestAt) { bestAt = last; target = draft; }
      }
    } else if (pending.title) {
      target = latestByTitle.get(pending.title);
    }
    if (!target) continue;
    target.mentions.push(pending.span);
    const alias = pending.heads ? pending.text.toLowerCase() : pending.text;
    if (!target.aliases.includes(alias)) target.aliases.push(alias);
  }
}

/** The words an organisation's later "the <head>" or a person's later bare title may refer by. */
function draftWords(draft: Draft): { heads: string[]; titles: string[] } {
  const heads: string[] = [];
  const titles: string[] = [];
  const kind = kindOf(draft.votes);
  if (kind === 'organization') {
    for (const name of draft.names.values()) for (const w of wordsOf(name)) heads.push(w.toLowerCase());
  } else if (kind === 'person') {
    for (const role of draft.roles) for (const w of role.toLowerCase().split(/\s+/)) if (TITLE_HEADS.has(w) || w.endsWith('.')) titles.push(w);
  }
  return { heads, titles };
}
