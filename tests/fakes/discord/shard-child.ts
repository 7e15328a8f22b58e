// One shard process for the sharding test: what `lede discord shard` does, with the articles
// and the fake's REST address taken from the environment the test sets.
import { Lede } from '../../../src/core/lede.ts';
import { startDiscord } from '../../../src/adapters/discord/index.ts';

const lede = await Lede.open({ dataPath: process.env.LEDE_DATA, store: { sqlitePath: ':memory:' } });
// discord.js reads the shard ids and count from the environment the ShardingManager set.
const quiet = { info: () => undefined, warn: (m: string) => process.stderr.write(`shard: ${m}\n`), error: (m: string) => process.stderr.write(`shard: ${m}\n`) };
const bot = await startDiscord(lede, { token: process.env.DISCORD_TOKEN ?? '', api: process.env.FAKE_DISCORD_API, log: quiet });

async function stop(): Promise<void> {
  await bot.stop();
  await lede.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
