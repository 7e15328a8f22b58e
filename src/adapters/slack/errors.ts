// Slack Web API errors in the operator's words: what went wrong and what to do, never a secret.
import { webApi } from '@slack/bolt';
import { describeNetworkFailure, networkFailure } from '../shared/network.ts';
import { BOT_SCOPES } from './commands.ts';

/** Slack's answers that mean the credential itself was refused (anything else is not the token's fault). */
const REFUSED_CREDENTIAL = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type', 'invalid_token']);

/** Slack's error code of a failed Web API call (`channel_not_found`, …), if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } })?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What went wrong, and what the operator can do about it, without secrets. `afterRateLimit`
 * says what became of the work when Slack rate-limited it (by default the message was dropped).
 */
export function describeSlackError(error: unknown, afterRateLimit = 'message dropped'): string {
  const e = error as { code?: string; data?: { error?: string; needed?: string }; retryAfter?: number; message?: string };
  if (e?.code === webApi.ErrorCode.RateLimitedError) return `Slack rate limit (ratelimited), retry after ${e.retryAfter}s; ${afterRateLimit}`;
  const network = networkFailure(error);
  if (network) return describeNetworkFailure(network, 'slack.com');
  const code = slackErrorCode(error);
  switch (code) {
    case 'channel_not_found':
      return 'channel_not_found: the channel does not exist or the bot cannot see it (invite @Lede to it, or check the channel id)';
    case 'not_in_channel':
      return 'not_in_channel: invite @Lede to the channel first';
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'account_inactive':
      return `${code}: check SLACK_BOT_TOKEN`;
    case 'missing_scope': {
      const needed = e.data?.needed ? `this call needs ${e.data.needed}; ` : '';
      return `missing_scope: ${needed}reinstall the app from slack-manifest.yml (scopes ${BOT_SCOPES.join(', ')})`;
    }
    case 'invalid_blocks':
      return 'invalid_blocks: Slack refused the message layout (please report this as a Lede bug)';
    case undefined:
      return e instanceof Error ? e.message : String(error);
    default:
      return `Slack API error ${code}`;
  }
}

/**
 * Why Slack could not be used at start-up, for `credential` (the variable the failed call used):
 * the network, naming the host (`calledHost`, e.g. slack.com); a refused credential, only when
 * Slack said so; else Slack's error as it came.
 */
export function describeSlackStartError(error: unknown, credential: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', calledHost: string, hint = `check ${credential}`): string {
  const network = networkFailure(error);
  if (network) return `Slack could not be reached: ${describeNetworkFailure(network, calledHost)} (${credential} was not checked)`;
  const code = slackErrorCode(error);
  if (code && REFUSED_CREDENTIAL.has(code)) return `Slack refused ${credential} at start-up: ${code}: check ${credential}`;
  return `${describeSlackError(error)} (${hint})`;
}
