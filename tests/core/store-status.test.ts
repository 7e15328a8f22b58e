// Operations: `lede status` (articles, cache hits and parses, subscriptions with their last error,
// backend) and logs that never carry a secret.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runStatus } from '../../src/commands/status.ts';
import { loadConfig } from '../../src/core/config.ts';
import { DigestState } from '../../src/core/digest/state.ts';
import { Lede } from '../../src/core/lede.ts';
import { createLogger, safeUrl } from '../../src/core/log.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';

const ARTICLES = join(import.meta.dirname, '..', 'fixtures', 'articles');
const dir = mkdtempSync(join(tmpdir(), 'lede-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collector(): Writable & { text(): string } {
  let text = '';
  const w = new Writable({
    write(chunk, _enc, done) {
      text += chunk;
      done();
    },
  }) as Writable & { text(): string };
  w.text = () => text;
  return w;
}

describe('lede status', () => {
  it('shows articles, cache hits and parses, and a failing subscription with its error', async () => {
    const config = loadConfig({ LEDE_DATA: ARTICLES, LEDE_SQLITE: join(dir, 'state.sqlite') });
    const folder = join(dir, 'desk');
    mkdirSync(folder);
    const lede = await Lede.open({ store: { sqlitePath: config.sqlitePath } });
    const ctx = { platform: 'cli', channel: 'desk', conversation: 'cli:desk' };
    expect((await lede.run('subscribe', { source: folder }, ctx)).kind).toBe('info');
    // The state a failing feed leaves (the digest tests cover how polls record it).
    const state = new DigestState(lede.store);
    const [sub] = await state.subscriptions();
    await state.updateStatus(sub.id, { failures: 2, lastError: 'HTTP 503 from the source', lastErrorAt: new Date().toISOString() });
    await lede.close();

    const cold = collector();
    expect(await runStatus(config, cold)).toBe(0);
    expect(cold.text()).toMatch(/backend: +sqlite/);
    expect(cold.text()).toMatch(/articles: +2 \(2 from /);
    expect(cold.text()).toMatch(/facts cache: +0 hits, 2 parsed/);
    expect(cold.text()).toMatch(/subscriptions: 1 \(1 failing\)/);
    expect(cold.text()).toMatch(/cli\/desk +folder .*desk\n +FAILING \(2 in a row, since just now\): HTTP 503 from the source/);

    // The archive holds them now: a second look reads nothing (the files are unchanged since).
    const warm = collector();
    expect(await runStatus(config, warm)).toBe(0);
    expect(warm.text()).toMatch(/articles: +2 /);
    expect(warm.text()).toMatch(/facts cache: +0 hits, 0 parsed/);
  });

  it.skipIf(!TEST_REDIS_URL)('on Redis, names the backend and counts articles other instances added', async () => {
    const prefix = testPrefix('status');
    try {
      const config = loadConfig({ LEDE_DATA: ARTICLES, REDIS_URL: TEST_REDIS_URL! });
      const other = await Lede.open({ store: { redisUrl: TEST_REDIS_URL, keyPrefix: prefix } });
      await other.addArticle({ id: 'shared-one', title: 'Shared', published: '2026-01-02', url: null, author: null, outlet: null, text: 'The pier reopened on Tuesday, the harbour master said.' });
      await other.close();
      const out = collector();
      expect(await runStatus(config, out, { keyPrefix: prefix })).toBe(0);
      expect(out.text()).toMatch(/backend: +redis \(redis:\/\/127\.0\.0\.1:\d+\), instances share articles/);
      expect(out.text()).toMatch(/articles: +3 \(2 from .*, 1 added by instances\)/);
      expect(out.text()).toMatch(/facts cache: +1 hit, 2 parsed/);
    } finally {
      await deleteKeys(prefix);
    }
  });
});

describe('logs', () => {
  it('redact secrets and passwords in URLs', () => {
    const out = collector();
    const logger = createLogger({ level: 'debug', destination: out });
    logger.info({ token: 'discord-token-value', slack: { botToken: 'xoxb-secret-value' }, redisUrl: 'redis://u:pw-value@h:1' }, 'starting');
    logger.debug('details');
    logger.child({ component: 'digest' }).warn({ err: 'boom' }, 'poll failed');
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.level)).toEqual([30, 20, 40]);
    expect(lines[2]).toMatchObject({ component: 'digest', err: 'boom', msg: 'poll failed' });
    expect(out.text()).not.toMatch(/discord-token-value|xoxb-secret-value|pw-value/);
    expect(safeUrl('redis://user:hunter2@redis.example:6379/2')).toBe('redis://***:***@redis.example:6379/2');
    expect(safeUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('leave out levels below the one configured', () => {
    const out = collector();
    const logger = createLogger({ level: 'warn', destination: out });
    logger.info('hidden');
    logger.error('shown');
    expect(out.text()).not.toMatch(/hidden/);
    expect(out.text()).toMatch(/shown/);
  });
});
