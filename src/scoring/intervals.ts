/**
 * Intervals with explicit edge closure, shared by grade bands and band scales.
 *
 * Written as in mathematics: `[60, 80)` is 60 ≤ x < 80, `(40, 60)` excludes both edges,
 * `(-inf, 40]` and `[80, +inf)` are unbounded. The object form
 * `{ lower: { value: 60, inclusive: true }, upper: { value: 80, inclusive: false } }` is accepted too.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { z } from 'zod';
import type { intervalSchema } from './intervalSchema.js';
import { boolean, optional, refineWith, strictObject, string, union, type Reader } from '../shared/check.js';
import { numericReader } from '../shared/readers.js';
import { tryDecimal } from '../shared/numeric.js';
import { compare, fromDecimal, type Rational } from '../shared/rational.js';

const INTERVAL_TEXT = /^\s*([[(])\s*([^,\s]+)\s*,\s*([^,\s]+)\s*([\])])\s*$/;

function parseText(text: string): IntervalObject | string {
  const match = INTERVAL_TEXT.exec(text);
  if (!match) return 'interval notation such as "[60, 80)", "(-inf, 40]" or "[80, +inf)"';
  const [, open, low, high, close] = match as unknown as [string, string, string, string, string];
  const out: IntervalObject = {};
  if (low !== '-inf') {
    if (tryDecimal(low) === undefined) return `a number or -inf as the lower edge, not "${low}"`;
    out.lower = { value: low, inclusive: open === '[' };
  } else if (open === '[') return 'an open bracket "(" before -inf';
  if (high !== '+inf' && high !== 'inf') {
    if (tryDecimal(high) === undefined) return `a number or +inf as the upper edge, not "${high}"`;
    out.upper = { value: high, inclusive: close === ']' };
  } else if (close === ']') return 'a closing ")" after +inf';
  return out;
}

interface IntervalObject {
  lower?: { value: number | string | Decimal; inclusive: boolean };
  upper?: { value: number | string | Decimal; inclusive: boolean };
}

/** The problem with an interval's edges, if any: notation that does not parse, or an empty interval. */
export function intervalProblem(value: IntervalInput): string | undefined {
  const parsed = typeof value === 'string' ? parseText(value) : value;
  if (typeof parsed === 'string') return parsed;
  if (parsed.lower && parsed.upper) {
    const low = tryDecimal(parsed.lower.value)!;
    const high = tryDecimal(parsed.upper.value)!;
    const cmp = low.comparedTo(high);
    if (cmp > 0 || (cmp === 0 && !(parsed.lower.inclusive && parsed.upper.inclusive)))
      return 'a non-empty interval (lower edge below the upper edge)';
  }
  return undefined;
}

const edgeReader = /* @__PURE__ */ strictObject({ value: numericReader, inclusive: /* @__PURE__ */ boolean() });

/** `intervalSchema` without zod (see `check.ts`): the same issues and output. */
export const intervalReader: Reader<IntervalInput> = /* @__PURE__ */ union(
  [
    /* @__PURE__ */ string(),
    /* @__PURE__ */ strictObject({
      lower: /* @__PURE__ */ optional(edgeReader),
      upper: /* @__PURE__ */ optional(edgeReader),
    }),
  ],
  [/* @__PURE__ */ refineWith(intervalProblem)],
);

/** The JSON form an interval is written in. @category Scales */
export type IntervalInput = z.input<typeof intervalSchema>;

/** One edge of a compiled interval: its value (also as an exact fraction) and whether it is included. @category Scales
 * */
export interface Edge {
  readonly value: Decimal;
  readonly exact: Rational;
  readonly inclusive: boolean;
}

/** A compiled interval: `null` edges are unbounded; `text` is the interval in notation. @category Scales */
export interface Interval {
  readonly lower: Edge | null;
  readonly upper: Edge | null;
  /** The interval in notation: `[60, 80)`. */
  readonly text: string;
}

function toEdge(edge: { value: unknown; inclusive: boolean } | undefined): Edge | null {
  if (!edge) return null;
  const value = tryDecimal(edge.value)!;
  return Object.freeze({ value, exact: fromDecimal(value), inclusive: edge.inclusive });
}

/** Compiles a validated interval. */
export function compileInterval(input: IntervalInput): Interval {
  const parsed = typeof input === 'string' ? (parseText(input) as IntervalObject) : input;
  const lower = toEdge(parsed.lower);
  const upper = toEdge(parsed.upper);
  return Object.freeze({ lower, upper, text: formatInterval(lower, upper) });
}

/** Writes an interval in notation, decimals in plain form. */
export function formatInterval(lower: Edge | null, upper: Edge | null): string {
  const left = lower ? `${lower.inclusive ? '[' : '('}${lower.value.toFixed()}` : '(-inf';
  const right = upper ? `${upper.value.toFixed()}${upper.inclusive ? ']' : ')'}` : '+inf)';
  return `${left}, ${right}`;
}

/** True when the exact value lies in the interval. */
export function contains(interval: Interval, value: Rational): boolean {
  if (interval.lower) {
    const cmp = compare(value, interval.lower.exact);
    if (cmp < 0 || (cmp === 0 && !interval.lower.inclusive)) return false;
  }
  if (interval.upper) {
    const cmp = compare(value, interval.upper.exact);
    if (cmp > 0 || (cmp === 0 && !interval.upper.inclusive)) return false;
  }
  return true;
}

/** Orders intervals by their lower edge (unbounded first; at equal values, inclusive first). */
export function compareLower(a: Interval, b: Interval): number {
  if (!a.lower) return b.lower ? -1 : 0;
  if (!b.lower) return 1;
  const cmp = compare(a.lower.exact, b.lower.exact);
  if (cmp !== 0) return cmp;
  return a.lower.inclusive === b.lower.inclusive ? 0 : a.lower.inclusive ? -1 : 1;
}

/**
 * Checks that sorted intervals tile the line between the first and the last without gap or
 * overlap; returns a description of the first problem, or `null`.
 */
export function tilingProblem(sorted: readonly Interval[]): { index: number; problem: string } | null {
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (!previous.upper || !current.lower) {
      return { index: i, problem: `no overlap with ${previous.text}` };
    }
    const cmp = compare(previous.upper.exact, current.lower.exact);
    if (cmp > 0 || (cmp === 0 && previous.upper.inclusive && current.lower.inclusive)) {
      return { index: i, problem: `no overlap with ${previous.text}` };
    }
    if (cmp < 0 || (!previous.upper.inclusive && !current.lower.inclusive)) {
      return { index: i, problem: `no gap after ${previous.text}` };
    }
  }
  return null;
}

/** True when the interval contains every point of `inner` (both compiled). */
export function coversInterval(outer: Interval, inner: Interval): boolean {
  if (outer.lower) {
    if (!inner.lower) return false;
    const cmp = compare(inner.lower.exact, outer.lower.exact);
    if (cmp < 0 || (cmp === 0 && inner.lower.inclusive && !outer.lower.inclusive)) return false;
  }
  if (outer.upper) {
    if (!inner.upper) return false;
    const cmp = compare(inner.upper.exact, outer.upper.exact);
    if (cmp > 0 || (cmp === 0 && inner.upper.inclusive && !outer.upper.inclusive)) return false;
  }
  return true;
}
