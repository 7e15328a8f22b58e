// Inputs for the crash-isolation tests: a long but legitimate article (our own fixtures run
// together, almost 1,000,000 characters: seconds of extraction) and a marker that makes
// extraction throw (LEDE_TEST_EXTRACT_FAULT, read in src/core/work/tasks.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Article } from '../../src/knowledge/facts.ts';

const answers = join(import.meta.dirname, '..', 'fixtures', 'answers');

/** The marker the tests put in LEDE_TEST_EXTRACT_FAULT and in the text of the article that must throw. */
export const FAULT_MARKER = 'ZZ-TEST-FAULT-ZZ';

/** A long article body: every answers fixture (without its dateline), repeated to nearly `chars` characters. */
export function longText(chars = 990_000): string {
  const all = readdirSync(answers)
    .sort()
    .map((f) => readFileSync(join(answers, f), 'utf8').split('\n').slice(1).join('\n'))
    .join('\n\n');
  let text = '';
  while (text.length + all.length < chars) text += all + '\n\n';
  return text;
}

export function article(id: string, text: string): Article {
  return { id, title: null, published: '2025-03-01', url: null, author: null, outlet: null, text };
}

/** Sets LEDE_TEST_EXTRACT_FAULT for this test file (threads started meanwhile inherit it); call at a file's top level. */
export function withFaultMarker(): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.LEDE_TEST_EXTRACT_FAULT;
    process.env.LEDE_TEST_EXTRACT_FAULT = FAULT_MARKER;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LEDE_TEST_EXTRACT_FAULT;
    else process.env.LEDE_TEST_EXTRACT_FAULT = saved;
  });
}
