// Why the Discord bot could not start, in the operator's words: the network (naming the host),
// a token Discord refused, or intents the portal has not enabled. Never includes the token.
import { describeNetworkFailure, networkFailure } from '../shared/network.ts';

interface DiscordErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
}

/** discord.js error codes (DiscordjsErrorCodes) that mean the credential or the portal setup is wrong. */
const REFUSALS: Record<string, string> = {
  TokenInvalid: 'Discord refused DISCORD_TOKEN: check the token (Developer Portal → Bot → Reset Token)',
  TokenMissing: 'DISCORD_TOKEN is empty: set the bot token',
  DisallowedIntents:
    'Discord refused the requested intents: enable Message Content in the Developer Portal (Bot → Privileged Gateway Intents) or set DISCORD_MESSAGE_CONTENT=false',
};

/** `calledHost`: where the REST calls went (discord.com, or a test's fake). */
export function describeDiscordStartError(error: unknown, calledHost = 'discord.com'): string {
  const network = networkFailure(error);
  if (network) return `Discord could not be reached: ${describeNetworkFailure(network, calledHost)} (DISCORD_TOKEN was not checked)`;
  const e = (error ?? {}) as DiscordErrorLike;
  if (typeof e.code === 'string' && REFUSALS[e.code]) return REFUSALS[e.code];
  if (e.status === 401) return REFUSALS.TokenInvalid;
  return `Discord could not start: ${typeof e.message === 'string' ? e.message : String(error)}`;
}
