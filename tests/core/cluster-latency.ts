// Measurement behind the choice in src/core/cluster.ts: how long a new-article notice takes to
// reach another connection through Redis pub/sub and through a stream read with XREAD BLOCK.
// Not a test (no assertions); run by hand:
//   LEDE_TEST_REDIS_URL=redis://127.0.0.1:6399 node --import tsx tests/core/cluster-latency.ts
import { createClient } from 'redis';

const url = process.env.LEDE_TEST_REDIS_URL;
if (!url) throw new Error('set LEDE_TEST_REDIS_URL');
const N = 2000;
const prefix = `lede-latency-${process.pid}:`;
const payload = JSON.stringify({ id: 'x', text: 'word '.repeat(800) });

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(3);
  return `median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${s[s.length - 1].toFixed(3)} ms`;
}

const writer = createClient({ url });
const reader = writer.duplicate();
await writer.connect();
await reader.connect();

// pub/sub
const pubsub: number[] = [];
{
  let resolveOne: (() => void) | null = null;
  await reader.subscribe(`${prefix}chan`, () => resolveOne?.());
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const got = new Promise<void>((r) => (resolveOne = r));
    await writer.publish(`${prefix}chan`, payload);
    await got;
    pubsub.push(performance.now() - t);
  }
  await reader.unsubscribe(`${prefix}chan`);
}

// stream + blocking read
const stream: number[] = [];
{
  const key = `${prefix}stream`;
  let last = '0-0';
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const read = reader.xRead({ key, id: last }, { BLOCK: 2000, COUNT: 10 });
    await writer.xAdd(key, '*', { article: payload });
    const reply = (await read) as Array<{ messages: Array<{ id: string }> }> | null;
    last = reply![0].messages.at(-1)!.id;
    stream.push(performance.now() - t);
  }
  await writer.del(key);
}

console.log(`pub/sub          (${N} notices of ${payload.length} bytes): ${stats(pubsub)}`);
console.log(`stream XREAD BLOCK (${N} entries of ${payload.length} bytes): ${stats(stream)}`);
await writer.close();
await reader.close();
