import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { ValidationError } from '../../src/shared/index.js';
import { cronbachAlpha } from '../../src/quality/index.js';

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

  it('refuses widths beyond its limits before allocating: a sparse 100,000-wide row, 2 × 10,000', () => {
    expect(() => cronbachAlpha([new Array(100_000)])).toThrow(ValidationError);
    const wide = [
      Array.from({ length: 10_000 }, (_, i) => i % 5),
      Array.from({ length: 10_000 }, (_, i) => (i + 1) % 5),
    ];
    expect(() => cronbachAlpha(wide)).toThrow(ValidationError);
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
