// One store's archive (the argument: the store's path, LEDE_SQLITE), measured in a process of its own (so its RSS is the archive's, not the
// bench's): `probe` prints a question about an article added last that the archive answers; `ask RUNS` opens the archive,
// asks 300 questions RUNS times after a warm-up, and prints open time, p50/p99 and RSS (MB); `each RUNS` prints, per
// question, its median CPU ms over RUNS asks (CPU, not wall: a loaded machine's wall clock is noise), slowest first;
// `cold RUNS` the same with each ask on a freshly opened archive (nothing cached in this process, as the first
// question of a `lede ask`; the OS file cache stays warm), with the opening not counted; `skips` gives an archive
// made before skip data its skip data, as a writer's first write would, and prints how long that took.
import { performance } from 'node:perf_hooks';
import { ask } from '../src/core/ask/index.ts';
import { archivePath } from '../src/core/archive/index.ts';
import { SqliteArchive } from '../src/core/archive/sqlite.ts';
import { Library } from '../src/core/library.ts';
import { questionsFor } from './corpus.ts';
import { percentile } from './stats.ts';

const [path, mode, runsArg] = process.argv.slice(2);
const t0 = performance.now();
const lib = new Library(null, undefined, undefined, new SqliteArchive(archivePath(path)));
const openMs = performance.now() - t0;


if (mode === 'skips') {
  const t = process.cpuUsage();
  const wall = performance.now();
  (lib.archive as SqliteArchive).completeSkips();
  const cpu = process.cpuUsage(t);
  process.stdout.write(JSON.stringify({ wallS: (performance.now() - wall) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 }) + '\n');
} else if (mode === 'probe') {
  // A name from the articles added last that this archive answers for, asked again by a fresh process.
  let question = 'What happened?';
  search: for (let i = lib.size - 1; i >= Math.max(0, lib.size - 50); i--) {
    for (const person of lib.article(i).facts.entities.filter((e) => e.kind === 'person' && e.name.includes(' '))) {
      if (ask(lib, `Who is ${person.name}?`, {}).answer.answer !== null) {
        question = `Who is ${person.name}?`;
        break search;
      }
    }
  }
  process.stdout.write(JSON.stringify({ question }) + '\n');
} else if (mode === 'each' || mode === 'cold') {
  const runs = Number(runsArg ?? 5);
  const questions = questionsFor(lib, 300);
  const cold = mode === 'cold';
  if (!cold) for (const q of questions.slice(0, 30)) ask(lib, q, {});
  const cpu = questions.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    questions.forEach((q, i) => {
      const fresh = cold ? new Library(null, undefined, undefined, new SqliteArchive(archivePath(path))) : lib;
      const t = process.cpuUsage();
      ask(fresh, q, {});
      const d = process.cpuUsage(t);
      cpu[i].push((d.user + d.system) / 1000);
      if (cold) fresh.close();
    });
  }
  const rows = questions.map((q, i) => ({ ms: percentile(cpu[i], 50), i, q })).sort((a, b) => b.ms - a.ms);
  for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
} else {
  const runs = Number(runsArg ?? 5);
  const questions = questionsFor(lib, 300);
  for (const q of questions.slice(0, 30)) ask(lib, q, {});
  const ms: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const q of questions) {
      const t = performance.now();
      ask(lib, q, {});
      ms.push(performance.now() - t);
    }
  }
  global.gc?.();
  process.stdout.write(JSON.stringify({ openMs, p50: percentile(ms, 50), p99: percentile(ms, 99), rssMb: process.memoryUsage().rss / 2 ** 20 }) + '\n');
}
lib.close();
