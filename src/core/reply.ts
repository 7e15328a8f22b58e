// The platform-neutral message model. Core produces Replies; each adapter renders them within
// its platform's limits (Discord embeds, Slack blocks, terminal text).

/** The article a quote or answer comes from. */
export interface ReplySource {
  articleId: string;
  title: string;
  url: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD or full timestamp) or null. */
  published: string | null;
}

export interface ReplyQuote {
  /** The cited sentence, verbatim from the article. */
  text: string;
  source: ReplySource;
}

export interface ReplyField {
  name: string;
  value: string;
}

export interface ReplyItem {
  title: string;
  detail: string | null;
  source: ReplySource;
}

export type ReplyKind = 'answer' | 'not-stated' | 'list' | 'summary' | 'digest' | 'info' | 'error';

export interface Reply {
  kind: ReplyKind;
  /** Optional heading (article title for summaries and digest posts). */
  title: string | null;
  /** Link for the heading. */
  url: string | null;
  /** The main text: the answer itself, plain text. */
  text: string;
  quotes: ReplyQuote[];
  fields: ReplyField[];
  items: ReplyItem[];
}

export function reply(kind: ReplyKind, text: string, extra: Partial<Omit<Reply, 'kind' | 'text'>> = {}): Reply {
  return { kind, title: null, url: null, quotes: [], fields: [], items: [], ...extra, text };
}
