// Who may manage a Slack channel's subscriptions: the operators (SLACK_OPERATORS), the person
// who created the channel (conversations.info → creator), and workspace admins and owners
// (users.info → is_admin / is_owner). Answers are cached briefly: a burst of commands costs one
// look-up, and a demoted admin loses the right within a minute.
import type { Logger, webApi } from '@slack/bolt';
import { describeSlackError, slackErrorCode } from './errors.ts';

/** How long a channel's creator and a user's admin flag are trusted (ms). */
export const DIRECTORY_CACHE_MS = 60_000;

export interface ChannelManagersInput {
  client: webApi.WebClient;
  /** Slack user ids who may manage every channel (SLACK_OPERATORS). */
  operators?: readonly string[];
  logger: Logger;
  cacheMs?: number;
}

export interface ChannelManagers {
  mayManage(user: string, channel: string): Promise<boolean>;
}

/** A value per key, fetched at most once per `ttlMs`; failures are not cached. */
function cached<T>(ttlMs: number, fetch: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = fetch(key);
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
}

export function channelManagers(input: ChannelManagersInput): ChannelManagers {
  const operators = new Set(input.operators ?? []);
  const ttl = input.cacheMs ?? DIRECTORY_CACHE_MS;
  const warned = new Set<string>();
  /** A look-up that fails counts as "no": refusing is safe, and the operator is told why once. */
  const orNo = async <T>(what: string, work: () => Promise<T>, no: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const key = slackErrorCode(error) ?? what;
      if (!warned.has(key)) {
        warned.add(key);
        input.logger.warn(`slack: cannot check who may manage a channel (${what}): ${describeSlackError(error)}; only SLACK_OPERATORS can change subscriptions until this works (the app needs channels:read, groups:read and users:read)`);
      }
      return no;
    }
  };
  const creatorOf = cached(ttl, async (channel) => ((await input.client.conversations.info({ channel })).channel?.creator as string | undefined) ?? null);
  const isAdmin = cached(ttl, async (user) => {
    const found = (await input.client.users.info({ user })).user;
    return Boolean(found?.is_admin || found?.is_owner || found?.is_primary_owner);
  });
  return {
    async mayManage(user, channel) {
      if (operators.has(user)) return true;
      if ((await orNo('conversations.info', () => creatorOf(channel), null)) === user) return true;
      return orNo('users.info', () => isAdmin(user), false);
    },
  };
}
