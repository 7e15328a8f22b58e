// CPU time per thread of this process, from Linux's /proc (schedstat: ns spent running), so a
// measure on a loaded machine counts work, not waiting: the main thread apart from all others
// (work threads, and V8's and libuv's helpers, which serve both). Null where /proc is missing.
import { readdirSync, readFileSync } from 'node:fs';

function runNs(task: string): number {
  return Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]);
}

/** CPU ms so far of the main thread and of every other live thread of the process. */
export function threadCpuMs(): { main: number; others: number } | null {
  try {
    const main = String(process.pid);
    let others = 0;
    for (const task of readdirSync('/proc/self/task')) {
      if (task === main) continue;
      try {
        others += runNs(task);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return { main: runNs(main) / 1e6, others: others / 1e6 };
  } catch {
    return null;
  }
}
