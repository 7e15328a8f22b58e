// One Lede instance for the multi-instance tests, run as a real child process:
//   node --import tsx tests/core/cluster-worker.ts serve    JSONL on stdin: {"add": file} | {"ask": question}
//   node --import tsx tests/core/cluster-worker.ts digest   polls subscriptions, posts to a Redis "channel"
// Environment: LEDE_TEST_REDIS_URL, CLUSTER_PREFIX (the test's key prefix), CLUSTER_NAME.
// The digest poster appends each post to a Redis list in one MULTI (like a message landing in a
// channel) and can tell whether a post id is already there, as a real platform poster can.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient } from 'redis';
import type { DigestPoster } from '../../src/core/digest.ts';
import { Lede } from '../../src/core/lede.ts';
import { readArticleBytes } from '../../src/knowledge/ingest/index.ts';

const mode = process.argv[2];
const url = process.env.LEDE_TEST_REDIS_URL!;
const prefix = process.env.CLUSTER_PREFIX!;
const name = process.env.CLUSTER_NAME ?? `pid${process.pid}`;

function say(event: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ instance: name, ...event }) + '\n');
}

const lede = await Lede.open({
  store: { redisUrl: url, keyPrefix: prefix, leaseMs: Number(process.env.LEDE_LEASE_MS) || undefined },
  digest: { pollSeconds: 0.3, jitter: 0, tickSeconds: 0.1, folderRoots: ['/'] },
});

if (mode === 'serve') {
  say({ ready: true, articles: lede.library.size, stats: lede.library.stats });
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const req = JSON.parse(line) as { add?: string; ask?: string; id?: number };
    if (req.add) {
      const { articles } = readArticleBytes(readFileSync(req.add), basename(req.add), req.add);
      for (const a of articles) await lede.addArticle(a);
      say({ id: req.id, added: articles.map((a) => a.id) });
    } else if (req.ask) {
      say({ id: req.id, answer: await lede.answer(req.ask, `worker-${req.id}`), articles: lede.library.size });
    }
  }
  await lede.close();
} else if (mode === 'digest') {
  const sink = createClient({ url });
  await sink.connect();
  const poster: DigestPoster = {
    async post(channel, message, meta) {
      await sink.multi().rPush(`${prefix}sink`, JSON.stringify({ instance: name, channel, postId: meta?.postId, title: message.title ?? null, at: Date.now() })).sAdd(`${prefix}sink-ids`, meta!.postId).exec();
      say({ posted: meta?.postId });
    },
    async hasPosted(_channel, postId) {
      return (await sink.sIsMember(`${prefix}sink-ids`, postId)) === 1;
    },
  };
  lede.registerPoster('sink', poster);
  lede.digests.start();
  say({ ready: true });
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  // Graceful: the post in flight is finished, no new one is started.
  await lede.close();
  await sink.close();
  say({ stopped: true });
} else {
  throw new Error(`unknown mode ${mode}`);
}
