/**
 * A tiny benchmark harness: runs a function several times, reports the median and the spread, and compares the
 * median with a target. Benchmarks print; they never fail a test run.
 */

export interface BenchResult {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median process CPU time per run (user + system, all threads incl. GC): the better guide on a busy machine. */
  readonly cpuMedianMs: number;
  readonly targetMs?: number;
  readonly met?: boolean;
}

const results: BenchResult[] = [];

/** Runs `fn` `warmup` + `runs` times and records the median wall time of the timed runs. */
export function measure(
  name: string,
  fn: () => unknown,
  options: { readonly runs?: number; readonly warmup?: number; readonly targetMs?: number } = {},
): BenchResult {
  const runs = options.runs ?? 7;
  for (let i = 0; i < (options.warmup ?? 2); i++) fn();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const medianMs = median(times);
  const cpuMedianMs = median(cpuTimes.sort((a, b) => a - b));
  const result: BenchResult = {
    name,
    runs,
    medianMs,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    cpuMedianMs,
    ...(options.targetMs === undefined ? {} : { targetMs: options.targetMs, met: medianMs <= options.targetMs }),
  };
  results.push(result);
  const target =
    options.targetMs === undefined ? '' : `  target ≤ ${options.targetMs} ms ${result.met === true ? 'MET' : 'MISSED'}`;
  process.stdout.write(
    `${name.padEnd(60)} median ${medianMs.toFixed(2).padStart(10)} ms  (min ${result.minMs.toFixed(2)}, max ${result.maxMs.toFixed(2)}, cpu ${cpuMedianMs.toFixed(2)}, ${runs} runs)${target}\n`,
  );
  return result;
}

function median(sorted: readonly number[]): number {
  return sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}

/** Every result recorded so far in this process. */
export function allResults(): readonly BenchResult[] {
  return results;
}
