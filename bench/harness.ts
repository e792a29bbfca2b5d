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
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs =
    times.length % 2 === 1
      ? times[(times.length - 1) / 2]!
      : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  const result: BenchResult = {
    name,
    runs,
    medianMs,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    ...(options.targetMs === undefined ? {} : { targetMs: options.targetMs, met: medianMs <= options.targetMs }),
  };
  results.push(result);
  const target =
    options.targetMs === undefined ? '' : `  target ≤ ${options.targetMs} ms ${result.met === true ? 'MET' : 'MISSED'}`;
  process.stdout.write(
    `${name.padEnd(60)} median ${medianMs.toFixed(2).padStart(10)} ms  (min ${result.minMs.toFixed(2)}, max ${result.maxMs.toFixed(2)}, ${runs} runs)${target}\n`,
  );
  return result;
}

/** Every result recorded so far in this process. */
export function allResults(): readonly BenchResult[] {
  return results;
}
