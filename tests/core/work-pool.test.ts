import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkFailure, WorkPool, type WorkEvent } from '../../src/core/work/pool.ts';
import { article, longText } from './work-inputs.ts';

const pools: WorkPool[] = [];
function pool(options: ConstructorParameters<typeof WorkPool>[0]): WorkPool {
  const p = new WorkPool(options);
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('the work pool', () => {
  it('turns an error thrown in a thread into a failure with its message, and goes on', async () => {
    const p = pool({ size: 1, inlineBelow: 0 });
    // Not a valid article (the text is a number): extraction throws inside the thread.
    const broken = { ...article('broken', ''), text: 42 as unknown as string };
    const failure = await p.run('extract', { article: broken }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkFailure);
    // The thread's own error message (a TypeError of some kind), not a generic one.
    expect((failure as Error).message).toMatch(/not a function|text|Cannot read/);
    const facts = await p.run('extract', { article: article('fine', 'The mayor resigned on Monday, the council said.') });
    expect(facts.id).toBe('fine');
    expect(facts.sentences).toHaveLength(1);
  });

  it('ends an item that overruns its budget, says why, and replaces the thread', async () => {
    const p = pool({ size: 1, budgetMs: 1000, inlineBelow: 0 });
    const overrun = await p.run('extract', { article: article('long', longText()) }).catch((e: unknown) => e);
    expect(overrun).toBeInstanceOf(WorkFailure);
    expect((overrun as Error).message).toBe('took longer than 1 s to read; skipped');
    const facts = await p.run('extract', { article: article('after', 'Police closed the bridge on Friday.') });
    expect(facts.id).toBe('after');
  });

  it('hands bulk items to a busy thread (it never waits for the calling thread), others only to an idle one', async () => {
    const p = pool({ size: 1, inlineBelow: 0 });
    await p.run('extract', { article: article('warm', 'The model is loaded.') });
    const texts = ['The bridge reopened on Monday.', 'The mayor resigned on Tuesday.', 'The school closed on Friday.'];
    const bulk = texts.map((text, i) => p.run('extract', { article: article(`bulk-${i}`, text) }, { bulk: true }));
    expect(p.handedOut).toBe(3);
    await Promise.all(bulk);
    const single = texts.map((text, i) => p.run('extract', { article: article(`one-${i}`, text) }));
    expect(p.handedOut).toBe(1);
    await Promise.all(single);
    expect(p.handedOut).toBe(0);
  });

  it('a bulk item behind one that overruns is not failed with it: it runs on the new thread, timed from its own start', async () => {
    const p = pool({ size: 1, budgetMs: 1000, inlineBelow: 0 });
    await p.run('extract', { article: article('warm', 'The model is loaded.') });
    const ended: string[] = [];
    p.on('end', (e: WorkEvent) => ended.push(`${e.label}:${e.failure ?? 'ok'}`));
    const long = p.run('extract', { article: article('long', longText()) }, { bulk: true, label: 'long' }).catch((e: Error) => e.message);
    const after = p.run('extract', { article: article('after', 'Police closed the bridge on Friday.') }, { bulk: true, label: 'after' });
    expect(p.handedOut).toBe(2);
    expect(await long).toBe('took longer than 1 s to read; skipped');
    expect((await after).id).toBe('after');
    expect(ended).toEqual(['long:took longer than 1 s to read; skipped', 'after:ok']);
  });

  describe('the event loop while a long item is read', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => res.end('pong'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** Starts a request to the local server when the long item starts; says whether it was answered before the item ended. */
    async function answeredDuringItem(p: WorkPool): Promise<boolean> {
      let itemEnded = false;
      let answeredFirst: Promise<boolean> | null = null;
      p.once('start', () => {
        answeredFirst = new Promise((resolve, reject) => {
          // A fresh connection each time: a kept-alive one may be closed by the server meanwhile.
          get(url, { agent: false }, (res) => {
            res.resume();
            res.on('end', () => resolve(!itemEnded));
          }).on('error', reject);
        });
      });
      p.once('end', (e: WorkEvent) => {
        itemEnded = true;
        expect(e.failure).toBeNull();
      });
      // The size of the hostile feed item that once held /subscribe for 39 s.
      const text = longText(300_000);
      await p.run('extract', { article: article('long', text) }, { size: text.length });
      expect(answeredFirst).not.toBeNull();
      return answeredFirst!;
    }

    it('answers a request in a thread, but not when the item runs in the calling thread', async () => {
      expect(await answeredDuringItem(pool({ size: 1 }))).toBe(true);
      // The old way, for contrast: in the calling thread nothing else runs until the item ends.
      expect(await answeredDuringItem(pool({ inlineBelow: Infinity }))).toBe(false);
    }, 60_000);
  });
});
