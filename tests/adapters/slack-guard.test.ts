// What stops the Slack bot from being misused, end to end against the fake Slack with the real
// Bolt app and a real Lede: who may change subscriptions, rate limits, no pings from the
// notification text, and signed requests acted on once (replays, retries on another instance,
// after a restart; future timestamps refused).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Lede, MANAGE_REFUSAL } from '../../src/core/lede.ts';
import { openStore } from '../../src/core/store.ts';
import type { SlackCore, SlackOptions } from '../../src/adapters/slack/index.ts';
import { postSlashCommand, slashCommandFields } from '../fakes/slack/requests.ts';
import type { RecordedRequest } from '../fakes/slack/server.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from '../core/cluster-redis.ts';
import { scratchFolders } from '../scratch.ts';
import { CHANNEL, sendMention, shownText, SIGNING_SECRET, startRig, UNLIMITED, USER, type Rig } from './slack-harness.ts';

const folder = scratchFolders('lede-slack-guard-');
const MEMBER = 'U0MEMBER';
const ADMIN = 'U0ADMIN';
const OPERATOR = 'U0OPERATOR';

const rigs: Rig[] = [];
const ledes: Lede[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.stop();
  for (const l of ledes.splice(0)) await l.close();
});
afterAll(async () => {
  for (const p of prefixes) await deleteKeys(p);
});

async function open(options: Parameters<typeof Lede.open>[0] = {}): Promise<Lede> {
  const lede = await Lede.open({ store: { sqlitePath: ':memory:' }, rateLimits: UNLIMITED, ...options });
  ledes.push(lede);
  return lede;
}

/** The core as the adapter sees it, counting the commands it is asked to run. */
function counting(lede: Lede, runs: string[]): SlackCore {
  return {
    run: (name, args, ctx) => {
      runs.push(name);
      return lede.run(name, args, ctx);
    },
    registerPoster: (platform, poster) => lede.registerPoster(platform, poster),
    store: lede.store,
  };
}

async function rig(core: SlackCore, extra: Partial<SlackOptions> = {}): Promise<Rig> {
  const r = await startRig('http', core, extra);
  rigs.push(r);
  return r;
}

/** A signed slash command as Slack sends it; `send` may post the very same bytes again. */
function signedCommand(r: Rig, command: string, text: string, user = USER, timestamp = Math.floor(Date.now() / 1000)) {
  const responseUrl = r.fake.newResponseUrl();
  const fields = slashCommandFields({ command, text, channelId: CHANNEL, userId: user, responseUrl });
  const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
  return {
    send: (url = r.eventsUrl) => postSlashCommand(url, fields, { secret: SIGNING_SECRET, timestamp }),
    answer: (): Promise<RecordedRequest> => r.fake.waitFor((q) => q.kind === 'response_url' && q.name === id),
    answers: () => r.fake.requests.filter((q) => q.kind === 'response_url' && q.name === id),
  };
}

/** Sends a command and returns what it answered. */
async function run(r: Rig, command: string, text: string, user = USER): Promise<string> {
  const c = signedCommand(r, command, text, user);
  expect((await c.send()).status).toBe(200);
  return shownText((await c.answer()).body);
}

describe('Slack: who may change subscriptions', () => {
  it('lets the channel creator, workspace admins and operators subscribe; refuses other members politely', async () => {
    const source = folder();
    const lede = await open({ digest: { folderRoots: [source] } });
    const r = await rig(lede, { operators: [OPERATOR] });
    r.fake.addUser(MEMBER);
    r.fake.addUser(ADMIN, { admin: true });
    r.fake.addUser(USER);

    expect(await run(r, '/subscribe', source, MEMBER)).toContain(MANAGE_REFUSAL);
    expect(await run(r, '/subscriptions', '', MEMBER)).not.toContain(source);
    expect(await run(r, '/subscribe', source, USER)).not.toContain(MANAGE_REFUSAL); // created the channel
    expect(await run(r, '/unsubscribe', source, MEMBER)).toContain(MANAGE_REFUSAL);
    expect(await run(r, '/subscriptions', '', MEMBER)).toContain(source);
    expect(await run(r, '/unsubscribe', source, ADMIN)).not.toContain(MANAGE_REFUSAL);
    expect(await run(r, '/subscribe', source, OPERATOR)).not.toContain(MANAGE_REFUSAL);
    expect(await run(r, '/ask', 'What happened?', MEMBER)).not.toContain(MANAGE_REFUSAL);
    // Looked up once per channel and user within the cache time, not once per command.
    expect(r.fake.calls('conversations.info')).toHaveLength(1);
    expect(r.fake.calls('conversations.info')[0].auth).toBe('bot');
    // The operator never needed a look-up.
    expect(r.fake.calls('users.info').map((c) => c.body.user).sort()).toEqual([ADMIN, MEMBER]);
  });

  it('without the scopes to look up managers, only operators may subscribe, and the operator is told why', async () => {
    const source = folder();
    const lede = await open({ digest: { folderRoots: [source] } });
    const r = await rig(lede, { operators: [OPERATOR] });
    r.fake.failNext('conversations.info', { error: 'missing_scope', needed: 'channels:read', times: 5 });
    r.fake.failNext('users.info', { error: 'missing_scope', needed: 'users:read', times: 5 });
    expect(await run(r, '/subscribe', source, USER)).toContain(MANAGE_REFUSAL);
    expect(r.logs.some((l) => l.level === 'warn' && /channels:read/.test(l.text))).toBe(true);
    expect(await run(r, '/subscribe', source, OPERATOR)).not.toContain(MANAGE_REFUSAL);
  });
});

describe('Slack: rate limits', () => {
  it('answers a user over the limit, in the thread, with when to try again', async () => {
    const lede = await open({ rateLimits: { user: { points: 1, seconds: 60 } } });
    const r = await rig(lede);
    expect(await run(r, '/articles', '')).not.toMatch(/try again in/);
    const ts = '1711000000.000900';
    await sendMention(r, 'http', { channel: CHANNEL, user: USER, question: 'What happened?', ts });
    const answer = await r.fake.waitFor((q) => q.name === 'chat.postMessage' && q.body.thread_ts === ts);
    expect(answer.body.text).toMatch(/^You're sending requests faster than I can answer\. Please try again in \d+ seconds?\.$/);
  });
});

describe('Slack: the notification text never pings', () => {
  const PINGS = ['<!channel>', '<!here>', '<!everyone>', '<@U0BOSS>', '<!subteam^S0EDITORS>'];

  it('escapes mentions from command arguments and article titles in the top-level text, as in blocks', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'alert.md'), `---\ntitle: "Alert ${PINGS.join(' ')} council votes"\ndate: 2026-03-01\n---\nThe council voted on Tuesday to close the old pier for repairs.\n`);
    const lede = await open({ dataPath: dir });
    const r = await rig(lede);
    const searched = signedCommand(r, '/articles', PINGS.join(' '));
    await searched.send();
    const summary = signedCommand(r, '/summary', 'pier');
    await summary.send();
    for (const answer of [await searched.answer(), await summary.answer()]) {
      const text: string = answer.body.text;
      expect(text).toContain('&lt;!channel&gt;');
      expect(text).not.toMatch(/<[!@#]/);
      for (const block of answer.body.blocks) {
        if (block.text?.type === 'mrkdwn') expect(block.text.text).not.toMatch(/<[!@]/);
      }
    }
  });
});

describe('Slack: each signed request acts once', () => {
  it('runs a signed /unsubscribe sent twice once (the copy is acknowledged, not run)', async () => {
    const runs: string[] = [];
    const r = await rig(counting(await open(), runs));
    const c = signedCommand(r, '/unsubscribe', '');
    expect((await c.send()).status).toBe(200);
    expect((await c.send()).status).toBe(200);
    await c.answer();
    // A later, different request: once it is answered, a second run of the copy would have been too.
    await run(r, '/subscriptions', '');
    expect(runs.filter((n) => n === 'unsubscribe')).toHaveLength(1);
    expect(c.answers()).toHaveLength(1);
    expect(r.logs.some((l) => /replayed request/.test(l.text))).toBe(true);
  });

  it('remembers a handled request across a restart (SQLite file)', async () => {
    const sqlitePath = join(folder(), 'state.sqlite');
    const runs: string[] = [];
    const first = await open({ store: { sqlitePath } });
    const r1 = await rig(counting(first, runs));
    const c = signedCommand(r1, '/unsubscribe', '');
    await c.send();
    await c.answer();
    await r1.stop();
    rigs.splice(rigs.indexOf(r1), 1);
    await first.close();
    ledes.splice(ledes.indexOf(first), 1);

    const r2 = await rig(counting(await open({ store: { sqlitePath } }), runs));
    expect((await c.send(r2.eventsUrl)).status).toBe(200);
    await run(r2, '/subscriptions', '');
    expect(runs.filter((n) => n === 'unsubscribe')).toHaveLength(1);
  });

  it('refuses a request timestamped 10 minutes ahead with 401 and never runs it; small clock skew is fine', async () => {
    const runs: string[] = [];
    const r = await rig(counting(await open(), runs));
    const now = Math.floor(Date.now() / 1000);
    const ahead = signedCommand(r, '/unsubscribe', '', USER, now + 10 * 60);
    expect((await ahead.send()).status).toBe(401);
    const skewed = signedCommand(r, '/subscriptions', '', USER, now + 60);
    expect((await skewed.send()).status).toBe(200);
    await skewed.answer();
    expect(runs).toEqual(['subscriptions']);
    expect(r.logs.some((l) => l.level === 'warn' && /ahead of this machine's clock/.test(l.text))).toBe(true);
  });
});

describe.skipIf(!TEST_REDIS_URL)('Slack: two instances sharing Redis', () => {
  async function pair(): Promise<{ a: Rig; b: Rig; runs: string[] }> {
    const prefix = testPrefix('slack-guard');
    prefixes.push(prefix);
    const runs: string[] = [];
    const lede = async () => open({ openedStore: await openStore({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix }) });
    return { a: await rig(counting(await lede(), runs)), b: await rig(counting(await lede(), runs)), runs };
  }

  it('runs the same signed /unsubscribe once when it reaches both', async () => {
    const { a, b, runs } = await pair();
    const c = signedCommand(a, '/unsubscribe', '');
    const [first, second] = await Promise.all([c.send(a.eventsUrl), c.send(b.eventsUrl)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await c.answer();
    await run(a, '/subscriptions', '');
    await run(b, '/subscriptions', '');
    expect(runs.filter((n) => n === 'unsubscribe')).toHaveLength(1);
    expect(c.answers()).toHaveLength(1);
  });

  it("answers an event once when Slack's retry reaches the other instance", async () => {
    const { a, b, runs } = await pair();
    const ts = '1711000000.000777';
    await sendMention(a, 'http', { channel: CHANNEL, user: USER, question: 'What happened?', ts, eventId: 'Ev0SHARED01' });
    await sendMention(b, 'http', { channel: CHANNEL, user: USER, question: 'What happened?', ts, eventId: 'Ev0SHARED01' }, { retryNum: 1 });
    await a.fake.waitFor((q) => q.name === 'chat.postMessage' && q.body.thread_ts === ts);
    await run(b, '/subscriptions', '');
    expect(runs.filter((n) => n === 'ask')).toHaveLength(1);
    expect(b.fake.calls('chat.postMessage')).toHaveLength(0);
  });
});
