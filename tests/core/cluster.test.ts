// Several Lede instances on one real Redis, each a real child process (tests/core/cluster-worker.ts):
// an article added through one is answered by the others (and by one started later, from the
// shared facts cache without parsing), and 200 digest items are posted exactly once across two
// instances while one of them is SIGKILLed mid-run and the other takes over its work.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';
import { deleteKeys, testPrefix, TEST_REDIS_URL } from './cluster-redis.ts';

const WORKER = join(import.meta.dirname, 'cluster-worker.ts');
const dir = mkdtempSync(join(tmpdir(), 'lede-cluster-'));
const prefixes: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  for (const p of prefixes) await deleteKeys(p);
});

interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout event matching the test. */
  next(test: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  send(request: Record<string, unknown>): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

function startWorker(mode: 'serve' | 'digest', name: string, prefix: string, env: NodeJS.ProcessEnv = {}): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, mode], {
    env: { ...process.env, ...env, CLUSTER_PREFIX: prefix, CLUSTER_NAME: name, LEDE_TEST_REDIS_URL: TEST_REDIS_URL!, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const events: Array<Record<string, unknown>> = [];
  const waiters: Array<{ test: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const e = JSON.parse(line) as Record<string, unknown>;
    const i = waiters.findIndex((w) => w.test(e));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(e);
    else events.push(e);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    stderr: () => err,
    send: (request) => child.stdin.write(JSON.stringify(request) + '\n'),
    next(test) {
      const i = events.findIndex(test);
      if (i >= 0) return Promise.resolve(events.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`worker ${name} exited (${code ?? signal}): ${err.slice(-2000)}`)));
      });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!TEST_REDIS_URL)('several instances on one Redis', () => {
  it('an article added through one instance is answered by the others', { timeout: 120_000 }, async () => {
    const prefix = testPrefix('cluster-ask');
    prefixes.push(prefix);
    const file = join(dir, 'ferry.md');
    writeFileSync(
      file,
      [
        '---',
        'title: Island ferry adds a night crossing',
        'date: 2026-04-02',
        'outlet: Harbour Gazette',
        '---',
        '',
        'The Kestrel Island ferry will add a night crossing from May 1, the operator said on Wednesday.',
        '',
        'The new crossing leaves the mainland pier at 11:30 p.m. and carries up to 240 passengers.',
        '',
        '"People working late shifts asked us for this for years," operations manager Lena Fisk said.',
      ].join('\n'),
    );
    const a = startWorker('serve', 'a', prefix);
    const b = startWorker('serve', 'b', prefix);
    await Promise.all([a.next((e) => e.ready === true), b.next((e) => e.ready === true)]);

    let id = 0;
    const ask = async (w: Worker, question: string) => {
      const n = ++id;
      w.send({ id: n, ask: question });
      return (await w.next((e) => e.id === n)) as { answer: { answer: string | null; citations: Array<{ articleId: string }> }; articles: number; stats: unknown };
    };
    const question = 'How many passengers does the night crossing carry?';
    expect((await ask(b, question)).answer.answer).toBeNull();

    a.send({ id: 0, add: file });
    const added = await a.next((e) => Array.isArray(e.added));
    const articleId = (added.added as string[])[0];

    // B learns of it through the stream; ask until it has (no fixed wait, no timing asserted).
    let got = await ask(b, question);
    for (let i = 0; i < 200 && !got.answer.citations.some((c) => c.articleId === articleId); i++) {
      await sleep(25);
      got = await ask(b, question);
    }
    expect(got.answer.citations[0]?.articleId).toBe(articleId);
    expect(got.answer.answer).toMatch(/240/);

    // An instance started later has it at once, with facts from the shared cache (no parse).
    const c = startWorker('serve', 'c', prefix);
    const ready = await c.next((e) => e.ready === true);
    expect(ready.articles).toBe(1);
    expect(ready.stats).toEqual({ parsed: 0, cached: 1 });
    const fromC = await ask(c, 'Who is Lena Fisk?');
    expect(fromC.answer.answer).toMatch(/operations manager/);

    for (const w of [a, b, c]) w.child.stdin.end();
    for (const w of [a, b, c]) expect((await w.exited).code, w.stderr()).toBe(0);
  });

  it('posts 200 digest items exactly once across two instances, one SIGKILLed mid-run', { timeout: 120_000 }, async () => {
    const prefix = testPrefix('cluster-digest');
    prefixes.push(prefix);
    const FOLDERS = 4;
    const PER_FOLDER = 50;
    const digest = { pollSeconds: 0.3, jitter: 0, tickSeconds: 0.1, folderRoots: [dir] };

    // Four subscribed folders (four channels), empty when subscribed, then 50 new articles each.
    const setup = await Lede.open({ store: { redisUrl: TEST_REDIS_URL, keyPrefix: prefix }, digest });
    for (let f = 0; f < FOLDERS; f++) {
      const folder = join(dir, `desk-${f}`);
      mkdirSync(folder, { recursive: true });
      const r = await setup.run('subscribe', { source: folder }, { platform: 'sink', channel: `ch${f}`, conversation: `sink:ch${f}` });
      expect(r.kind).toBe('info');
    }
    await setup.close();
    for (let f = 0; f < FOLDERS; f++) {
      for (let i = 0; i < PER_FOLDER; i++) {
        const n = f * PER_FOLDER + i;
        writeFileSync(
          join(dir, `desk-${f}`, `item-${i}.md`),
          `---\ntitle: Council item ${n} approved\ndate: 2026-05-${String(1 + (i % 28)).padStart(2, '0')}\n---\n\n` +
            `The town council approved item ${n} on Monday after a short debate, the clerk said.\n\nThe measure passed ${5 + (n % 3)} votes to 2.`,
        );
      }
    }

    const redis = createClient({ url: TEST_REDIS_URL! });
    await redis.connect();
    try {
      const env = { LEDE_LEASE_MS: '1500' };
      const a = startWorker('digest', 'a', prefix, env);
      const b = startWorker('digest', 'b', prefix, env);
      await Promise.all([a.next((e) => e.ready === true), b.next((e) => e.ready === true)]);

      const posts = async () => (await redis.lRange(`${prefix}sink`, 0, -1)).map((s) => JSON.parse(s) as { instance: string; postId: string; channel: string });
      // Kill A once it has posted a share of the items, while items are still left.
      let byA = 0;
      for (let i = 0; i < 2000 && byA < 20; i++) {
        await sleep(20);
        byA = (await posts()).filter((p) => p.instance === 'a').length;
      }
      a.child.kill('SIGKILL');
      const killed = await a.exited;
      expect(killed.signal).toBe('SIGKILL');
      const atKill = await posts();

      // B takes over A's subscriptions once A's leases expire, and finishes the rest.
      for (let i = 0; i < 3000 && (await redis.sCard(`${prefix}sink-ids`)) < FOLDERS * PER_FOLDER; i++) await sleep(20);
      b.child.kill('SIGTERM');
      const stopped = await b.exited;
      expect(stopped.code, b.stderr()).toBe(0);

      const all = await posts();
      const perPost = new Map<string, number>();
      for (const p of all) perPost.set(p.postId, (perPost.get(p.postId) ?? 0) + 1);
      const duplicated = [...perPost.values()].filter((n) => n > 1).length;
      const byInstance = { a: all.filter((p) => p.instance === 'a').length, b: all.filter((p) => p.instance === 'b').length };
      const perChannel = Object.fromEntries([...Array(FOLDERS).keys()].map((f) => [`ch${f}`, all.filter((p) => p.channel === `ch${f}`).length]));
      console.log(
        `two instances, one Redis: ${all.length} posts, ${perPost.size} distinct of ${FOLDERS * PER_FOLDER} items, ${duplicated} duplicated; ` +
          `A posted ${byInstance.a} (SIGKILLed with ${atKill.length} of ${FOLDERS * PER_FOLDER} posted), B posted ${byInstance.b}; per channel ${JSON.stringify(perChannel)}`,
      );
      expect(atKill.length).toBeLessThan(FOLDERS * PER_FOLDER);
      expect(perPost.size).toBe(FOLDERS * PER_FOLDER);
      expect(duplicated).toBe(0);
      expect(all.length).toBe(FOLDERS * PER_FOLDER);
      expect(byInstance.a).toBeGreaterThan(0);
      expect(byInstance.b).toBeGreaterThan(0);
      for (const f of Object.keys(perChannel)) expect(perChannel[f]).toBe(PER_FOLDER);
    } finally {
      await redis.close();
    }
  });
});
