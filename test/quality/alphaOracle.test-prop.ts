import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { cronbachAlpha, type CronbachAlphaResult } from '../../src/quality/index.js';
import { cronbachAlphaReference } from './reference/cronbachAlphaReference.js';

/**
 * The O(n·k) cronbachAlpha (issue 21) against the O(n·k²) implementation it replaced, kept as
 * test/quality/reference/cronbachAlphaReference.ts: every statistic equal within 1e-9, every
 * `null` and every reason the same.
 */
function expectSame(
  actual: CronbachAlphaResult,
  expected: CronbachAlphaResult,
  rows: readonly (readonly (number | null)[])[],
): void {
  const close = (a: number | null, b: number | null, what: string) => {
    if (b === null) expect(a, what).toBeNull();
    else {
      expect(a, what).not.toBeNull();
      expect(Math.abs(a! - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    }
  };
  expect(actual.reason).toBe(expected.reason);
  expect([actual.n, actual.k, actual.missing]).toEqual([expected.n, expected.k, expected.missing]);
  close(actual.alpha, expected.alpha, 'alpha');
  close(actual.standardizedAlpha, expected.standardizedAlpha, 'standardizedAlpha');
  close(actual.averageCorrelation, expected.averageCorrelation, 'averageCorrelation');
  close(actual.ci.lower, expected.ci.lower, 'ci.lower');
  close(actual.ci.upper, expected.ci.upper, 'ci.upper');
  for (const field of [
    'alphaIfDeleted',
    'standardizedAlphaIfDeleted',
    'itemTotalCorrelation',
    'correctedItemTotalCorrelation',
  ] as const) {
    // the old code could report a correlation a rounding error beyond ±1; the new one clamps it
    const clamp = (value: number | null) =>
      value === null || field.endsWith('Deleted') ? value : Math.max(-1, Math.min(1, value));
    actual[field].forEach((value, i) => {
      // the old code read a rest-of-total with no variance as a rounding residue; the new one reads it
      // directly, so it may say null where the old one gave a number, but only then
      if (value === null && expected[field][i] !== null && restIsConstant(rows, i, actual.missing)) return;
      const reference = clamp(expected[field][i]!);
      // where the old code cancelled (var(T) − 2cov(xᵢ, T) + var(xᵢ) with one item carrying nearly all
      // of the variance), the new value must match the statistic computed directly on the rest instead
      const direct = value === null || reference === null ? null : directRestStatistic(rows, i, field, actual);
      if (direct !== null && Math.abs(value! - reference!) > 1e-9 * Math.max(1, Math.abs(reference!)))
        close(value, direct, `${field}[${i}] (direct)`);
      else close(value, reference, `${field}[${i}]`);
    });
  }
  // an item whose removal leaves alpha unchanged within rounding may be flagged either way
  expected.alphaIfDeleted.forEach((dropped, i) => {
    if (dropped === null || expected.alpha === null || Math.abs(dropped - expected.alpha) <= 1e-9) return;
    expect(actual.raisesAlphaWhenDeleted.includes(i), `raises[${i}]`).toBe(expected.raisesAlphaWhenDeleted.includes(i));
  });
  actual.items.forEach((item, i) => {
    const reference = expected.items[i]!;
    expect(item.n).toBe(reference.n);
    close(item.mean, reference.mean, `items[${i}].mean`);
    close(item.sd, reference.sd, `items[${i}].sd`);
  });
}

/** Sample variance and covariance, two-pass. */
function moments(a: readonly number[], b: readonly number[]): { varA: number; varB: number; cov: number } {
  const n = a.length;
  const meanA = a.reduce((x, y) => x + y, 0) / n;
  const meanB = b.reduce((x, y) => x + y, 0) / n;
  let varA = 0;
  let varB = 0;
  let cov = 0;
  for (let r = 0; r < n; r++) {
    varA += (a[r]! - meanA) ** 2;
    varB += (b[r]! - meanB) ** 2;
    cov += (a[r]! - meanA) * (b[r]! - meanB);
  }
  return { varA: varA / (n - 1), varB: varB / (n - 1), cov: cov / (n - 1) };
}

/**
 * The corrected item–total correlation (or raw alpha without the item) computed directly on the
 * complete rows without item `i`; `null` for the statistics this oracle does not cover.
 */
function directRestStatistic(
  rows: readonly (readonly (number | null)[])[],
  i: number,
  field: string,
  result: CronbachAlphaResult,
): number | null {
  const used = rows.filter((row) => row.every((answer) => answer !== null)) as number[][];
  if (used.length !== result.n) return null;
  const item = used.map((row) => row[i]!);
  const rest = used.map((row) => row.reduce((sum, answer, j) => (j === i ? sum : sum + answer), 0));
  if (field === 'correctedItemTotalCorrelation') {
    const m = moments(item, rest);
    return m.cov / Math.sqrt(m.varA * m.varB);
  }
  if (field === 'alphaIfDeleted') {
    const others = used.map((row) => row.filter((_, j) => j !== i));
    const k = others[0]!.length;
    let trace = 0;
    for (let j = 0; j < k; j++)
      trace += moments(
        others.map((row) => row[j]!),
        rest,
      ).varA;
    return (k / (k - 1)) * (1 - trace / moments(rest, rest).varA);
  }
  return null;
}

/** True when every respondent used has the same total over the items other than `item`. */
function restIsConstant(rows: readonly (readonly (number | null)[])[], item: number, missing: string): boolean {
  const used = rows.filter((row) => missing === 'pairwise' || row.every((answer) => answer !== null));
  if (used.some((row) => row.some((answer) => answer === null))) return false;
  const rests = used.map((row) => row.reduce<number>((sum, answer, i) => (i === item ? sum : sum + answer!), 0));
  return rests.every((rest) => rest === rests[0]);
}

const likertTable = (missingRate: number) =>
  fc
    .integer({ min: 1, max: 12 })
    .chain((k) =>
      fc.array(
        fc.array(
          fc.oneof(
            { weight: Math.round(100 * (1 - missingRate)), arbitrary: fc.integer({ min: 1, max: 5 }) },
            { weight: Math.round(100 * missingRate), arbitrary: fc.constant(null) },
          ),
          { minLength: k, maxLength: k },
        ),
        { minLength: 0, maxLength: 30 },
      ),
    );

// answers with three decimals, as a survey or a measurement would record them
const thousandths = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((value) => value / 1000);
const realTable = fc.integer({ min: 2, max: 8 }).chain((k) =>
  fc.array(fc.array(thousandths, { minLength: k, maxLength: k }), {
    minLength: 2,
    maxLength: 25,
  }),
);

const policy = fc.constantFrom('pairwise' as const, 'listwise' as const);

describe('the O(n·k) alpha equals the O(n·k²) implementation it replaced', () => {
  propTest.prop([likertTable(0), policy])('complete 1–5 answers: every statistic, null and reason', (rows, missing) =>
    expectSame(cronbachAlpha(rows, { missing }), cronbachAlphaReference(rows, { missing }), rows),
  );
  propTest.prop([likertTable(0.15), policy])('answers with missing ones, pairwise and listwise', (rows, missing) =>
    expectSame(cronbachAlpha(rows, { missing }), cronbachAlphaReference(rows, { missing }), rows),
  );
  propTest.prop([realTable])('real-valued answers', (rows) =>
    expectSame(cronbachAlpha(rows), cronbachAlphaReference(rows), rows),
  );
});

describe('alpha statistics are finite or null', () => {
  propTest.prop([
    fc.array(fc.array(fc.double({ min: -1e150, max: 1e150, noNaN: true }), { minLength: 3, maxLength: 3 }), {
      minLength: 2,
      maxLength: 6,
    }),
    policy,
  ])('any answers within ±1e150 (subnormal or huge) give no Infinity and no NaN', (rows, missing) => {
    const result = cronbachAlpha(rows, { missing });
    const values = [
      result.alpha,
      result.standardizedAlpha,
      result.averageCorrelation,
      result.ci.lower,
      result.ci.upper,
      ...result.alphaIfDeleted,
      ...result.standardizedAlphaIfDeleted,
      ...result.itemTotalCorrelation,
      ...result.correctedItemTotalCorrelation,
    ];
    for (const value of values) if (value !== null) expect(Number.isFinite(value)).toBe(true);
  });
});

describe('alpha answers beyond ±1e150', () => {
  propTest.prop([fc.double({ min: 1e151, noNaN: true, noDefaultInfinity: true }), fc.boolean()])(
    'are a ValidationError (out_of_range) naming the answer',
    (huge, negative) => {
      const rows = [
        [1, 2],
        [3, negative ? -huge : huge],
      ];
      expect(() => cronbachAlpha(rows)).toThrow(/rows\[1\]\[1\]/);
    },
  );
});
