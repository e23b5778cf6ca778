/** Bad input to the charts, display and formatting (issue 19): ValidationErrors with paths, never TypeErrors or hangs.
 * */
import { describe, expect, it } from 'vitest';
import { ValidationError, paretoCurve } from '../../src/index.js';
import {
  dimensionMeansChart,
  display,
  formatCurrency,
  formatNumber,
  formatPercent,
  gainsChart,
  paretoChart,
  renderReport,
  riskLevelChart,
  servqualGapChart,
  toHtml,
} from '../../src/charts/index.js';

const revoked = (() => {
  const handle = Proxy.revocable({}, {});
  handle.revoke();
  return handle.proxy;
})();

/** The issues of the ValidationError `run` throws (fails the test when it throws anything else or nothing). */
function issuesOf(run: () => unknown): { path: string; code: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, code }) => ({ path, code }));
  }
  throw new Error('expected a ValidationError');
}

describe('charts refuse bad data with a path', () => {
  it('a missing field the drawing reads is named, relative to the argument', () => {
    expect(issuesOf(() => dimensionMeansChart({ dimensions: [{ dimension: 'a', mean: 1 }] } as never))).toEqual([
      { path: 'dimensions[0].ci', code: 'missing' },
    ]);
    expect(issuesOf(() => servqualGapChart(null as never))[0]?.path).toBe('');
    expect(issuesOf(() => riskLevelChart([null] as never))[0]?.path).toBe('[0]');
  });

  it('a revoked proxy or a throwing getter is a ValidationError (rows are read in place, so at the argument)', () => {
    expect(issuesOf(() => riskLevelChart([{ level: 'none', alerts: revoked }] as never))[0]?.code).toBe(
      'invalid_value',
    );
    const getter = Object.defineProperty({ alerts: [] }, 'level', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    expect(issuesOf(() => riskLevelChart([getter] as never))[0]?.path).toBe('');
  });

  it('numbers must be finite numbers, decimal strings or Decimals within the limits', () => {
    const gains = (capture: unknown) => ({ n: 10, gains: [{ cumulativeCount: 5, capture, cumulativeLift: 1 }] });
    for (const capture of [Number.NaN, '1e5000', Symbol('x'), 2n, { toString: '1' }, Object.create(null)])
      expect(issuesOf(() => gainsChart(gains(capture) as never))[0]?.path).toBe('gains[0].capture');
    // any object whose own toString gives a decimal is a DecimalText
    expect(gainsChart(gains({ toString: () => '0.5' }) as never)).toContain('<svg');
  });

  it('options are checked and named from options', () => {
    const curve = paretoCurve([5, 3, 2]);
    expect(issuesOf(() => paretoChart(curve, { locale: 'not a locale!' }))[0]?.path).toBe('options.locale');
    expect(issuesOf(() => paretoChart(curve, { width: Number.POSITIVE_INFINITY }))[0]?.path).toBe('options.width');
    expect(issuesOf(() => paretoChart(curve, { targetShare: 'x' }))[0]?.path).toBe('options.targetShare');
    expect(issuesOf(() => paretoChart(curve, revoked as never))[0]?.path).toBe('options');
  });

  it('a domain finer than the resolution of its numbers still returns (ticks are bounded)', () => {
    const svg = gainsChart(
      { n: 1, gains: [{ cumulativeCount: 1, capture: 1e17, cumulativeLift: 1e17 + 16 }] },
      {
        kind: 'lift',
      },
    );
    expect(svg).toContain('</svg>');
  });

  it('long data does not overflow the stack', () => {
    const results = Array.from({ length: 150_000 }, (_, index) => ({
      level: index % 2 ? 'none' : 'watch',
      alerts: [],
    }));
    expect(riskLevelChart(results)).toContain('</svg>');
  });

  it('renderReport names the report option that is wrong', () => {
    const assessment = { results: [], summary: { accounts: 0, failed: 0, totalValue: 0, byClass: [] } } as never;
    expect(issuesOf(() => renderReport(assessment, { tiers: [{ id: 't', count: 'many' }] } as never))[0]?.path).toBe(
      'options.tiers[0].count',
    );
  });
});

describe('display and formatting', () => {
  it('toHtml shows odd fields as text and refuses what it cannot read', () => {
    const html = toHtml({ symbol: Symbol('s'), bare: Object.create(null), big: 2n ** 80n });
    expect(html).toContain('Symbol(s)');
    expect(issuesOf(() => toHtml(revoked))[0]?.path).toBe('');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(issuesOf(() => toHtml(cyclic))[0]?.path).toBe('self');
  });

  it('display checks the value and options when called, not later in the kernel', () => {
    expect(issuesOf(() => display(revoked))[0]?.path).toBe('result');
    expect(issuesOf(() => display({}, { theme: 'sepia' } as never))[0]?.path).toBe('options.theme');
  });

  it('formatters check every option', () => {
    expect(issuesOf(() => formatNumber(1, { locale: 'x'.repeat(300) }))[0]?.path).toBe('options.locale');
    expect(issuesOf(() => formatNumber(1, { minimumDigits: -1 }))[0]?.path).toBe('options.minimumDigits');
    expect(issuesOf(() => formatPercent(1, { grouping: 'yes' as never }))[0]?.path).toBe('options.grouping');
    expect(issuesOf(() => formatCurrency(1, 'CNY', null as never))[0]?.path).toBe('options');
    expect(issuesOf(() => formatNumber(Object.create(null) as never))[0]).toEqual({
      path: 'value',
      code: 'not_numeric',
    });
    expect(formatNumber('  1234.5  ', { digits: 1 })).toBe('1,234.5');
  });
});
