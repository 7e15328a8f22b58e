// Sharding through discord.js's own ShardingManager: two shard processes log in to the fake
// Discord, each identifies as its shard, and a guild's messages are answered by exactly one.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordShards } from '../../src/adapters/discord/cli.ts';
import { FakeDiscord, snowflake, type RecordedRequest } from '../fakes/discord/server.ts';

const CHILD = fileURLToPath(new URL('../fakes/discord/shard-child.ts', import.meta.url));
const ARTICLES = fileURLToPath(new URL('../fixtures/discord/articles.json', import.meta.url));

let fake: FakeDiscord | null = null;
let stop: (() => Promise<void>) | null = null;

afterEach(async () => {
  await stop?.();
  await fake?.stop();
  stop = null;
  fake = null;
});

describe('Discord sharding', () => {
  it('runs two shard processes; each guild is answered by one shard', { timeout: 60_000 }, async () => {
    fake = new FakeDiscord();
    await fake.start();
    const env = { ...process.env };
    process.env.FAKE_DISCORD_API = fake.api;
    process.env.LEDE_DATA = ARTICLES;
    try {
      const shards = await startDiscordShards({ token: 'fake.token.value', totalShards: 2, file: CHILD, shardArgs: [], execArgv: ['--import', 'tsx'], spawnDelayMs: 0, log: () => undefined });
      stop = shards.stop;
    } finally {
      process.env = env;
    }
    expect(fake.identifiedShards.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);

    const alice = { id: snowflake(), username: 'alice' };
    const id = fake.sendMessage({ content: 'How much will the bridge cost?', author: alice, mentionBot: true });
    const answered = (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === id;
    const sent = await fake.waitForRequest(answered, 30_000);
    expect(JSON.stringify(sent.body.embeds)).toContain('4 million');
    // A second question, answered too: by now a duplicate answer from the other shard would have arrived.
    const second = fake.sendMessage({ content: 'Who announced the decision?', author: alice, mentionBot: true });
    await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === second, 30_000);
    expect(fake.requests.filter(answered)).toHaveLength(1);
  });
});
