// The one configuration: every variable of the README's Configuration table and docs/*.md, a
// wrong or partial value rejected with a message naming the variable (and never a secret).
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/core/config.ts';

const SLACK_SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1-test', SLACK_APP_TOKEN: 'xapp-1-test' };

function rejection(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      dataPaths: ['data'],
      sqlitePath: '.lede/lede.sqlite',
      redisUrl: null,
      redisPrefix: 'lede:',
      logLevel: 'info',
      allowHosts: [],
      digest: { pollSeconds: 900, tickSeconds: 30, folderRoots: [] },
      discord: null,
      slack: null,
      rateLimits: { user: { points: 10, seconds: 60 }, channel: { points: 30, seconds: 60 } },
    });
  });

  it('reads every setting', () => {
    const c = loadConfig({
      ...SLACK_SOCKET,
      LEDE_DATA: ['news', 'more news'].join(delimiter),
      LEDE_POLL_SECONDS: '12',
      LEDE_RATE_USER: '5/30',
      LEDE_RATE_CHANNEL: '100/3600',
      SLACK_OPERATORS: 'U012ABCDEF, W0XYZ123',
      SLACK_IN_CHANNEL: 'yes',
      PORT: '8080',
      DISCORD_TOKEN: 'd.t.x',
      DISCORD_LISTEN_CHANNELS: '123456789012345678',
      DISCORD_MESSAGE_CONTENT: 'true',
      LOG_LEVEL: 'debug',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(c.dataPaths).toEqual(['news', 'more news']);
    expect(c.digest).toMatchObject({ pollSeconds: 12, tickSeconds: 12 });
    expect(c.rateLimits).toEqual({ user: { points: 5, seconds: 30 }, channel: { points: 100, seconds: 3600 } });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1-test', appToken: 'xapp-1-test', port: 8080, inChannel: true, operators: ['U012ABCDEF', 'W0XYZ123'] });
    expect(c.discord).toMatchObject({ token: 'd.t.x', listenChannels: ['123456789012345678'], messageContent: true, shards: false });
    expect(c.logLevel).toBe('debug');
  });

  it('reads the shared archive from LEDE_POSTGRES_URL, else DATABASE_URL, and describes it without the password', () => {
    expect(loadConfig({}).postgresUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://app:pw@db.internal:5432/news' }).postgresUrl).toBe('postgres://app:pw@db.internal:5432/news');
    const both = loadConfig({ LEDE_POSTGRES_URL: 'postgresql://lede:s3cret@10.0.0.5/lede', DATABASE_URL: 'postgres://other@db/other' });
    expect(both.postgresUrl).toBe('postgresql://lede:s3cret@10.0.0.5/lede');
    const described = describeConfig(both);
    expect(described).toMatch(/archive=postgresql:\/\/\*\*\*:\*\*\*@10\.0\.0\.5\//);
    expect(described).toContain('10.0.0.5');
    expect(described).not.toContain('s3cret');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: ' ', LEDE_POLL_SECONDS: '' }).slack).toBeNull();
  });

  // [variable named in the message, environment]
  const BAD: Array<[RegExp, Record<string, string>]> = [
    [/SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not/, { SLACK_APP_TOKEN: 'xapp-1-x', SLACK_SIGNING_SECRET: 's' }],
    [/SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not/, { SLACK_SIGNING_SECRET: 's' }],
    [/SLACK_OPERATORS is set but SLACK_BOT_TOKEN is not/, { SLACK_OPERATORS: 'U0123' }],
    [/SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN/, { SLACK_BOT_TOKEN: 'xoxb-1' }],
    [/SLACK_BOT_TOKEN must be a bot token \(xoxb-…\)$/, { SLACK_BOT_TOKEN: 'xapp-secret-value', SLACK_APP_TOKEN: 'xapp-1' }],
    [/SLACK_APP_TOKEN must be an app-level token/, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }],
    [/SLACK_PORT must be a port number/, { ...SLACK_SOCKET, SLACK_PORT: 'abc' }],
    [/PORT must be a port number ≤ 65535 \(got "70000"\)/, { PORT: '70000' }],
    [/SLACK_IN_CHANNEL must be true or false \(got "sure"\)/, { ...SLACK_SOCKET, SLACK_IN_CHANNEL: 'sure' }],
    [/SLACK_OPERATORS must be comma-separated Slack user ids/, { ...SLACK_SOCKET, SLACK_OPERATORS: 'alice,bob' }],
    [/DISCORD_LISTEN_CHANNELS is set but DISCORD_TOKEN is not/, { DISCORD_LISTEN_CHANNELS: '123456789012345678' }],
    [/DISCORD_SHARDS is set but DISCORD_TOKEN is not/, { DISCORD_SHARDS: 'true' }],
    [/DISCORD_MESSAGE_CONTENT must be true or false/, { DISCORD_TOKEN: 't', DISCORD_MESSAGE_CONTENT: 'maybe' }],
    [/DISCORD_LISTEN_CHANNELS must be comma-separated Discord ids/, { DISCORD_TOKEN: 't', DISCORD_LISTEN_CHANNELS: '#general' }],
    [/DISCORD_APPLICATION_ID must be the numeric Application ID/, { DISCORD_APPLICATION_ID: 'my-app' }],
    [/LEDE_POLL_SECONDS must be a number of seconds ≥ 10 \(got "abc"\)/, { LEDE_POLL_SECONDS: 'abc' }],
    [/LEDE_POLL_SECONDS must be a number of seconds ≥ 10 \(got "5"\)/, { LEDE_POLL_SECONDS: '5' }],
    [/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/, { LOG_LEVEL: 'loud' }],
    [/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/, { REDIS_URL: 'http://user:pw@host' }],
    [/LEDE_POSTGRES_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/, { LEDE_POSTGRES_URL: 'mysql://user:pw@host/db' }],
    [/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/, { DATABASE_URL: 'sqlite:///var/lede.db' }],
    [/LEDE_LEASE_MS must be a number of milliseconds ≥ 200/, { LEDE_LEASE_MS: '50' }],
    [/LEDE_RATE_USER must be "N\/SECONDS"/, { LEDE_RATE_USER: '10' }],
    [/LEDE_RATE_CHANNEL must allow at least 1 request/, { LEDE_RATE_CHANNEL: '0/60' }],
  ];
  it.each(BAD)('rejects %s', (named, env) => {
    expect(rejection(env)).toMatch(named);
  });

  it('names every wrong variable at once and never echoes a secret', () => {
    const message = rejection({ SLACK_BOT_TOKEN: 'secret-value', SLACK_APP_TOKEN: 'xapp-1', LOG_LEVEL: 'loud', LEDE_POLL_SECONDS: 'x' });
    expect(message.split('\n')).toHaveLength(3);
    expect(message).not.toMatch(/secret-value/);
  });
});
