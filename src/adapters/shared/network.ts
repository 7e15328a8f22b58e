// Telling a network failure from a refusal: "could not reach slack.com" and "Slack refused the
// token" need different fixes (check the network vs. replace the token), so the start-up errors
// of every adapter ask this first. Platform libraries wrap the socket error a few levels deep
// (Bolt's WebClient: error.original.cause; undici: error.cause; discord.js: the error itself).

/** Error codes of Node and undici that mean the other end was not reached or did not answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_SOCKET', 'ECONNABORTED',
]);
/** Error names of timeouts that carry no code (AbortSignal.timeout, fetch aborted by a timer). */
const TIMEOUT_NAMES = new Set(['TimeoutError', 'AbortError']);

export interface NetworkFailure {
  /** ECONNREFUSED, ENOTFOUND, …, or "timeout". */
  code: string;
  /** host:port when the error says which, else null. */
  host: string | null;
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  cause?: unknown;
  original?: unknown;
  errors?: unknown;
}

/** The network failure inside `error` (searched through cause, original and AggregateError), or null. */
export function networkFailure(error: unknown, depth = 0): NetworkFailure | null {
  if (!error || typeof error !== 'object' || depth > 6) return null;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return { code: e.code, host: hostOf(e) };
  if (typeof e.name === 'string' && TIMEOUT_NAMES.has(e.name)) return { code: 'timeout', host: hostOf(e) };
  const inner = [e.cause, e.original, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const next of inner) {
    const found = networkFailure(next, depth + 1);
    if (found) return found;
  }
  return null;
}

function hostOf(e: ErrorLike): string | null {
  const host = typeof e.hostname === 'string' ? e.hostname : typeof e.address === 'string' ? e.address : null;
  if (!host) return null;
  return typeof e.port === 'number' ? `${host}:${e.port}` : host;
}

/** "could not reach slack.com (ECONNREFUSED)": the host from the error, else the one we called. */
export function describeNetworkFailure(failure: NetworkFailure, calledHost: string): string {
  return `network error: could not reach ${failure.host ?? calledHost} (${failure.code === 'timeout' ? 'timed out' : failure.code}); check the network, DNS, proxy or firewall`;
}

/** The host part of a URL, for messages. */
export function hostOfUrl(url: string | undefined, fallback: string): string {
  try {
    return url ? new URL(url).host : fallback;
  } catch {
    return fallback;
  }
}
