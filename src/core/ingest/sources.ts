// What an ingest remembers of each source file: its size and modification time when it was last
// read, and how far. A restart over a big folder then skips every file unchanged since (a stat,
// not a read), and a JSON Lines file an ingest was killed in resumes after its last saved line.
import { statSync } from 'node:fs';
import type Keyv from 'keyv';

export interface SourceStamp {
  size: number;
  mtimeMs: number;
  /** Lines (JSON Lines) or 1 (any other file) whose articles are all in the archive. */
  units: number;
  /** Every article of the file is in. */
  done: boolean;
  /**
   * The ids a file other than JSON Lines gave its articles: a re-run that skips the file still
   * reserves them, so another file's article with the same id stays "a-2", not a replacement.
   */
  ids?: string[];
}

/** Where stamps are kept: the store beside a stored archive; nowhere for an archive a restart empties. */
export interface SourceLog {
  get(path: string): Promise<SourceStamp | undefined>;
  set(path: string, stamp: SourceStamp): Promise<void>;
}

/**
 * Stamps in a keyv namespace, keyed by the extractor version and the file's absolute path: an
 * upgraded extractor finds no stamps, so every file is read (and re-parsed) once more.
 */
export function storedSources(kv: Keyv, version: string): SourceLog {
  return {
    get: async (path) => (await kv.get(`${version}:${path}`)) as SourceStamp | undefined,
    set: async (path, stamp) => {
      await kv.set(`${version}:${path}`, stamp);
    },
  };
}

/** Size and modification time now; null when the file cannot be read. */
export function fileState(path: string): Pick<SourceStamp, 'size' | 'mtimeMs'> | null {
  try {
    const st = statSync(path);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/** The stamp still describes the file: same size, same modification time. */
export function sameFile(stamp: SourceStamp | undefined, now: Pick<SourceStamp, 'size' | 'mtimeMs'> | null): stamp is SourceStamp {
  return !!stamp && !!now && stamp.size === now.size && stamp.mtimeMs === now.mtimeMs;
}
