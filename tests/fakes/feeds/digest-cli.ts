// `lede <subscribe|unsubscribe|subscriptions|digest> …` for the kill/restart tests: the same
// code path as bin/lede.mjs (config from the environment, the CLI's digest command), run as a
// real child process so it can be SIGKILLed.
import { runDigestCommand } from '../../../src/adapters/cli/digest.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { parseArgs } from '../../../src/adapters/cli/main.ts';

const [command, ...rest] = process.argv.slice(2);
const { positional, flags } = parseArgs(rest);
process.exitCode = await runDigestCommand(command, positional, flags, loadConfig());
