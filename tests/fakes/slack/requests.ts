// What Slack sends to an app, built and signed exactly as Slack does: slash commands
// form-encoded, Events API callbacks as JSON, each signed with v0 HMAC-SHA256 of
// `v0:{timestamp}:{raw body}` under the app's signing secret.
import { createHmac, randomUUID } from 'node:crypto';
import { FAKE_BOT, FAKE_TEAM } from './server.ts';

export interface SlashCommandInput {
  command: string;
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
}

/** The fields Slack posts for a slash command (also the Socket Mode `slash_commands` payload). */
export function slashCommandFields(input: SlashCommandInput): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: FAKE_TEAM.id,
    team_domain: FAKE_TEAM.domain,
    channel_id: input.channelId,
    channel_name: 'newsroom',
    user_id: input.userId,
    user_name: 'reader',
    command: input.command,
    text: input.text,
    api_app_id: FAKE_BOT.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
  };
}

export interface MentionInput {
  channel: string;
  user: string;
  /** The question, without the mention; the bot's mention is put in front as Slack does. */
  question: string;
  ts: string;
  threadTs?: string;
  eventId?: string;
}

/** An Events API `event_callback` carrying an app_mention. */
export function mentionEvent(input: MentionInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: 'app_mention',
    user: input.user,
    text: `<@${FAKE_BOT.userId}> ${input.question}`,
    ts: input.ts,
    channel: input.channel,
    event_ts: input.ts,
  };
  if (input.threadTs) event.thread_ts = input.threadTs;
  return {
    token: 'deprecated-verification-token',
    team_id: FAKE_TEAM.id,
    api_app_id: FAKE_BOT.appId,
    event,
    type: 'event_callback',
    event_id: input.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM.id, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Signing secret; omit together with `unsigned` to send no signature at all. */
  secret: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Send without signature headers. */
  unsigned?: boolean;
  /** Replace the signature with this value. */
  forgedSignature?: string;
  headers?: Record<string, string>;
}

export interface SlackDelivery {
  status: number;
  body: string;
}

/** POSTs a form-encoded slash command to the app, signed. */
export function postSlashCommand(url: string, fields: Record<string, string>, options: SendOptions): Promise<SlackDelivery> {
  return sendSigned(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** POSTs a JSON Events API body to the app, signed. */
export function postEvent(url: string, payload: unknown, options: SendOptions): Promise<SlackDelivery> {
  return sendSigned(url, JSON.stringify(payload), 'application/json', options);
}

async function sendSigned(url: string, body: string, contentType: string, options: SendOptions): Promise<SlackDelivery> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.forgedSignature ?? signature(options.secret, timestamp, body);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}
