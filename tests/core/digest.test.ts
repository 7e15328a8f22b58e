// Digests end to end in one process: a real feed server on 127.0.0.1, a real SQLite file, the
// real knowledge pipeline; the only stand-in is the channel (a poster that records posts).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Digests, type DigestOptions } from '../../src/core/digest.ts';
import { FetchError, isNonPublicAddress, safeFetch } from '../../src/core/fetch.ts';
import { DigestState, postIdFor } from '../../src/core/digest/state.ts';
import { Lede } from '../../src/core/lede.ts';
import { reply, type Reply } from '../../src/core/reply.ts';
import { fullItem, storyParagraphs, storyTitle } from '../fakes/feeds/articles.ts';
import { FeedServer, pageWithChrome } from '../fakes/feeds/server.ts';

interface Posted {
  channel: string;
  message: Reply;
  postId: string | undefined;
}

let server: FeedServer;
let dir: string;
let lede: Lede;
let posts: Posted[];
const ctx = { platform: 'test', channel: 'news', conversation: 'test:news' };
const LOCAL: DigestOptions = { allowHosts: ['127.0.0.1'], fetch: { timeoutMs: 1500, maxBytes: 2 * 1024 * 1024 } };

function digestsWith(options: DigestOptions = LOCAL): Digests {
  return new Digests({
    store: lede.store,
    addArticle: (a) => lede.addArticle(a),
    factsOf: (id) => lede.library.get(id)?.facts,
    poster: (p) => lede.poster(p),
    options,
    log: () => {},
  });
}

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-digest-'));
  lede = await Lede.open({ store: { sqlitePath: join(dir, 'state.sqlite') } });
  posts = [];
  // Lede's ChannelPoster declares (channel, message); digests also pass the post id.
  const recorder = { post: async (channel: string, message: Reply, meta?: { postId: string }) => void posts.push({ channel, message, postId: meta?.postId }) };
  lede.registerPoster('test', recorder);
  server.mode = 'rss';
  server.rssItems = [fullItem(1, '2025-03-01T08:00:00Z'), fullItem(2, '2025-03-02T08:00:00Z')];
  server.atomItems = [fullItem(11, '2025-03-01T08:00:00Z'), fullItem(12, '2025-03-02T08:00:00Z')];
});
afterEach(async () => {
  await lede.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('subscribing and posting new items', () => {
  it('posts nothing old on subscribe, a new item exactly once, and makes it askable', async () => {
    const digests = digestsWith();
    const r = await digests.command('subscribe', { source: `${server.url}/feed.xml` }, ctx);
    expect(r.kind).toBe('info');
    expect(r.text).toMatch(/2 items already there were marked as seen/);
    expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(posts).toHaveLength(0);

    server.rssItems.unshift(fullItem(3, '2025-03-03T08:00:00Z'));
    expect(await digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(posts).toHaveLength(1);
    const [{ channel, message, postId }] = posts;
    expect(channel).toBe('news');
    expect(postId).toMatch(/^[0-9a-f]{16}$/);
    expect(message.kind).toBe('digest');
    expect(message.title).toBe(storyTitle(3));
    expect(message.url).toBe(`${server.url}/news/story-3`);
    expect(message.text).toMatch(/council approved plans/i);
    const fields = Object.fromEntries(message.fields.map((f) => [f.name, f.value]));
    expect(fields.Source).toBe('Harbour Gazette · 2025-03-03');
    expect(fields.Who).toBeTruthy();
    // The new article is in the library, so it can be asked about at once.
    expect([...lede.library.all()].map((a) => a.article.title)).toContain(storyTitle(3));
  });

  it('does not repost an item whose date changed, with or without a guid', async () => {
    server.rssItems = [fullItem(1, '2025-03-01T08:00:00Z'), fullItem(2, '2025-03-02T08:00:00Z', { guid: undefined })];
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    server.rssItems.unshift(fullItem(3, '2025-03-03T08:00:00Z', { guid: undefined, link: undefined }));
    expect((await digests.pollOnce()).posted).toBe(1);
    // Every item re-dated (the guid-less ones too, and the one just posted).
    server.rssItems = server.rssItems.map((i) => ({ ...i, published: '2025-04-01T12:00:00Z' }));
    expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(posts).toHaveLength(1);
  });

  it('posts the newest N on request and reads Atom feeds', async () => {
    const digests = digestsWith();
    const r = await digests.command('subscribe', { source: `${server.url}/atom.xml`, 'post-newest': '1' }, ctx);
    expect(r.text).toMatch(/1 item already there was marked as seen/);
    expect((await digests.pollOnce()).posted).toBe(1);
    expect(posts.map((p) => p.message.title)).toEqual([storyTitle(12)]);
    server.atomItems.push(fullItem(13, '2025-03-05T08:00:00Z'));
    expect((await digests.pollOnce()).posted).toBe(1);
    expect(posts.map((p) => p.message.title)).toEqual([storyTitle(12), storyTitle(13)]);
  });

  it('completes a teaser from the page, without the page chrome', async () => {
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    server.pages.set('/news/story-4', pageWithChrome(storyTitle(4), storyParagraphs(4)));
    server.rssItems.unshift(fullItem(4, '2025-03-04T08:00:00Z', { body: `<p>${storyParagraphs(4)[0].slice(0, 80)}…</p>` }));
    expect((await digests.pollOnce()).posted).toBe(1);
    const article = [...lede.library.all()].find((a) => a.article.title === storyTitle(4))!.article;
    for (const p of storyParagraphs(4)) expect(article.text).toContain(p);
    expect(article.text).not.toMatch(/cookies|newsletter|Advertisement|Related stories|All rights reserved|Sport/);
    expect(posts[0].message.text).not.toMatch(/teaser only/);
  });

  it('filters by keywords and marks the others seen', async () => {
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml`, keywords: 'tram, flood' }, ctx);
    // story 1 is about a flood barrier, 3 about a tram line, 5 about a school roof.
    server.rssItems.unshift(fullItem(3, '2025-03-03T08:00:00Z'), fullItem(5, '2025-03-05T08:00:00Z'));
    expect((await digests.pollOnce()).posted).toBe(1);
    expect(posts.map((p) => p.message.title)).toEqual([storyTitle(3)]);
    expect((await digests.pollOnce()).posted).toBe(0);
  });

  it('polls by itself between start() and stop()', async () => {
    const digests = digestsWith({ ...LOCAL, pollSeconds: 1, tickSeconds: 0.2 });
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    digests.start();
    server.rssItems.unshift(fullItem(9, '2025-03-09T08:00:00Z'));
    await vi.waitFor(() => expect(posts).toHaveLength(1), { timeout: 15_000, interval: 100 });
    await digests.stop();
    expect(posts[0].message.title).toBe(storyTitle(9));
  });

  it('completes a pending post once, asking the poster first when it can tell', async () => {
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    const [sub] = await digests.subscriptions();
    // As a run killed between "pending" and "posted" leaves it.
    const state = new DigestState(lede.store);
    const left = (n: number) => ({
      postId: postIdFor(sub.id, `g:left-${n}`), subscriptionId: sub.id, itemKey: `g:left-${n}`, platform: 'test', channel: 'news',
      message: reply('digest', `left ${n}`, { title: `Left ${n}` }), createdAt: new Date().toISOString(),
    });
    await state.recordPending(left(1));
    await state.recordPending(left(2));
    const alreadyThere = new Set([left(2).postId]);
    lede.registerPoster('test', {
      post: async (channel: string, message: Reply, meta?: { postId: string }) => void posts.push({ channel, message, postId: meta?.postId }),
      hasPosted: async (_channel: string, postId: string) => alreadyThere.has(postId),
    } as never);
    expect(await digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    expect(posts.map((p) => p.message.title)).toEqual(['Left 1']);
    expect(await state.pendingIds()).toEqual([]);
    expect(await state.isPosted(left(2).postId)).toBe(true);
  });

  it('uses conditional requests once the feed has an ETag', async () => {
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    const before = server.notModified;
    await digests.pollOnce();
    expect(server.notModified).toBe(before + 1);
  });

  it('posts files that appear in a subscribed folder', async () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'old.txt'), `${storyTitle(6)}\n\n${storyParagraphs(6).join('\n\n')}`);
    const digests = digestsWith();
    const r = await digests.command('subscribe', { source: inbox }, { ...ctx, platform: 'cli', channel: 'terminal' });
    expect(r.kind).toBe('info');
    const terminal: Reply[] = [];
    lede.registerPoster('cli', { post: async (_c, m) => void terminal.push(m) });
    expect((await digests.pollOnce()).posted).toBe(0);
    writeFileSync(join(inbox, 'new.md'), `# ${storyTitle(7)}\n\n${storyParagraphs(7).join('\n\n')}`);
    expect((await digests.pollOnce()).posted).toBe(1);
    expect((await digests.pollOnce()).posted).toBe(0);
    expect(terminal.map((m) => m.title)).toEqual([storyTitle(7)]);
  });

  it('refuses folders from chat platforms outside the allowed roots', async () => {
    const digests = digestsWith();
    const r = await digests.command('subscribe', { source: dir }, ctx);
    expect(r.kind).toBe('error');
    expect(r.text).toMatch(/only inside the folders the operator allows/);
  });

  it('lists and removes subscriptions per channel', async () => {
    const digests = digestsWith();
    await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx);
    await digests.command('subscribe', { source: `${server.url}/atom.xml` }, { ...ctx, channel: 'other' });
    const list = await digests.command('subscriptions', {}, ctx);
    expect(list.text).toMatch(/Harbour Gazette — http:\/\/127\.0\.0\.1:\d+\/rss\.xml \(feed\)/);
    expect(list.text).not.toMatch(/atom/);
    expect((await digests.command('subscribe', { source: `${server.url}/rss.xml` }, ctx)).text).toMatch(/already subscribed/);
    expect((await digests.command('unsubscribe', { source: `${server.url}/rss.xml` }, ctx)).text).toMatch(/Unsubscribed news/);
    expect((await digests.command('subscriptions', {}, ctx)).text).toMatch(/No subscriptions here/);
    expect((await digests.command('subscriptions', {}, { ...ctx, channel: 'other' })).text).toMatch(/atom\.xml/);
  });
});

describe('failing sources', () => {
  const cases: Array<[string, RegExp]> = [
    ['malformed', /malformed XML at line 1/],
    ['huge', /response too large/],
    ['hang', /no complete response within 1\.5 s/],
    ['loop', /too many redirects/],
    ['error500', /HTTP 500/],
  ];
  for (const [mode, error] of cases) {
    it(`${mode}: a visible error, back-off, and the next poll still works`, async () => {
      const digests = digestsWith();
      await digests.command('subscribe', { source: `${server.url}/feed.xml` }, ctx);
      server.mode = mode as FeedServer['mode'];
      expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 1 });
      const list = (await digests.command('subscriptions', {}, ctx)).text;
      expect(list).toMatch(/FAILING \(1 in a row\)/);
      expect(list).toMatch(error);
      // Back-off: the next scheduled check is further away than the normal interval.
      expect(list).toMatch(/next check in (2[5-9]|3[0-9]) min/);

      server.mode = 'rss';
      server.rssItems.unshift(fullItem(8, '2025-03-08T08:00:00Z'));
      expect(await digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
      const after = (await digests.command('subscriptions', {}, ctx)).text;
      expect(after).toMatch(/ok, 1 posted/);
      expect(after).toMatch(error); // the earlier error stays visible
    });
  }
});

describe('a fix is picked up', () => {
  it('a back-off that started under another configuration is not waited out', async () => {
    const refused = digestsWith({ ...LOCAL, allowHosts: [] });
    // Subscribed while 127.0.0.1 was allowed; then started without it (a configuration mistake).
    await digestsWith().command('subscribe', { source: `${server.url}/feed.xml` }, ctx);
    expect(await refused.pollOnce()).toEqual({ posted: 0, errors: 1 });
    const failing = (await refused.command('subscriptions', {}, ctx)).text;
    expect(failing).toMatch(/FAILING \(1 in a row\)/);
    expect(failing).toMatch(/next check in \d+ min/);
    // Restarted with the fix: the scheduler's first due-only poll checks the source again.
    server.rssItems.unshift(fullItem(3, '2025-03-03T08:00:00Z'));
    const fixed = digestsWith();
    expect(await fixed.pollOnce({ dueOnly: true })).toEqual({ posted: 1, errors: 0 });
    expect((await fixed.command('subscriptions', {}, ctx)).text).toMatch(/ok, 1 posted/);
    // Under the same configuration, a back-off is kept as before.
    server.mode = 'error500';
    expect((await fixed.pollOnce()).errors).toBe(1);
    expect(await digestsWith().pollOnce({ dueOnly: true })).toEqual({ posted: 0, errors: 0 });
  });
});

describe('unreadable files in a subscribed folder', () => {
  it('are shown in the status, logged, and announced in the channel once', async () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const logged: string[] = [];
    const digests = new Digests({
      store: lede.store,
      addArticle: (a) => lede.addArticle(a),
      factsOf: (id) => lede.library.get(id)?.facts,
      poster: (p) => lede.poster(p),
      options: LOCAL,
      log: (m) => void logged.push(m),
    });
    await digests.command('subscribe', { source: inbox }, { ...ctx, platform: 'cli' });
    lede.registerPoster('cli', { post: async (channel: string, message: Reply) => void posts.push({ channel, message, postId: undefined }) });
    writeFileSync(join(inbox, 'broken.json'), '{"title": "Half a file", "text": ');
    writeFileSync(join(inbox, 'good.md'), `# ${storyTitle(7)}\n\n${storyParagraphs(7).join('\n\n')}`);
    expect(await digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect(await digests.pollOnce()).toEqual({ posted: 0, errors: 0 });
    // The article is posted; the broken file gets one short notice, not one per poll.
    const notices = posts.filter((p) => p.message.kind !== 'digest');
    expect(posts.filter((p) => p.message.kind === 'digest').map((p) => p.message.title)).toEqual([storyTitle(7)]);
    expect(notices).toHaveLength(1);
    expect(notices[0].message.text).toMatch(/broken\.json/);
    expect(logged.filter((l) => /broken\.json/.test(l))).toHaveLength(1);
    const list = (await digests.command('subscriptions', {}, { ...ctx, platform: 'cli' })).text;
    expect(list).toMatch(/1 unreadable file: broken\.json/);
    // Fixed, it is posted as a new article, and the status no longer names it.
    writeFileSync(join(inbox, 'broken.json'), JSON.stringify({ title: storyTitle(5), text: storyParagraphs(5).join('\n\n') }));
    expect(await digests.pollOnce()).toEqual({ posted: 1, errors: 0 });
    expect((await digests.command('subscriptions', {}, { ...ctx, platform: 'cli' })).text).not.toMatch(/unreadable/);
  });
});

describe('the operator at the shell', () => {
  it('subscribes a chat channel to any folder, as the operator may', async () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const digests = digestsWith();
    const slack = { platform: 'slack', channel: 'C0NEWS', conversation: 'slack:C0NEWS' };
    // From chat, outside LEDE_DIGEST_FOLDERS: refused.
    expect((await digests.command('subscribe', { source: inbox }, slack)).kind).toBe('error');
    const r = await digests.command('subscribe', { source: inbox }, slack, { operator: true });
    expect(r.kind, r.text).toBe('info');
    expect(await digests.subscriptions()).toMatchObject([{ platform: 'slack', channel: 'C0NEWS', kind: 'folder' }]);
  });
});

describe('address safety', () => {
  it('refuses loopback, private and link-local addresses unless allowed', async () => {
    const digests = digestsWith({ fetch: { timeoutMs: 1500 } });
    for (const url of [`${server.url}/rss.xml`, 'http://localhost:9/feed.xml', 'http://10.1.2.3/feed.xml', 'http://192.168.0.10/rss', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/feed', 'http://[::ffff:127.0.0.1]/feed']) {
      const r = await digests.command('subscribe', { source: url }, ctx);
      expect(r.kind, url).toBe('error');
      expect(r.text, url).toMatch(/refused .*loopback, private or link-local/);
    }
    expect((await digests.command('subscribe', { source: 'file:///etc/passwd' }, ctx)).text).toMatch(/only http and https/);
    expect(await digests.subscriptions()).toHaveLength(0);
  });

  it('connects to the checked address when a host name is allowed', async () => {
    const port = new URL(server.url).port;
    const res = await safeFetch(`http://localhost:${port}/rss.xml`, { allowHosts: ['localhost', '127.0.0.1', '::1'], timeoutMs: 1500 });
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<rss/);
    await expect(safeFetch(`http://localhost:${port}/rss.xml`, { timeoutMs: 1500 })).rejects.toThrow(/refused localhost/);
  });

  it('checks every redirect target too', async () => {
    await expect(safeFetch(`${server.url}/to-private.xml`, { allowHosts: ['127.0.0.1'], timeoutMs: 1500 })).rejects.toThrow(/refused 10\.255\.255\.1/);
    await expect(safeFetch(`${server.url}/to-private.xml`, { allowHosts: ['127.0.0.1'] })).rejects.toBeInstanceOf(FetchError);
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1']) expect(isNonPublicAddress(a), a).toBe(false);
  });
});
