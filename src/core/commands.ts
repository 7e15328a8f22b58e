// The command table every adapter exposes: Discord slash commands, Slack slash commands and
// the terminal's "/name" lines are all generated from it, so a new platform touches no core file.

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  options: CommandOption[];
  /** Changes what the bot posts to a channel: only people who may manage the channel run it. */
  manage?: true;
}

export type CommandName = 'ask' | 'articles' | 'summary' | 'who' | 'subscribe' | 'unsubscribe' | 'subscriptions';

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'ask', description: 'Ask a question about the loaded news articles', options: [{ name: 'question', description: 'Your question', required: true }] },
  { name: 'articles', description: 'List loaded articles, or search them', options: [{ name: 'query', description: 'Words to search for', required: false }] },
  { name: 'summary', description: 'Summary of an article (default: the one you asked about last, else the newest)', options: [{ name: 'article', description: 'Article title words or id', required: false }] },
  { name: 'who', description: 'Who a person or organisation is, across articles', options: [{ name: 'name', description: 'A name', required: true }] },
  {
    name: 'subscribe',
    manage: true,
    description: 'Post summaries of new articles from a feed or folder to this channel',
    options: [
      { name: 'source', description: 'Feed URL or folder path', required: true },
      { name: 'keywords', description: 'Only articles mentioning any of these words', required: false },
      { name: 'post-newest', description: 'Also post the newest N articles now', required: false },
    ],
  },
  { name: 'unsubscribe', manage: true, description: 'Stop posting a feed or folder to this channel', options: [{ name: 'source', description: 'Feed URL or folder path (default: all)', required: false }] },
  { name: 'subscriptions', description: "This channel's subscriptions and their status", options: [] },
];

/** Where a command came from: the conversation key scopes follow-up context. */
export interface CommandContext {
  /** e.g. "discord", "slack", "cli". */
  platform: string;
  /** Platform channel id (digests are posted there). */
  channel: string;
  /**
   * Conversation key for follow-ups: one asker's, in a channel or a thread (two people in one
   * channel each have their own "she"); the terminal is one user.
   */
  conversation: string;
  /** Platform user id of the asker; per-user rate limits count by it (absent: the terminal's one user). */
  user?: string;
  /**
   * Whether the asker may manage this channel (run `manage` commands). Chat adapters always set
   * it; absent means the caller is the operator (the terminal, scripts).
   */
  mayManage?: () => Promise<boolean>;
}

/** The spec of a command by name, if there is one. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
