// One store's archive (the argument: the store's path, LEDE_SQLITE), measured in a process of its own (so its RSS is the archive's, not the
// bench's): `probe` prints a question about an article added last that the archive answers; `ask RUNS` opens the archive,
// asks 300 questions RUNS times after a warm-up, and prints open time, p50/p99 and RSS (MB); `each RUNS` prints, per
// question, its median CPU ms over RUNS asks (CPU, not wall: a loaded machine's wall clock is noise), slowest first.
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


if (mode === 'probe') {
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
} else if (mode === 'each') {
  const runs = Number(runsArg ?? 5);
  const questions = questionsFor(lib, 300);
  for (const q of questions.slice(0, 30)) ask(lib, q, {});
  const cpu = questions.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    questions.forEach((q, i) => {
      const t = process.cpuUsage();
      ask(lib, q, {});
      const d = process.cpuUsage(t);
      cpu[i].push((d.user + d.system) / 1000);
    });
  }
  const rows = questions.map((q, i) => ({ ms: percentile(cpu[i], 50), q })).sort((a, b) => b.ms - a.ms);
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
