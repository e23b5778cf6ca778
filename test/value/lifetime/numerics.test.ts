import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logGamma } from '../../../src/value/lifetime/internal/special.js';
import { invertPositiveDefinite, minimiseNelderMead } from '../../../src/value/lifetime/internal/optimize.js';

describe('logGamma (documented accuracy: absolute error below 1e-13)', () => {
  // Reference values: exact closed forms (Γ(½) = √π, Γ(n) = (n−1)!) and Abramowitz & Stegun, table 6.1.
  const cases: [number, number][] = [
    [0.5, 0.5 * Math.log(Math.PI)],
    [1, 0],
    [2, 0],
    [3, Math.LN2],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [10, Math.log(362880)],
    [0.1, Math.log(9.513507698668731836)], // Γ(0.1), A&S 6.1
    [0.25, Math.log(3.625609908221908311)], // Γ(¼), A&S 6.1
    [1e-8, 18.420680738180208], // −ln x − γx + (π²/12)x², the Taylor series at 0
  ];
  it.each(cases)('ln Γ(%s)', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('ln Γ(n) equals ln((n−1)!) summed term by term, for n up to 171', () => {
    let logFactorial = 0;
    for (let n = 2; n <= 171; n += 1) {
      logFactorial += Math.log(n - 1);
      expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThan(1e-13 * Math.max(1, logFactorial));
    }
  });

  it('satisfies the recurrence ln Γ(x+1) − ln Γ(x) = ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const difference = logGamma(x + 1) - logGamma(x);
        expect(Math.abs(difference - Math.log(x))).toBeLessThan(1e-12 * Math.max(1, Math.abs(logGamma(x + 1))));
      }),
    );
  });

  it('is NaN outside its domain x > 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
  });
});

describe('hypergeometric2F1 against closed forms (relative error below 1e-13)', () => {
  const close = (actual: number, expected: number) =>
    expect(Math.abs(actual - expected)).toBeLessThan(1e-13 * Math.abs(expected));

  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z, on both sides of 0 (Pfaff transformation below −½)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.99, max: 0.95, noNaN: true }).filter((z) => Math.abs(z) > 1e-6),
        (z) => {
          close(hypergeometric2F1(1, 1, 2, z), -Math.log1p(-z) / z);
        },
      ),
    );
  });

  it('₂F₁(a, b; b; z) = (1 − z)^(−a)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        (a, b, z) => {
          close(hypergeometric2F1(a, b, b, z), Math.pow(1 - z, -a));
        },
      ),
    );
  });

  it('₂F₁(½, ½; 3/2; z²) = arcsin(z)/z', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) close(hypergeometric2F1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z);
  });

  it('reports a series that does not converge as NaN instead of a wrong number', () => {
    expect(hypergeometric2F1(1, 1, 2, 1 - 1e-12)).toBeNaN();
    expect(hypergeometric2F1(1, 1, 2, 1)).toBeNaN();
    expect(hypergeometric2F1(1, 1, -2, 0.5)).toBeNaN();
  });
});

describe('minimiseNelderMead and the Hessian verdict', () => {
  const rosenbrock = (p: Float64Array) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2;
  const options = { valueTolerance: 1e-12, pointTolerance: 1e-8, maxEvaluations: 5000, initialStep: 0.5 };

  it('finds the minimum of Rosenbrock’s valley at (1, 1)', () => {
    const result = minimiseNelderMead(rosenbrock, Float64Array.of(-1.2, 1), options);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(1, 4);
  });

  it('says so when it runs out of evaluations', () => {
    const result = minimiseNelderMead(rosenbrock, Float64Array.of(-1.2, 1), { ...options, maxEvaluations: 30 });
    expect(result).toMatchObject({ converged: false, reason: 'max-evaluations' });
  });

  it('says so when the start is not finite', () => {
    expect(minimiseNelderMead(() => Number.NaN, Float64Array.of(0), options)).toMatchObject({
      converged: false,
      reason: 'non-finite',
    });
  });

  it('inverts a positive-definite matrix and refuses an indefinite one', () => {
    const inverse = invertPositiveDefinite([
      [2, 1],
      [1, 2],
    ])!;
    expect(inverse[0]![0]).toBeCloseTo(2 / 3, 14);
    expect(inverse[0]![1]).toBeCloseTo(-1 / 3, 14);
    expect(
      invertPositiveDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});
