// Shared set-up for the Slack end-to-end tests: a fake Slack on 127.0.0.1, the real Lede core
// over a small made-up fixture, and the real Bolt app started by startSlack().
import { LogLevel, type Logger } from '@slack/bolt';
import { fileURLToPath } from 'node:url';
import { Lede } from '../../src/core/lede.ts';
import { startSlack, type SlackCore, type SlackHandle, type SlackOptions } from '../../src/adapters/slack/index.ts';
import { FakeSlack, type RecordedRequest } from '../fakes/slack/server.ts';
import { mentionEvent, postEvent, postSlashCommand, slashCommandFields, type MentionInput, type SendOptions } from '../fakes/slack/requests.ts';

export const FIXTURE = fileURLToPath(new URL('../fixtures/slack-news', import.meta.url));
export const SIGNING_SECRET = 'test-signing-secret-8f2c';
export const BOT_TOKEN = 'xoxb-0000-test-bot-token';
export const APP_TOKEN = 'xapp-1-test-app-token';
export const CHANNEL = 'C0NEWSROOM';
export const USER = 'U0READER';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  text: string;
}

/** A Bolt Logger that keeps what it is told, so tests can read the operator's view. */
export function recordingLogger(lines: LogLine[]): Logger {
  let level = LogLevel.INFO;
  const keep = (l: LogLine['level']) => (...msg: unknown[]) => void lines.push({ level: l, text: msg.map(String).join(' ') });
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error'), setLevel: (l) => void (level = l), getLevel: () => level, setName: () => {} };
}

export interface Rig {
  fake: FakeSlack;
  slack: SlackHandle;
  logs: LogLine[];
  /** HTTP mode: where Slack would POST commands and events. */
  eventsUrl: string;
  stop(): Promise<void>;
}

/** Starts a fake Slack and the adapter in one mode; `core` defaults to the shared Lede. */
export async function startRig(mode: 'http' | 'socket', core: SlackCore, extra: Partial<SlackOptions> = {}): Promise<Rig> {
  const fake = await new FakeSlack().start();
  // USER created the test channel, so USER may manage its subscriptions.
  fake.addChannel(CHANNEL, { creator: USER });
  const logs: LogLine[] = [];
  const options: SlackOptions =
    mode === 'http'
      ? { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' }
      : { botToken: BOT_TOKEN, appToken: APP_TOKEN };
  const slack = await startSlack(core, { ...options, slackApiUrl: fake.apiUrl, webApiRetries: 0, logger: recordingLogger(logs), ...extra });
  return {
    fake,
    slack,
    logs,
    eventsUrl: `http://127.0.0.1:${slack.port}/slack/events`,
    stop: async () => {
      await slack.stop();
      await fake.stop();
    },
  };
}

/** Limits no test of the shared Lede reaches (one USER sends every request); slack-guard.test.ts tests limits. */
export const UNLIMITED = { user: { points: 10_000, seconds: 1 }, channel: { points: 10_000, seconds: 1 } };

export async function openLede(): Promise<Lede> {
  return Lede.open({ dataPath: FIXTURE, store: { sqlitePath: ':memory:' }, rateLimits: UNLIMITED });
}

/** All the text a message shows: fallback, headers, sections, fields, contexts. */
export function shownText(body: any): string {
  const parts: string[] = [String(body?.text ?? '')];
  for (const block of body?.blocks ?? []) {
    if (block.text?.text) parts.push(block.text.text);
    for (const f of block.fields ?? []) parts.push(f.text);
    for (const e of block.elements ?? []) if (e.text) parts.push(e.text);
  }
  return parts.join('\n');
}

/** Sends a slash command the way Slack does in the given mode; resolves once it is acked. */
export async function sendSlash(rig: Rig, mode: 'http' | 'socket', command: string, text: string, send: Partial<SendOptions> = {}): Promise<{ responseUrl: string; ackStatus: number; answer: () => Promise<RecordedRequest> }> {
  const responseUrl = rig.fake.newResponseUrl();
  const fields = slashCommandFields({ command, text, channelId: CHANNEL, userId: USER, responseUrl });
  let ackStatus: number;
  if (mode === 'http') {
    ackStatus = (await postSlashCommand(rig.eventsUrl, fields, { secret: SIGNING_SECRET, ...send })).status;
  } else {
    await rig.fake.sendEnvelope('slash_commands', fields).acked;
    ackStatus = 200;
  }
  const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
  return { responseUrl, ackStatus, answer: () => rig.fake.waitFor((r) => r.kind === 'response_url' && r.name === id) };
}

/** Sends an app_mention event the way Slack does in the given mode; resolves once it is acked. */
export async function sendMention(rig: Rig, mode: 'http' | 'socket', input: MentionInput, send: Partial<SendOptions> & { retryNum?: number } = {}): Promise<{ ackStatus: number; payload: Record<string, unknown> }> {
  const payload = mentionEvent(input);
  if (mode === 'http') {
    const { retryNum, ...rest } = send;
    const retryHeaders: Record<string, string> = retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
    const res = await postEvent(rig.eventsUrl, payload, { secret: SIGNING_SECRET, ...rest, headers: { ...retryHeaders, ...rest.headers } });
    return { ackStatus: res.status, payload };
  }
  const extra = send.retryNum ? { retry_attempt: send.retryNum, retry_reason: 'timeout' } : { retry_attempt: 0, retry_reason: '' };
  await rig.fake.sendEnvelope('events_api', payload, extra).acked;
  return { ackStatus: 200, payload };
}

/** The chat.postMessage that answered in a thread. */
export function threadAnswer(rig: Rig, threadTs: string): Promise<RecordedRequest> {
  return rig.fake.waitFor((r) => r.kind === 'api' && r.name === 'chat.postMessage' && r.outcome === 'ok' && r.body.thread_ts === threadTs);
}
