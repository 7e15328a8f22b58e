// Each Slack request is acted on once, whichever instance it reaches and even after a restart:
// - a signed HTTP request is claimed by its signature until Bolt would refuse it as stale
//   (timestamp + 5 min), so the same signed /unsubscribe sent twice runs once;
// - an event is claimed by its event_id for an hour, so Slack's retries (X-Slack-Retry-Num over
//   HTTP, retry_attempt in Socket Mode; each a new signature) are acknowledged and dropped;
// - a request timestamped more than 5 minutes ahead is refused with 401 (Bolt refuses only
//   old ones), so a captured signature cannot be made to outlive the claim on it.
// Claims live in the store (core/claims.ts): Redis SET NX PX, or one atomic SQLite statement.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, HTTPReceiver, Logger, Middleware } from '@slack/bolt';
import type { Claims } from '../../core/claims.ts';

/** Slack's window for a request timestamp, either way (Bolt checks the past side). */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/** How long an event id is remembered to drop Slack's retries of it. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** Context keys the HTTP receiver adds from each request's headers. */
interface SignedContext {
  slackSignature?: string;
  slackRequestTimestamp?: string;
}

/** HTTPReceiver's customPropertiesExtractor: the headers the guard needs, into the context. */
export function signedRequestProperties(request: IncomingMessage): SignedContext {
  const header = (name: string) => {
    const v = request.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  return { slackSignature: header('x-slack-signature'), slackRequestTimestamp: header('x-slack-request-timestamp') };
}

/** Seconds a request's timestamp lies ahead of our clock (0 when behind or missing). */
function secondsAhead(timestamp: string | undefined, nowMs = Date.now()): number {
  const ts = Number(timestamp);
  return Number.isFinite(ts) ? Math.max(0, ts - Math.floor(nowMs / 1000)) : 0;
}

/** Puts the future-timestamp check in front of the receiver's own request handling. */
export function refuseFutureRequests(receiver: HTTPReceiver, logger: Logger): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const ahead = secondsAhead(signedRequestProperties(req).slackRequestTimestamp);
    if (ahead > MAX_CLOCK_SKEW_S) {
      logger.warn(`slack: refused a request timestamped ${ahead}s ahead of this machine's clock (at most ${MAX_CLOCK_SKEW_S}s; check the clock if this repeats)`);
      res.writeHead(401).end();
      return;
    }
    inner(req, res);
  };
}

interface Claim {
  key: string;
  ttlMs: number;
  /** What the operator reads when this claim was already taken. */
  duplicate: string;
}

function claimsOf(body: any, context: SignedContext & { retryNum?: number; retryReason?: string }): Claim[] {
  const claims: Claim[] = [];
  // The event first: a retry is reported as one, even when it repeats the signature too.
  if (typeof body?.event_id === 'string') {
    const team = typeof body.team_id === 'string' ? body.team_id : '';
    claims.push({ key: `slack:event:${team}:${body.event_id}`, ttlMs: EVENT_TTL_MS, duplicate: `ignoring redelivery of event ${body.event_id} (retry ${context.retryNum ?? '?'}, ${context.retryReason || 'no reason'})` });
  }
  if (context.slackSignature && context.slackRequestTimestamp) {
    // Held until the signature goes stale: after that Bolt refuses it anyway.
    const staleAtMs = (Number(context.slackRequestTimestamp) + MAX_CLOCK_SKEW_S) * 1000;
    claims.push({ key: `slack:sig:${context.slackSignature}`, ttlMs: Math.max(1000, staleAtMs - Date.now() + 1000), duplicate: 'ignoring a replayed request (same signature as one already handled)' });
  }
  return claims;
}

/** A store that cannot answer must not stop answering: the request is handled (at least once). */
async function firstOrUnknown(claims: Claims, claim: Claim, logger: Logger): Promise<boolean> {
  try {
    return await claims.first(claim.key, claim.ttlMs);
  } catch (error) {
    logger.warn(`slack: cannot check for a repeated request (${error instanceof Error ? error.message : String(error)}); handling it`);
    return true;
  }
}

/** Global Bolt middleware: a request already claimed is acknowledged and goes no further. */
export function replayGuard(claims: Claims, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    for (const claim of claimsOf(args.body, args.context as SignedContext)) {
      if (await firstOrUnknown(claims, claim, logger)) continue;
      logger.info(`slack: ${claim.duplicate}`);
      // Commands must still be acknowledged (events already were), or Slack reports a failure.
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  };
}
