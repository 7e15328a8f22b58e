// `lede` as a real process: a wrong or partial configuration stops it before anything starts,
// with a message naming the variable and a non-zero exit; --data and LEDE_DATA take several paths.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const fire = join(root, 'tests', 'fixtures', 'articles', 'harbor-fire.txt');
const vote = join(root, 'tests', 'fixtures', 'articles', 'council-vote.md');
const scratchDir = scratchFolders('lede-cli-config-');

/** Variables of the developer's shell that would change what these runs see. */
const CLEAN = Object.fromEntries(
  Object.keys(process.env).filter((k) => /^(LEDE_|SLACK_|DISCORD_|REDIS_URL$|LOG_LEVEL$|PORT$)/.test(k)).map((k) => [k, '']),
);

function lede(args: string[], env: Record<string, string>, input = '/quit\n') {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, ...CLEAN, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lede start with a wrong or partial configuration', () => {
  let state: Record<string, string>;
  beforeAll(() => {
    state = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite') };
  });

  // [what is wrong, environment, the variable the message must name]
  const CASES: Array<[string, Record<string, string>, RegExp]> = [
    ['Slack app token and signing secret without the bot token', { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_SIGNING_SECRET: 'shh' }, /SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not/],
    ['a poll interval that is not a number', { LEDE_POLL_SECONDS: 'abc' }, /LEDE_POLL_SECONDS must be a number/],
    ['an unknown log level', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL must be one of/],
    ['a Discord setting without its token', { DISCORD_LISTEN_CHANNELS: '123456789012345678' }, /DISCORD_LISTEN_CHANNELS is set but DISCORD_TOKEN is not/],
    ['a Discord application id without the token', { DISCORD_APPLICATION_ID: '123456789012345678' }, /DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not/],
    ['a Redis URL that is not one', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\//],
  ];
  it.each(CASES)('%s: exits non-zero naming the variable, no chat', (_, env, named) => {
    const r = lede(['start'], { ...state, ...env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(named);
    expect(r.stdout).not.toMatch(/Ask a question/);
  });
});

describe('several article paths', () => {
  it('--data given twice loads both', () => {
    const r = lede(['chat', '--data', fire, '--data', vote], { LEDE_SQLITE: join(scratchDir(), 's.sqlite') }, '/articles\n/quit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 articles loaded/);
  });

  it(`LEDE_DATA lists paths separated by "${delimiter}"`, () => {
    const r = lede(['chat'], { LEDE_SQLITE: join(scratchDir(), 's.sqlite'), LEDE_DATA: [fire, vote].join(delimiter) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 articles loaded/);
  });
});
