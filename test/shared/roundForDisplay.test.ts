import { describe, expect, it } from 'vitest';
import { Decimal as ForeignDecimal } from 'decimal.js';
import {
  ValidationError,
  defineScorecard,
  potentialValueModel,
  roundForDisplay,
  score,
  toDecimal,
} from '../../src/index.js';

// A model whose total does not terminate: 100 × 1/3 = 33.333… (40 significant digits in the result).
const thirds = defineScorecard({
  id: 'thirds',
  categories: [{ id: 'all', weight: 1, factors: [{ id: 'x', min: 0, max: 3 }] }],
});

describe('roundForDisplay', () => {
  it('rounds every Decimal of a score result in its JSON, leaving the live result exact', () => {
    const result = score(thirds, { x: 1 });
    const exactJson = JSON.stringify(result);
    expect(result.total.toString()).toBe('33.33333333333333333333333333333333333333');
    const shown = roundForDisplay(result, { decimals: 2 });
    const json = JSON.parse(JSON.stringify(shown)) as {
      total: string;
      factors: { contribution: string; rating: string }[];
      categories: { ratio: string }[];
    };
    expect(json.total).toBe('33.33');
    expect(json.factors[0]).toMatchObject({ contribution: '33.33', rating: '1' });
    expect(json.categories[0]!.ratio).toBe('0.33');
    // the live result is untouched, byte for byte
    expect(JSON.stringify(result)).toBe(exactJson);
    expect(shown.grade).toBe(result.grade);
  });

  it('keeps the shape: every key, array order and non-decimal field', () => {
    const full = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
    const result = score(potentialValueModel, full);
    const shown = roundForDisplay(result, { decimals: 0 });
    expect(Object.keys(shown)).toEqual(Object.keys(result));
    expect(shown.factors.map((factor) => factor.id)).toEqual(result.factors.map((factor) => factor.id));
    expect(shown.total.toString()).toBe('100');
    // a result's notebook display method (its prototype) survives the copy
    expect(Object.getPrototypeOf(shown)).toBe(Object.getPrototypeOf(result));
  });

  it('rounds ties half-up (away from zero) by default, half-even on request', () => {
    const ties = ['2.345', '2.355', '-2.345', '0.5', '1.5', '2.5'].map((text) => toDecimal(text));
    const places = (rounding: 'half-up' | 'half-even', decimals: number) =>
      roundForDisplay(ties, { decimals, rounding }).map((value) => value.toString());
    expect(roundForDisplay(ties, { decimals: 2 }).map(String)).toEqual(places('half-up', 2));
    expect(places('half-up', 2)).toEqual(['2.35', '2.36', '-2.35', '0.5', '1.5', '2.5']);
    expect(places('half-even', 2)).toEqual(['2.34', '2.36', '-2.34', '0.5', '1.5', '2.5']);
    expect(places('half-up', 0)).toEqual(['2', '2', '-2', '1', '2', '3']);
    expect(places('half-even', 0)).toEqual(['2', '2', '-2', '0', '2', '2']);
  });

  it('keeps at most `decimals` places (no padding) and reads a Decimal from another copy of decimal.js', () => {
    const shown = roundForDisplay({ a: toDecimal('70'), b: new ForeignDecimal('1.23456') }, { decimals: 3 });
    expect(JSON.stringify(shown)).toBe('{"a":"70","b":"1.235"}');
  });

  it('keeps objects with their own JSON form (a model, a Date) as they are, and shared references shared', () => {
    const when = new Date(Date.UTC(2026, 0, 1));
    const shared = { value: toDecimal('1.005') };
    const shown = roundForDisplay({ model: thirds, when, left: shared, right: shared }, { decimals: 2 });
    expect(shown.model).toBe(thirds);
    expect(shown.when).toBe(when);
    expect(shown.left).toBe(shown.right);
    expect(shown.left.value.toString()).toBe('1.01');
    expect(shared.value.toString()).toBe('1.005');
  });

  it('refuses a bad number of places or an unknown tie rule, naming the option', () => {
    for (const decimals of [-1, 1.5, 101, Number.NaN]) {
      expect(() => roundForDisplay({}, { decimals })).toThrow(ValidationError);
    }
    try {
      roundForDisplay({}, { decimals: 2, rounding: 'bankers' as never });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toBe('options.rounding');
    }
  });
});

describe('roundForDisplay on hostile input', () => {
  it('a throwing getter or a revoked proxy is a ValidationError; a __proto__ key stays an own key', () => {
    const throwing = Object.defineProperty({}, 'total', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => roundForDisplay(throwing, { decimals: 2 })).toThrow(ValidationError);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => roundForDisplay({ inner: proxy }, { decimals: 2 })).toThrow(ValidationError);
    const parsed = JSON.parse('{"__proto__": {"x": "1.005"}}') as Record<string, unknown>;
    const shown = roundForDisplay(parsed, { decimals: 2 });
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.keys(shown)).toEqual(['__proto__']);
  });
});
