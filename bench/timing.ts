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
