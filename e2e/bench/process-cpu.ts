import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time a process has used so far, in ms, summed over its threads (Node compresses on its
 * thread pool): from /proc/<pid>/task/<tid>/schedstat, in nanoseconds. Unlike latency it barely
 * moves when other work shares the machine. null where /proc does not exist (macOS, Windows).
 */
export function processCpuMs(pid: number): number | null {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let nanoseconds = 0;
  for (const task of tasks) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between listing and reading: its time is gone with it.
    }
  }
  return nanoseconds / 1e6;
}
