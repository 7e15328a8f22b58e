// Sorted postings as bytes: each ref is the gap from the one before, in 7-bit groups (low
// first, high bit = more follows). Gaps are small (sentences of one article, neighbouring
// articles), so most refs take one or two bytes: [4096, 4097, 8192] → 80 20 01 80 20.
// Arithmetic, not bit operations: refs pass 2^32 past a million articles.

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
  return readRefs(bytes, 0, bytes.length, into, at, 0).at;
}

/**
 * The one varint reader: decodes refs from byte `from` (the gap after ref `previous`) until byte
 * `to` or until `into` is full; returns the byte and the position where it stopped.
 */
export function readRefs(bytes: Uint8Array, from: number, to: number, into: Float64Array, at: number, previous: number): { byte: number; at: number } {
  let i = from;
  const full = into.length;
  while (i < to && at < full) {
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
  return { byte: i, at };
}

/**
 * Skip data for a long encoded list: the first ref of each block of `every` refs and the byte
 * offset of its varint, so a reader decodes one block of the list instead of all of it.
 * E.g. [4096, 4097, 8192] (bytes 80 20 01 80 20) in blocks of 2: firsts [4096, 8192], offsets [0, 3].
 */
export interface Skips {
  firsts: ArrayLike<number>;
  offsets: ArrayLike<number>;
}

/** The skip data of encoded refs, found by walking them once (a write does; so does a reader lacking it). */
export function skipsOf(bytes: Uint8Array, every: number): Skips {
  const firsts: number[] = [];
  const offsets: number[] = [];
  const block = new Float64Array(every);
  let previous = 0;
  for (let byte = 0; byte < bytes.length; ) {
    const read = readRefs(bytes, byte, bytes.length, block, 0, previous);
    firsts.push(block[0]);
    offsets.push(byte);
    previous = block[read.at - 1];
    byte = read.byte;
  }
  return { firsts, offsets };
}

/** Skip data as bytes: the block count, then the firsts, then the offsets, each as encodeRefs writes a list. */
export function encodeSkips(skips: Skips): Buffer {
  return Buffer.concat([encodeRefs([skips.firsts.length]), encodeRefs(skips.firsts), encodeRefs(skips.offsets)]);
}

export function decodeSkips(bytes: Uint8Array): { firsts: Float64Array; offsets: Float64Array } {
  const count = new Float64Array(1);
  const head = readRefs(bytes, 0, bytes.length, count, 0, 0);
  const firsts = new Float64Array(count[0]);
  const offsets = new Float64Array(count[0]);
  const middle = readRefs(bytes, head.byte, bytes.length, firsts, 0, 0);
  readRefs(bytes, middle.byte, bytes.length, offsets, 0, 0);
  return { firsts, offsets };
}
