// Slack digests exactly once across crashes: the real Bolt app and the real digest outbox against
// the fake Slack on 127.0.0.1. A post carries its id in message metadata; after a crash between
// "sent" and "marked posted", the next run finds it in the channel's history and does not send
// it again. Without history access (missing_scope), digests still post, at least once.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestState, postIdFor, type OutboxPost } from '../../src/core/digest/state.ts';
import { Lede } from '../../src/core/lede.ts';
import { reply } from '../../src/core/reply.ts';
import type { SlackPoster } from '../../src/adapters/slack/poster.ts';
import { webApi } from '@slack/bolt';
import { FakeSlack } from '../fakes/slack/server.ts';
import { BOT_TOKEN, CHANNEL, sendSlash, shownText, startRig, type Rig } from './slack-harness.ts';

const ARTICLE = [
  'Riverside market hall reopens after roof repairs',
  '',
  'The covered market hall in Riverside reopened on Saturday after eight months of roof repairs, market manager Tova Lindqvist said.',
  '',
  'Forty stalls returned to the hall, and the council said the repairs cost 1.2 million.',
].join('\n');

let dir: string;
let inbox: string;
let lede: Lede;
let rig: Rig | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-slack-digest-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  lede = await Lede.open({ store: { sqlitePath: join(dir, 'state.sqlite') }, digest: { folderRoots: [dir] } });
});
afterEach(async () => {
  await rig?.stop();
  rig = null;
  await lede.close();
  rmSync(dir, { recursive: true, force: true });
});

function slackPosterOf(l: Lede): SlackPoster {
  return l.poster('slack') as SlackPoster;
}

/** Subscribes the test channel to the inbox folder with /subscribe, as a Slack user would. */
async function subscribeInbox(r: Rig): Promise<string> {
  const sent = await sendSlash(r, 'http', '/subscribe', inbox);
  await sent.answer();
  const [sub] = await lede.digests.subscriptions();
  expect(sub).toMatchObject({ platform: 'slack', channel: CHANNEL });
  return sub.id;
}

function outboxPost(subscriptionId: string, key: string, title: string): OutboxPost {
  return {
    postId: postIdFor(subscriptionId, key),
    subscriptionId,
    itemKey: key,
    platform: 'slack',
    channel: CHANNEL,
    message: reply('digest', `${title}.`, { title, url: `https://news.example/${key}` }),
    createdAt: new Date().toISOString(),
  };
}

const digestPosts = (r: Rig) => r.fake.calls('chat.postMessage').filter((c) => c.body.channel === CHANNEL && !c.body.thread_ts);

describe('Slack digest posts carry their post id', () => {
  it('a new article is posted once, with lede_post metadata holding the post id', async () => {
    rig = await startRig('http', lede);
    await subscribeInbox(rig);
    writeFileSync(join(inbox, 'market.txt'), ARTICLE);
    expect(await lede.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    const posts = digestPosts(rig);
    expect(posts).toHaveLength(1);
    expect(posts[0].outcome).toBe('ok');
    expect(shownText(posts[0].body)).toContain('Riverside market hall reopens');
    expect(posts[0].body.metadata).toEqual({ event_type: 'lede_post', event_payload: { post_id: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    // The metadata is not shown to people: nothing of it is in the text or the blocks.
    expect(shownText(posts[0].body)).not.toContain(posts[0].body.metadata.event_payload.post_id);
  });

  it('hasPosted finds its own post by id in the recent history, and nothing else', async () => {
    rig = await startRig('http', lede);
    const poster = slackPosterOf(lede);
    expect(await poster.hasPosted(CHANNEL, 'post-1')).toBe(false);
    await poster.post(CHANNEL, reply('digest', 'The market hall reopened.', { title: 'Market hall reopens', url: 'https://news.example/market' }), { postId: 'post-1' });
    // Another app's message with the same metadata, and a person quoting the id, do not count.
    rig.fake.addMessage(CHANNEL, { text: 'copy', bot_id: 'B0OTHER', user: 'U0OTHERBOT', metadata: { event_type: 'lede_post', event_payload: { post_id: 'post-2' } } });
    rig.fake.addMessage(CHANNEL, { text: 'post-3', user: 'U0READER' });
    expect(await poster.hasPosted(CHANNEL, 'post-1')).toBe(true);
    expect(await poster.hasPosted(CHANNEL, 'post-2')).toBe(false);
    expect(await poster.hasPosted(CHANNEL, 'post-3')).toBe(false);
    expect(await poster.hasPosted('C0ELSEWHERE', 'post-1')).toBe(false);
    const history = rig.fake.calls('conversations.history');
    expect(history).toHaveLength(5);
    expect(history.every((h) => h.outcome === 'ok' && h.auth === 'bot')).toBe(true);
    expect(history[0].body).toMatchObject({ channel: CHANNEL, limit: '50', include_all_metadata: 'true' });
  });

  it('a split post is marked on its first message only', async () => {
    rig = await startRig('http', lede);
    const items = Array.from({ length: 60 }, (_, i) => ({ title: `Stall ${i + 1}`, detail: 'Back in the hall.', source: { articleId: `s${i}`, title: `Stall ${i + 1}`, url: `https://news.example/s${i}`, outlet: 'Example', published: '2026-01-02' } }));
    await slackPosterOf(lede).post(CHANNEL, reply('digest', 'Stalls return.', { title: 'Stalls return', items }), { postId: 'post-split' });
    const posts = digestPosts(rig);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.map((p) => p.body.metadata?.event_payload?.post_id ?? null)).toEqual(['post-split', ...posts.slice(1).map(() => null)]);
    expect(await slackPosterOf(lede).hasPosted(CHANNEL, 'post-split')).toBe(true);
  });
});

describe('Slack digests across a crash', () => {
  it('a post sent but not marked posted is not sent again; one never sent is sent once', async () => {
    rig = await startRig('http', lede);
    const subId = await subscribeInbox(rig);
    const state = new DigestState(lede.store);
    // As a run killed after chat.postMessage but before "posted" leaves it: pending, yet in Slack.
    const sent = outboxPost(subId, 'g:sent-before-crash', 'Ferry timetable changes');
    await state.recordPending(sent);
    await slackPosterOf(lede).post(CHANNEL, sent.message, { postId: sent.postId });
    // As a run killed before chat.postMessage leaves it: pending, not in Slack.
    const unsent = outboxPost(subId, 'g:never-sent', 'Library extends its hours');
    await state.recordPending(unsent);
    expect(digestPosts(rig)).toHaveLength(1);

    expect(await lede.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    const titles = digestPosts(rig).map((p) => shownText(p.body));
    expect(titles).toHaveLength(2);
    expect(titles.filter((t) => t.includes('Ferry timetable changes'))).toHaveLength(1);
    expect(titles.filter((t) => t.includes('Library extends its hours'))).toHaveLength(1);
    expect(await state.pendingIds()).toEqual([]);
    expect(await state.isPosted(sent.postId)).toBe(true);
    expect(await state.isPosted(unsent.postId)).toBe(true);
  });

  it('a post sent before a crash is found even when the channel got busy since', async () => {
    rig = await startRig('http', lede);
    const subId = await subscribeInbox(rig);
    const state = new DigestState(lede.store);
    const sent = outboxPost(subId, 'g:sent-then-busy', 'Harbour dredging starts');
    await state.recordPending(sent);
    await slackPosterOf(lede).post(CHANNEL, sent.message, { postId: sent.postId });
    // 250 messages by people after it: more than one page of conversations.history.
    for (let i = 0; i < 250; i++) rig.fake.addMessage(CHANNEL, { text: `chatter ${i}`, user: 'U0READER' });
    expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(digestPosts(rig).filter((p) => shownText(p.body).includes('Harbour dredging starts'))).toHaveLength(1);
    expect(await state.isPosted(sent.postId)).toBe(true);
    // It read from shortly before the post was recorded, page by page, following the cursor.
    const reads = rig.fake.calls('conversations.history');
    expect(reads.length).toBeGreaterThan(1);
    expect(reads[0].body).toMatchObject({ channel: CHANNEL, include_all_metadata: 'true', oldest: expect.stringMatching(/^\d+(\.\d+)?$/) });
    expect(reads[1].body).toMatchObject({ cursor: expect.any(String) });
  });

  it('the fake pages conversations.history as Slack does: newest first, oldest/latest bounds, cursor', async () => {
    rig = await startRig('http', lede);
    for (let i = 0; i < 5; i++) rig.fake.addMessage(CHANNEL, { text: `m${i}`, user: 'U0READER' });
    const ts = rig.fake.history(CHANNEL).map((m) => m.ts);
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: rig.fake.apiUrl, retryConfig: { retries: 0 } });
    const first = await client.conversations.history({ channel: CHANNEL, limit: 2, oldest: ts[0] });
    expect(first.messages!.map((m) => m.text)).toEqual(['m4', 'm3']);
    expect(first.has_more).toBe(true);
    const second = await client.conversations.history({ channel: CHANNEL, limit: 2, oldest: ts[0], cursor: first.response_metadata!.next_cursor });
    expect(second.messages!.map((m) => m.text)).toEqual(['m2', 'm1']);
    expect(second.has_more).toBe(false);
    const inclusive = await client.conversations.history({ channel: CHANNEL, oldest: ts[1], latest: ts[3], inclusive: true });
    expect(inclusive.messages!.map((m) => m.text)).toEqual(['m3', 'm2', 'm1']);
  });

  it('without history access (missing_scope) digests still post, at least once, with one clear warning', async () => {
    rig = await startRig('http', lede);
    const subId = await subscribeInbox(rig);
    const state = new DigestState(lede.store);
    const sent = outboxPost(subId, 'g:sent-before-crash', 'Ferry timetable changes');
    await state.recordPending(sent);
    await slackPosterOf(lede).post(CHANNEL, sent.message, { postId: sent.postId });
    rig.fake.failNext('conversations.history', { error: 'missing_scope', needed: 'channels:history', times: 2 });

    // Cannot tell: it is sent again rather than lost, and the poll reports no error.
    expect(await lede.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(digestPosts(rig).filter((p) => shownText(p.body).includes('Ferry timetable changes'))).toHaveLength(2);
    expect(await state.isPosted(sent.postId)).toBe(true);

    // A second recovery in the same channel warns no more.
    const again = outboxPost(subId, 'g:another', 'Bridge repairs begin');
    await state.recordPending(again);
    expect(await lede.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    const warnings = rig.logs.filter((l) => l.level === 'warn' && /recent messages/.test(l.text));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toMatch(new RegExp(`${CHANNEL}.*missing_scope.*channels:history.*groups:history.*slack-manifest\\.yml`));
    expect(rig.fake.calls('conversations.history').map((c) => c.outcome)).toEqual(['missing_scope', 'missing_scope']);

    // New articles are posted as always.
    writeFileSync(join(inbox, 'market.txt'), ARTICLE);
    expect(await lede.digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(digestPosts(rig).at(-1)!.body.metadata.event_payload.post_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a history error that may pass (ratelimited) keeps the post pending instead of guessing', async () => {
    rig = await startRig('http', lede);
    const subId = await subscribeInbox(rig);
    const state = new DigestState(lede.store);
    const sent = outboxPost(subId, 'g:sent-before-crash', 'Ferry timetable changes');
    await state.recordPending(sent);
    await slackPosterOf(lede).post(CHANNEL, sent.message, { postId: sent.postId });
    rig.fake.failNext('conversations.history', { error: 'ratelimited', retryAfter: 1 });

    expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 1 });
    expect(await state.pendingIds()).toEqual([sent.postId]);
    // The next poll can read the history: found, marked posted, not sent again.
    expect(await lede.digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(await state.pendingIds()).toEqual([]);
    expect(digestPosts(rig)).toHaveLength(1);
  });
});

describe('Slack digests under kill -9', () => {
  const CHILD = join(import.meta.dirname, 'slack-digest-child.ts');

  function runChild(sqlite: string, apiUrl: string, crashAfter: string | null, killAfterMs: number | null): Promise<NodeJS.Signals | null> {
    const env: NodeJS.ProcessEnv = { ...process.env, LEDE_SQLITE: sqlite, SLACK_TEST_API_URL: apiUrl, SLACK_TEST_TOKEN: BOT_TOKEN, REDIS_URL: '' };
    delete env.LEDE_TEST_CRASH_AFTER;
    if (crashAfter) env.LEDE_TEST_CRASH_AFTER = crashAfter;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (_code, signal) => {
        if (timer) clearTimeout(timer);
        resolve(signal);
      });
    });
  }

  it('a run killed right after posting, and runs killed at random moments, post each article once', async () => {
    const fake = await new FakeSlack().start();
    try {
      const sqlite = join(dir, 'state.sqlite');
      // The subscription, made by the operator from the shell for the Slack channel.
      await lede.digests.command('subscribe', { source: inbox }, { platform: 'slack', channel: CHANNEL, conversation: `slack:${CHANNEL}` }, { operator: true });
      await lede.close();
      const expected: string[] = [];
      let n = 0;
      const drop = (count: number) => {
        for (let k = 0; k < count; k++, n++) {
          const title = `Harbour notice number ${n} is published`;
          writeFileSync(join(dir, 'next.txt'), ARTICLE.replace('Riverside market hall reopens after roof repairs', title));
          renameSync(join(dir, 'next.txt'), join(inbox, `notice-${n}.txt`));
          expected.push(title);
        }
      };
      // Deterministic: killed after chat.postMessage succeeded, before the post was marked posted.
      drop(2);
      expect(await runChild(sqlite, fake.apiUrl, 'posted', null)).toBe('SIGKILL');
      // Random: killed at any moment of the run.
      let kills = 1;
      for (let trial = 0; trial < 8; trial++) {
        drop(2);
        if ((await runChild(sqlite, fake.apiUrl, null, 500 + Math.random() * 3500)) === 'SIGKILL') kills++;
      }
      expect(await runChild(sqlite, fake.apiUrl, null, null)).toBeNull();
      const shown = fake.calls('chat.postMessage').filter((c) => c.outcome === 'ok' && c.body.channel === CHANNEL && !c.body.thread_ts).map((c) => shownText(c.body));
      const counts = expected.map((title) => shown.filter((t) => t.includes(title)).length);
      console.log(`slack kill -9: ${kills} of 10 runs killed, ${expected.length} articles, ${shown.length} posts`);
      expect(counts).toEqual(expected.map(() => 1));
    } finally {
      await fake.stop();
      lede = await Lede.open({ store: { sqlitePath: join(dir, 'state.sqlite') }, digest: { folderRoots: [dir] } });
    }
  }, 240_000);
});

