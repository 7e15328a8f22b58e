// Sorted postings as bytes: each ref is the gap from the one before, in 7-bit groups (low
// first, high bit = more follows). Gaps are small (sentences of one article, neighbouring
// articles), so most refs take one or two bytes: [4096, 4097, 8192] → 80 20 01 80 20.
// Arithmetic, not bit operations: refs pass 2^32 past a million articles. And an article's
// stored document, made in one place whichever thread makes it.
import { deflateRawSync } from 'node:zlib';
import type { Article, ArticleFacts } from '../../knowledge/facts.ts';

export function encodeRefs(refs: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(refs.length * 6 + 8);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < refs.length; i++) {
    let gap = refs[i] - previous;
    previous = refs[i];
    while (gap >= 128) {
      out[at++] = (gap % 128) | 128;
      gap = Math.floor(gap / 128);
    }
    out[at++] = gap;
  }
  return out.subarray(0, at);
}

/** Appends the refs held by `bytes` to `into` from position `at`; returns the position after them. */
export function decodeRefs(bytes: Uint8Array, into: Float64Array, at: number): number {
  let previous = 0;
  for (let i = 0; i < bytes.length; ) {
    let gap = 0;
    let scale = 1;
    let b: number;
    do {
      b = bytes[i++];
      gap += (b & 127) * scale;
      scale *= 128;
    } while (b & 128);
    previous += gap;
    into[at++] = previous;
  }
  return at;
}

/** An article's stored document: the JSON {article, facts}, deflated (raw). Work threads make it off the main thread. */
export function encodeDoc(article: Article, facts: ArticleFacts): Buffer {
  return deflateRawSync(JSON.stringify({ article, facts }));
}
