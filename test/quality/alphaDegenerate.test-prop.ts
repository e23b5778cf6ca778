import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { ValidationError } from '../../src/shared/index.js';
import { alphaLimits, cronbachAlpha } from '../../src/quality/index.js';

/** Raw alpha from item variances and the total's variance, O(n·k), as an independent check. */
function rawAlpha(rows: readonly (readonly number[])[]): number {
  const n = rows.length;
  const k = rows[0]!.length;
  const variance = (values: readonly number[]): number => {
    const mean = values.reduce((a, b) => a + b, 0) / n;
    return values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  };
  let items = 0;
  for (let i = 0; i < k; i++) items += variance(rows.map((row) => row[i]!));
  const total = variance(rows.map((row) => row.reduce((a, b) => a + b, 0)));
  return (k / (k - 1)) * (1 - items / total);
}

describe('Cronbach alpha on degenerate inputs (issue 21)', () => {
  it("the issue's rows (every total 15) give null with a reason, not −9.4e15", () => {
    const result = cronbachAlpha([
      [1, 2, 3, 4, 5],
      [1, 4, 2, 5, 3],
      [3, 3, 3, 3, 3],
    ]);
    expect(result.alpha).toBeNull();
    expect(result.reason).toBe('the total score has no variance');
  });

  it('every respondent identical, a single item, a single respondent: null with a reason', () => {
    expect(
      cronbachAlpha([
        [2, 3],
        [2, 3],
        [2, 3],
      ]).reason,
    ).toBe('the total score has no variance');
    expect(cronbachAlpha([[1], [2], [3]]).reason).toBe('fewer than two items');
    expect(cronbachAlpha([[1, 2, 3]]).reason).toBe('fewer than two respondents');
    expect(cronbachAlpha([]).alpha).toBeNull();
  });

  it('a sparse 100,000-wide row is read as missing answers: a correct answer, never a RangeError', () => {
    expect(cronbachAlpha([new Array(100_000)])).toMatchObject({ alpha: null, k: 100_000, n: 1 });
    expect(cronbachAlpha([new Array(100_000), new Array(100_000)], { missing: 'listwise' })).toMatchObject({
      alpha: null,
      n: 0,
      reason: 'fewer than two respondents',
    });
    // pairwise deletion over 100,000 items with missing answers is beyond its limits
    expect(() => cronbachAlpha([new Array(100_000), new Array(100_000)])).toThrow(ValidationError);
  });

  it('wide complete tables are computed in O(n·k): 2 × 10,000 and 3 × 100,000 give the raw alpha', () => {
    for (const [n, k] of [
      [2, 10_000],
      [3, 100_000],
    ] as const) {
      const rows = Array.from({ length: n }, (_, r) =>
        Array.from({ length: k }, (_, i) => ((i * (r + 2)) % 5) + 1 + (i % 3 === 0 ? r : 0)),
      );
      const result = cronbachAlpha(rows);
      expect(result.k).toBe(k);
      expect(result.alpha).toBeCloseTo(rawAlpha(rows), 9);
      expect(result.alphaIfDeleted).toHaveLength(k);
    }
  });

  it('pairwise deletion with missing answers is refused beyond its limits (ValidationError, out_of_range)', () => {
    const rows = Array.from({ length: 3 }, () => new Array<number | null>(100_000).fill(null));
    rows[0]![0] = 1;
    const error = (() => {
      try {
        cronbachAlpha(rows);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'options.missing', code: 'out_of_range' });
    expect(alphaLimits.pairwiseItems).toBe(1000);
    // listwise is O(n·k): no complete row, so alpha is undefined with a reason
    expect(cronbachAlpha(rows, { missing: 'listwise' })).toMatchObject({ alpha: null, n: 0 });
  });

  it('alpha-if-deleted from the row sums equals alpha of the reduced table (3 items, hand data)', () => {
    const rows = [
      [1, 2, 4],
      [2, 2, 5],
      [3, 4, 4],
      [4, 5, 1],
      [5, 5, 3],
    ];
    const full = cronbachAlpha(rows);
    rows[0]!.forEach((_, i) => {
      const reduced = cronbachAlpha(rows.map((row) => row.filter((_, j) => j !== i)));
      if (reduced.alpha === null) expect(full.alphaIfDeleted[i]).toBeNull();
      else expect(full.alphaIfDeleted[i]).toBeCloseTo(reduced.alpha, 12);
    });
  });
});

// rows whose answers are permutations of one multiset of 1–7 answers: every total is the same
const constantTotals = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 12 }), fc.integer({ min: 2, max: 30 }))
  .chain(([answers, n]) =>
    fc.array(fc.shuffledSubarray(answers, { minLength: answers.length, maxLength: answers.length }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('degenerate-variance laws', () => {
  propTest.prop([constantTotals, fc.constantFrom('pairwise' as const, 'listwise' as const)])(
    'rows with equal totals, of any shape, give alpha null with a reason',
    (rows, missing) => {
      const result = cronbachAlpha(rows, { missing });
      expect(result.alpha).toBeNull();
      expect(typeof result.reason).toBe('string');
    },
  );

  propTest.prop([
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 40 }),
  ])('alpha is null or at most 1, never a huge negative residue of rounding', (rows) => {
    const { alpha } = cronbachAlpha(rows);
    if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1);
    if (alpha !== null) expect(alpha).toBeGreaterThan(-1e6);
  });
});
