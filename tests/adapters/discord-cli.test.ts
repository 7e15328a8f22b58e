// `lede discord register` against the loopback fake: the command set Discord receives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordCli } from '../../src/adapters/discord/cli.ts';
import { COMMANDS } from '../../src/core/commands.ts';
import { loadConfig } from '../../src/core/config.ts';
import { FakeDiscord, snowflake } from '../fakes/discord/server.ts';

let fake: FakeDiscord;
let out: string[];
let err: string[];

beforeEach(async () => {
  fake = new FakeDiscord();
  await fake.start();
  out = [];
  err = [];
});

afterEach(async () => {
  await fake.stop();
});

function run(argv: string[], env: Record<string, string>): Promise<number> {
  return discordCli(argv, { config: loadConfig(env), api: fake.api, out: (l) => out.push(l), err: (l) => err.push(l) });
}

describe('lede discord invite', () => {
  it('prints the invite URL with the bot and applications.commands scopes', async () => {
    expect(await run(['invite'], { DISCORD_APPLICATION_ID: '123456789012345678' })).toBe(0);
    const url = new URL(out[0]);
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('274877991936');
  });
});

describe('lede discord register', () => {
  const env = () => ({ DISCORD_TOKEN: 'fake.token.value', DISCORD_APPLICATION_ID: fake.applicationId });

  it('registers every core command in one guild with --guild', async () => {
    const guild = snowflake();
    expect(await run(['register', '--guild', guild], env())).toBe(0);
    const [put] = fake.requests;
    expect(put.method).toBe('PUT');
    expect(put.route).toBe(`/applications/${fake.applicationId}/guilds/${guild}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(put.body.find((c: { name: string }) => c.name === 'who').options[0]).toMatchObject({ name: 'name', type: 3, required: true });
    expect(out.join('\n')).toContain(`Registered ${COMMANDS.length} commands in guild ${guild}`);
  });

  it('registers global commands without --guild', async () => {
    expect(await run(['register'], env())).toBe(0);
    expect(fake.requests.map((r) => `${r.method} ${r.route}`)).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
  });

  it('explains what is missing instead of calling Discord', async () => {
    expect(await run(['register'], {})).toBe(2);
    expect(err.join('\n')).toContain('DISCORD_TOKEN');
    expect(await run(['register'], { DISCORD_TOKEN: 'fake.token.value' })).toBe(2);
    expect(err.join('\n')).toContain('DISCORD_APPLICATION_ID');
    expect(await run(['register', '--guild', 'my-server'], env())).toBe(2);
    expect(err.join('\n')).toContain('numeric server id');
    expect(fake.requests).toEqual([]);
  });

  it('reports a rejection from Discord with a non-zero exit', async () => {
    fake.fail({ method: 'PUT', status: 400 });
    expect(await run(['register'], env())).toBe(1);
    expect(err.join('\n')).toContain('registering commands failed');
  });
});
