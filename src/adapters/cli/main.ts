// The `lede` command line: argument parsing and dispatch to the subcommands.
import { runExtract } from './extract.ts';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  void rest;
  switch (command) {
    case 'extract':
      return runExtract(process.stdin, process.stdout);
    default:
      process.stderr.write(`unknown command: ${command}\n`);
      return 2;
  }
}
