// Whether `lede` may run the compiled build (dist/, made by scripts/build.mjs) instead of compiling
// the TypeScript in src/ at start-up. It may only while the build is current: built after the last
// change to anything it was built from. A developer who edits src/main.ts after `npm ci` runs the
// edit through tsx, never the older bundle. Plain JavaScript with no dependencies: it runs before
// anything else is loaded, and costs one stat per source file (about a hundred, a few ms).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm ci` (package.json "prepare") puts the build. */
export const DIST = join(ROOT, 'dist');

/**
 * The bundle's entries, as output name → source. The work pool finds its thread as ./worker.mjs
 * beside the code that starts it (src/core/work/pool.ts), so in the bundle that is dist/worker.mjs,
 * the compiled thread loop; from src/ it is src/core/work/worker.mjs, which registers tsx first.
 */
export const ENTRIES = { main: 'src/main.ts', worker: 'src/core/work/thread.ts' };

/** What a build is made from: a change to any of these, or a file added to or removed from src/, makes it stale. */
export const BUILT_FROM = ['src', 'scripts/build.mjs', 'tsconfig.json', 'package.json'];

/** The latest modification time (ms) under these paths; a folder counts too, as a deletion changes only its folder. */
export function newestChange(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of paths) visit(path);
  return newest;
}

/**
 * The build folder to use, from LEDE_DIST: unset means dist/; "off" means always the sources (to
 * compare the two, or to debug with TypeScript's own line numbers); another value is a folder.
 */
export function buildFolder(env = process.env) {
  const chosen = env.LEDE_DIST?.trim();
  if (!chosen) return DIST;
  if (chosen === 'off') return null;
  return isAbsolute(chosen) ? chosen : resolve(chosen);
}

/** The compiled program's entry file when `folder` holds a build at least as new as its sources under `root`, else null. */
export function currentBuild(folder, root = ROOT) {
  if (!folder) return null;
  const outputs = Object.keys(ENTRIES).map((name) => join(folder, `${name}.mjs`));
  if (!outputs.every((file) => existsSync(file))) return null;
  // The build stamps its outputs with the time it started, so an edit made while it ran counts as newer.
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestChange(BUILT_FROM.map((path) => join(root, path))) <= built ? outputs[0] : null;
}
