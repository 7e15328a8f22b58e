// `lede ingest PATH...`: files, folders and JSON Lines into the store's archive, streaming, with
// facts computed on every core and a progress line. Killed half-way, a re-run goes on where it
// stopped; a bad line or article is reported (stderr) and counted, and never stops the run.
import { storeOptions, type Config } from '../core/config.ts';
import { Lede } from '../core/lede.ts';
import { WorkPool } from '../core/work/pool.ts';
import { progressPrinter } from '../adapters/terminal/progress.ts';

export const INGEST_USAGE = '  lede ingest PATH...                     stream files, folders, JSON Lines into the archive (resumable)';

export async function runIngest(paths: string[], config: Config, err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Promise<number> {
  if (!paths.length) {
    err.write('usage: lede ingest PATH... (files, folders or .jsonl files)\n');
    return 2;
  }
  // Every article's facts are computed on a thread, even a short one: both cores work at once.
  const work = new WorkPool({ inlineBelow: { extract: 0 } });
  const lede = await Lede.open({ store: storeOptions(config), rateLimits: config.rateLimits, work });
  const progress = progressPrinter(err);
  try {
    const result = await lede.ingest(paths, {
      onProgress: (p) => progress.update(p),
      onProblem: (p) => err.write(`${err.isTTY ? '\r\x1b[K' : ''}lede: skipped ${p.source}: ${p.message}\n`),
    });
    progress.end();
    const { parsed, cached } = lede.library.stats;
    err.write(`lede: ${result.added} added, ${result.already} already in, ${result.failed} failed; facts ${parsed} parsed, ${cached} from the cache; ${lede.library.size} articles in ${lede.store.location}\n`);
    return 0;
  } finally {
    await lede.close();
    await work.close();
  }
}
