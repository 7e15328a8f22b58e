// Start-up failures name their cause: a Slack or Discord API that cannot be reached is a network
// error naming the host, not a refused token; a token the platform refuses is still reported as
// such. Real Bolt and discord.js against a closed port on 127.0.0.1 and the loopback fakes.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDiscordStartError } from '../../src/adapters/discord/errors.ts';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { startSlack } from '../../src/adapters/slack/index.ts';
import { Lede } from '../../src/core/lede.ts';
import { FakeSlack } from '../fakes/slack/server.ts';

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

let lede: Lede;
let port: number;
beforeAll(async () => {
  lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
  port = await closedPort();
});
afterAll(async () => {
  await lede.close();
});

describe('Slack start-up errors', () => {
  it('an unreachable Slack API is a network error naming the host, not a refused token', async () => {
    const failure = startSlack(lede, { botToken: 'xoxb-1-x', appToken: 'xapp-1-x', slackApiUrl: `http://127.0.0.1:${port}/api/`, webApiRetries: 0, logger: quiet });
    await expect(failure).rejects.toThrow(new RegExp(`network error: could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    await expect(failure).rejects.not.toThrow(/refused SLACK_BOT_TOKEN/);
  });

  it('a token Slack refuses is still reported as a refused token', async () => {
    const fake = await new FakeSlack().start();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      await expect(startSlack(lede, { botToken: 'xoxb-revoked', appToken: 'xapp-1-x', slackApiUrl: fake.apiUrl, webApiRetries: 0, logger: quiet })).rejects.toThrow(
        /^Slack refused SLACK_BOT_TOKEN at start-up: invalid_auth/,
      );
    } finally {
      await fake.stop();
    }
  });
});

describe('Discord start-up errors', () => {
  it('an unreachable Discord API is a network error naming the host, not a refused token', async () => {
    const error = await startDiscord(lede, { token: 'a.b.c', api: `http://127.0.0.1:${port}/api` }).then(
      () => null,
      (e: unknown) => e,
    );
    const message = describeDiscordStartError(error);
    expect(message).toMatch(new RegExp(`network error: could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(message).not.toMatch(/refused DISCORD_TOKEN/);
  });

  it('a token discord.js rejects is reported as a refused token', async () => {
    const error = await startDiscord(lede, { token: '', api: `http://127.0.0.1:${port}/api` }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeDiscordStartError(error)).toMatch(/DISCORD_TOKEN/);
  });
});
