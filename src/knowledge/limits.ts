// The bounds every stage of knowledge works within, in one place: one hostile article (a 1 MB
// run of base64, 2,500 nested <div>s, 400k spaces) must be refused with a reason or read in
// time linear in its size, never hang or crash a load.

export const LIMITS = {
  /** Largest file read from disk at all (a JSON Lines file may hold many articles). */
  fileBytes: 64 * 1024 * 1024,
  /** Largest single document, checked before any normalisation: a text or markdown file, an HTML page, a feed, one JSON article's text. */
  documentChars: 8_000_000,
  /** Largest article body that extraction reads; news articles are a few thousand characters. */
  articleChars: 1_000_000,
  /** Longest run of non-space characters the tagger sees: the rest of a longer run ("xxxx…", a 1 MB data: URL) is read as blank. */
  tokenChars: 100,
  /** Most elements an HTML page or feed body may hold; a long news page has a few thousand. */
  htmlElements: 60_000,
  /** Most character references (&lt;, &#8217;) in an HTML page or feed body: the parser makes a text node of each. */
  htmlReferences: 100_000,
  /** Deepest nesting of HTML elements; real pages nest a few dozen deep, Readability slows with the cube of the depth. */
  htmlDepth: 256,
  /**
   * Most words a wink instance may learn (it keeps every unknown word it reads, and their lower
   * case: about 40 an article of wire copy) before a fresh one takes its place: a million-article
   * ingest would otherwise hold gigabytes of names. 100,000 are about 10 MB; a fresh instance
   * costs about 0.1 s of CPU.
   */
  learnedWords: 100_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** Input refused because it is over one of LIMITS; `limit` names which. */
export class LimitError extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

const count = (n: number) => n.toLocaleString('en');

/** Throws LimitError when a document (`what`, e.g. "the page") is over documentChars, before anything reads it. */
export function checkDocument(raw: string, what = 'the document'): void {
  if (raw.length > LIMITS.documentChars) {
    throw new LimitError('documentChars', `${what} is too long (${count(raw.length)} characters; at most ${count(LIMITS.documentChars)})`);
  }
}

/** Why an article body is over articleChars, or null when it is not. */
export function articleTooLong(text: string): string | null {
  if (text.length <= LIMITS.articleChars) return null;
  return `the article is too long (${count(text.length)} characters; at most ${count(LIMITS.articleChars)})`;
}

/** Throws LimitError when an article body is over articleChars. */
export function checkArticle(text: string): void {
  const reason = articleTooLong(text);
  if (reason) throw new LimitError('articleChars', reason);
}

/** Why a file of `bytes` is over fileBytes (in MB, for the message), or null when it is not. */
export function fileTooLarge(bytes: number): string | null {
  if (bytes <= LIMITS.fileBytes) return null;
  return `the file is too large (${(bytes / 1048576).toFixed(1)} MB; at most ${LIMITS.fileBytes / 1048576} MB)`;
}
