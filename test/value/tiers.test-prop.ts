import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTierPolicy, defineTierPolicy, defineValueGrader, telecomTierPolicy } from '../../src/value/index.js';

const spend = fc.integer({ min: 0, max: 50_000_000 }).map((cents) => (cents / 100).toFixed(2));
const periods = ['week', 'month', 'quarter', 'halfYear', 'year'] as const;
const frequency = fc.option(fc.record({ times: fc.integer({ min: 1, max: 6 }), per: fc.constantFrom(...periods) }), {
  nil: null,
});
/** Contiguous random bands from 0 up, lowest first. */
const policy = fc
  .array(fc.record({ width: fc.integer({ min: 1, max: 100_000 }), visits: frequency, calls: frequency }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((tiers) => {
    let min = 0;
    return defineTierPolicy({
      id: 'random',
      version: '1',
      tiers: tiers.map((tier, index) => {
        const band = {
          minMonthlySpend: min,
          ...(index < tiers.length - 1 ? { maxMonthlySpend: min + tier.width } : {}),
        };
        min += tier.width;
        return {
          id: `t${index}`,
          labels: { en: `Tier ${index}`, 'zh-CN': `等级${index}` },
          ...band,
          visits: tier.visits,
          calls: tier.calls,
        };
      }),
    });
  });

describe('tier policy laws (seed 003)', () => {
  it('tierFor is monotone: a higher monthly spend never lands in a lower tier', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(telecomTierPolicy), policy), spend, spend, (tiers, a, b) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const lower = tiers.tierFor(low);
        const higher = tiers.tierFor(high);
        if (lower !== null && higher !== null) expect(higher.rank).toBeLessThanOrEqual(lower.rank);
        if (lower !== null && tiers === telecomTierPolicy) expect(higher).not.toBeNull();
      }),
    );
  });

  it('the spend found is inside the tier’s band', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(telecomTierPolicy), policy), spend, (tiers, value) => {
        const tier = tiers.tierFor(value);
        if (tier === null) return;
        expect(tier.minMonthlySpend.lte(value)).toBe(true);
        if (tier.maxMonthlySpend !== null) expect(tier.maxMonthlySpend.gt(value)).toBe(true);
      }),
    );
  });

  it('JSON round-trip is the identity for tier policies and graders', () => {
    fc.assert(
      fc.property(policy, (tiers) => {
        const again = defineTierPolicy(JSON.parse(JSON.stringify(tiers)));
        expect(again.fingerprint).toBe(tiers.fingerprint);
        expect(checkTierPolicy(again).inversions.length).toBe(checkTierPolicy(tiers).inversions.length);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 }), (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const grader = defineValueGrader({
          id: 'g',
          version: '1',
          method: 'cumulativeShare',
          grades: [...sorted.map((cut, index) => ({ id: `G${index}`, upTo: cut / 1000 })), { id: 'last' }],
        });
        expect(defineValueGrader(JSON.parse(JSON.stringify(grader))).fingerprint).toBe(grader.fingerprint);
      }),
    );
  });

  it('a stricter contact standard on a lower tier is always flagged', () => {
    fc.assert(
      fc.property(policy, (tiers) => {
        const check = checkTierPolicy(tiers);
        for (const high of tiers.tiers) {
          for (const low of tiers.tiers) {
            if (low.rank <= high.rank) continue;
            const flagged = check.inversions.some(
              (inversion) =>
                inversion.kind === 'visits' && inversion.lowerTier === low.id && inversion.higherTier === high.id,
            );
            expect(flagged).toBe(low.contact.visitsPerYear.gt(high.contact.visitsPerYear));
          }
        }
      }),
    );
  });
});
