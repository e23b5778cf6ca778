/** Shared timing helpers for the benchmarks: best-of-N wall time, so noise inflates nothing. */
export function bestOf<T>(runs: number, task: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = task();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

export async function bestOfAsync<T>(runs: number, task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = await task();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

export function printTable(rows: Record<string, string | number>[]): void {
  console.table(rows);
}

/** One timed contender in {@link compareCpu}: a name and a task that does one round of work. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** CPU-time figures of one contender: min and median milliseconds per round, and the ratios to the baseline. */
export interface CpuFigures {
  readonly name: string;
  readonly minMs: number;
  readonly medianMs: number;
  readonly minRatio: number;
  readonly medianRatio: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The house method: process CPU time, contenders interleaved in each of `rounds` (≥ 5) rounds so
 * machine load affects them alike, min and median per contender, ratios against the first
 * contender (the baseline). A warm-up round runs first and is not counted.
 */
export function compareCpu(contenders: readonly Contender[], rounds = 7): CpuFigures[] {
  if (rounds < 5) throw new Error('compareCpu needs at least 5 rounds');
  const samples = contenders.map(() => [] as number[]);
  for (const contender of contenders) contender.run();
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((contender, index) => {
      const start = cpuMs();
      contender.run();
      samples[index]!.push(cpuMs() - start);
    });
  }
  const baseMin = Math.max(Math.min(...samples[0]!), 1e-9);
  const baseMedian = Math.max(median(samples[0]!), 1e-9);
  return contenders.map((contender, index) => {
    const minMs = Math.min(...samples[index]!);
    const medianMs = median(samples[index]!);
    return { name: contender.name, minMs, medianMs, minRatio: minMs / baseMin, medianRatio: medianMs / baseMedian };
  });
}

/** Prints {@link compareCpu} figures as a table: ms per round and × baseline, min and median. */
export function printCpu(title: string, figures: readonly CpuFigures[]): void {
  console.log(`\n${title} (process CPU time per round, min / median of interleaved rounds)`);
  console.table(
    figures.map((figure) => ({
      contender: figure.name,
      'min ms': figure.minMs.toFixed(1),
      'median ms': figure.medianMs.toFixed(1),
      '× baseline (min)': figure.minRatio.toFixed(2),
      '× baseline (median)': figure.medianRatio.toFixed(2),
    })),
  );
}
