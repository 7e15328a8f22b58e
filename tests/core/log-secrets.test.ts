// Secrets never reach a log line: not at any depth of a logged object, not inside a URL, not in
// an error's message, stack, cause or extra fields, not in the message text. The values come
// from the environment as `npm start` reads them; a REDIS_URL whose server refuses the
// connection (or the password) is logged as the store and the start-up do, and its password
// never appears.
import { describe, expect, it } from 'vitest';
import { log, type Logger } from '../../src/core/log.ts';
import { logCapture } from './log-capture.ts';
import { openStore } from '../../src/core/store.ts';
import { TEST_REDIS_URL } from './cluster-redis.ts';

const PASSWORD = 'hunter2-redis-pw';
const ENV = {
  DISCORD_TOKEN: 'MTAxNTA.discord-token-value.xyz',
  SLACK_BOT_TOKEN: 'xoxb-1111-slack-bot-token',
  SLACK_APP_TOKEN: 'xapp-1-slack-app-token',
  SLACK_SIGNING_SECRET: 'slack-signing-secret-4711',
  REDIS_URL: `redis://lede:${PASSWORD}@127.0.0.1:1`,
};
const SECRETS = [PASSWORD, ...Object.values(ENV).filter((v) => !v.startsWith('redis'))];

const { lines, capture: captureLog } = logCapture();
function capture(): Logger {
  captureLog({ env: ENV });
  return log();
}

function expectNoSecret(): void {
  const text = lines.join('');
  expect(text.length).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
}

describe('log redaction', () => {
  it('replaces secret fields and URL credentials at any depth', () => {
    const logger = capture();
    logger.info({ a: { b: { c: { d: { e: { token: 'plain-token-field', note: `connect to redis://someone:${PASSWORD}@cache:6379/0 failed` } } } } }, list: [[{ signingSecret: 'x' }]] }, 'deep');
    expectNoSecret();
    expect(lines.join('')).not.toContain('plain-token-field');
    expect(lines.join('')).toContain('redis://***@cache:6379/0');
  });

  it('replaces the secret values of the environment in messages, errors, stacks, causes and extra fields', () => {
    const logger = capture();
    const cause = new Error(`handshake with ${ENV.SLACK_APP_TOKEN} refused`);
    const error = Object.assign(new Error(`401 for token ${ENV.DISCORD_TOKEN}`, { cause }), { input: ENV.REDIS_URL, headers: { Authorization: `Bearer ${ENV.SLACK_BOT_TOKEN}` } });
    logger.error({ err: error }, `request signed with ${ENV.SLACK_SIGNING_SECRET} failed`);
    logger.error(error); // pino takes the message from the error
    logger.warn({ context: { attempts: [{ error }] } }, 'nested');
    expectNoSecret();
    expect(lines.join('')).toContain('[secret]');
    expect(lines.join('')).toContain('at '); // the stack is still there, scrubbed
    expect(JSON.parse(lines[0]).err).toMatchObject({ type: 'Error', cause: { type: 'Error' } });
  });

  it('keeps the REDIS_URL password out of the log when Redis refuses the connection', async () => {
    capture();
    // As `npm start` does: the store logs its connection errors, the start-up logs the failure.
    const refused = await openStore({ redisUrl: ENV.REDIS_URL }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    log().error({ err: refused }, 'could not start');
    log().error(refused as Error);
    // A malformed REDIS_URL: Node's URL error carries the whole URL in `input`.
    const malformed = await openStore({ redisUrl: `redis://lede:${PASSWORD}@127.0.0.1:99999` }).catch((e: Error) => e);
    log().error({ err: malformed }, 'could not start');
    expect(lines.some((l) => /redis connection error/.test(l))).toBe(true);
    expectNoSecret();
  });

  it.skipIf(!TEST_REDIS_URL)('keeps the password out when a real Redis refuses it (WRONGPASS)', async () => {
    capture();
    const url = new URL(TEST_REDIS_URL!);
    url.username = 'lede';
    url.password = PASSWORD;
    const refused = await openStore({ redisUrl: url.toString() }).catch((e: Error) => e);
    log().error({ err: refused }, 'could not start');
    expect(lines.join('')).toMatch(/WRONGPASS/);
    expectNoSecret();
  });
});
