// Per-conversation context for follow-ups ("What did she say?"): who and which article the
// conversation is about. Kept in the store so it survives restarts and is shared by instances.
import type Keyv from 'keyv';
import type { Library, LoadedArticle } from './library.ts';

export interface ConversationContext {
  /** The article the last answer came from. */
  articleId?: string;
  /** Last person talked about (name as in the facts), for he/she/him/her. */
  person?: string;
  /** Last organisation talked about, for it/they. */
  organization?: string;
  /** The last thing asked about, for bare follow-ups ("Where?", "And when?"). */
  topic?: string;
}

/** Conversations idle this long are forgotten. */
const TTL_MS = 6 * 60 * 60 * 1000;

export class Conversations {
  /** Used only without a store. */
  private readonly recent = new Map<string, ConversationContext>();

  constructor(private readonly store: Keyv | null) {}

  async get(key: string): Promise<ConversationContext> {
    if (!this.store) return this.recent.get(key) ?? {};
    return ((await this.store.get(key)) as ConversationContext | undefined) ?? {};
  }

  async set(key: string, context: ConversationContext): Promise<void> {
    if (this.store) {
      await this.store.set(key, context, TTL_MS);
      return;
    }
    this.recent.set(key, context);
    if (this.recent.size > 10_000) this.recent.delete(this.recent.keys().next().value as string);
  }
}

/**
 * The article a request that names none is about ("summarise", /summary, "when did it happen"):
 * the one the conversation is about, else the newest one loaded.
 */
export function articleInFocus(lib: Library, context: ConversationContext): LoadedArticle | undefined {
  const current = context.articleId ? lib.get(context.articleId) : undefined;
  return current ?? lib.newestFirst()[0];
}
