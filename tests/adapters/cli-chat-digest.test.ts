// The terminal chat polls its subscriptions while it runs: a /subscribe of a folder, then a new
// file dropped into it, prints the article's digest post between answers; /quit stops cleanly.
// LEDE_TEST_POLL_SECONDS (test-only, see the README's Configuration) makes polls come quickly;
// the test waits on the output, never on a clock.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { scratchFolders } from '../scratch.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lede.mjs');
const articles = join(root, 'tests', 'fixtures', 'articles');
const scratchDir = scratchFolders('lede-chat-digest-');

describe('lede chat with a subscription', () => {
  it('prints the digest post of a file dropped into a subscribed folder, then quits on /quit', async () => {
    const dir = scratchDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(join(articles, 'harbor-fire.txt'), join(inbox, 'harbor-fire.txt'));
    const child = spawn(process.execPath, [bin, 'chat', '--data', join(articles, 'harbor-fire.txt')], {
      cwd: root,
      env: { ...process.env, LEDE_SQLITE: join(dir, 'state.sqlite'), LEDE_TEST_POLL_SECONDS: '0.2', LEDE_DATA: '', REDIS_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onTestFinished(() => void child.kill());
    let stdout = '';
    let stderr = '';
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (b) => {
      stdout += b;
      for (const w of waiters.splice(0)) w();
    });
    child.stderr.on('data', (b) => (stderr += b));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    /** Resolves once stdout matches; fails if the process ends first. */
    const output = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (pattern.test(stdout) ? resolve() : waiters.push(check));
        check();
        void exited.then(() => (pattern.test(stdout) ? resolve() : reject(new Error(`exited before ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`))));
      });

    await output(/1 article loaded/);
    child.stdin.write(`/subscribe ${inbox}\n`);
    await output(/Subscribed terminal to/);
    expect(stdout).toMatch(/1 item already there was marked as seen/);
    copyFileSync(join(articles, 'council-vote.md'), join(inbox, 'council-vote.md'));
    await output(/new article[\s\S]*Council approves new bike lanes on Elm Street/);
    // The chat still answers after a post.
    child.stdin.write('/articles bike\n');
    await output(/Council approves new bike lanes on Elm Street[\s\S]*Council approves new bike lanes on Elm Street/);
    child.stdin.write('/quit\n');
    expect(await exited).toBe(0);
    // Printed once, though the folder was polled many times.
    expect(stdout.match(/── terminal ── new article/g)).toHaveLength(1);
  }, 60_000);
});
