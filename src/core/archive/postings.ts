// The two shapes of a term's postings (see Postings in types.ts): refs already decoded (short
// lists; the memory and Postgres archives), and encoded segments with skip data, probed a block
// at a time (SQLite's long lists: "million" holds a million refs at 1M articles, and ranking
// asks of it only whether it holds a few thousand candidates).
import { decodeRefs, readRefs } from './codec.ts';
import { SLOTS, type Postings } from './types.ts';

/** Binary search in sorted refs from `from` to `length`: the position of the first ref ≥ value (`length` when there is none). */
function firstAtLeast(refs: ArrayLike<number>, value: number, length = refs.length, from = 0): number {
  let a = from;
  let b = length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (refs[mid] < value) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Postings over sorted refs in memory. */
export class ArrayPostings implements Postings {
  constructor(private readonly refs: ArrayLike<number>) {}

  get length(): number {
    return this.refs.length;
  }

  /** Bytes held, as refs decoded into a Float64Array take. */
  get weight(): number {
    return this.refs.length * 8;
  }

  contains(ref: number): boolean {
    const i = firstAtLeast(this.refs, ref);
    return i < this.refs.length && this.refs[i] === ref;
  }

  anyInRange(lo: number, hi: number): boolean {
    const i = firstAtLeast(this.refs, lo);
    return i < this.refs.length && this.refs[i] <= hi;
  }

  intersect(sorted: ArrayLike<number>): number[] {
    const out: number[] = [];
    for (let i = 0, at = 0; i < sorted.length && at < this.refs.length; i++) {
      at = firstAtLeast(this.refs, sorted[i], this.refs.length, at);
      if (this.refs[at] === sorted[i]) out.push(sorted[i]);
    }
    return out;
  }

  toArray(): ArrayLike<number> {
    return this.refs;
  }

  [Symbol.iterator](): Iterator<number> {
    return Array.prototype[Symbol.iterator].call(this.refs) as Iterator<number>;
  }
}

export const NO_POSTINGS: Postings = new ArrayPostings([]);

/** One encoded segment of a list (codec.ts) with its skip data: the first ref of each block and where its varint begins. */
export interface EncodedSegment {
  bytes: Uint8Array;
  /** Refs in the segment (replaced articles' included). */
  n: number;
  firsts: ArrayLike<number>;
  offsets: ArrayLike<number>;
}

/** Bytes a block costs in memory beside the encoded refs: its first ref, segment, start and end. */
const BLOCK_BYTES = 20;

/**
 * Postings over encoded segments (ascending and disjoint, as an archive appends them), probed
 * through their blocks: a probe binary-searches the blocks' first refs, decodes that one block
 * (kept until a probe needs another: candidates probed in ascending order mostly stay in it, or
 * move forward) and binary-searches it. Refs of replaced articles (`gone` positions) are never
 * found nor listed.
 */
export class EncodedPostings implements Postings {
  /** Per block, across segments: its first ref, its segment, the byte after its first varint, the byte after its last. */
  private readonly firsts: Float64Array;
  private readonly segment: Uint32Array;
  private readonly after: Uint32Array;
  private readonly end: Uint32Array;
  private readonly bytes: Uint8Array[];
  private readonly total: number;
  /** The block last decoded, and its refs. */
  private block = -1;
  private refs: Float64Array = new Float64Array(256);
  private count = 0;
  /** The whole list, once a search walked it: probed there from then on. */
  private decoded: ArrayPostings | null = null;

  constructor(
    segments: EncodedSegment[],
    private readonly gone: ReadonlySet<number>,
    /** Called when the list grew in memory (it was decoded whole): a cache weighs it again. */
    private readonly grew: () => void = () => {},
  ) {
    const blocks = segments.reduce((n, s) => n + s.firsts.length, 0);
    this.firsts = new Float64Array(blocks);
    this.segment = new Uint32Array(blocks);
    this.after = new Uint32Array(blocks);
    this.end = new Uint32Array(blocks);
    this.bytes = segments.map((s) => s.bytes);
    let j = 0;
    segments.forEach((s, k) => {
      for (let i = 0; i < s.firsts.length; i++, j++) {
        this.firsts[j] = s.firsts[i];
        this.segment[j] = k;
        // Past the first ref's varint (its value is known): the block decodes on from there.
        let at = s.offsets[i];
        while (s.bytes[at] & 128) at++;
        this.after[j] = at + 1;
        this.end[j] = i + 1 < s.firsts.length ? s.offsets[i + 1] : s.bytes.length;
      }
    });
    this.total = segments.reduce((n, s) => n + s.n, 0);
  }

  /** Bytes held: the encoded segments, the block table, and the decoded list once made. */
  get weight(): number {
    return this.bytes.reduce((n, b) => n + b.length, 0) + this.firsts.length * BLOCK_BYTES + this.refs.byteLength + (this.decoded ? this.decoded.length * 8 : 0);
  }

  get length(): number {
    return this.gone.size === 0 ? this.total : this.toArray().length;
  }

  contains(ref: number): boolean {
    if (this.decoded) return this.decoded.contains(ref);
    if (this.gone.size > 0 && this.gone.has(Math.floor(ref / SLOTS))) return false;
    return this.seek(ref) === ref;
  }

  intersect(sorted: ArrayLike<number>): number[] {
    if (this.decoded) return this.decoded.intersect(sorted);
    const out: number[] = [];
    const blocks = this.firsts.length;
    let j = -1;
    for (let i = 0; i < sorted.length && blocks > 0; ) {
      // The block that would hold the next candidate; then every candidate up to the next block's first, merged with it.
      if (j < 0 || (j + 1 < blocks && sorted[i] >= this.firsts[j + 1])) this.load((j = this.blockOf(sorted[i])));
      const end = j + 1 < blocks ? this.firsts[j + 1] : Infinity;
      for (let k = 0; i < sorted.length && sorted[i] < end; i++) {
        const candidate = sorted[i];
        while (k < this.count && this.refs[k] < candidate) k++;
        if (k < this.count && this.refs[k] === candidate && !(this.gone.size > 0 && this.gone.has(Math.floor(candidate / SLOTS)))) out.push(candidate);
      }
    }
    return out;
  }

  anyInRange(lo: number, hi: number): boolean {
    if (this.decoded) return this.decoded.anyInRange(lo, hi);
    let ref = this.seek(lo);
    while (ref <= hi && this.gone.size > 0 && this.gone.has(Math.floor(ref / SLOTS))) ref = this.seek(ref + 1);
    return ref <= hi;
  }

  toArray(): ArrayLike<number> {
    if (this.decoded) return this.decoded.toArray();
    let list = new Float64Array(this.total);
    let at = 0;
    for (const bytes of this.bytes) at = decodeRefs(bytes, list, at);
    if (this.gone.size > 0) list = list.filter((p) => !this.gone.has(Math.floor(p / SLOTS)));
    this.decoded = new ArrayPostings(list);
    this.grew();
    return list;
  }

  [Symbol.iterator](): Iterator<number> {
    this.toArray();
    return this.decoded![Symbol.iterator]();
  }

  /** The first ref ≥ target (Infinity when none). */
  private seek(target: number): number {
    const blocks = this.firsts.length;
    let j = this.block;
    // The decoded block holds refs from its first up to the next block's first.
    if (j < 0 || target < this.firsts[j] || (j + 1 < blocks && target >= this.firsts[j + 1])) j = this.blockOf(target);
    for (; j < blocks; j++) {
      this.load(j);
      const i = firstAtLeast(this.refs, target, this.count);
      if (i < this.count) return this.refs[i];
    }
    return Infinity;
  }

  /** Decodes block j into `refs` (grown when a block is longer than it). */
  private load(j: number): void {
    if (this.block === j) return;
    const bytes = this.bytes[this.segment[j]];
    const to = this.end[j];
    this.refs[0] = this.firsts[j];
    let read = readRefs(bytes, this.after[j], to, this.refs, 1, this.firsts[j]);
    while (read.byte < to) {
      const more = new Float64Array(this.refs.length * 2);
      more.set(this.refs);
      this.refs = more;
      read = readRefs(bytes, read.byte, to, this.refs, read.at, this.refs[read.at - 1]);
    }
    this.block = j;
    this.count = read.at;
  }

  /** The last block whose first ref is ≤ target (the first block when none is). */
  private blockOf(target: number): number {
    let a = 0;
    let b = this.firsts.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (this.firsts[mid] <= target) a = mid;
      else b = mid - 1;
    }
    return a;
  }
}
