/** A linear map from a data domain to a pixel range. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 === 0 ? 1 : d1 - d0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering the domain (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || !Number.isFinite(max - min)) return [Number.isFinite(min) ? min : 0];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  // bounded: where the step is below the resolution of the numbers (1e17 + 5), `tick += step`
  // would stand still
  const first = Math.ceil(min / step - 1e-9);
  for (let index = 0; index <= count * 3; index++) {
    const tick = (first + index) * step;
    if (tick > max + step * 1e-9) break;
    ticks.push(tick);
  }
  return ticks.map((tick) => Number(tick.toPrecision(12)));
}

/** A domain that includes zero and every value, widened to round ticks. */
export function niceDomain(values: readonly number[], includeZero = true): [number, number] {
  const finite = values.filter((value) => Number.isFinite(value));
  let min = minOf(finite, includeZero ? 0 : Infinity);
  let max = maxOf(finite, includeZero ? 0 : -Infinity);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) max = min + 1;
  const ticks = niceTicks(min, max);
  const step = ticks.length > 1 ? (ticks[1] ?? 1) - (ticks[0] ?? 0) : 1;
  min = Math.min(min, Math.floor(min / step) * step);
  max = Math.max(max, Math.ceil(max / step) * step);
  return [Number(min.toPrecision(12)), Number(max.toPrecision(12))];
}

/** The largest of `values` and `start`, without spreading (a spread of 200,000 values overflows the stack). */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let most = start;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** The smallest of `values` and `start`, without spreading. */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let least = start;
  for (const value of values) if (value < least) least = value;
  return least;
}
