// Safe HTTP(S) GET for feeds and pages: one deadline for the whole exchange, a byte cap on the
// (decompressed) body, a bounded number of redirects, conditional requests, and refusal of
// addresses inside the operator's network. The address check runs on the resolved IPs and
// the connection is pinned to the checked IP, so a DNS answer cannot change in between.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { log } from './log.ts';

export interface FetchOptions {
  /** Whole exchange, all redirects included. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Host names or IP addresses allowed even though they are loopback/private/link-local. */
  allowHosts?: readonly string[];
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  /** 304: the caller's copy is current; body is empty. */
  notModified: boolean;
  body: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export type FetchErrorCode = 'bad-url' | 'refused' | 'timeout' | 'too-large' | 'redirects' | 'http' | 'network';

export class FetchError extends Error {
  constructor(readonly code: FetchErrorCode, message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

const USER_AGENT = 'Lede/0.1 (+https://github.com/lede-bot/lede; news digest)';

/** IPv4 ranges that are never the public internet (RFC 6890 special-purpose, multicast, reserved). */
const NON_PUBLIC_V4 = (() => {
  const list = new BlockList();
  for (const [net, bits] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) list.addSubnet(net, bits, 'ipv4');
  return list;
})();

/**
 * IPv6, as a table read top to bottom; the first prefix that contains the address decides.
 * 'ipv4': the last 32 bits are an IPv4 address, judged as one (::ffff:127.0.0.1 is loopback;
 * 64:ff9b::808:808 is how a DNS64 network reaches 8.8.8.8). 'public' is the global unicast
 * space (2000::/3) after its special blocks; everything outside it (::, ::1, ::/96 IPv4-
 * compatible, ::ffff:0:0:0/96, 64:ff9b:1::/48, 100::/64, fc00::/7, fe80::/10, fec0::/10,
 * ff00::/8, …) is refused.
 */
const V6_RULES: ReadonlyArray<readonly [prefix: string, bits: number, verdict: 'ipv4' | 'refuse' | 'public']> = [
  ['::ffff:0:0', 96, 'ipv4'], // IPv4-mapped
  ['64:ff9b::', 96, 'ipv4'], // NAT64, well-known prefix (RFC 6052)
  ['2001::', 23, 'refuse'], // IETF protocol assignments: Teredo 2001::/32 (embeds any IPv4), benchmarking, ORCHID
  ['2001:db8::', 32, 'refuse'], // documentation
  ['2002::', 16, 'refuse'], // 6to4: embeds any IPv4 (2002:7f00:1:: is 127.0.0.1), deprecated
  ['3fff::', 20, 'refuse'], // documentation (RFC 9637)
  ['2000::', 3, 'public'],
];

/** An IPv6 address as a 128-bit number, or null when it is not one. */
function ipv6Value(address: string): bigint | null {
  let host: string;
  try {
    // The URL parser validates and rewrites to hex groups ("::ffff:127.0.0.1" → "::ffff:7f00:1").
    host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head, tail = null] = host.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? groups.reduce((n, g) => (n << 16n) | BigInt(`0x${g}`), 0n) : null;
}

const V6_TABLE = V6_RULES.map(([prefix, bits, verdict]) => ({ bits: BigInt(bits), value: ipv6Value(prefix)!, verdict }));

function ipv4Of(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** True for loopback, private, link-local, multicast, reserved and transition addresses that can hide one. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC_V4.check(address, 'ipv4');
  if (family !== 6) return true;
  const value = ipv6Value(address);
  if (value === null) return true;
  const rule = V6_TABLE.find((r) => value >> (128n - r.bits) === r.value >> (128n - r.bits));
  if (!rule) return true;
  if (rule.verdict === 'ipv4') return NON_PUBLIC_V4.check(ipv4Of(value & 0xffffffffn), 'ipv4');
  return rule.verdict === 'refuse';
}

interface Resolved {
  address: string;
  family: 4 | 6;
}

/** Resolves a host and refuses it unless every address is public or the operator allowed it. */
export async function resolveAllowed(hostname: string, allowHosts: readonly string[] = []): Promise<Resolved[]> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = new Set(allowHosts.map((h) => h.toLowerCase()));
  const literal = isIP(host);
  let addresses: Resolved[];
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      addresses = (await dnsLookup(host, { all: true })) as Resolved[];
    } catch (e) {
      throw new FetchError('network', `cannot resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  if (!addresses.length) throw new FetchError('network', `cannot resolve ${host}`);
  if (allowed.has(host)) return addresses;
  // Every answer must pass: a name with one public and one private address is refused.
  const blocked = addresses.find((a) => isNonPublicAddress(a.address) && !allowed.has(a.address));
  if (blocked) {
    // The chat user learns only that the host is refused; which internal address a name
    // resolves to is for the operator's log (it maps the operator's network otherwise).
    log().warn({ host, address: blocked.address }, 'fetch refused: the host resolves to a non-public address (allow it with LEDE_ALLOW_HOSTS if intended)');
    throw new FetchError('refused', `refused ${host}: that address is not allowed (loopback, private or link-local addresses are refused unless the operator allows them)`);
  }
  return addresses;
}

/** Parses and checks a URL given by a user: http(s) only, no credentials. */
export function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad-url', `only http and https URLs are read (got ${url.protocol})`);
  if (url.username || url.password) throw new FetchError('bad-url', 'URLs with credentials are not accepted');
  return url;
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

function charsetOf(contentType: string | null): string {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : 'utf-8';
}

function decodeBody(bytes: Buffer, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function header(res: http.IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] ?? null : null;
}

interface OneResponse {
  res: http.IncomingMessage;
  /** Set when the status is a redirect. */
  location: string | null;
}

function requestOnce(url: URL, pinned: Resolved[], options: FetchOptions, signal: AbortSignal): Promise<OneResponse> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'GET',
        headers,
        signal,
        // The connection goes to the address we checked, whatever DNS says now.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, pinned);
          else cb(null, pinned[0].address, pinned[0].family);
        }) as never,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = status >= 300 && status < 400 && status !== 304 ? header(res, 'location') : null;
        resolve({ res, location });
      },
    );
    req.on('error', (e) => reject(e));
    req.end();
  });
}

function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(header(res, 'content-length'));
    if (Number.isFinite(declared) && declared > maxBytes && !res.headers['content-encoding']) {
      res.destroy();
      reject(new FetchError('too-large', `response too large (${declared.toLocaleString('en')} bytes; at most ${maxBytes.toLocaleString('en')})`));
      return;
    }
    const stream = decoded(res);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        // Settle first: destroying the response emits "aborted", which must not win.
        fail(new FetchError('too-large', `response too large (more than ${maxBytes.toLocaleString('en')} bytes)`));
        res.destroy();
        stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', fail);
    res.on('error', fail);
    res.on('aborted', () => fail(new FetchError('network', 'connection closed before the response ended')));
  });
}

function describeNetworkError(e: unknown, timeoutMs: number): FetchError {
  if (e instanceof FetchError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.name === 'AbortError' || err?.code === 'ABORT_ERR') return new FetchError('timeout', `no complete response within ${timeoutMs / 1000} s`);
  return new FetchError('network', `network error: ${err?.code ?? err?.message ?? String(e)}`);
}

/** GET with every safety limit applied; throws FetchError with a message fit for users. */
export async function safeFetch(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new FetchError('timeout', `no complete response within ${timeoutMs / 1000} s`)));
  });
  deadline.catch(() => {});
  try {
    let url = parseWebUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      const pinned = await Promise.race([resolveAllowed(url.hostname, options.allowHosts), deadline]);
      const { res, location } = await Promise.race([requestOnce(url, pinned, options, controller.signal), deadline]);
      const status = res.statusCode ?? 0;
      if (location !== null) {
        res.resume();
        if (hop >= maxRedirects) throw new FetchError('redirects', `too many redirects (more than ${maxRedirects})`);
        // Conditional headers belong to the first URL only.
        options = { ...options, etag: null, lastModified: null };
        url = parseWebUrl(new URL(location, url).toString());
        continue;
      }
      const meta = {
        url: url.toString(),
        status,
        contentType: header(res, 'content-type'),
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
      };
      if (status === 304) {
        res.resume();
        return { ...meta, notModified: true, body: '' };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new FetchError('http', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`);
      }
      const bytes = await Promise.race([readCapped(res, maxBytes), deadline]);
      return { ...meta, notModified: false, body: decodeBody(bytes, meta.contentType) };
    }
  } catch (e) {
    throw describeNetworkError(e, timeoutMs);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
