// The compiled build: esbuild bundles src/ into dist/ (gitignored) so `lede` starts without
// compiling TypeScript; `npm ci` runs it as package.json's "prepare", `npm run build` by hand.
// Packages stay external (loaded from node_modules as before), and the code is split at dynamic
// imports, so discord.js and Bolt load only when their adapter starts. bin/compiled.mjs says when
// the build may be used: only while no source is newer.
//   node scripts/build.mjs [FOLDER]      (default dist/)
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, ENTRIES, ROOT } from '../bin/compiled.mjs';

/**
 * The facts cache is keyed by a fingerprint of the extractor's .ts files, which a bundle has no
 * longer beside it: the build computes it from the sources it bundles and writes it in
 * (src/knowledge/extract.ts reads LEDE_EXTRACTOR_VERSION), so both ways share one cache.
 */
async function extractorVersion() {
  const { tsImport } = await import('tsx/esm/api');
  const { extractorVersion } = await tsImport('../src/knowledge/extract.ts', import.meta.url);
  return extractorVersion();
}

/**
 * Packages are loaded from node_modules at run time as before, except zod: its 95 small ES
 * modules cost the loader more than their code (about 45 ms of a one-off `lede ask`), and it
 * has no native parts or files of its own to find, so it is bundled in.
 */
const BUNDLED = new Set(['zod']);

function external() {
  const { dependencies, devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.keys({ ...dependencies, ...devDependencies }).filter((name) => !BUNDLED.has(name));
}

/** Builds into `folder` (default dist/), replacing what was there only once the new build is whole. */
export async function build(folder = DIST) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // Installed without dev dependencies: lede still runs, from the sources through tsx.
    process.stderr.write('lede build: esbuild is not installed; lede will run from src/ through tsx\n');
    return null;
  }
  const started = new Date();
  const staging = `${folder}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: external(),
    sourcemap: 'linked',
    define: { LEDE_EXTRACTOR_VERSION: JSON.stringify(await extractorVersion()) },
    logLevel: 'warning',
  });
  // Stamped with the start time: a source saved while esbuild ran is newer, so the build is stale.
  for (const name of readdirSync(staging)) utimesSync(join(staging, name), started, started);
  const old = `${folder}.old-${process.pid}`;
  if (existsSync(folder)) renameSync(folder, old);
  renameSync(staging, folder);
  rmSync(old, { recursive: true, force: true });
  return folder;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'build.mjs')) {
  const folder = await build(process.argv[2] ? resolve(process.argv[2]) : DIST);
  if (folder) process.stderr.write(`lede build: ${folder}\n`);
}
