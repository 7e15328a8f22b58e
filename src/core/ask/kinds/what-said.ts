// "What did X say (about Y)?": X's quotes across every article that quotes X, a few shown and the
// rest counted.
import type { Entity, QuoteFact } from '../../../knowledge/facts.ts';
import { type Question, speakerWords } from '../../../knowledge/question/index.ts';
import type { ConversationContext } from '../../conversation.ts';
import { Library, lookupKey, type SentenceRef, terms } from '../../library.ts';
import { clip, escapeRegExp } from '../../wording.ts';
import { remember, result, speakerName } from '../compose.ts';
import { citation, sentenceAt } from '../evidence.ts';
import { entityOfName, resolveSubject } from '../focus.ts';
import type { AskResult } from '../types.ts';

/**
 * Articles read for one speaker's quotes, newest first (the conversation's article before all):
 * a name as common as a president's is in thousands of a large archive's articles, and reading
 * each of them would take seconds; a reply shows three quotes and counts the rest.
 */
const ARTICLES_READ = 60;

/** An article's place in reading order (smaller first), and `learn`, which reads the places of a list at once. */
interface ReadingOrder {
  (index: number): number;
  learn(indexes: readonly number[]): void;
}

/**
 * The conversation's article first, then the newest. Each article's recency is read once, not
 * at every comparison of a sort (two hundred articles naming "AP" are compared some 1,500 times),
 * and those of a list at once (the 2,000 articles quoting "AP" at 1M articles in one read, not 2,000).
 */
function newestFirst(lib: Library, current: number | undefined): ReadingOrder {
  const known = new Map<number, number>();
  const order = ((index: number) => {
    if (index === current) return -1;
    let r = known.get(index);
    if (r === undefined) known.set(index, (r = lib.recency(index)));
    return r;
  }) as ReadingOrder;
  order.learn = (indexes) => {
    const unknown = indexes.filter((index) => index !== current && !known.has(index));
    lib.recencies(unknown).forEach((r, i) => known.set(unknown[i], r));
  };
  return order;
}

/**
 * Refs grouped by article, in reading order (see newestFirst): the first ARTICLES_READ articles
 * with their refs, and how many articles are left unread.
 */
function firstArticles<R extends { article: number }>(refs: R[], order: ReadingOrder): { read: Array<[number, R[]]>; unread: number } {
  const byArticle = new Map<number, R[]>();
  for (const r of refs) {
    const list = byArticle.get(r.article);
    if (list) list.push(r);
    else byArticle.set(r.article, [r]);
  }
  order.learn([...byArticle.keys()]);
  const articles = [...byArticle].sort((a, b) => order(a[0]) - order(b[0]));
  return { read: articles.slice(0, ARTICLES_READ), unread: Math.max(0, articles.length - ARTICLES_READ) };
}

/** A quote found for the speaker: in which article and sentence. */
interface Found {
  index: number;
  sentence: number;
  quote: QuoteFact;
  entity?: Entity;
}

/** Quotes of the named speaker, in the articles that quote them (at most ARTICLES_READ, the preferred first). */
function quotesOf(lib: Library, name: string, order: ReadingOrder): { found: Found[]; unread: number } {
  let refs = lib.findEntities(name);
  if (refs.length === 0) refs = lib.findByRole(speakerWords(name));
  const out: Found[] = [];
  const naming = firstArticles(refs, order);
  const key = lookupKey(name);
  const last = key.split(' ').pop() ?? key;
  const possessive = new RegExp(`\\b${escapeRegExp(last)}['’]s?\\s`, 'i');
  for (const [index, named] of naming.read) {
    // Sixty articles' quotes are read, not their text: the text of the three shown is read for their citations.
    const speakers = lib.speakers(index);
    const entities = named.map((r) => speakers.entities[r.item]);
    const ids = new Set(entities.map((e) => e.id));
    for (const quote of speakers.quotes) {
      if (!quote.speaker) continue;
      const spoken = lookupKey(quote.speaker.name ?? quote.speaker.text);
      // "Kell's lawyer Nina Ostrow" speaks for Kell and is not Kell.
      const onBehalf = possessive.test(quote.speaker.text);
      if ((quote.speaker.entity && ids.has(quote.speaker.entity)) || (!onBehalf && (spoken === key || spoken.split(' ').includes(last)))) {
        out.push({ index, sentence: sentenceAt({ facts: speakers }, quote.start), quote, entity: entities.find((e) => e.id === quote.speaker!.entity) ?? entities[0] });
      }
    }
  }
  // Speakers the entity table missed, or described rather than named ("Dorota's sister-in-law"),
  // are found by the words they were quoted under.
  // A description may be worded differently in the article ("the MSNBC reporter" quoted as
  // "MSNBC correspondent Jane Doe"): try ever shorter runs of its words until some speaker fits.
  // (A description is a few words: runs from a long one would be tried by the hundred thousand.)
  // Those too are read from ARTICLES_READ articles at most, newest first: "AP" quoted under its
  // own name in no article is still the speaker of quotes in thousands of a large archive's.
  const words = speakerWords(name).split(/\s+/).filter(Boolean).slice(0, 8);
  // A possessive description ("the sailor's father") is of someone in the owner's story, and is not
  // the owner: its runs are looked for only in stories that name the owner ("the relieved father" of
  // the sailor's story, not "the proud father" of a match report), and each holds a word after the
  // possessive ("louis jordan's" alone names the son, not his dad). Other descriptions may be worded
  // otherwise: "harbor radio" of "the harbor radio reporter" finds "Harbor Radio correspondent Lena Marsh".
  const owner = words.findIndex((w) => /['’]s?$/.test(w));
  const least = owner >= 0 && owner < words.length - 1 ? owner + 1 : 0;
  const owners = terms(words.slice(0, least).join(' '));
  const checked = new Map<number, boolean>();
  const describes = (index: number) => {
    let held = checked.get(index);
    if (held === undefined) checked.set(index, (held = owners.length === 0 || lib.articleCoverage(owners, index) >= 1));
    return held;
  };
  let unread = naming.unread;
  for (let size = words.length; out.length === 0 && size > 0; size--) {
    for (let from = 0; out.length === 0 && from + size <= words.length; from++) {
      if (from + size <= least) continue;
      const quoted = firstArticles(lib.findQuotes(words.slice(from, from + size).join(' ')).filter((r) => describes(r.article)), order);
      for (const [index, quoteRefs] of quoted.read) {
        const speakers = lib.speakers(index);
        for (const ref of quoteRefs) {
          const quote = speakers.quotes[ref.quote];
          if (!quote.speaker || !possessive.test(quote.speaker.text)) out.push({ index, sentence: sentenceAt({ facts: speakers }, quote.start), quote });
        }
      }
      if (out.length > 0) unread = quoted.unread;
    }
  }
  return { found: out, unread };
}

/** Quoted sentences a "what did X say" answer shows; the rest are counted, never dropped unsaid. */
const QUOTES_SHOWN = 3;

/**
 * Whether two names can be one person: one holds every word of the other ("Quill" and
 * "Harriet Quill"), but "Dennis Quill" is not "Harriet Quill".
 */
function sameNamed(a: string, b: string): boolean {
  const [x, y] = [lookupKey(a).split(' '), lookupKey(b).split(' ')];
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** Where the quotes not shown are, from the shown ones: "in this and 2 other articles". */
function whereTheRestAre(rest: SentenceRef[], shown: SentenceRef[]): string {
  const shownArticles = new Set(shown.map((r) => r.article));
  const others = new Set(rest.map((r) => r.article).filter((a) => !shownArticles.has(a))).size;
  const these = shownArticles.size === 1 ? 'this' : 'these';
  if (others === 0) return `in ${these} article${shownArticles.size === 1 ? '' : 's'}`;
  const inOthers = `${others} other article${others === 1 ? '' : 's'}`;
  return rest.every((r) => !shownArticles.has(r.article)) ? `in ${inOthers}` : `in ${these} and ${inOthers}`;
}

/**
 * What X said, across every article that quotes X: the conversation's article first, then the
 * newest; with a topic ("about the terminal"), the quotes nearest it first. A few are shown and
 * the rest counted. Only one X: "what did Quill say" is the Quill of the first article, and a
 * Dennis Quill elsewhere is someone else.
 */
export function answerWhatSaid(lib: Library, q: Question, context: ConversationContext): AskResult {
  const subject = resolveSubject(q.subject ?? '', context);
  if (!subject) return result('what-said', null, 0.1, [], context);
  const current = context.articleId ? lib.get(context.articleId)?.index : undefined;
  const order = newestFirst(lib, current);
  const { found: all, unread } = quotesOf(lib, subject, order);
  let found = all;
  if (found.length === 0) return result('what-said', null, 0.2, [], context);
  const byOrder = (a: Found, b: Found) => order(a.index) - order(b.index) || a.quote.start - b.quote.start;
  found.sort(byOrder);
  const who = found[0].entity?.name ?? speakerName(found[0].quote) ?? subject;
  found = found.filter((f) => !f.entity || sameNamed(f.entity.name, who));
  if (q.about) {
    // What they said about it: their quotes in the sentences that best match the topic.
    const articles = new Set(found.map((f) => f.index));
    const relevance = new Map<number, number>();
    for (const h of lib.search(terms(q.about), { limit: 500, articles })) relevance.set(h.article * 4096 + h.sentence, h.score);
    const score = (f: Found) => relevance.get(f.index * 4096 + f.sentence) ?? 0;
    found = found.map((f) => ({ f, s: score(f) })).sort((a, b) => b.s - a.s || byOrder(a.f, b.f)).map((x) => x.f);
  }
  // One entry per sentence: a sentence holding two quotes is shown, and counted, once.
  const seen = new Set<string>();
  const refs: SentenceRef[] = [];
  for (const f of found) {
    const ref = { article: f.index, sentence: f.sentence };
    if (seen.has(`${ref.article}:${ref.sentence}`)) continue;
    seen.add(`${ref.article}:${ref.sentence}`);
    refs.push(ref);
  }
  const shown = refs.slice(0, QUOTES_SHOWN);
  const cites = shown.map((r) => citation(lib, r));
  const rest = refs.slice(QUOTES_SHOWN);
  const where = whereTheRestAre(rest, shown);
  const quotes = cites.map((c) => clip(c.sentence, 400)).join(' … ');
  // "… and 7 more quotes in this and 2 other articles": a reader knows there is more, and where.
  const text = rest.length === 0
    ? { text: `${who}: ${quotes}`, lead: `What ${who} said:` }
    : {
        text: `${who}: ${quotes} … and ${rest.length} more quote${rest.length === 1 ? '' : 's'} ${where}.`,
        lead: `What ${who} said (${shown.length} of ${refs.length} quotes; the other ${rest.length} ${rest.length === 1 ? 'is' : 'are'} ${where}):`,
      };
  // Past the articles read: said, never implied to be all there is.
  if (unread > 0) text.text += ` (${unread} older article${unread === 1 ? '' : 's'} naming ${who} not read.)`;
  return result('what-said', text, 0.8, cites, remember(context, cites, found[0].entity ?? entityOfName(lib.article(found[0].index), who)));
}
