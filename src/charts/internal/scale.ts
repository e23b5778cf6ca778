/** A linear map from a data domain to a pixel range. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 === 0 ? 1 : d1 - d0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering the domain (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step - 1e-9) * step; tick <= max + step * 1e-9; tick += step)
    ticks.push(Math.round(tick / step) * step);
  return ticks.map((tick) => Number(tick.toPrecision(12)));
}

/** A domain that includes zero and every value, widened to round ticks. */
export function niceDomain(values: readonly number[], includeZero = true): [number, number] {
  const finite = values.filter((value) => Number.isFinite(value));
  let min = Math.min(...finite, ...(includeZero ? [0] : []));
  let max = Math.max(...finite, ...(includeZero ? [0] : []));
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) max = min + 1;
  const ticks = niceTicks(min, max);
  const step = ticks.length > 1 ? (ticks[1] ?? 1) - (ticks[0] ?? 0) : 1;
  min = Math.min(min, Math.floor(min / step) * step);
  max = Math.max(max, Math.ceil(max / step) * step);
  return [Number(min.toPrecision(12)), Number(max.toPrecision(12))];
}
