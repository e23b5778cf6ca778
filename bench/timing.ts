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

/** The full collection `--expose-gc` gives (as `npm run bench` runs), or nothing without the flag. */
const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
const collect: () => void = gcExposed ? (globalThis as unknown as { gc: () => void }).gc : () => {};

/** A cell to sleep on (`Atomics.wait`): the main thread waits without using CPU time. */
const SLEEP_CELL = new Int32Array(new SharedArrayBuffer(4));

/**
 * How long a full collection's work on the collector's other threads (sweeping) goes on after the
 * collection returns: about 10–15 ms for the largest benchmark heaps here. It counts in the process's
 * CPU time, so a span must neither start nor end before it is done.
 */
const SETTLE_MS = 40;

/** A full collection, then a wait for its background threads (see {@link SETTLE_MS}). */
function collectAndSettle(): void {
  collect();
  if (gcExposed) Atomics.wait(SLEEP_CELL, 0, 0, SETTLE_MS);
}

/**
 * One timed span. Under `--expose-gc`: a full collection first and a wait for its background
 * threads (untimed, so a contender never pays for the garbage the one before it left, nor for its
 * sweeping), then the task and a full collection of what it left with its background work (timed,
 * so it pays for its own garbage), minus the cost of one more such collection right after (which
 * finds no garbage: it is the cost of tracing what the benchmark keeps alive, the inputs, which is
 * nobody's work and would otherwise be added to every contender alike and shrink the ratios).
 * Never less than the task's own run: the subtraction is of two noisy collections, and a short task
 * must not come out at zero. Without the flag, the task alone.
 */
function timedSpanSync(task: () => unknown): number {
  collectAndSettle();
  const start = cpuMs();
  task();
  return charged(start);
}

/** {@link timedSpanSync} for a task that may return a promise (awaited inside the span). */
async function timedSpan(task: () => unknown): Promise<number> {
  collectAndSettle();
  const start = cpuMs();
  await task();
  return charged(start);
}

/** The rest of a timed span once its task has run: the collections, and what the task is charged. */
function charged(start: number): number {
  const ran = cpuMs();
  collectAndSettle();
  const collected = cpuMs();
  collectAndSettle();
  const idle = cpuMs() - collected;
  return Math.max(ran - start, collected - start - idle);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The house method: process CPU time, contenders interleaved in each of `rounds` (≥ 5) rounds so
 * machine load affects them alike, min and median per contender, ratios against the first
 * contender (the baseline). A warm-up round runs first and is not counted. Under `--expose-gc` every
 * contender pays for collecting its own garbage and no one else's (see `timedSpanSync`).
 */
export function compareCpu(contenders: readonly Contender[], rounds = 7): CpuFigures[] {
  if (rounds < 5) throw new Error('compareCpu needs at least 5 rounds');
  const samples = contenders.map(() => [] as number[]);
  for (const contender of contenders) contender.run();
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((contender, index) => samples[index]!.push(timedSpanSync(contender.run)));
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

/** A contender of {@link compareCpuAsync}: may be asynchronous, and may do a different amount of work per round. */
export interface AsyncContender {
  readonly name: string;
  readonly run: () => unknown;
  /** Units of work per round (records, accounts); ratios compare CPU time per unit. Default 1. */
  readonly units?: number;
}

/**
 * {@link compareCpu} for contenders that may return a promise (awaited inside the timed span) and
 * that do different amounts of work per round: ratios are of CPU time per unit against the first
 * contender's. Process CPU time, interleaved rounds (≥ 5) after a warm-up, min and median.
 */
export async function compareCpuAsync(contenders: readonly AsyncContender[], rounds = 7): Promise<CpuFigures[]> {
  if (rounds < 5) throw new Error('compareCpuAsync needs at least 5 rounds');
  const samples = contenders.map(() => [] as number[]);
  for (const contender of contenders) await contender.run();
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < contenders.length; index++)
      samples[index]!.push(await timedSpan(contenders[index]!.run));
  }
  const perUnit = (index: number, value: number): number => value / (contenders[index]!.units ?? 1);
  const baseMin = Math.max(perUnit(0, Math.min(...samples[0]!)), 1e-12);
  const baseMedian = Math.max(perUnit(0, median(samples[0]!)), 1e-12);
  return contenders.map((contender, index) => {
    const minMs = Math.min(...samples[index]!);
    const medianMs = median(samples[index]!);
    return {
      name: contender.name,
      minMs,
      medianMs,
      minRatio: perUnit(index, minMs) / baseMin,
      medianRatio: perUnit(index, medianMs) / baseMedian,
    };
  });
}
