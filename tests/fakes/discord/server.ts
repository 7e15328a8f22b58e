// A loopback Discord for end-to-end tests: the REST routes the bot calls and enough of the
// gateway protocol (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeat ACK, dispatches) for the
// real, unchanged discord.js to log in and receive messages and interactions.
// Every REST request is recorded; tests can make the next matching requests fail with
// Discord's real error shapes (400, 429 with retry headers, 500), and message payloads over
// Discord's limits are rejected with a 400 like the real API does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { payloadLimitProblems } from './limits.ts';

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, with segments URL-decoded (`@original`, not `%40original`). */
  route: string;
  query: Record<string, string>;
  body: any;
  status: number;
  /** Set when the response was an injected fault. */
  injected?: number;
}

export interface Fault {
  method?: string;
  /** Route pattern; a string must equal the route, a RegExp must match it. */
  route?: string | RegExp;
  /** Only requests whose body passes this check fail. */
  when?: (body: any) => boolean;
  status: 400 | 429 | 500;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds the client is told to wait. */
  retryAfter?: number;
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface FakeDiscordOptions {
  botId?: string;
  applicationId?: string;
  guildId?: string;
  /** Text channels announced in GUILD_CREATE (messages in unknown channels are dropped by discord.js). */
  channels?: string[];
  /** Public threads of the first channel, announced in GUILD_CREATE (a thread is a channel with its own id). */
  threads?: string[];
  /** HELLO's heartbeat interval (Discord sends about 41 s; tests shorten it to see heartbeats). */
  heartbeatIntervalMs?: number;
}

type Waiter = { check: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void };

/** An ordinary member's permissions (the @everyone role of a new server): no Manage Channels. */
export const MEMBER_PERMISSIONS = 2248473465835073n;
/** Manage Channels (1 << 4), what /subscribe and /unsubscribe need. */
export const MANAGE_CHANNELS = 1n << 4n;
/** Administrator (1 << 3): Discord grants every permission to it. */
export const ADMINISTRATOR = 1n << 3n;

let snowflakeCounter = 0n;
/** Snowflake-shaped ids, increasing, so discord.js can read timestamps from them. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter).toString();
}

export class FakeDiscord {
  readonly botUser: FakeUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channels: string[];
  readonly threads: string[];
  readonly heartbeatIntervalMs: number;
  /** The bot's managed role (Discord creates one per bot; users often mention it instead of the bot). */
  readonly botRoleId = snowflake();
  /** Heartbeat ACKs sent back to the client. */
  heartbeatAcks = 0;
  readonly requests: RecordedRequest[] = [];
  /** Messages the bot created, per channel, newest last (served by GET /channels/:id/messages). */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  /** Gateway payloads the client sent (IDENTIFY, heartbeats), for debugging and assertions. */
  readonly gatewayReceived: any[] = [];
  private readonly faults: Fault[] = [];
  private readonly waiters: Waiter[] = [];
  /** Open gateway connections, with the shard each identified as and its own sequence number. */
  private readonly sockets = new Map<WebSocket, { shard: [number, number] | null; seq: number }>();
  private readyResolvers: Array<() => void> = [];
  private identified = false;
  private http: Server | null = null;
  private wss: WebSocketServer | null = null;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.botUser = { id: options.botId ?? snowflake(), username: 'lede-test-bot', bot: true };
    this.applicationId = options.applicationId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.channels = options.channels ?? [snowflake(), snowflake()];
    this.threads = options.threads ?? [snowflake()];
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 45_000;
  }

  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.http = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (socket) => this.handleSocket(socket));
    await new Promise<void>((resolve) => this.http!.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets.keys()) s.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    if (this.http) {
      this.http.closeAllConnections();
      await new Promise<void>((resolve) => this.http!.close(() => resolve()));
    }
  }

  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  whenIdentified(): Promise<void> {
    if (this.identified) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Resolves with the first recorded request (past or future) that passes `check`. */
  waitForRequest(check: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const seen = this.requests.find(check);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; saw:\n${this.transcript()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** A readable list of the REST requests received: method, route, status, trimmed body. */
  transcript(maxBody = 160): string {
    return this.requests
      .map((r) => {
        const body = r.body === undefined ? '' : ' ' + JSON.stringify(r.body).slice(0, maxBody);
        const query = Object.keys(r.query).length ? '?' + new URLSearchParams(r.query).toString() : '';
        return `${r.method} ${r.route}${query} → ${r.status}${body}`;
      })
      .join('\n');
  }

  // ---- events the tests send to the bot ----

  /** Dispatches MESSAGE_CREATE; returns the message id. `guild: false` makes it a DM. */
  sendMessage(input: { content: string; author: FakeUser; channelId?: string; mentionBot?: boolean; mentionBotRole?: boolean; guild?: boolean }): string {
    const id = snowflake();
    const inGuild = input.guild !== false;
    const channelId = input.channelId ?? (inGuild ? this.channels[0] : snowflake());
    const mention = (input.mentionBot ? `<@${this.botUser.id}> ` : '') + (input.mentionBotRole ? `<@&${this.botRoleId}> ` : '');
    this.dispatch('MESSAGE_CREATE', {
      ...messageObject({
        id,
        channelId,
        author: input.author,
        content: mention + input.content,
        mentions: input.mentionBot ? [userObject(this.botUser)] : [],
      }),
      mention_roles: input.mentionBotRole ? [this.botRoleId] : [],
      // Discord sends the channel type; discord.js needs it to build an uncached DM channel.
      channel_type: !inGuild ? 1 : this.threads.includes(channelId) ? 11 : 0,
      ...(inGuild ? { guild_id: this.guildId, member: memberObject() } : {}),
    });
    return id;
  }

  /**
   * Dispatches a slash command INTERACTION_CREATE; returns its id and token. `permissions` are the
   * member's permissions in that channel, as Discord computes them (default: an ordinary member,
   * see MEMBER_PERMISSIONS); `guild: false` sends it from a DM, where there is no member.
   */
  sendCommand(input: { name: string; options?: Record<string, string>; user: FakeUser; channelId?: string; permissions?: bigint; guild?: false }): { id: string; token: string } {
    const id = snowflake();
    const token = `itoken-${id}`;
    const inGuild = input.guild !== false;
    const channelId = input.channelId ?? (inGuild ? this.channels[0] : snowflake());
    const options = Object.entries(input.options ?? {}).map(([name, value]) => ({ name, type: 3, value }));
    const where = inGuild
      ? {
          guild_id: this.guildId,
          channel: channelObject(channelId, this.guildId),
          member: { ...memberObject(), user: userObject(input.user), permissions: String(input.permissions ?? MEMBER_PERMISSIONS) },
          guild_locale: 'en-US',
          authorizing_integration_owners: { '0': this.guildId },
          context: 0,
        }
      : {
          // A DM: Discord sends the user (no member, no guild) and a DM channel.
          channel: { id: channelId, type: 1, last_message_id: null, recipients: [userObject(input.user)], flags: 0 },
          user: userObject(input.user),
          authorizing_integration_owners: { '1': input.user.id },
          context: 1,
        };
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.applicationId,
      type: 2,
      token,
      version: 1,
      channel_id: channelId,
      ...where,
      data: { id: snowflake(), name: input.name, type: 1, options },
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
    });
    return { id, token };
  }

  // ---- gateway ----

  /** Shard that receives a guild's events: Discord's (guild_id >> 22) % shard_count; DMs go to shard 0. */
  static shardFor(guildId: string | null, count: number): number {
    return guildId === null ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** Identified shards so far, as [id, count]. */
  get identifiedShards(): [number, number][] {
    return [...this.sockets.values()].flatMap((v) => (v.shard ? [v.shard] : []));
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    const state = this.sockets.get(socket);
    if (!state) return;
    socket.send(JSON.stringify({ op: 0, t, s: ++state.seq, d }));
  }

  private dispatch(t: string, d: Record<string, unknown>): void {
    const guildId = typeof d.guild_id === 'string' ? d.guild_id : null;
    for (const [socket, state] of this.sockets) {
      if (!state.shard) continue;
      const [id, count] = state.shard;
      if (FakeDiscord.shardFor(guildId, count) === id) this.send(socket, t, d);
    }
  }

  private handleSocket(socket: WebSocket): void {
    this.sockets.set(socket, { shard: null, seq: 0 });
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      let frame: any;
      try {
        frame = JSON.parse(String(raw));
      } catch {
        return;
      }
      this.gatewayReceived.push(frame.op === 2 ? { op: 2, d: { ...frame.d, token: '[redacted]' } } : frame);
      if (frame.op === 1) {
        socket.send(JSON.stringify({ op: 11 }));
        this.heartbeatAcks++;
      }
      if (frame.op === 2) this.sendReady(socket, frame.d);
    });
  }

  private sendReady(socket: WebSocket, identify: any): void {
    const sessionId = `session-${snowflake()}`;
    const shard: [number, number] = Array.isArray(identify?.shard) ? [Number(identify.shard[0]), Number(identify.shard[1])] : [0, 1];
    this.sockets.get(socket)!.shard = shard;
    const ownsGuild = FakeDiscord.shardFor(this.guildId, shard[1]) === shard[0];
    const send = (t: string, d: unknown) => this.send(socket, t, d);
    send('READY', {
      v: 10,
      user: { ...userObject(this.botUser), verified: true, mfa_enabled: false, flags: 0 },
      guilds: ownsGuild ? [{ id: this.guildId, unavailable: true }] : [],
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      user_settings: {},
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    if (ownsGuild) send('GUILD_CREATE', this.guildObject());
    this.identified = true;
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }

  private guildObject(): unknown {
    return {
      id: this.guildId,
      name: 'Lede test guild',
      icon: null,
      owner_id: snowflake(),
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      premium_tier: 0,
      nsfw_level: 0,
      preferred_locale: 'en-US',
      features: [],
      roles: [
        { id: this.guildId, name: '@everyone', permissions: '2248473465835073', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: this.botRoleId, name: this.botUser.username, permissions: '274877991936', position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: this.botUser.id } },
      ],
      emojis: [],
      stickers: [],
      members: [{ ...memberObject(), roles: [this.botRoleId], user: userObject(this.botUser) }],
      member_count: 2,
      channels: this.channels.map((id) => channelObject(id, this.guildId)),
      threads: this.threads.map((id) => threadObject(id, this.channels[0], this.guildId, this.botUser.id)),
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
    };
  }

  // ---- REST ----

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body: any = undefined;
    if (raw.length) {
      const type = String(req.headers['content-type'] ?? '');
      try {
        body = type.includes('json') ? JSON.parse(raw) : raw;
      } catch {
        body = raw;
      }
    }
    const route = url.pathname
      .replace(/^\/api(\/v\d+)?/, '')
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
    const record: RecordedRequest = { method: req.method ?? 'GET', route, query: Object.fromEntries(url.searchParams), body, status: 0 };

    const fault = this.takeFault(record);
    const [status, headers, payload] = fault ? faultResponse(fault) : this.respond(record);
    record.status = status;
    if (fault) record.injected = status;
    this.requests.push(record);
    // A 204 has no body and, as from Discord, no JSON content type (discord.js would try to parse it).
    res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
    res.end(payload === undefined ? undefined : JSON.stringify(payload));
    for (const w of [...this.waiters]) {
      if (w.check(record)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(record);
      }
    }
  }

  private takeFault(r: RecordedRequest): Fault | null {
    const index = this.faults.findIndex(
      (f) =>
        (!f.method || f.method === r.method) &&
        (!f.route || (typeof f.route === 'string' ? f.route === r.route : f.route.test(r.route))) &&
        (!f.when || f.when(r.body)),
    );
    if (index < 0) return null;
    const fault = this.faults[index];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private respond(r: RecordedRequest): [number, Record<string, string>, unknown] {
    const { method, route } = r;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && route === '/gateway/bot') {
      return [200, {}, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'GET' && route === '/gateway') return [200, {}, { url: this.gatewayUrl }];
    if (method === 'GET' && route === '/users/@me') return [200, {}, userObject(this.botUser)];
    if (method === 'POST' && (m = route.match(/^\/channels\/(\d+)\/typing$/))) return [204, {}, undefined];
    if (method === 'GET' && (m = route.match(/^\/channels\/(\d+)$/))) return [200, {}, channelObject(m[1], this.guildId)];
    if (method === 'POST' && (m = route.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!r.body?.content && !r.body?.embeds?.length) return [400, {}, { code: 50006, message: 'Cannot send an empty message' }];
      const problems = payloadLimitProblems(r.body);
      if (problems.length) return invalidForm(problems);
      const message = this.sentMessage(m[1], r.body);
      this.channelMessages.set(m[1], [...(this.channelMessages.get(m[1]) ?? []), message]);
      return [200, {}, message];
    }
    if (method === 'GET' && (m = route.match(/^\/channels\/(\d+)\/messages$/))) {
      const limit = Math.min(100, Number(r.query.limit ?? 50));
      return [200, {}, [...(this.channelMessages.get(m[1]) ?? [])].reverse().slice(0, limit)];
    }
    if (method === 'POST' && (m = route.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const problems = payloadLimitProblems(r.body?.data);
      if (problems.length) return invalidForm(problems);
      return [204, {}, undefined];
    }
    if ((m = route.match(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/([^/]+))?$/))) {
      if (method === 'PATCH' || method === 'POST') {
        const problems = payloadLimitProblems(r.body);
        if (problems.length) return invalidForm(problems);
        return [200, {}, { ...this.sentMessage(this.channels[0], r.body), webhook_id: m[1], application_id: this.applicationId }];
      }
      if (method === 'GET') return [200, {}, this.sentMessage(this.channels[0], {})];
      if (method === 'DELETE') return [204, {}, undefined];
    }
    if (method === 'PUT' && (m = route.match(/^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/))) {
      const commands = Array.isArray(r.body) ? r.body : [];
      return [200, {}, commands.map((c: any) => ({ ...c, id: snowflake(), application_id: m![1], guild_id: m![3], version: snowflake(), type: c.type ?? 1 }))];
    }
    return [404, {}, { message: '404: Not Found', code: 0 }];
  }

  private sentMessage(channelId: string, body: any): Record<string, unknown> {
    return messageObject({
      id: snowflake(),
      channelId,
      author: this.botUser,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      mentions: [],
    });
  }
}

function invalidForm(problems: string[]): [number, Record<string, string>, unknown] {
  return [400, {}, { code: 50035, message: 'Invalid Form Body', errors: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) } }];
}

function faultResponse(fault: Fault): [number, Record<string, string>, unknown] {
  if (fault.status === 429) {
    const after = fault.retryAfter ?? 0.2;
    return [
      429,
      {
        'retry-after': String(after),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(after),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
      { message: 'You are being rate limited.', retry_after: after, global: false },
    ];
  }
  if (fault.status === 400) return [400, {}, { code: 50035, message: 'Invalid Form Body', errors: {} }];
  return [500, {}, { message: '500: Internal Server Error', code: 0 }];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function userObject(user: FakeUser): Record<string, unknown> {
  return { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null, bot: user.bot ?? false };
}

function memberObject(): Record<string, unknown> {
  return { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null };
}

function channelObject(id: string, guildId: string): Record<string, unknown> {
  return { id, type: 0, guild_id: guildId, name: `channel-${id.slice(-4)}`, position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, parent_id: null };
}

/** A public thread (type 11) under `parentId`. */
function threadObject(id: string, parentId: string, guildId: string, ownerId: string): Record<string, unknown> {
  return {
    id, type: 11, guild_id: guildId, parent_id: parentId, owner_id: ownerId, name: `thread-${id.slice(-4)}`, last_message_id: null, rate_limit_per_user: 0,
    message_count: 0, member_count: 1, flags: 0, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

function messageObject(input: { id: string; channelId: string; author: FakeUser; content: string; embeds?: unknown[]; mentions: unknown[] }): Record<string, unknown> {
  return {
    id: input.id,
    type: 0,
    channel_id: input.channelId,
    author: userObject(input.author),
    content: input.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: input.mentions,
    mention_roles: [],
    attachments: [],
    embeds: input.embeds ?? [],
    pinned: false,
    flags: 0,
    components: [],
  };
}
