// `lede ingest PATH...`: files, folders and JSON Lines into the store's archive, streaming, with
// facts computed on every core and a progress line. Killed half-way, a re-run goes on where it
// stopped; a bad line or article is reported (stderr) and counted, and never stops the run.
import { storeOptions, type Config } from '../core/config.ts';
import { Lede } from '../core/lede.ts';
import { WorkPool } from '../core/work/pool.ts';
import { progressPrinter } from '../adapters/terminal/progress.ts';

export const INGEST_USAGE = '  lede ingest PATH... [--batch N]         stream files, folders, JSON Lines into the archive (resumable)';

export async function runIngest(paths: string[], flags: Record<string, string | true>, config: Config, err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Promise<number> {
  const batch = flags.batch === undefined ? undefined : Number(flags.batch);
  if (!paths.length || (batch !== undefined && !(Number.isInteger(batch) && batch > 0))) {
    err.write('usage: lede ingest PATH... [--batch N] (files, folders or .jsonl files; N articles written at once, default 200)\n');
    return 2;
  }
  // Every article's facts are computed on a thread, even a short one: both cores work at once.
  const work = new WorkPool({ inlineBelow: { extract: 0 } });
  const lede = await Lede.open({ store: storeOptions(config), rateLimits: config.rateLimits, work });
  const progress = progressPrinter(err);
  try {
    lede.prepareWrites();
    const result = await lede.ingest(paths, {
      batch,
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
