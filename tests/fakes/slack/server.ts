// A loopback Slack for end-to-end tests of the real, unchanged Bolt app:
// - the Web API methods the bot calls (auth.test, chat.*, conversations.history,
//   apps.connections.open), accepting form-encoded and JSON bodies like slack.com does;
// - each channel's history: what chat.postMessage put there (with its message metadata), newest
//   first, plus messages tests add as other people or apps;
// - `response_url` endpoints (at most 5 uses each, like Slack);
// - the Socket Mode WebSocket: sends hello and envelopes, and checks every ack.
// Every request and ack is recorded. Tests can make the next calls of a method fail with
// Slack's real error shapes (`ratelimited` as HTTP 429 + Retry-After, `channel_not_found`, ...).
// Messages whose blocks break Block Kit limits are refused with `invalid_blocks`.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { blockProblems, LIMITS } from './validate.ts';

export const FAKE_TEAM = { id: 'T0FAKE', name: 'Fake Newsroom', domain: 'fake-newsroom' };
export const FAKE_BOT = { userId: 'U0LEDEBOT', botId: 'B0LEDE', appId: 'A0LEDE' };

export interface RecordedRequest {
  /** 'api' for Web API methods, 'response_url' for response URLs, 'ack' for Socket Mode acks,
   *  'envelope' for what the fake itself sent over the socket (to read the transcript in order). */
  kind: 'api' | 'response_url' | 'ack' | 'envelope';
  /** Web API method name, response URL id, or envelope id. */
  name: string;
  contentType: string;
  /** Which token authorised the call: 'bot', 'app', or 'none' (never the token itself). */
  auth: 'bot' | 'app' | 'none';
  body: any;
  /** What the fake answered: ok, or the error code. */
  outcome: string;
}

export interface Fault {
  error: string;
  /** For `ratelimited`: seconds in the Retry-After header. */
  retryAfter?: number;
  /** How many calls fail (default 1). */
  times?: number;
  /** For `missing_scope`: the scope Slack says the call needed (it also lists the ones given). */
  needed?: string;
}

/** A message as conversations.history gives it (the fields Lede reads, plus the usual ones). */
export interface HistoryMessage {
  type: 'message';
  ts: string;
  text: string;
  /** The posting user; for a bot token's post, the bot's user id. */
  user?: string;
  bot_id?: string;
  app_id?: string;
  blocks?: unknown[];
  /** Message metadata; conversations.history includes it only with include_all_metadata. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** conversations.history's default and largest page. */
const HISTORY_DEFAULT_LIMIT = 100;
const HISTORY_MAX_LIMIT = 999;

/** Fields whose form-encoded values Slack reads as JSON. */
const JSON_FORM_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

export class FakeSlack extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private sockets = new Set<WebSocket>();
  private faults = new Map<string, Fault & { left: number }>();
  private responseUrlUses = new Map<string, number>();
  private pendingAcks = new Map<string, (ack: any) => void>();
  private tsCounter = 0;
  /** Top-level messages per channel, oldest first (thread replies are not in a channel's history). */
  private readonly channels = new Map<string, HistoryMessage[]>();
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` calls of a Web API method answer this error instead. */
  failNext(method: string, fault: Fault): void {
    this.faults.set(method, { ...fault, left: fault.times ?? 1 });
  }

  /** Puts a message in a channel as someone else posted it (a person, another app). */
  addMessage(channel: string, message: Omit<HistoryMessage, 'type' | 'ts'> & { ts?: string }): HistoryMessage {
    const stored: HistoryMessage = { type: 'message', ...message, ts: message.ts ?? this.nextTs() };
    this.historyOf(channel).push(stored);
    return stored;
  }

  /** A channel's top-level messages, oldest first. */
  history(channel: string): readonly HistoryMessage[] {
    return this.channels.get(channel) ?? [];
  }

  /** A fresh response_url, as Slack puts in each slash command. */
  newResponseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/${randomUUID()}`;
  }

  /** Web API calls of one method, in order. */
  calls(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === 'api' && r.name === method);
  }

  /** Messages that reached a channel or a response_url (accepted ones only). */
  answers(): RecordedRequest[] {
    return this.requests.filter((r) => r.outcome === 'ok' && (r.kind === 'response_url' || (r.kind === 'api' && r.name.startsWith('chat.'))));
  }

  /** Resolves with the first recorded request passing the check (already recorded or future). */
  waitFor(check: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(check);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error(`fake slack: nothing matching arrived within ${timeoutMs} ms; got:\n${this.transcript()}`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!check(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /** Resolves when a Socket Mode client has connected and been sent hello. */
  waitForSocket(timeoutMs = 15_000): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake slack: no Socket Mode connection')), timeoutMs);
      this.once('socket', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Sends a Socket Mode envelope to every connected client; resolves with the ack payload.
   * Fails if the ack is not valid JSON for this envelope id (checked in onSocket).
   */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown, extra: Record<string, unknown> = {}): { envelopeId: string; acked: Promise<any> } {
    const envelopeId = randomUUID();
    const acked = new Promise<any>((resolve) => this.pendingAcks.set(envelopeId, resolve));
    const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra };
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
    this.record({ kind: 'envelope', name: envelopeId, contentType: 'ws', auth: 'app', body: payload, outcome: type });
    return { envelopeId, acked };
  }

  /** Slack asks clients to reconnect now and then (e.g. `refresh_requested`), then closes. */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) {
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
      this.sockets.delete(ws);
    }
  }

  /** One line per recorded request: what a reviewer needs to see the conversation. */
  transcript(): string {
    return this.requests.map(describe).join('\n');
  }

  private record(r: RecordedRequest): void {
    this.requests.push(r);
    this.emit('request', r);
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: any;
      try {
        message = JSON.parse(String(data));
      } catch {
        this.record({ kind: 'ack', name: '?', contentType: 'ws', auth: 'app', body: String(data), outcome: 'not_json' });
        return;
      }
      const id = message?.envelope_id;
      const resolve = typeof id === 'string' ? this.pendingAcks.get(id) : undefined;
      const outcome = resolve ? 'ok' : 'unknown_envelope';
      this.record({ kind: 'ack', name: String(id), contentType: 'ws', auth: 'app', body: message.payload ?? {}, outcome });
      if (resolve) {
        this.pendingAcks.delete(id);
        resolve(message.payload ?? {});
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: FAKE_BOT.appId } }));
    this.emit('socket');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0];
    const body = parseBody(raw, contentType);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/respond/')) return this.handleResponseUrl(url.pathname.slice('/respond/'.length), contentType, body, res);
    if (url.pathname.startsWith('/api/')) return this.handleApi(url.pathname.slice('/api/'.length), req, contentType, body, res);
    res.writeHead(404).end();
  }

  private handleResponseUrl(id: string, contentType: string, body: any, res: ServerResponse): void {
    const uses = (this.responseUrlUses.get(id) ?? 0) + 1;
    this.responseUrlUses.set(id, uses);
    const problems = [...blockProblems(body.blocks), ...(body.text || body.blocks ? [] : ['no_text'])];
    const outcome = uses > 5 ? 'used_url' : problems.length ? 'invalid_blocks' : 'ok';
    this.record({ kind: 'response_url', name: id, contentType, auth: 'none', body, outcome });
    if (outcome === 'ok') return json(res, 200, { ok: true });
    json(res, 404, { ok: false, error: outcome, errors: problems });
  }

  private handleApi(method: string, req: IncomingMessage, contentType: string, body: any, res: ServerResponse): void {
    const token = tokenOf(req, body);
    const auth = token.startsWith('xoxb-') ? 'bot' : token.startsWith('xapp-') ? 'app' : 'none';
    const answer = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const outcome = payload.ok ? 'ok' : String(payload.error);
      this.record({ kind: 'api', name: method, contentType, auth, body, outcome });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    const fault = this.faults.get(method);
    if (fault && fault.left > 0) {
      fault.left -= 1;
      if (fault.error === 'ratelimited') return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter ?? 1) });
      if (fault.error === 'missing_scope') return answer(200, { ok: false, error: 'missing_scope', needed: fault.needed ?? '', provided: 'app_mentions:read,chat:write,commands' });
      return answer(200, { ok: false, error: fault.error });
    }
    if (method === 'apps.connections.open') {
      if (auth !== 'app') return answer(200, { ok: false, error: 'not_allowed_token_type' });
      return answer(200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${randomUUID()}` });
    }
    if (auth !== 'bot') return answer(200, { ok: false, error: auth === 'none' ? 'not_authed' : 'not_allowed_token_type' });
    switch (method) {
      case 'auth.test':
        return answer(200, { ok: true, url: `https://${FAKE_TEAM.domain}.slack.com/`, team: FAKE_TEAM.name, user: 'lede', team_id: FAKE_TEAM.id, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, is_enterprise_install: false });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const problem = messageProblem(method, body);
        if (problem) return answer(200, { ok: false, error: problem.error, errors: problem.errors });
        const ts = method === 'chat.update' ? String(body.ts) : this.nextTs();
        if (method === 'chat.postEphemeral') return answer(200, { ok: true, message_ts: ts });
        if (method === 'chat.postMessage' && !body.thread_ts) this.historyOf(String(body.channel)).push(botMessage(body, ts));
        return answer(200, { ok: true, channel: body.channel, ts, message: { type: 'message', text: body.text ?? '', bot_id: FAKE_BOT.botId, ts, thread_ts: body.thread_ts } });
      }
      case 'conversations.history': {
        if (!body.channel) return answer(200, { ok: false, error: 'channel_not_found' });
        const page = historyPage(this.historyOf(String(body.channel)), body);
        if ('error' in page) return answer(200, { ok: false, error: page.error });
        return answer(200, { ok: true, ...page, pin_count: 0, channel_actions_ts: null, channel_actions_count: 0 });
      }
      case 'conversations.info':
      case 'users.info':
        return this.answerDirectory(method, body, answer);
      default:
        return answer(200, { ok: false, error: 'unknown_method' });
    }
  }

  // ---- the workspace directory: channels (who created them) and members (admins, owners) ----

  /** Makes a channel known to conversations.info, created by `creator`. */
  addChannel(id: string, input: { creator: string; name?: string; isPrivate?: boolean }): void {
    this.directory.channels.set(id, { id, name: input.name ?? `channel-${id.slice(-4).toLowerCase()}`, creator: input.creator, isPrivate: input.isPrivate ?? false });
  }

  /** Makes a member known to users.info; admins and owners may manage every channel. */
  addUser(id: string, input: { admin?: boolean; owner?: boolean } = {}): void {
    this.directory.users.set(id, { id, admin: input.admin ?? false, owner: input.owner ?? false });
  }

  private readonly directory = {
    channels: new Map<string, { id: string; name: string; creator: string; isPrivate: boolean }>(),
    users: new Map<string, { id: string; admin: boolean; owner: boolean }>(),
  };

  /** conversations.info and users.info, with the fields Slack gives (and its errors for unknown ids). */
  private answerDirectory(method: string, body: any, answer: (status: number, payload: Record<string, unknown>) => void): void {
    if (method === 'conversations.info') {
      const c = this.directory.channels.get(String(body.channel ?? ''));
      if (!c) return answer(200, { ok: false, error: 'channel_not_found' });
      return answer(200, {
        ok: true,
        channel: { id: c.id, name: c.name, is_channel: !c.isPrivate, is_group: c.isPrivate, is_im: false, is_mpim: false, is_private: c.isPrivate, created: 1700000000, creator: c.creator, is_archived: false, is_general: false, is_member: true, topic: { value: '', creator: '', last_set: 0 }, purpose: { value: '', creator: '', last_set: 0 } },
      });
    }
    const u = this.directory.users.get(String(body.user ?? ''));
    if (!u) return answer(200, { ok: false, error: 'user_not_found' });
    return answer(200, {
      ok: true,
      user: { id: u.id, team_id: FAKE_TEAM.id, name: u.id.toLowerCase(), deleted: false, is_admin: u.admin || u.owner, is_owner: u.owner, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_bot: false, is_app_user: false, updated: 1700000000 },
    });
  }

  private historyOf(channel: string): HistoryMessage[] {
    let messages = this.channels.get(channel);
    if (!messages) this.channels.set(channel, (messages = []));
    return messages;
  }

  private nextTs(): string {
    // Like Slack's: the time of posting in seconds, with microseconds; strictly increasing.
    this.tsCounter = Math.max(this.tsCounter + 1, Date.now() * 1000);
    return `${Math.floor(this.tsCounter / 1e6)}.${String(this.tsCounter % 1e6).padStart(6, '0')}`;
  }
}

/** A bot token's chat.postMessage as the channel's history shows it. */
function botMessage(body: any, ts: string): HistoryMessage {
  return {
    type: 'message',
    ts,
    text: String(body.text ?? ''),
    user: FAKE_BOT.userId,
    bot_id: FAKE_BOT.botId,
    app_id: FAKE_BOT.appId,
    ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
    ...(body.metadata ? { metadata: body.metadata } : {}),
  };
}

/** Slack's checks of message metadata: a JSON object with event_type and an event_payload object. */
function metadataProblem(metadata: unknown): string | null {
  if (metadata === undefined) return null;
  if (typeof metadata !== 'object' || metadata === null) return 'invalid_metadata_format';
  const { event_type, event_payload } = metadata as Record<string, unknown>;
  if (typeof event_type !== 'string' || !event_type || typeof event_payload !== 'object' || event_payload === null || Array.isArray(event_payload)) return 'invalid_metadata_schema';
  return null;
}

function messageProblem(method: string, body: any): { error: string; errors?: string[] } | null {
  if (!body.channel) return { error: 'channel_not_found' };
  const metadata = metadataProblem(body.metadata);
  if (metadata) return { error: metadata };
  if (method === 'chat.postEphemeral' && !body.user) return { error: 'user_not_found' };
  if (method === 'chat.update' && !body.ts) return { error: 'message_not_found' };
  if (!body.text && !body.blocks) return { error: 'no_text' };
  if (typeof body.text === 'string' && body.text.length > LIMITS.messageText) return { error: 'msg_too_long' };
  const errors = blockProblems(body.blocks);
  return errors.length ? { error: 'invalid_blocks', errors } : null;
}

function tokenOf(req: IncomingMessage, body: any): string {
  const header = String(req.headers.authorization ?? '');
  if (header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof body.token === 'string' ? body.token : '';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Slack accepts both encodings; form values of JSON fields are JSON strings. */
export function parseBody(raw: string, contentType: string): any {
  if (!raw) return {};
  if (contentType === 'application/json') {
    try {
      return JSON.parse(raw);
    } catch {
      return { invalid_json: raw };
    }
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FORM_FIELDS.has(key)) {
      try {
        body[key] = JSON.parse(value);
        continue;
      } catch {
        // Slack refuses unparsable blocks; keeping the string makes the validator say so.
      }
    }
    body[key] = value;
  }
  return body;
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

function describe(r: RecordedRequest): string {
  const b = r.body ?? {};
  const where = [b.channel && `channel=${b.channel}`, b.thread_ts && `thread_ts=${b.thread_ts}`, b.response_type && `response_type=${b.response_type}`].filter(Boolean).join(' ');
  const blocks = Array.isArray(b.blocks) ? ` blocks=${b.blocks.length}[${b.blocks.map((x: any) => x.type).join(',')}]` : '';
  const text = typeof b.text === 'string' ? ` text=${JSON.stringify(b.text.length > 90 ? `${b.text.slice(0, 90)}…` : b.text)}` : '';
  if (r.kind === 'envelope') {
    const what = r.outcome === 'slash_commands' ? `${b.command} ${JSON.stringify(b.text)}` : `${b.event?.type} ${JSON.stringify(b.event?.text ?? '')}`;
    return `WS → envelope ${r.name.slice(0, 8)} ${r.outcome}: ${what}`;
  }
  const label = r.kind === 'api' ? `POST /api/${r.name}` : r.kind === 'response_url' ? `POST response_url ${r.name.slice(0, 8)}` : `WS ← ack ${r.name.slice(0, 8)}`;
  return `${label} (${r.contentType}, ${r.auth}) ${where}${blocks}${text} → ${r.outcome}`.replace(/\s+/g, ' ').trim();
}

/** The cursor Slack hands out for the next page: base64 of "next_ts:" and the first message not served. */
function cursorFor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString('base64');
}

/**
 * One page of conversations.history, as the real method serves it: newest first; only messages
 * between `oldest` and `latest` (each bound left out unless `inclusive`); at most `limit`
 * (default 100, up to 999); continuing, with `cursor`, from where the previous page stopped;
 * `has_more` and `response_metadata.next_cursor` when more remain; `metadata` only with
 * include_all_metadata. `history` is the channel's messages oldest first.
 */
export function historyPage(history: HistoryMessage[], body: Record<string, unknown>): { messages: HistoryMessage[]; has_more: boolean; response_metadata?: { next_cursor: string } } | { error: string } {
  const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;
  const limit = Math.min(Math.max(Number(body.limit) || HISTORY_DEFAULT_LIMIT, 1), HISTORY_MAX_LIMIT);
  const inclusive = truthy(body.inclusive);
  const oldest = body.oldest !== undefined && body.oldest !== '' ? Number(body.oldest) : 0;
  const latest = body.latest !== undefined && body.latest !== '' ? Number(body.latest) : Infinity;
  let from = Infinity;
  if (typeof body.cursor === 'string' && body.cursor) {
    const m = /^next_ts:(\d+\.\d+)$/.exec(Buffer.from(body.cursor, 'base64').toString('utf8'));
    if (!m) return { error: 'invalid_cursor' };
    from = Number(m[1]);
  }
  const inRange = (m: HistoryMessage) => {
    const ts = Number(m.ts);
    return (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest) && ts <= from;
  };
  const matching = [...history].reverse().filter(inRange);
  const withMetadata = truthy(body.include_all_metadata);
  const messages = matching.slice(0, limit).map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
  const next = matching[limit];
  return next ? { messages, has_more: true, response_metadata: { next_cursor: cursorFor(next.ts) } } : { messages, has_more: false };
}
