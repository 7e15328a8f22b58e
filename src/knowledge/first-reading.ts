// wink-nlp's tokeniser, made independent of the texts read before (see readEveryTextFirst).
// Kept apart from nlp.ts: it reaches into wink's internals (its doc-data wrapper module), and
// wink-nlp 2.x is the version it was written against.

/** wink's vocabulary as its doc-data wrapper reaches it (one per wink instance, shared by its documents). */
type Cache = { lookup(text: string): number[] | null; add(text: string, category: number): number; intrinsicSize(): number; currentSize(): number };

/** The vocabulary of the instance that read the last text. */
let lastRead: Cache | null = null;

/** Words the instance that read the last text has learned beyond its model (the unknown words it met, and their lower case). */
export function wordsLearnedByLastReader(): number {
  return lastRead ? Math.max(0, lastRead.currentSize() - lastRead.intrinsicSize()) : 0;
}

/**
 * wink adds every unknown word it reads to its instance's vocabulary, and its tokeniser keeps a
 * chunk whole when the vocabulary has it: after one article wrote "Clinton's" as a single token,
 * another article's "Clinton's." stops splitting into "Clinton" + "'s", and the same text gets
 * other facts depending on what the process read before. The tokeniser's two questions to the
 * vocabulary ("is this chunk a word?", "add it if known") are made to see the model's own
 * words only, so every text is tokenised as if it were the first one read.
 */
export function readEveryTextFirst(require: NodeRequire): void {
  const path = require.resolve('wink-nlp').replace(/wink-nlp\.js$/, 'dd-wrapper.js');
  type Wrapped = { _addTokenIfInCache(text: string, spaces: number, nbsp: string | null): number; isLexeme(text: string): number[] | null };
  const original = require(path) as ((rdd: { cache: Cache }) => Wrapped) & { firstReading?: true };
  if (original.firstReading) return;
  if (require.cache[require.resolve('wink-nlp')]) throw new Error('wink-nlp was loaded before its tokeniser was made independent of earlier texts');
  const wrapped = (rdd: { cache: Cache }) => {
    const doc = original(rdd);
    lastRead = rdd.cache;
    lookupOnceInARow(rdd.cache);
    const known = rdd.cache.intrinsicSize();
    // A single index past the model's vocabulary is a word an earlier text added (a contraction's expansions are the model's).
    const modelWord = (text: string) => {
      const found = rdd.cache.lookup(text);
      return found && found.length === 1 && found[0] >= known ? null : found;
    };
    const addIfKnown = doc._addTokenIfInCache;
    doc._addTokenIfInCache = (text, spaces, nbsp) => (modelWord(text) ? addIfKnown(text, spaces, nbsp) : UNKNOWN);
    doc.isLexeme = modelWord;
    return doc;
  };
  wrapped.firstReading = true as const;
  require.cache[path]!.exports = wrapped;
}
/** wink's "not in the vocabulary" answer to the tokeniser (its constants.UNK). */
const UNKNOWN = 0;

const remembering = new WeakSet<Cache>();

/**
 * The tokeniser asks the vocabulary about one chunk twice in a row ("is it a model word?", then
 * wink's own "add it if known" looks it up again; "(Reuters" asks "is 'Reuters' a word?" then adds
 * it): the second lookup returns the first's answer. Only adding a word changes an answer, so an
 * add forgets it.
 */
function lookupOnceInARow(cache: Cache): void {
  if (remembering.has(cache)) return;
  remembering.add(cache);
  const lookup = cache.lookup;
  const add = cache.add;
  let lastText: string | null = null;
  let lastFound: number[] | null = null;
  cache.lookup = (text) => {
    if (text !== lastText) {
      lastFound = lookup(text);
      lastText = text;
    }
    return lastFound;
  };
  cache.add = (text, category) => {
    lastText = null;
    return add(text, category);
  };
}
