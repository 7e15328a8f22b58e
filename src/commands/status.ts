// `lede status`: what an instance started now would have — the backend, the articles (from the
// data folder and shared by other instances), how many facts came from the cache and how many
// had to be parsed, and every subscription with its last error and pending posts.
import { digestOptions, storeOptions, type Config } from '../core/config.ts';
import { DigestState, type Subscription } from '../core/digest/state.ts';
import { Lede } from '../core/lede.ts';
import type { StoreOptions } from '../core/store.ts';
import { extractorVersion } from '../knowledge/extract.ts';

function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const m = Math.round((now - Date.parse(iso)) / 60_000);
  if (m < 1) return 'just now';
  if (m < 120) return `${m} min ago`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h ago`;
  return `${Math.round(m / 1440)} days ago`;
}

/** One subscription as two lines: where it posts from and to, then its health. */
export function subscriptionLines(sub: Subscription, now = Date.now()): string[] {
  const st = sub.status;
  const head = `${sub.platform}/${sub.channel}  ${sub.kind} ${sub.source}${sub.keywords.length ? `  keywords: ${sub.keywords.join(', ')}` : ''}`;
  const health = st.failures > 0
    ? `FAILING (${st.failures} in a row, since ${ago(st.lastErrorAt, now)}): ${st.lastError}`
    : `ok, ${st.posted} posted, last checked ${ago(st.lastOkAt, now)}${st.lastError ? `; last error (${ago(st.lastErrorAt, now)}): ${st.lastError}` : ''}`;
  return [head, `   ${health}`];
}

/** `store` adds store options to the configuration's (tests: a Redis key prefix of their own). */
export async function runStatus(config: Config, out: NodeJS.WritableStream = process.stdout, store: StoreOptions = {}): Promise<number> {
  let lede: Lede;
  try {
    lede = await Lede.open({ store: { ...storeOptions(config), ...store }, digest: digestOptions(config) });
  } catch (e) {
    process.stderr.write(`lede status: cannot open the store: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const problems = [];
    let fromPaths = 0;
    for (const path of config.dataPaths) {
      const loaded = await lede.load(path);
      problems.push(...loaded.problems);
      fromPaths += loaded.added;
    }
    // The rest were stored by earlier runs (the archive keeps them) or, on Redis, added by other instances.
    const others = lede.library.size - fromPaths;
    const { parsed, cached } = lede.library.stats;
    const state = new DigestState(lede.store);
    const subs = await state.subscriptions();
    const pending = await state.pendingIds();
    const lines = [
      'Lede status',
      `  backend:       ${lede.store.backend} (${lede.store.location})${lede.cluster.shared ? ', instances share articles' : ''}`,
      `  articles:      ${lede.library.size} (${fromPaths} from ${config.dataPaths.join(', ')}${others > 0 ? `, ${others} ${lede.cluster.shared ? 'added by instances' : 'stored before'}` : ''})` +
        (problems.length ? `; ${problems.length} file(s) unreadable` : ''),
      `  facts cache:   ${cached} hit${cached === 1 ? '' : 's'}, ${parsed} parsed (extractor ${extractorVersion()})`,
      `  subscriptions: ${subs.length}${subs.some((s) => s.status.failures > 0) ? ` (${subs.filter((s) => s.status.failures > 0).length} failing)` : ''}`,
      ...subs.flatMap((s, i) => subscriptionLines(s).map((l, j) => (j === 0 ? `    ${i + 1}. ${l}` : `    ${l}`))),
      `  pending posts: ${pending.length}`,
    ];
    out.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await lede.close();
  }
}
