// End to end: the real, unchanged discord.js client against a fake Discord on 127.0.0.1,
// answering from a real Lede over a small made-up article fixture. Assertions are on what the
// bot actually sent (the fake's recorded requests): names and citations, not exact wording.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Lede } from '../../src/core/lede.ts';
import { reply } from '../../src/core/reply.ts';
import type { DigestPoster } from '../../src/core/digest.ts';
import { startDiscord, type DiscordBot, type DiscordLog, type DiscordOptions } from '../../src/adapters/discord/index.ts';
import { restPoster } from '../../src/adapters/discord/poster.ts';
import { FakeDiscord, MANAGE_CHANNELS, MEMBER_PERMISSIONS, snowflake, type FakeUser, type RecordedRequest } from '../fakes/discord/server.ts';
import { payloadLimitProblems } from '../fakes/discord/limits.ts';
import { UNLIMITED } from './slack-harness.ts';

const ARTICLES = fileURLToPath(new URL('../fixtures/discord/articles.json', import.meta.url));
const FOOTBRIDGE_URL = 'https://news.example.org/marlow-footbridge';
const HOAX_URL = 'https://news.example.org/marlow-forum-hoax';

const alice: FakeUser = { id: snowflake(), username: 'alice' };
const bob: FakeUser = { id: snowflake(), username: 'bob' };
const otherBot: FakeUser = { id: snowflake(), username: 'another-bot', bot: true };

let lede: Lede;
let fake: FakeDiscord | null = null;
let bot: DiscordBot | null = null;
const logged: string[] = [];
const log: DiscordLog = {
  info: (m) => logged.push(`info ${m}`),
  warn: (m) => logged.push(`warn ${m}`),
  error: (m, e) => logged.push(`error ${m} ${e instanceof Error ? e.message : ''}`),
};

beforeAll(async () => {
  // One asker sends every request of this file: limits are tested in discord-permissions.test.ts.
  lede = await Lede.open({ dataPath: ARTICLES, store: { sqlitePath: ':memory:' }, rateLimits: UNLIMITED });
});

afterAll(async () => {
  await lede.close();
});

afterEach(async (context) => {
  // DISCORD_TRANSCRIPT=1 prints what the fake received in each test (method, route, status, body).
  if (process.env.DISCORD_TRANSCRIPT && fake) process.stderr.write(`\n── ${context.task.name}\n${fake.transcript()}\n`);
  await bot?.stop();
  await fake?.stop();
  bot = null;
  fake = null;
});

async function connect(options: Partial<DiscordOptions> = {}, channels?: string[], heartbeatIntervalMs?: number): Promise<FakeDiscord> {
  fake = new FakeDiscord({ channels, heartbeatIntervalMs });
  await fake.start();
  bot = await startDiscord(lede, { token: 'fake.token.value', applicationId: fake.applicationId, api: fake.api, log, ...options });
  await fake.whenIdentified();
  return fake;
}

const isChannelPost = (r: RecordedRequest) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route);
const isOriginalEdit = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.route.endsWith(`/${token}/messages/@original`);
const repliesTo = (messageId: string) => (r: RecordedRequest) => isChannelPost(r) && r.body?.message_reference?.message_id === messageId;
const succeeded = (check: (r: RecordedRequest) => boolean) => (r: RecordedRequest) => check(r) && r.status === 200;

/** Everything a message shows (content, embed titles, links, descriptions, fields, footers). */
function shown(r: RecordedRequest): string {
  return JSON.stringify({ content: r.body?.content ?? '', embeds: r.body?.embeds ?? [] });
}

async function ask(f: FakeDiscord, content: string, channelId = f.channels[0], author = alice): Promise<RecordedRequest> {
  const id = f.sendMessage({ content, author, channelId, mentionBot: true });
  return f.waitForRequest(succeeded(repliesTo(id)));
}

/** A member who may manage the channel: /subscribe and /unsubscribe need it. */
const MANAGER = MEMBER_PERMISSIONS | MANAGE_CHANNELS;

async function command(f: FakeDiscord, name: string, options: Record<string, string> = {}, channelId = f.channels[0]): Promise<{ defer: RecordedRequest; edit: RecordedRequest }> {
  const { id, token } = f.sendCommand({ name, options, user: alice, channelId, permissions: MANAGER });
  const defer = await f.waitForRequest((r) => r.method === 'POST' && r.route === `/interactions/${id}/${token}/callback`);
  const edit = await f.waitForRequest(succeeded(isOriginalEdit(token)));
  return { defer, edit };
}

describe('Discord adapter against a loopback Discord', () => {
  it('logs in through GET /gateway/bot and IDENTIFY without the privileged intent by default', async () => {
    const f = await connect();
    expect(f.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot' });
    const identify = f.gatewayReceived.find((p) => p.op === 2);
    const MESSAGE_CONTENT = 1 << 15;
    expect(identify.d.intents & MESSAGE_CONTENT).toBe(0);
    expect(identify.d.intents & (1 << 9)).not.toBe(0); // GUILD_MESSAGES
    expect(identify.d.intents & (1 << 12)).not.toBe(0); // DIRECT_MESSAGES
  });

  it('keeps the gateway alive: heartbeats are acknowledged and the bot still answers', async () => {
    const f = await connect({}, undefined, 150);
    await vi.waitFor(() => expect(f.heartbeatAcks).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 50 });
    expect(f.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1); // no reconnects
    const sent = await ask(f, 'How much will the bridge cost?');
    expect(shown(sent)).toContain('4 million');
  });

  it('answers a mention with the answer and its citation, pinging nobody', async () => {
    const f = await connect();
    const sent = await ask(f, 'Who announced the decision?');
    expect(shown(sent)).toContain('Priya Okonkwo');
    expect(shown(sent)).toContain(FOOTBRIDGE_URL);
    expect(shown(sent)).toContain('Tessel Valley Courier');
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(payloadLimitProblems(sent.body)).toEqual([]);
  });

  it("answers a mention of the bot's own role as a mention of the bot", async () => {
    const f = await connect();
    const id = f.sendMessage({ content: 'How much will the bridge cost?', author: alice, mentionBotRole: true });
    const sent = await f.waitForRequest(succeeded(repliesTo(id)));
    expect(shown(sent)).toContain('4 million');
  });

  it('answers a DM without a mention', async () => {
    const f = await connect();
    const id = f.sendMessage({ content: 'How much will the bridge cost?', author: alice, guild: false });
    const sent = await f.waitForRequest(succeeded(repliesTo(id)));
    expect(shown(sent)).toContain('4 million');
    expect(shown(sent)).toContain(FOOTBRIDGE_URL);
  });

  it("uses the asker's conversation in this channel for a follow-up question", async () => {
    const f = await connect();
    const [here, elsewhere] = f.channels;
    const first = await ask(f, 'How much will the bridge cost?', here);
    expect(shown(first)).toContain('4 million');
    // "it" is the bridge vote in this channel; a channel with no conversation gets the newest article.
    const followUp = await ask(f, 'When did it happen?', here);
    expect(shown(followUp)).toContain(FOOTBRIDGE_URL);
    expect(shown(followUp)).not.toContain(HOAX_URL);
    const fresh = await ask(f, 'When did it happen?', elsewhere);
    expect(shown(fresh)).not.toContain(FOOTBRIDGE_URL);
  });

  it("keeps each asker's follow-up context: two people in one channel each get their own person", async () => {
    const f = await connect();
    expect(shown(await ask(f, 'Who is Priya Okonkwo?', f.channels[0], alice))).toContain('Okonkwo');
    expect(shown(await ask(f, 'Who is Tomas Varga?', f.channels[0], bob))).toContain('Varga');
    // Alice's "she" is still the mayor, though Bob asked about the inspector in between.
    const hers = shown(await ask(f, 'What did she say?', f.channels[0], alice));
    expect(hers).toContain('joins the two halves');
    expect(hers).not.toContain('Nobody needs to leave');
    const his = shown(await ask(f, 'What did he say?', f.channels[0], bob));
    expect(his).toContain('Nobody needs to leave');
    expect(his).not.toContain('joins the two halves');
  });

  it('a thread starts its own conversation: it does not inherit the channel’s, nor give it its own', async () => {
    const f = await connect();
    const [channel] = f.channels;
    const [thread] = f.threads;
    expect(shown(await ask(f, 'Who is Priya Okonkwo?', channel))).toContain('Okonkwo');
    // In the thread, "she" is nobody yet; then the thread talks about the inspector.
    expect(shown(await ask(f, 'What did she say?', thread))).not.toContain('joins the two halves');
    expect(shown(await ask(f, 'Who is Tomas Varga?', thread))).toContain('Varga');
    expect(shown(await ask(f, 'What did he say?', thread))).toContain('Nobody needs to leave');
    // Back in the channel, the same asker's "she" is still the mayor.
    const back = shown(await ask(f, 'What did she say?', channel));
    expect(back).toContain('joins the two halves');
    expect(back).not.toContain('Nobody needs to leave');
  });

  it('answers every message in a listen channel when Message Content is on, and only mentions elsewhere', async () => {
    const [listen, other] = [snowflake(), snowflake()];
    const f = await connect({ messageContent: true, listenChannels: [listen] }, [listen, other]);
    const identify = f.gatewayReceived.find((p) => p.op === 2);
    expect(identify.d.intents & (1 << 15)).not.toBe(0); // MESSAGE_CONTENT

    const ignored = f.sendMessage({ content: 'How much will the bridge cost?', author: alice, channelId: other });
    const answered = f.sendMessage({ content: 'How much will the bridge cost?', author: alice, channelId: listen });
    const sent = await f.waitForRequest(succeeded(repliesTo(answered)));
    expect(shown(sent)).toContain('4 million');
    await ask(f, 'Who announced the decision?', other);
    expect(f.requests.filter(repliesTo(ignored))).toEqual([]);
  });

  it('ignores messages from other bots and from itself', async () => {
    const f = await connect();
    const fromBot = f.sendMessage({ content: 'How much will the bridge cost?', author: otherBot, mentionBot: true });
    const fromSelf = f.sendMessage({ content: 'How much will the bridge cost?', author: f.botUser, mentionBot: true });
    // Two human questions afterwards: by the time both are answered, a reply to the bots would have been sent.
    await ask(f, 'How much will the bridge cost?');
    await ask(f, 'Who announced the decision?');
    expect(f.requests.filter((r) => repliesTo(fromBot)(r) || repliesTo(fromSelf)(r))).toEqual([]);
    expect(f.requests.filter(isChannelPost)).toHaveLength(2);
  });

  it('never pings from article text containing @everyone', async () => {
    const f = await connect();
    const sent = await ask(f, 'Who said the post was a hoax?');
    const { edit } = await command(f, 'articles');
    for (const r of [sent, edit]) {
      expect(shown(r)).toContain('@everyone');
      expect(r.body.allowed_mentions?.parse).toEqual([]);
    }
    // Every message the bot sent carried allowed_mentions with nothing to parse.
    const messages = f.requests.filter((r) => isChannelPost(r) || r.method === 'PATCH');
    expect(messages.every((r) => Array.isArray(r.body?.allowed_mentions?.parse) && r.body.allowed_mentions.parse.length === 0)).toBe(true);
  });

  describe('slash commands: defer, then edit @original', () => {
    it('/ask', async () => {
      const f = await connect();
      const { defer, edit } = await command(f, 'ask', { question: 'How much will the bridge cost?' });
      expect(defer.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
      expect(f.requests.indexOf(defer)).toBeLessThan(f.requests.indexOf(edit));
      expect(edit.route).toBe(`/webhooks/${f.applicationId}/${edit.route.split('/')[3]}/messages/@original`);
      expect(shown(edit)).toContain('4 million');
      expect(shown(edit)).toContain(FOOTBRIDGE_URL);
    });

    it("/ask shares the asker's channel conversation with their mentions", async () => {
      const f = await connect();
      await ask(f, 'How much will the bridge cost?');
      const { edit } = await command(f, 'ask', { question: 'When did it happen?' });
      expect(shown(edit)).toContain(FOOTBRIDGE_URL);
    });

    it('/articles lists both articles, and searches with a query', async () => {
      const f = await connect();
      const all = await command(f, 'articles');
      expect(shown(all.edit)).toContain(FOOTBRIDGE_URL);
      expect(shown(all.edit)).toContain(HOAX_URL);
      const search = await command(f, 'articles', { query: 'hoax' });
      expect(shown(search.edit)).toContain(HOAX_URL);
      expect(shown(search.edit)).not.toContain(FOOTBRIDGE_URL);
    });

    it('/summary gives the newest article by default, or the one asked for', async () => {
      const f = await connect();
      const newest = await command(f, 'summary');
      expect(shown(newest.edit)).toContain('Tomas Varga');
      const chosen = await command(f, 'summary', { article: 'footbridge' });
      expect(shown(chosen.edit)).toContain('Marlow council approves footbridge');
      expect(shown(chosen.edit)).toContain('Tessel River');
    });

    it('/who', async () => {
      const f = await connect();
      const { edit } = await command(f, 'who', { name: 'Felix Brandt' });
      expect(shown(edit)).toContain('Felix Brandt');
      expect(shown(edit)).toContain(FOOTBRIDGE_URL);
    });

    it('/subscribe refuses a source it may not read, with a reason', async () => {
      const f = await connect();
      // A loopback feed is refused unless the operator allows the host: nothing leaves the machine.
      const { edit } = await command(f, 'subscribe', { source: 'http://127.0.0.1:9/feed.xml' });
      expect(shown(edit)).toContain('127.0.0.1');
      expect(payloadLimitProblems(edit.body)).toEqual([]);
    });
  });

  it('splits a 5,000-character post across messages within every limit', async () => {
    const f = await connect();
    const sentence = 'The Marlow ferry will run every hour between the two banks this summer, officials said. ';
    const long = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000).trim();
    const source = { articleId: 'footbridge', title: 'Marlow council approves footbridge over the Tessel River', url: FOOTBRIDGE_URL, outlet: 'Tessel Valley Courier', published: '2024-03-05' };
    await lede.poster('discord')!.post(f.channels[1], reply('digest', long, { title: source.title, url: source.url, quotes: [{ text: 'A short cited sentence.', source }] }));
    const posts = f.requests.filter((r) => isChannelPost(r) && r.route.includes(f.channels[1]));
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      expect(p.status).toBe(200);
      expect(payloadLimitProblems(p.body)).toEqual([]);
    }
    const descriptions = posts.flatMap((p) => p.body.embeds.map((e: { description?: string }) => e.description ?? '')).filter((d: string) => d.length > 0);
    expect(descriptions.length).toBeGreaterThan(1);
    expect(descriptions.join(' ').replace(/\s+/g, ' ')).toContain(long.slice(-300).replace(/\s+/g, ' '));
  });

  it('marks digest posts with their post id so an interrupted digest can tell they were sent', async () => {
    const f = await connect();
    const poster = lede.poster('discord') as DigestPoster;
    const source = { articleId: 'footbridge', title: 'Marlow council approves footbridge over the Tessel River', url: FOOTBRIDGE_URL, outlet: 'Tessel Valley Courier', published: '2024-03-05' };
    const channel = f.channels[1];
    expect(await poster.hasPosted!(channel, 'post-1')).toBe(false);
    await poster.post(channel, reply('digest', 'The council voted to build a footbridge.', { title: source.title, url: source.url }), { postId: 'post-1' });
    const [sent] = f.requests.filter(isChannelPost);
    expect(sent.body.embeds[0].url).toBe(`${FOOTBRIDGE_URL}#lede-post-1`);
    expect(sent.body.allowed_mentions.parse).toEqual([]);
    expect(await poster.hasPosted!(channel, 'post-1')).toBe(true);
    expect(await poster.hasPosted!(channel, 'post-2')).toBe(false);
    expect(f.requests.filter((r) => r.method === 'GET' && r.route === `/channels/${channel}/messages`).length).toBe(3);
  });

  it('posts digests through REST alone (the sharding manager has no gateway), with the same marks', async () => {
    fake = new FakeDiscord();
    await fake.start();
    const poster = restPoster({ token: 'fake.token.value', api: fake.api });
    const channel = fake.channels[0];
    const long = 'The footbridge will be 120 metres long and lit at night. '.repeat(90);
    await poster.post(channel, reply('digest', long, { title: 'Marlow footbridge design shown', url: FOOTBRIDGE_URL }), { postId: 'post-9' });
    const posts = fake.requests.filter(isChannelPost);
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      expect(p.status).toBe(200);
      expect(p.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    expect(posts[0].body.embeds[0].url).toBe(`${FOOTBRIDGE_URL}#lede-post-9`);
    expect(await poster.hasPosted(channel, 'post-9')).toBe(true);
    expect(await poster.hasPosted(channel, 'post-10')).toBe(false);
  });

  it('waits out a 429 with retry headers, then delivers', async () => {
    const f = await connect();
    f.fail({ method: 'POST', route: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.2 });
    const sent = await ask(f, 'How much will the bridge cost?');
    expect(shown(sent)).toContain('4 million');
    const posts = f.requests.filter(isChannelPost);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[0].body).toEqual(posts[1].body);
  });

  it('waits out a 429 on an interaction edit, then delivers', async () => {
    const f = await connect();
    f.fail({ method: 'PATCH', route: /@original$/, status: 429, retryAfter: 0.2 });
    const { edit } = await command(f, 'who', { name: 'Felix Brandt' });
    expect(shown(edit)).toContain('Felix Brandt');
    expect(f.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([429, 200]);
  });

  it('after repeated 500s on the answer, the user gets a short apology instead of silence', async () => {
    const f = await connect();
    // Discord keeps failing the embed message (discord.js retries it 3 times); plain text goes through.
    f.fail({ method: 'POST', route: /^\/channels\/\d+\/messages$/, when: (b) => (b?.embeds?.length ?? 0) > 0, status: 500, times: 10 });
    const id = f.sendMessage({ content: 'How much will the bridge cost?', author: alice, mentionBot: true });
    const apology = await f.waitForRequest(succeeded(repliesTo(id)));
    expect(apology.body.content).toMatch(/sorry/i);
    expect(apology.body.content.length).toBeLessThan(200);
    expect(apology.body.allowed_mentions.parse).toEqual([]);
    expect(f.requests.filter((r) => r.injected === 500).length).toBeGreaterThanOrEqual(2);
  });

  it('after repeated 500s on an interaction edit, the user gets a short apology', async () => {
    const f = await connect();
    f.fail({ method: 'PATCH', route: /@original$/, when: (b) => (b?.embeds?.length ?? 0) > 0, status: 500, times: 10 });
    const { token } = f.sendCommand({ name: 'ask', options: { question: 'How much will the bridge cost?' }, user: alice });
    const apology = await f.waitForRequest(succeeded(isOriginalEdit(token)));
    expect(apology.body.content).toMatch(/sorry/i);
    expect(apology.body.embeds).toEqual([]);
  });
});

describe('Discord digests: /subscribe, then new articles are posted to the channel', () => {
  const feedItems: string[] = [];
  let feedServer: Server;
  let feedUrl = '';
  let digestLede: Lede;

  const rss = () =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Tessel Valley Courier</title><link>${feedUrl}</link>${feedItems.join('')}</channel></rss>`;
  const item = (slug: string, title: string, published: string) =>
    `<item><title>${title}</title><link>${feedUrl.replace('feed.xml', slug)}</link><guid>${slug}</guid><pubDate>${published}</pubDate><description>${title}.</description></item>`;
  const page = (title: string, paragraphs: string[]) =>
    `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Tessel Valley Courier"></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

  beforeAll(async () => {
    feedServer = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss());
      } else if (req.url === '/ferry-returns') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          page('Marlow ferry returns after winter repairs', [
            'The Marlow ferry returned to service on Monday after four months of winter repairs, harbour master Ines Halvorsen said.',
            'The crossing will run every hour between the two banks of the Tessel River until the footbridge opens in 2026.',
            '"The boat is safer than it has ever been," Halvorsen said.',
          ]),
        );
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
    feedItems.push(item('old-story', 'Marlow library extends its opening hours', 'Mon, 04 Mar 2024 09:00:00 GMT'));
    digestLede = await Lede.open({ store: { sqlitePath: ':memory:' }, digest: { allowHosts: ['127.0.0.1'] } });
  });

  afterAll(async () => {
    await digestLede.close();
    feedServer.closeAllConnections();
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
  });

  it('posts a new article once, as an embed in the subscribed channel', async () => {
    fake = new FakeDiscord();
    await fake.start();
    bot = await startDiscord(digestLede, { token: 'fake.token.value', api: fake.api, log });
    await fake.whenIdentified();
    const channel = fake.channels[1];

    const subscribed = await command(fake, 'subscribe', { source: feedUrl }, channel);
    expect(shown(subscribed.edit)).toContain(feedUrl);
    const listed = await command(fake, 'subscriptions', {}, channel);
    expect(shown(listed.edit)).toContain(feedUrl);

    // What was in the feed at subscription time is not posted; a new item is, exactly once.
    feedItems.push(item('ferry-returns', 'Marlow ferry returns after winter repairs', 'Mon, 11 Mar 2024 08:00:00 GMT'));
    await digestLede.digests.pollOnce();
    await digestLede.digests.pollOnce();
    const posts = fake.requests.filter((r) => isChannelPost(r) && r.route === `/channels/${channel}/messages`);
    expect(posts).toHaveLength(1);
    expect(shown(posts[0])).toContain('Marlow ferry returns after winter repairs');
    expect(shown(posts[0])).not.toContain('library');
    expect(posts[0].body.embeds[0].url).toMatch(/\/ferry-returns#lede-/);
    expect(posts[0].body.allowed_mentions.parse).toEqual([]);

    // The new article can be asked about at once.
    const sent = await ask(fake, 'Who is the harbour master?', channel);
    expect(shown(sent)).toContain('Halvorsen');

    const gone = await command(fake, 'unsubscribe', {}, channel);
    expect(shown(gone.edit).length).toBeGreaterThan(20);
  });
});
