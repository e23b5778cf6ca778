import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { ValidationError } from '../../src/shared/index.js';
import { parseScoreResult, potentialValueModel, reasons, score } from '../../src/scoring/index.js';

/** Issue 21: a stored score works wherever the live one does. */
const ratings = fc.record(
  Object.fromEntries(
    potentialValueModel.factors.map((factor) => [
      factor.id,
      fc
        .integer({ min: 0, max: 100 })
        .map((step) => factor.min.toNumber() + ((factor.max.toNumber() - factor.min.toNumber()) * step) / 100),
    ]),
  ),
);

describe('score results read back from JSON', () => {
  propTest.prop([ratings, fc.integer({ min: 0, max: 12 })])(
    'reasons(JSON form) deep-equals reasons(live result); parseScoreResult re-serialises byte-identically',
    (given, k) => {
      const result = score(potentialValueModel, given);
      const text = JSON.stringify(result);
      expect(reasons(JSON.parse(text), { k })).toEqual(reasons(result, { k }));
      expect(JSON.stringify(parseScoreResult(JSON.parse(text)))).toBe(text);
    },
  );

  it('unreadable options and malformed results are ValidationErrors, never TypeErrors', () => {
    const result = score(
      potentialValueModel,
      Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()])),
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => reasons(result, proxy)).toThrow(ValidationError);
    const broken = JSON.parse(JSON.stringify(result)) as { factors: { shortfall: unknown }[] };
    broken.factors[0]!.shortfall = 'a lot';
    expect(() => reasons(broken as never)).toThrow(ValidationError);
  });
});
