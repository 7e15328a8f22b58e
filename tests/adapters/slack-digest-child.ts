// One `digest --once` run of the Slack bot, as a real child process, for the kill -9 trials of
// tests/adapters/slack-digest.test.ts: the real Slack adapter (Bolt, HTTP mode) against the
// test's fake Slack, the real digest outbox on the test's SQLite file. Prints the poll result.
// Environment: LEDE_SQLITE, SLACK_TEST_API_URL, SLACK_TEST_TOKEN (and LEDE_TEST_CRASH_AFTER).
import { startSlack } from '../../src/adapters/slack/index.ts';
import { boltLogger } from '../../src/adapters/slack/log.ts';
import { Lede } from '../../src/core/lede.ts';
import { createLogger } from '../../src/core/log.ts';

const lede = await Lede.open({ store: { sqlitePath: process.env.LEDE_SQLITE! } });
const slack = await startSlack(lede, {
  botToken: process.env.SLACK_TEST_TOKEN!,
  signingSecret: 'child-signing-secret',
  port: 0,
  host: '127.0.0.1',
  slackApiUrl: process.env.SLACK_TEST_API_URL!,
  webApiRetries: 0,
  logger: boltLogger(createLogger({ level: 'error' })),
});
const result = await lede.digests.pollOnce();
process.stdout.write(`${JSON.stringify(result)}\n`);
await slack.stop();
await lede.close();
