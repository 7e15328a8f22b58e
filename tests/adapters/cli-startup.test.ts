// What `lede` loads to answer a question, and that the compiled build (scripts/build.mjs, used by
// bin/lede.mjs while current) answers exactly as the TypeScript sources do. Which files a run
// loaded comes from Node's own module trace (NODE_DEBUG=esm,module prints every file it loads).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const articles = join(root, 'tests', 'fixtures', 'articles');
const styles = join(root, 'tests', 'fixtures', 'house-styles');
const scratchDir = scratchFolders('lede-startup-');
/** Spawned runs start Node (and tsx) afresh on a shared 2-core machine: generous, never a measurement. */
const SLOW = 180_000;

function lede(args: string[], env: Record<string, string>, input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: SLOW, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TRACE = { NODE_DEBUG: 'esm,module' };

/** Whether a traced run loaded anything from this package. */
function loadedPackage(stderr: string, name: string): boolean {
  return stderr.includes(`node_modules/${name}/`);
}

describe('what answering one question loads', () => {
  it('from cached facts over text and Markdown: no chat platform, language model, HTML or XML reader, rate limiter, gazetteer or logger', () => {
    const env = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite'), LEDE_DIST: 'off' };
    const ask = ['ask', 'What did Natarajan say?', '--data', articles];
    // The first run parses the articles, so it does load the model: the trace would show it.
    const first = lede(ask, { ...env, ...TRACE });
    expect(first.code).toBe(0);
    expect(loadedPackage(first.stderr, 'wink-eng-lite-web-model')).toBe(true);

    const cached = lede(ask, { ...env, ...TRACE });
    expect(cached.code).toBe(0);
    expect(cached.stdout).toBe(first.stdout);
    expect(cached.stdout).toMatch(/Natarajan/);
    for (const name of ['discord.js', '@slack/bolt', 'wink-nlp', 'wink-eng-lite-web-model', 'linkedom', '@mozilla/readability', 'fast-xml-parser', 'rate-limiter-flexible', 'pino', 'countries-list']) {
      expect(loadedPackage(cached.stderr, name), name).toBe(false);
    }
  }, SLOW);
});

describe('the compiled build', () => {
  let dist: string;
  beforeAll(() => {
    // Inside the package (in the gitignored .lede/), so the bundle finds node_modules as dist/ does.
    mkdirSync(join(root, '.lede'), { recursive: true });
    dist = mkdtempSync(join(root, '.lede', 'test-dist-'));
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), dist], { encoding: 'utf8', timeout: SLOW });
    expect(built.stderr).toContain(dist);
    expect(built.status).toBe(0);
  }, SLOW);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('holds the program and the work thread, with discord.js and Bolt only in chunks loaded on demand', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.mjs'));
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'worker.mjs']));
    const main = readFileSync(join(dist, 'main.mjs'), 'utf8');
    expect(main).not.toMatch(/from "discord\.js"|from "@slack\/bolt"/);
    expect(files.some((f) => /from "discord\.js"/.test(readFileSync(join(dist, f), 'utf8')))).toBe(true);
  });

  it('answers, extracts and reports its extractor version exactly as the sources do', () => {
    const questions = [
      { id: 'a', question: 'Who is Rosa Delgado?', conversation: 'one' },
      { id: 'b', question: 'What did she say?', conversation: 'one' },
      { id: 'c', question: 'When will the rail workers strike?' },
      { id: 'd', question: 'Where did the floodwaters cut the highway?' },
      { id: 'e', question: 'When did the warehouse fire happen?' },
      { id: 'f', question: 'What was the officer’s name?' },
      { id: 'g', question: 'summary of the post office raid' },
    ].map((q) => JSON.stringify(q)).join('\n');
    const batch = readdirSync(styles)
      .map((f) => JSON.stringify({ id: f, text: readFileSync(join(styles, f), 'utf8') }))
      .join('\n');

    const runs = Object.fromEntries(
      (['off', dist] as const).map((which) => {
        const env = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite'), LEDE_DIST: which, ...TRACE };
        const data = ['--data', articles, '--data', styles];
        return [which === 'off' ? 'sources' : 'compiled', {
          ask: lede(['ask', '--jsonl', ...data], env, questions),
          // `lede extract` runs every line in a work thread: the compiled one is dist/worker.mjs.
          extract: lede(['extract'], env, batch),
          status: lede(['status', ...data], env),
        }];
      }),
    );
    const { sources, compiled } = runs;
    for (const run of [sources, compiled]) for (const r of Object.values(run)) expect(r.code, r.stderr.slice(-2000)).toBe(0);

    // Each ran what it says: the bundle (program and thread) without tsx, or the sources.
    for (const r of Object.values(compiled)) {
      expect(r.stderr).toContain(`${dist}/main.mjs`);
      expect(r.stderr).not.toContain('src/main.ts');
      expect(loadedPackage(r.stderr, 'tsx')).toBe(false);
    }
    expect(compiled.extract.stderr).toContain(`${dist}/worker.mjs`);
    for (const r of Object.values(sources)) expect(r.stderr).toContain('src/main.ts');

    expect(compiled.ask.stdout.split('\n').filter(Boolean)).toHaveLength(7);
    expect(compiled.ask.stdout).toBe(sources.ask.stdout);
    expect(compiled.extract.stdout.split('\n').filter(Boolean)).toHaveLength(readdirSync(styles).length);
    expect(compiled.extract.stdout).toBe(sources.extract.stdout);
    // One facts cache for both: the bundle carries the version its sources have.
    const version = (s: string) => /extractor ([\w.]+)/.exec(s)?.[1];
    expect(version(compiled.status.stdout)).toBeDefined();
    expect(version(compiled.status.stdout)).toBe(version(sources.status.stdout));
  }, 4 * SLOW);

  it('is not used once older than a source: the sources run instead', () => {
    const env = { LEDE_SQLITE: join(scratchDir(), 'state.sqlite'), LEDE_DIST: dist, ...TRACE };
    const ask = ['ask', 'When did the warehouse fire happen?', '--data', articles];
    const fresh = lede(ask, env);
    expect(fresh.stderr).toContain(`${dist}/main.mjs`);
    // As if built long ago: every file under src/ is newer now.
    const longAgo = new Date('2001-01-01T00:00:00Z');
    for (const name of readdirSync(dist)) utimesSync(join(dist, name), longAgo, longAgo);
    const stale = lede(ask, env);
    expect(stale.code).toBe(0);
    expect(stale.stderr).not.toContain(`${dist}/main.mjs`);
    expect(stale.stderr).toContain('src/main.ts');
    expect(stale.stdout).toBe(fresh.stdout);
  }, 2 * SLOW);
});
