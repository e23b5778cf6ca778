/**
 * Derivative-free maximum likelihood: Nelder–Mead on log-parameters with restarts, and a
 * finite-difference Hessian whose Cholesky factorisation gives the verdict on the optimum and the
 * standard errors.
 *
 * @module
 */

/** How a minimisation ended. */
export interface MinimiseResult {
  readonly point: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Why it stopped: `'tolerance'`, `'max-evaluations'`, or `'non-finite'` (no finite start). */
  readonly reason: 'tolerance' | 'max-evaluations' | 'non-finite';
}

/** Stopping rules of {@link minimiseNelderMead}. */
export interface MinimiseOptions {
  /** Largest spread of function values in the simplex at convergence (absolute). */
  readonly valueTolerance: number;
  /** Largest distance of a vertex from the best one at convergence (in the parameters' units). */
  readonly pointTolerance: number;
  /** Function evaluations allowed in total. */
  readonly maxEvaluations: number;
  /** Size of the initial simplex's steps. */
  readonly initialStep: number;
}

/**
 * Minimises `objective` with the Nelder–Mead simplex method, using the dimension-adaptive
 * coefficients of Gao & Han (2012), restarting from the best vertex until a restart no longer
 * improves the value (Nelder–Mead can stall on a non-stationary point; a restart detects that).
 * Non-finite values count as +∞, so the search stays inside the region where the objective exists.
 */
export function minimiseNelderMead(
  objective: (point: Float64Array) => number,
  start: Float64Array,
  options: MinimiseOptions,
): MinimiseResult {
  const counter = { evaluations: 0, iterations: 0 };
  const evaluate = (point: Float64Array): number => {
    counter.evaluations += 1;
    const value = objective(point);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  let best: Float64Array = Float64Array.from(start);
  let bestValue = evaluate(best);
  const finish = (converged: boolean, reason: MinimiseResult['reason']): MinimiseResult => ({
    point: best,
    value: bestValue,
    iterations: counter.iterations,
    evaluations: counter.evaluations,
    converged,
    reason,
  });
  if (!Number.isFinite(bestValue)) return finish(false, 'non-finite');
  for (let restart = 0; ; restart += 1) {
    const step = restart === 0 ? options.initialStep : Math.max(options.initialStep / 4, 1e-3);
    const search = searchSimplex(evaluate, best, bestValue, step, options, counter);
    const improvement = bestValue - search.value;
    best = search.point;
    bestValue = search.value;
    if (!search.converged) return finish(false, 'max-evaluations');
    if (restart > 0 && improvement <= options.valueTolerance) return finish(true, 'tolerance');
  }
}

/** One Nelder–Mead search from a simplex around `start`, until convergence or the evaluation budget. */
function searchSimplex(
  evaluate: (point: Float64Array) => number,
  start: Float64Array,
  startValue: number,
  step: number,
  options: MinimiseOptions,
  counter: { evaluations: number; iterations: number },
): { point: Float64Array; value: number; converged: boolean } {
  const n = start.length;
  const expansion = 1 + 2 / n;
  const contraction = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;
  const vertices: Float64Array[] = [start];
  const values: number[] = [startValue];
  for (let i = 0; i < n; i += 1) {
    const vertex = Float64Array.from(start);
    vertex[i] = vertex[i]! + step;
    vertices.push(vertex);
    values.push(evaluate(vertex));
  }
  const order = vertices.map((_, index) => index);
  const replaceWorst = (point: Float64Array, value: number) => {
    vertices[order[n]!] = point;
    values[order[n]!] = value;
  };
  let converged = false;
  while (counter.evaluations < options.maxEvaluations) {
    counter.iterations += 1;
    order.sort((left, right) => values[left]! - values[right]!);
    const lowest = order[0]!;
    if (isConverged(vertices, values, lowest, options)) {
      converged = true;
      break;
    }
    const centroid = new Float64Array(n);
    for (let v = 0; v < n; v += 1) {
      const vertex = vertices[order[v]!]!;
      for (let i = 0; i < n; i += 1) centroid[i] = centroid[i]! + vertex[i]! / n;
    }
    const worst = vertices[order[n]!]!;
    const worstValue = values[order[n]!]!;
    const along = (factor: number): Float64Array => centroid.map((c, i) => c + factor * (c - worst[i]!));
    const reflected = along(1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[lowest]!) {
      const expanded = along(expansion);
      const expandedValue = evaluate(expanded);
      if (expandedValue < reflectedValue) replaceWorst(expanded, expandedValue);
      else replaceWorst(reflected, reflectedValue);
      continue;
    }
    if (reflectedValue < values[order[n - 1]!]!) {
      replaceWorst(reflected, reflectedValue);
      continue;
    }
    const outside = reflectedValue < worstValue;
    const contracted = along(outside ? contraction : -contraction);
    const contractedValue = evaluate(contracted);
    if (contractedValue < (outside ? reflectedValue : worstValue)) {
      replaceWorst(contracted, contractedValue);
      continue;
    }
    const anchor = vertices[lowest]!;
    for (const index of order.slice(1)) {
      const vertex = vertices[index]!;
      for (let i = 0; i < n; i += 1) vertex[i] = anchor[i]! + shrink * (vertex[i]! - anchor[i]!);
      values[index] = evaluate(vertex);
    }
  }
  order.sort((left, right) => values[left]! - values[right]!);
  return { point: vertices[order[0]!]!, value: values[order[0]!]!, converged };
}

function isConverged(
  vertices: readonly Float64Array[],
  values: readonly number[],
  lowest: number,
  options: MinimiseOptions,
): boolean {
  const bestValue = values[lowest]!;
  const bestPoint = vertices[lowest]!;
  for (let v = 0; v < vertices.length; v += 1) {
    if (!(Math.abs(values[v]! - bestValue) <= options.valueTolerance)) return false;
    const vertex = vertices[v]!;
    for (let i = 0; i < vertex.length; i += 1)
      if (Math.abs(vertex[i]! - bestPoint[i]!) > options.pointTolerance) return false;
  }
  return true;
}

/**
 * The Hessian of `objective` at `point` by central differences with step `h` (the same in every
 * coordinate: the coordinates are log-parameters, so `h` is a relative step of the parameters).
 */
export function finiteDifferenceHessian(
  objective: (point: Float64Array) => number,
  point: Float64Array,
  h: number,
): number[][] {
  const n = point.length;
  const at = (di: number, dj: number, i: number, j: number): number => {
    const moved = Float64Array.from(point);
    moved[i] = moved[i]! + di;
    moved[j] = moved[j]! + dj;
    return objective(moved);
  };
  const centre = objective(point);
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    const row = hessian[i]!;
    row[i] = (at(h, 0, i, i) - 2 * centre + at(-h, 0, i, i)) / (h * h);
    for (let j = i + 1; j < n; j += 1) {
      const value = (at(h, h, i, j) - at(h, -h, i, j) - at(-h, h, i, j) + at(-h, -h, i, j)) / (4 * h * h);
      row[j] = value;
      hessian[j]![i] = value;
    }
  }
  return hessian;
}

/** The inverse of a symmetric positive-definite matrix by Cholesky, or `null` when it is not positive definite. */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  // invert L, then (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹
  const inverseLower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    inverseLower[i]![i] = 1 / lower[i]![i]!;
    for (let j = 0; j < i; j += 1) {
      let sum = 0;
      for (let k = j; k < i; k += 1) sum -= lower[i]![k]! * inverseLower[k]![j]!;
      inverseLower[i]![j] = sum / lower[i]![i]!;
    }
  }
  const inverse: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = 0;
      for (let k = i; k < n; k += 1) sum += inverseLower[k]![i]! * inverseLower[k]![j]!;
      inverse[i]![j] = sum;
      inverse[j]![i] = sum;
    }
  }
  return inverse;
}
