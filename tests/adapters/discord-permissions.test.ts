// Who may do what on Discord, end to end against the loopback Discord: /subscribe and
// /unsubscribe are registered for Manage Channels only and checked again at run time (from the
// member's permissions in that channel, which Discord sends with the interaction); asking and
// listing stay open to all; a user over the rate limit gets a short reply that pings no one.
import { afterEach, describe, expect, it } from 'vitest';
import { Lede, MANAGE_REFUSAL } from '../../src/core/lede.ts';
import { slashCommands } from '../../src/adapters/discord/commands.ts';
import { startDiscord, type DiscordBot } from '../../src/adapters/discord/index.ts';
import { registerCommands } from '../../src/adapters/discord/cli.ts';
import { ADMINISTRATOR, FakeDiscord, MANAGE_CHANNELS, MEMBER_PERMISSIONS, snowflake, type FakeUser, type RecordedRequest } from '../fakes/discord/server.ts';
import { scratchFolders } from '../scratch.ts';

const folder = scratchFolders('lede-discord-perm-');
const member: FakeUser = { id: snowflake(), username: 'member' };
const manager: FakeUser = { id: snowflake(), username: 'manager' };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let lede: Lede | null = null;
let fake: FakeDiscord | null = null;
let bot: DiscordBot | null = null;
afterEach(async () => {
  // Every message the bot sent or edited in these tests (answers, refusals, limits) pinged no one.
  const sent = (fake?.requests ?? []).filter((r) => (r.method === 'POST' || r.method === 'PATCH') && (r.body?.content || r.body?.embeds?.length));
  for (const r of sent) expect(r.body.allowed_mentions, `${r.method} ${r.route}`).toEqual({ parse: [], replied_user: false });
  await bot?.stop();
  await fake?.stop();
  await lede?.close();
  bot = fake = lede = null;
});

async function connect(options: Parameters<typeof Lede.open>[0] = {}): Promise<FakeDiscord> {
  lede = await Lede.open({ store: { sqlitePath: ':memory:' }, ...options });
  fake = new FakeDiscord();
  await fake.start();
  bot = await startDiscord(lede, { token: 'fake.token.value', api: fake.api, log: quiet });
  await fake.whenIdentified();
  return fake;
}

/** Runs a slash command and returns the edited original response (the answer). */
async function command(f: FakeDiscord, input: Parameters<FakeDiscord['sendCommand']>[0]): Promise<RecordedRequest> {
  const { token } = f.sendCommand(input);
  return f.waitForRequest((r) => r.method === 'PATCH' && r.route.endsWith(`/${token}/messages/@original`) && r.status === 200);
}
const shown = (r: RecordedRequest) => JSON.stringify({ content: r.body?.content ?? '', embeds: r.body?.embeds ?? [] });

describe('Discord: who may manage subscriptions', () => {
  it('registers /subscribe and /unsubscribe for Manage Channels only, not in DMs; the rest for everyone', async () => {
    const byName = new Map(slashCommands().map((c) => [c.name, c]));
    for (const name of ['subscribe', 'unsubscribe']) {
      expect(byName.get(name)).toMatchObject({ default_member_permissions: String(MANAGE_CHANNELS), dm_permission: false, contexts: [0] });
    }
    for (const name of ['ask', 'articles', 'summary', 'who', 'subscriptions']) {
      expect(byName.get(name)?.default_member_permissions).toBeUndefined();
      expect(byName.get(name)?.contexts).toEqual([0, 1]);
    }
    // What reaches Discord when the operator registers them.
    const f = new FakeDiscord();
    await f.start();
    try {
      await registerCommands({ token: 'fake.token.value', applicationId: f.applicationId, guildId: f.guildId, api: f.api });
      const put = f.requests.find((r) => r.method === 'PUT')!;
      expect(put.body.find((c: any) => c.name === 'subscribe').default_member_permissions).toBe('16');
    } finally {
      await f.stop();
    }
  });

  it('refuses /subscribe and /unsubscribe from a member without Manage Channels, politely, and changes nothing', async () => {
    const source = folder();
    const f = await connect({ digest: { folderRoots: [source] } });
    const refused = await command(f, { name: 'subscribe', options: { source }, user: member });
    expect(shown(refused)).toContain(MANAGE_REFUSAL);
    expect(refused.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Listing and asking stay open to members.
    expect(shown(await command(f, { name: 'subscriptions', user: member }))).not.toContain(source);
    expect(shown(await command(f, { name: 'articles', user: member }))).not.toContain(MANAGE_REFUSAL);

    const subscribed = await command(f, { name: 'subscribe', options: { source }, user: manager, permissions: MEMBER_PERMISSIONS | MANAGE_CHANNELS });
    expect(shown(subscribed)).not.toContain(MANAGE_REFUSAL);
    expect(shown(await command(f, { name: 'unsubscribe', user: member }))).toContain(MANAGE_REFUSAL);
    expect(shown(await command(f, { name: 'subscriptions', user: member }))).toContain(source);
    // Administrator implies every permission.
    expect(shown(await command(f, { name: 'unsubscribe', user: manager, permissions: ADMINISTRATOR }))).not.toContain(MANAGE_REFUSAL);
    expect(shown(await command(f, { name: 'subscriptions', user: member }))).not.toContain(source);
  });

  it('refuses /subscribe in a DM (no channel to manage there)', async () => {
    const source = folder();
    const f = await connect({ digest: { folderRoots: [source] } });
    const refused = await command(f, { name: 'subscribe', options: { source }, user: manager, guild: false });
    expect(shown(refused)).toContain(MANAGE_REFUSAL);
  });
});

describe('Discord: rate limits', () => {
  it('answers a user over the limit with when to try again, pinging no one; other users are still answered', async () => {
    const f = await connect({ rateLimits: { user: { points: 2, seconds: 60 } } });
    for (let i = 0; i < 2; i++) expect(shown(await command(f, { name: 'articles', user: member }))).not.toMatch(/try again in/);
    const over = await command(f, { name: 'articles', user: member });
    expect(shown(over)).toMatch(/faster than I can answer\. Please try again in \d+ seconds?\./);
    expect(over.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // A mention counts against the same user.
    const id = f.sendMessage({ content: 'What happened?', author: member, mentionBot: true });
    const replied = await f.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === id && r.status === 200);
    expect(shown(replied)).toMatch(/try again in/);
    expect(replied.body.allowed_mentions.parse).toEqual([]);
    expect(shown(await command(f, { name: 'articles', user: manager }))).not.toMatch(/try again in/);
  });
});
