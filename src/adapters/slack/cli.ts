// `lede slack manifest`: prints the app manifest for a command prefix and transport, so a
// workspace where /ask is taken gets a manifest whose commands match SLACK_COMMAND_PREFIX.
// Also runnable directly: npx tsx src/adapters/slack/cli.ts manifest --prefix lede-
import { fileURLToPath } from 'node:url';
import { manifestYaml, validateCommandPrefix } from './commands.ts';

const USAGE = `lede slack manifest [--prefix PREFIX] [--http REQUEST_URL]

  Prints a Slack app manifest (YAML). Default: Socket Mode, commands without prefix.
  --prefix lede-                          commands become /lede-ask, /lede-articles, ...
  --http https://host.example/slack/events  HTTP mode: Slack sends commands and events there`;

/** Value of `--name value` or `--name=value`; null when absent. */
function flag(argv: string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] ?? '';
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return null;
}

/** `configuredPrefix`: SLACK_COMMAND_PREFIX from the validated configuration, used when --prefix is not given. */
export function slackCli(argv: string[], out: { write(s: string): unknown } = process.stdout, err: { write(s: string): unknown } = process.stderr, configuredPrefix = ''): number {
  if (argv[0] !== 'manifest') {
    err.write(`${USAGE}\n`);
    return argv[0] === undefined || argv[0] === '--help' ? 0 : 2;
  }
  try {
    const prefix = validateCommandPrefix(flag(argv, 'prefix') ?? configuredPrefix);
    const requestUrl = flag(argv, 'http');
    if (requestUrl !== null && !/^https:\/\/\S+$/.test(requestUrl)) throw new Error('--http needs the public https:// URL Slack should call, ending in /slack/events');
    out.write(manifestYaml({ prefix, socketMode: requestUrl === null, requestUrl: requestUrl ?? undefined }));
    return 0;
  } catch (e) {
    err.write(`lede slack: ${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = slackCli(process.argv.slice(2));
}
