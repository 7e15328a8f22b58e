#!/usr/bin/env node
// The `lede` command. It runs the compiled build in dist/ when that is current (see compiled.mjs):
// compiling the TypeScript at every start took about a second of a one-off `lede ask`. Otherwise
// (no build, an edited source, LEDE_DIST=off) it runs the sources through tsx, as before.
import { pathToFileURL } from 'node:url';
import { buildFolder, currentBuild } from './compiled.mjs';

const compiled = currentBuild(buildFolder());
let main;
if (compiled) {
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
