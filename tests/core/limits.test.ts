// Rate limits and the manage gate, as every chat adapter gets them from Lede.run: per user and
// per channel, counted in memory on SQLite and in Redis (shared by instances) when the store is
// Redis. The terminal (no user) is never limited.
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/core/commands.ts';
import { Lede, MANAGE_REFUSAL } from '../../src/core/lede.ts';
import { openStore } from '../../src/core/store.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';
import { scratchFolders } from '../scratch.ts';

const folder = scratchFolders('lede-limits-');
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteKeys(p);
});

const ctx = (user: string | undefined, channel = 'C1', extra: Partial<CommandContext> = {}): CommandContext => ({ platform: 'chat', channel, conversation: `chat:${channel}`, user, ...extra });
const isLimited = (text: string) => /faster than I can answer.*try again in \d+ seconds?/.test(text);

describe('rate limits (memory)', () => {
  it('refuses a user over the per-user limit politely, and says when to try again; others still get answers', async () => {
    const lede = await Lede.open({ store: { sqlitePath: ':memory:' }, rateLimits: { user: { points: 3, seconds: 60 } } });
    try {
      for (let i = 0; i < 3; i++) expect(isLimited((await lede.run('articles', {}, ctx('U1'))).text)).toBe(false);
      const over = await lede.run('articles', {}, ctx('U1'));
      expect(isLimited(over.text)).toBe(true);
      expect(over.text).toMatch(/^You're/);
      expect(over.text).not.toMatch(/@|<!/);
      expect(isLimited((await lede.run('articles', {}, ctx('U2'))).text)).toBe(false);
      // The terminal passes no user: never limited.
      for (let i = 0; i < 5; i++) expect(isLimited((await lede.run('articles', {}, ctx(undefined))).text)).toBe(false);
    } finally {
      await lede.close();
    }
  });

  it('refuses a busy channel over the per-channel limit, whoever asks', async () => {
    const lede = await Lede.open({ store: { sqlitePath: ':memory:' }, rateLimits: { channel: { points: 4, seconds: 60 } } });
    try {
      for (let i = 0; i < 4; i++) expect(isLimited((await lede.run('articles', {}, ctx(`U${i}`))).text)).toBe(false);
      const over = await lede.run('articles', {}, ctx('U9'));
      expect(over.text).toMatch(/^This channel is sending requests faster/);
      expect(isLimited((await lede.run('articles', {}, ctx('U9', 'C2'))).text)).toBe(false);
    } finally {
      await lede.close();
    }
  });

  it('uses the defaults (10 per user) when none are given', async () => {
    const lede = await Lede.open({ store: { sqlitePath: ':memory:' } });
    try {
      const texts: string[] = [];
      for (let i = 0; i < 11; i++) texts.push((await lede.run('articles', {}, ctx('U1'))).text);
      expect(texts.map(isLimited)).toEqual([...Array(10).fill(false), true]);
    } finally {
      await lede.close();
    }
  });
});

describe.skipIf(!TEST_REDIS_URL)('rate limits (Redis, shared by instances)', () => {
  it('counts a user across two instances on one Redis', async () => {
    const prefix = testPrefix('limits');
    prefixes.push(prefix);
    const open = async () => Lede.open({ openedStore: await openStore({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix }), rateLimits: { user: { points: 3, seconds: 60 } } });
    const [a, b] = [await open(), await open()];
    try {
      expect(isLimited((await a.run('articles', {}, ctx('U1'))).text)).toBe(false);
      expect(isLimited((await b.run('articles', {}, ctx('U1'))).text)).toBe(false);
      expect(isLimited((await a.run('articles', {}, ctx('U1'))).text)).toBe(false);
      expect(isLimited((await b.run('articles', {}, ctx('U1'))).text)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('manage commands', () => {
  it('/subscribe and /unsubscribe run only for someone who may manage the channel; listing stays open', async () => {
    const source = folder();
    const lede = await Lede.open({ store: { sqlitePath: ':memory:' }, digest: { folderRoots: [source] } });
    try {
      const member = ctx('U1', 'C1', { mayManage: async () => false });
      const manager = ctx('U2', 'C1', { mayManage: async () => true });
      const refused = await lede.run('subscribe', { source }, member);
      expect(refused.text).toBe(MANAGE_REFUSAL);
      expect((await lede.run('subscriptions', {}, member)).text).not.toContain(source);
      expect((await lede.run('subscribe', { source }, manager)).kind).toBe('info');
      expect((await lede.run('unsubscribe', {}, member)).text).toBe(MANAGE_REFUSAL);
      expect(JSON.stringify(await lede.run('subscriptions', {}, member))).toContain(source);
      expect((await lede.run('unsubscribe', {}, manager)).text).not.toBe(MANAGE_REFUSAL);
      // The terminal sets no gate: it is the operator.
      expect((await lede.run('subscribe', { source }, ctx(undefined))).kind).toBe('info');
    } finally {
      await lede.close();
    }
  });
});
