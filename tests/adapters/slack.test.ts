// End to end: the real Bolt 5 app (startSlack) against a fake Slack on 127.0.0.1, in HTTP
// mode (signed requests) and Socket Mode (WebSocket envelopes), answering from the real core
// over a small made-up fixture. Assertions are on names and citations, not on wording.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lede } from '../../src/core/lede.ts';
import { reply, type ReplySource } from '../../src/core/reply.ts';
import { startSlack, type SlackCore } from '../../src/adapters/slack/index.ts';
import { postEvent, postSlashCommand, signature, slashCommandFields } from '../fakes/slack/requests.ts';
import { FAKE_BOT, FakeSlack } from '../fakes/slack/server.ts';
import { loadConfig } from '../../src/core/config.ts';
import { APP_TOKEN, BOT_TOKEN, CHANNEL, FIXTURE, openLede, recordingLogger, sendMention, sendSlash, shownText, SIGNING_SECRET, startRig, threadAnswer, USER, type LogLine, type Rig } from './slack-harness.ts';

const BRIDGE = 'Harbour town reopens its old swing bridge';
const ROBOT = 'Lakeside library lends out a book-sorting robot';

let lede: Lede;
let rig: Rig | null = null;

beforeAll(async () => {
  lede = await openLede();
});
afterAll(async () => {
  await lede.close();
});
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

/** A core whose answers wait until the test opens the gate: "answering is slow". */
function gatedCore(inner: Lede): { core: SlackCore; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    core: {
      run: async (...args: Parameters<Lede['run']>) => {
        await gate;
        return inner.run(...args);
      },
      registerPoster: (platform, poster) => inner.registerPoster(platform, poster),
    },
    open,
  };
}

async function waitForLog(logs: LogLine[], pattern: RegExp, level?: LogLine['level']): Promise<LogLine> {
  for (let i = 0; i < 250; i++) {
    const line = logs.find((l) => pattern.test(l.text) && (!level || l.level === level));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line matching ${pattern}; got:\n${logs.map((l) => `${l.level}: ${l.text}`).join('\n')}`);
}

let tsCounter = 100;
function nextTs(): string {
  tsCounter += 1;
  return `1711000000.000${tsCounter}`;
}

describe.each(['http', 'socket'] as const)('Slack over %s', (mode) => {
  it(`connects the way Slack expects (${mode})`, async () => {
    rig = await startRig(mode, lede);
    expect(rig.fake.calls('auth.test')).toHaveLength(1);
    expect(rig.fake.calls('auth.test').every((r) => r.auth === 'bot')).toBe(true);
    if (mode === 'socket') {
      const open = rig.fake.calls('apps.connections.open');
      expect(open).toHaveLength(1);
      expect(open[0].auth).toBe('app');
      expect(open[0].outcome).toBe('ok');
    }
  });

  it('/ask answers privately with the cited sentence, its title, outlet and date', async () => {
    rig = await startRig(mode, lede);
    const sent = await sendSlash(rig, mode, '/ask', 'Who cut the ribbon?');
    expect(sent.ackStatus).toBe(200);
    const answer = await sent.answer();
    expect(answer.outcome).toBe('ok');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shownText(answer.body)).toContain('Renn');
    const quote = answer.body.blocks.find((b: any) => b.type === 'section' && b.text.text.startsWith('> '));
    expect(quote?.text.text).toContain('ribbon');
    const citation = answer.body.blocks.find((b: any) => b.type === 'context')?.elements[0].text;
    expect(citation).toContain('<https://coastal-ledger.example/2026/03/14/swing-bridge-reopens|');
    expect(citation).toContain('The Coastal Ledger');
    expect(citation).toContain('2026-03-14');
    expect(answer.body.text.length).toBeGreaterThan(0);
    expect(rig.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('/articles lists the loaded articles, and searches them', async () => {
    rig = await startRig(mode, lede);
    const all = await (await sendSlash(rig, mode, '/articles', '')).answer();
    expect(shownText(all.body)).toContain(BRIDGE);
    expect(shownText(all.body)).toContain(ROBOT);
    const found = await (await sendSlash(rig, mode, '/articles', 'robot')).answer();
    expect(shownText(found.body)).toContain(ROBOT);
  });

  it('/summary names the article in a header', async () => {
    rig = await startRig(mode, lede);
    const answer = await (await sendSlash(rig, mode, '/summary', 'swing bridge')).answer();
    const header = answer.body.blocks.find((b: any) => b.type === 'header');
    expect(header?.text.text).toContain('swing bridge');
    expect(shownText(answer.body)).toContain('Port Wendell');
  });

  it('/who finds a person across articles', async () => {
    rig = await startRig(mode, lede);
    const answer = await (await sendSlash(rig, mode, '/who', 'Ruth Almeida')).answer();
    expect(shownText(answer.body)).toContain('Almeida');
    expect(shownText(answer.body)).toContain('Lakeside Weekly');
  });

  it('/subscribe, /unsubscribe and /subscriptions each get an answer', async () => {
    rig = await startRig(mode, lede);
    // A local folder as the source: whatever core decides about it, nothing leaves the machine.
    for (const [command, text] of [['/subscribe', `${FIXTURE} bridge`], ['/subscriptions', ''], ['/unsubscribe', FIXTURE]]) {
      const answer = await (await sendSlash(rig, mode, command, text)).answer();
      expect(answer.outcome).toBe('ok');
      expect(shownText(answer.body).trim().length).toBeGreaterThan(0);
    }
  });

  it('answers an @mention in the thread of that message, and a follow-up in the thread with its context', async () => {
    rig = await startRig(mode, lede);
    const ts = nextTs();
    const { ackStatus } = await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts });
    expect(ackStatus).toBe(200);
    const first = await threadAnswer(rig, ts);
    expect(first.body.channel).toBe(CHANNEL);
    expect(shownText(first.body)).toContain('Renn');

    // "he" only means Renn inside this thread.
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'What did he say?', ts: nextTs(), threadTs: ts });
    const followUp = await rig.fake.waitFor((r) => r.name === 'chat.postMessage' && r.body.thread_ts === ts && r !== first);
    expect(shownText(followUp.body)).toContain('grandparents');

    const otherTs = nextTs();
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'What did he say?', ts: otherTs });
    const elsewhere = await threadAnswer(rig, otherTs);
    expect(shownText(elsewhere.body)).not.toContain('grandparents');
  });

  it("keeps each asker's context in a thread: two people in one thread each get their own person", async () => {
    rig = await startRig(mode, lede);
    const ts = nextTs();
    const other = 'U0SECONDREADER';
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who is Tobias Renn?', ts });
    expect(shownText((await threadAnswer(rig, ts)).body)).toContain('Renn');
    const answers = () => rig!.fake.requests.filter((r) => r.name === 'chat.postMessage' && r.body.thread_ts === ts);
    await sendMention(rig, mode, { channel: CHANNEL, user: other, question: 'Who is Ruth Almeida?', ts: nextTs(), threadTs: ts });
    await rig.fake.waitFor(() => answers().length >= 2);
    expect(shownText(answers()[1].body)).toContain('Almeida');

    // The first reader's "he" is still Renn, though the second asked about Almeida in between.
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'What did he say?', ts: nextTs(), threadTs: ts });
    await rig.fake.waitFor(() => answers().length >= 3);
    expect(shownText(answers()[2].body)).toContain('grandparents');
    await sendMention(rig, mode, { channel: CHANNEL, user: other, question: 'What did she say?', ts: nextTs(), threadTs: ts });
    await rig.fake.waitFor(() => answers().length >= 4);
    expect(shownText(answers()[3].body)).toContain('returns slot');
    expect(shownText(answers()[3].body)).not.toContain('grandparents');
  });

  it('acks before answering, however slow the answer is', async () => {
    const { core, open } = gatedCore(lede);
    rig = await startRig(mode, core);
    // The command is acknowledged while the answer cannot possibly be ready yet.
    const sent = await sendSlash(rig, mode, '/ask', 'How many books does the robot sort?');
    expect(sent.ackStatus).toBe(200);
    const ts = nextTs();
    expect((await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who built the robot?', ts })).ackStatus).toBe(200);
    expect(rig.fake.answers()).toHaveLength(0);
    open();
    expect(shownText((await sent.answer()).body)).toContain('900');
    expect(shownText((await threadAnswer(rig, ts)).body)).toContain('robot');
  });

  it('answers a retried event once, even when the retry comes while the first is being answered', async () => {
    const { core, open } = gatedCore(lede);
    rig = await startRig(mode, core);
    const ts = nextTs();
    const first = await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts, eventId: 'Ev0RETRIED01' });
    const retry = await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts, eventId: 'Ev0RETRIED01' }, { retryNum: 1 });
    expect([first.ackStatus, retry.ackStatus]).toEqual([200, 200]);
    open();
    await threadAnswer(rig, ts);
    // A later retry and a fresh event: once the fresh one is answered, any duplicate would be too.
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts, eventId: 'Ev0RETRIED01' }, { retryNum: 2 });
    const sentinelTs = nextTs();
    await sendMention(rig, mode, { channel: CHANNEL, user: USER, question: 'Who built the robot?', ts: sentinelTs });
    await threadAnswer(rig, sentinelTs);
    expect(rig.fake.calls('chat.postMessage').filter((r) => r.body.thread_ts === ts)).toHaveLength(1);
    expect(rig.logs.some((l) => /redelivery of event Ev0RETRIED01 \(retry 1, /.test(l.text))).toBe(true);
  });
});

describe('Slack Socket Mode connection', () => {
  it('reconnects when Slack asks it to, and keeps answering', async () => {
    rig = await startRig('socket', lede);
    rig.fake.sendDisconnect();
    await rig.fake.waitFor((r) => r.name === 'apps.connections.open' && r !== rig!.fake.calls('apps.connections.open')[0], 15_000);
    await rig.fake.waitForSocket();
    const answer = await (await sendSlash(rig, 'socket', '/ask', 'Who cut the ribbon?')).answer();
    expect(shownText(answer.body)).toContain('Renn');
  });
});

describe('Slack HTTP request verification', () => {
  it('answers url_verification with the challenge', async () => {
    rig = await startRig('http', lede);
    const res = await postEvent(rig.eventsUrl, { token: 'x', challenge: 'c-4711', type: 'url_verification' }, { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-4711' });
  });

  it('refuses forged, missing and stale signatures with 401, and never answers them', async () => {
    rig = await startRig('http', lede);
    const fields = () => slashCommandFields({ command: '/ask', text: 'Who cut the ribbon?', channelId: CHANNEL, userId: USER, responseUrl: rig!.fake.newResponseUrl() });
    const now = Math.floor(Date.now() / 1000);
    const forged = await postSlashCommand(rig.eventsUrl, fields(), { secret: SIGNING_SECRET, forgedSignature: signature('not-the-secret', now, 'x') });
    const missing = await postSlashCommand(rig.eventsUrl, fields(), { secret: SIGNING_SECRET, unsigned: true });
    const stale = await postSlashCommand(rig.eventsUrl, fields(), { secret: SIGNING_SECRET, timestamp: now - 6 * 60 });
    const forgedEvent = await postEvent(rig.eventsUrl, { type: 'event_callback', event_id: 'Ev0FORGED', event: { type: 'app_mention', text: `<@${FAKE_BOT.userId}> hi`, channel: CHANNEL, user: USER, ts: nextTs() } }, { secret: 'wrong-secret' });
    expect([forged.status, missing.status, stale.status, forgedEvent.status]).toEqual([401, 401, 401, 401]);
    // A genuine request afterwards is answered, and it is the only answer.
    const genuine = await sendSlash(rig, 'http', '/ask', 'Who cut the ribbon?');
    await genuine.answer();
    expect(rig.fake.answers()).toHaveLength(1);
    expect(rig.fake.calls('chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack configuration', () => {
  it('uses the command prefix and can answer in the channel', async () => {
    rig = await startRig('http', lede, { commandPrefix: 'lede-', inChannel: true });
    const answer = await (await sendSlash(rig, 'http', '/lede-ask', 'Who cut the ribbon?')).answer();
    expect(answer.body.response_type).toBe('in_channel');
    expect(shownText(answer.body)).toContain('Renn');

    // An unprefixed command (a manifest made without the prefix) is told the right names at once.
    const responseUrl = rig.fake.newResponseUrl();
    const res = await postSlashCommand(rig.eventsUrl, slashCommandFields({ command: '/ask', text: 'Who?', channelId: CHANNEL, userId: USER, responseUrl }), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.parse(res.body).text).toContain('/lede-ask');
    expect(rig.logs.some((l) => l.level === 'warn' && /unknown command \/ask/.test(l.text))).toBe(true);
  });

  it('starts from the environment configuration as `npm start` does', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_COMMAND_PREFIX: 'news-', SLACK_IN_CHANNEL: 'true' });
    const fake = await new FakeSlack().start();
    const slack = await startSlack(lede, { ...config.slack!, slackApiUrl: fake.apiUrl, webApiRetries: 0, logger: recordingLogger([]) });
    try {
      expect(slack.mode).toBe('socket');
      const responseUrl = fake.newResponseUrl();
      await fake.sendEnvelope('slash_commands', slashCommandFields({ command: '/news-ask', text: 'Who cut the ribbon?', channelId: CHANNEL, userId: USER, responseUrl })).acked;
      const answer = await fake.waitFor((r) => r.kind === 'response_url');
      expect(answer.body.response_type).toBe('in_channel');
      expect(shownText(answer.body)).toContain('Renn');
    } finally {
      await slack.stop();
      await fake.stop();
    }
  });

  it('stops at start-up with a clear error when Slack refuses a token', async () => {
    const fake = await new FakeSlack().start();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      await expect(startSlack(lede, { botToken: 'xoxb-revoked', appToken: 'xapp-1-x', slackApiUrl: fake.apiUrl, webApiRetries: 0, logger: recordingLogger([]) })).rejects.toThrow(/invalid_auth: check SLACK_BOT_TOKEN/);
      fake.failNext('apps.connections.open', { error: 'invalid_auth' });
      await expect(startSlack(lede, { botToken: 'xoxb-ok', appToken: 'xapp-1-revoked', slackApiUrl: fake.apiUrl, webApiRetries: 0, logger: recordingLogger([]) })).rejects.toThrow(/Socket Mode.*SLACK_APP_TOKEN/);
    } finally {
      await fake.stop();
    }
  });

  it('refuses a start-up without a way to receive events, or with a bad prefix', async () => {
    await expect(startSlack(lede, { botToken: 'xoxb-1' })).rejects.toThrow(/SLACK_APP_TOKEN|SLACK_SIGNING_SECRET/);
    await expect(startSlack(lede, { botToken: 'xoxb-1', appToken: 'xoxb-wrong-kind' })).rejects.toThrow(/xapp-/);
    await expect(startSlack(lede, { botToken: 'xoxb-1', signingSecret: 's', commandPrefix: 'Lede Bot ' })).rejects.toThrow(/SLACK_COMMAND_PREFIX/);
  });
});

describe('Slack limits and Web API errors', () => {
  const source: ReplySource = { articleId: 'a1', title: 'A very long report', url: 'https://news.example/long', outlet: 'Example Outlet', published: '2026-01-02' };

  it('splits an answer longer than Slack allows into valid messages (digest poster)', async () => {
    rig = await startRig('http', lede);
    const sentence = 'The council met again on Tuesday & argued about <the> budget until late in the evening. ';
    const long = reply('digest', sentence.repeat(200), {
      title: `${'Budget talks drag on '.repeat(12)}end`,
      url: source.url,
      quotes: [{ text: sentence.repeat(40), source }],
      items: Array.from({ length: 160 }, (_, i) => ({ title: `Item ${i + 1}`, detail: 'More on the budget.', source: { ...source, articleId: `item-${i + 1}`, title: `Item ${i + 1}`, url: `https://news.example/item-${i + 1}` } })),
    });
    await lede.poster('slack')!.post(CHANNEL, long);
    const posts = rig.fake.calls('chat.postMessage');
    // 1 header + 6 text sections + 1 link + 3 quote blocks + 160 items: over 3 × 50 blocks.
    expect(posts).toHaveLength(3);
    expect(posts.every((p) => p.outcome === 'ok')).toBe(true); // the fake refuses invalid_blocks
    const blocks = posts.flatMap((p) => p.body.blocks);
    expect(blocks[0].type).toBe('header');
    expect(blocks[0].text.text.length).toBeLessThanOrEqual(150);
    const shown = posts.map((p) => shownText(p.body)).join('\n');
    expect(shown).toContain('<https://news.example/item-1|Item 1>*');
    expect(shown).toMatch(/…\d+ more not shown/);
    expect(shown).not.toContain('|Item 160>');
    expect(shown).toContain('<https://news.example/long|Read the article>');
    // Split at sentence ends: nothing lost, nothing cut mid-word; markup escaped in quotes only.
    const count = (text: string, part: string) => text.split(part).length - 1;
    const plainSections = blocks.filter((b: any) => b.type === 'section' && b.text?.type === 'plain_text').map((b: any) => b.text.text);
    expect(plainSections.length).toBeGreaterThan(5);
    expect(count(plainSections.join(' '), 'argued about <the> budget until late in the evening.')).toBe(200);
    const quoteSections = blocks.filter((b: any) => b.type === 'section' && b.text?.text.startsWith('> ')).map((b: any) => b.text.text);
    expect(quoteSections.length).toBe(2);
    expect(count(quoteSections.join(' '), 'argued about &lt;the&gt; budget until late in the evening.')).toBe(40);
  });

  it('waits out a rate limit once (Retry-After) and posts the answer', async () => {
    rig = await startRig('http', lede);
    rig.fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 1 });
    const ts = nextTs();
    await sendMention(rig, 'http', { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts });
    const answer = await threadAnswer(rig, ts);
    expect(shownText(answer.body)).toContain('Renn');
    expect(rig.fake.calls('chat.postMessage').map((r) => r.outcome)).toEqual(['ratelimited', 'ok']);
    expect((await waitForLog(rig.logs, /rate-limited/, 'warn')).text).toMatch(/retrying once in 1s/);
  });

  it('does not make stop() wait out a long Retry-After', async () => {
    rig = await startRig('http', lede);
    rig.fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 29 });
    await sendMention(rig, 'http', { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts: nextTs() });
    await waitForLog(rig.logs, /retrying once in 29s/, 'warn');
    const logs = rig.logs;
    await rig.stop();
    rig = null;
    // Had stop() waited the 29 s out, the retry would have been posted instead of dropped.
    expect(logs.some((l) => l.level === 'error' && /stopping; message dropped/.test(l.text))).toBe(true);
  });

  it('logs a persistent rate limit and channel_not_found clearly, and keeps answering', async () => {
    rig = await startRig('http', lede);
    rig.fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 1, times: 2 });
    await sendMention(rig, 'http', { channel: CHANNEL, user: USER, question: 'Who cut the ribbon?', ts: nextTs() });
    expect((await waitForLog(rig.logs, /could not answer/, 'error')).text).toMatch(/rate limit.*retry after 1s/);

    rig.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await sendMention(rig, 'http', { channel: 'C0GONE', user: USER, question: 'Who cut the ribbon?', ts: nextTs() });
    expect((await waitForLog(rig.logs, /channel_not_found/, 'error')).text).toMatch(/C0GONE.*invite @Lede/);

    await expect(lede.poster('slack')!.post('C0GONE', reply('info', 'x'))).resolves.toBeUndefined();
    rig.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(lede.poster('slack')!.post('C0GONE', reply('info', 'x'))).rejects.toThrow();

    const ts = nextTs();
    await sendMention(rig, 'http', { channel: CHANNEL, user: USER, question: 'Who built the robot?', ts });
    expect(shownText((await threadAnswer(rig, ts)).body)).toContain('robot');
  });

  it('records what the fake Slack received (transcript)', async () => {
    rig = await startRig('socket', lede);
    await (await sendSlash(rig, 'socket', '/ask', 'Who cut the ribbon?')).answer();
    const ts = nextTs();
    await sendMention(rig, 'socket', { channel: CHANNEL, user: USER, question: 'How much did the repairs cost?', ts });
    await threadAnswer(rig, ts);
    const transcript = rig.fake.transcript();
    if (process.env.SLACK_TRANSCRIPT) console.log(transcript);
    expect(transcript).toMatch(/POST \/api\/apps\.connections\.open \(application\/x-www-form-urlencoded, app\)/);
    expect(transcript).toMatch(/WS ← ack/);
    const acks = rig.fake.requests.filter((r) => r.kind === 'ack');
    expect(acks).toHaveLength(2);
    expect(acks.every((a) => a.outcome === 'ok')).toBe(true);
    expect(transcript).toMatch(/POST response_url .*response_type=ephemeral/);
    expect(transcript).toMatch(/POST \/api\/chat\.postMessage .*thread_ts=/);
    expect(transcript).not.toContain('xoxb-');
  });
});
