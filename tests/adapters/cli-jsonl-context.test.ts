// `lede ask --jsonl`: a line without a conversation starts with no context, even on a store that
// an earlier run used (its line 1 must not read the context that run's line 1 left).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolders } from '../scratch.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'lede.mjs');
const articles = join(import.meta.dirname, '..', 'fixtures', 'articles');
const scratch = scratchFolders('lede-jsonl-context-');

function askJsonl(lines: object[], sqlite: string): Array<{ id: string; answer: string | null }> {
  const r = spawnSync(process.execPath, [bin, 'ask', '--jsonl', '--data', articles], {
    input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, LEDE_SQLITE: sqlite },
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

describe('ask --jsonl context', () => {
  it('keeps a conversation within its lines, and leaves no context to a later run', () => {
    const sqlite = join(scratch(), 'state.sqlite');
    const first = askJsonl(
      [
        { id: 'alone', question: 'Who is Helen Sato?' },
        { id: 'who', question: 'Who is Helen Sato?', conversation: 'c' },
        { id: 'she', question: 'What did she say?', conversation: 'c' },
      ],
      sqlite,
    );
    expect(first.find((a) => a.id === 'she')?.answer).toMatch(/heavy blow/);
    // A later run on the same store: its first line has no conversation, so it knows no "she"
    // (the earlier run's first line, also without one, was about Helen Sato).
    const later = askJsonl([{ id: 'later', question: 'What did she say?' }], sqlite);
    expect(later[0].answer ?? '').not.toMatch(/heavy blow/);
  });
});
