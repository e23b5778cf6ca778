import type { Decimal } from 'decimal.js';
import { fail, makeIssue, type Issue } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { toDecimal, tryDecimal } from '../../shared/numeric.js';
import {
  add,
  compare,
  divide,
  fromDecimal,
  multiply,
  subtract,
  rationalToDecimal,
  type Rational,
} from '../../shared/rational.js';
import { compareLower, compileInterval, contains, tilingProblem, type Interval } from '../intervals.js';
import type { ScaleRule, SpecialRule } from '../scorecard/plan.js';
import type { ScaleDefinition } from './scaleSchema.js';

/** What a scale made of a raw value. */
type ScaleOutcome =
  | { readonly kind: 'rating'; readonly rating: Rational; readonly clamped: boolean; readonly rule: string }
  | { readonly kind: 'missing'; readonly rule: string };

/** A compiled scale: a pure function from a raw value to a rating, plus its own description. */
export interface CompiledScale {
  readonly type: ScaleDefinition['type'];
  /** Maps a raw value; throws `ValidationError` at `path` when the value cannot be mapped. */
  apply(raw: unknown, path: string, clamp: boolean): ScaleOutcome;
  /** The scale in words, one row per band / category / anchor. */
  readonly rows: readonly ScaleRow[];
  /** The normalised JSON form. */
  readonly definition: ScaleDefinition;
  /** The scale as exact data (parsed edges, anchors, codes), read by the scorecard plan. */
  readonly rule: ScaleRule;
}

/**
 * One row of a scale's self-description: a raw interval (`[0, 365)`), code or value, and the
 * rating it gives.
 * @category Scales
 */
export interface ScaleRow {
  readonly raw: string;
  readonly rating: string;
  readonly labels?: Labels | undefined;
}

interface Special {
  readonly value: string;
  readonly outcome: ScaleOutcome;
}

function compileSpecials(definition: ScaleDefinition): Map<string, Special> {
  const map = new Map<string, Special>();
  for (const special of definition.special ?? []) {
    const outcome: ScaleOutcome =
      'missing' in special
        ? { kind: 'missing', rule: `"${special.value}" → missing` }
        : {
            kind: 'rating',
            rating: fromDecimal(toDecimal(special.rating)),
            clamped: false,
            rule: `"${special.value}" → ${toDecimal(special.rating).toFixed()}`,
          };
    map.set(special.value, { value: special.value, outcome });
  }
  return map;
}

function specialRules(specials: Map<string, Special>): SpecialRule[] {
  return [...specials.values()].map((special) => ({
    value: special.value,
    rating: special.outcome.kind === 'missing' ? null : special.outcome.rating,
  }));
}

function specialRows(specials: Map<string, Special>): ScaleRow[] {
  return [...specials.values()].map((special) => ({
    raw: `"${special.value}"`,
    rating: special.outcome.kind === 'missing' ? 'missing' : rationalToDecimal(special.outcome.rating).toFixed(),
  }));
}

/**
 * Checks a scale's internal consistency and that its ratings stay within `[min, max]`; returns the
 * issues (paths relative to `path`).
 */
export function checkScale(definition: ScaleDefinition, min: Decimal, max: Decimal, path: string): Issue[] {
  const issues: Issue[] = [];
  const within: Within = (value, where) => {
    const rating = tryDecimal(value);
    if (rating && (rating.lessThan(min) || rating.greaterThan(max))) {
      const expected = `a rating within [${min.toFixed()}, ${max.toFixed()}]`;
      issues.push(makeIssue(where, expected, rating.toFixed(), 'out_of_range'));
    }
  };
  const seen = new Set<string>();
  (definition.special ?? []).forEach((special, index) => {
    if (seen.has(special.value))
      issues.push(duplicate(`${path}.special[${index}].value`, 'special value', special.value));
    seen.add(special.value);
    if ('rating' in special) within(special.rating, `${path}.special[${index}].rating`);
  });
  switch (definition.type) {
    case 'bands':
      checkBands(definition, path, within, issues);
      break;
    case 'linear':
      checkLinear(definition, path, within, issues);
      break;
    case 'categorical':
      checkCategorical(definition, path, within, issues);
      break;
    case 'boolean':
      within(definition.true, `${path}.true`);
      within(definition.false, `${path}.false`);
      break;
  }
  return issues;
}

/** Reports a rating outside the factor's `[min, max]` at `where`. */
type Within = (value: unknown, where: string) => void;

const duplicate = (where: string, what: string, value: string): Issue =>
  makeIssue(where, `a unique ${what}`, `duplicate "${value}"`, 'duplicate');

/** Bands: ratings within range, and intervals that tile without gap or overlap (in any listing order). */
function checkBands(definition: Of<'bands'>, path: string, within: Within, issues: Issue[]): void {
  const intervals = definition.bands.map((band) => compileInterval(band.interval));
  definition.bands.forEach((band, index) => within(band.rating, `${path}.bands[${index}].rating`));
  const order = intervals
    .map((interval, index) => ({ interval, index }))
    .sort((a, b) => compareLower(a.interval, b.interval));
  const tiling = tilingProblem(order.map((entry) => entry.interval));
  if (!tiling) return;
  const entry = order[tiling.index]!;
  const where = `${path}.bands[${entry.index}].interval`;
  issues.push(makeIssue(where, `bands that meet exactly (${tiling.problem})`, entry.interval.text, 'inconsistent'));
}

/** Linear: two different raw anchors, ratings within range. */
function checkLinear(definition: Of<'linear'>, path: string, within: Within, issues: Issue[]): void {
  const from = toDecimal(definition.from.raw);
  const to = toDecimal(definition.to.raw);
  if (from.equals(to)) {
    const expected = `a raw anchor different from from.raw (${from.toFixed()})`;
    issues.push(makeIssue(`${path}.to.raw`, expected, to.toFixed(), 'inconsistent'));
  }
  within(definition.from.rating, `${path}.from.rating`);
  within(definition.to.rating, `${path}.to.rating`);
}

/** Categorical: unique codes, ratings (and the default) within range. */
function checkCategorical(definition: Of<'categorical'>, path: string, within: Within, issues: Issue[]): void {
  const codes = new Set<string>();
  definition.categories.forEach((category, index) => {
    if (codes.has(category.value))
      issues.push(duplicate(`${path}.categories[${index}].value`, 'category', category.value));
    codes.add(category.value);
    within(category.rating, `${path}.categories[${index}].rating`);
  });
  if (definition.default !== undefined) within(definition.default, `${path}.default`);
}

type Of<T extends ScaleDefinition['type']> = Extract<ScaleDefinition, { type: T }>;

/** A scale's special values and their lookup, shared by every kind. */
interface Specials {
  readonly specials: Map<string, Special>;
  lookupSpecial(raw: unknown): ScaleOutcome | undefined;
}

/** Compiles a scale that `checkScale` accepted. */
export function compileScale(definition: ScaleDefinition): CompiledScale {
  const specials = compileSpecials(definition);
  const shared: Specials = {
    specials,
    lookupSpecial: (raw) => (typeof raw === 'string' ? specials.get(raw)?.outcome : undefined),
  };
  switch (definition.type) {
    case 'bands':
      return compileBands(definition, shared);
    case 'linear':
      return compileLinear(definition, shared);
    case 'categorical':
      return compileCategorical(definition, shared);
    case 'boolean':
      return compileBoolean(definition, shared);
  }
}

function compileBands(definition: Of<'bands'>, { specials, lookupSpecial }: Specials): CompiledScale {
  const given = definition.bands.map((band) => ({
    interval: compileInterval(band.interval),
    rating: fromDecimal(toDecimal(band.rating)),
    ratingText: toDecimal(band.rating).toFixed(),
    // parsed: the schema filled zh-CN in (a preset writes it)
    labels: band.labels as Labels | undefined,
  }));
  const bands = [...given].sort((a, b) => compareLower(a.interval, b.interval));
  const lowest = bands[0]!;
  const highest = bands[bands.length - 1]!;
  const edge = (value: Interval['lower']) =>
    value === null ? null : { value: value.exact, inclusive: value.inclusive };
  return Object.freeze({
    type: 'bands' as const,
    definition,
    rule: {
      type: 'bands' as const,
      bands: given.map((band) => ({
        lower: edge(band.interval.lower),
        upper: edge(band.interval.upper),
        rating: band.rating,
      })),
      special: specialRules(specials),
    },
    rows: Object.freeze([
      ...bands.map((band) => ({
        raw: band.interval.text,
        rating: band.ratingText,
        ...(band.labels ? { labels: band.labels } : {}),
      })),
      ...specialRows(specials),
    ]),
    apply(raw: unknown, path: string, clamp: boolean): ScaleOutcome {
      const special = lookupSpecial(raw);
      if (special) return special;
      const value = readRaw(raw, path, specials);
      for (const band of bands) {
        if (contains(band.interval, value))
          return {
            kind: 'rating',
            rating: band.rating,
            clamped: false,
            rule: `${band.interval.text} → ${band.ratingText}`,
          };
      }
      if (clamp) {
        const below = lowest.interval.lower !== null && compare(value, lowest.interval.lower.exact) <= 0;
        const band = below ? lowest : highest;
        return {
          kind: 'rating',
          rating: band.rating,
          clamped: true,
          rule: `${band.interval.text} → ${band.ratingText} (clamped)`,
        };
      }
      return fail(
        path,
        `a raw value within ${coverage(lowest.interval, highest.interval)}`,
        raw,
        undefined,
        'out_of_range',
      );
    },
  });
}

function compileLinear(definition: Of<'linear'>, { specials, lookupSpecial }: Specials): CompiledScale {
  const x0 = fromDecimal(toDecimal(definition.from.raw));
  const x1 = fromDecimal(toDecimal(definition.to.raw));
  const r0 = fromDecimal(toDecimal(definition.from.rating));
  const r1 = fromDecimal(toDecimal(definition.to.rating));
  const slope = divide(subtract(r1, r0), subtract(x1, x0));
  const [lowRaw, lowRating, highRaw, highRating] = compare(x0, x1) < 0 ? [x0, r0, x1, r1] : [x1, r1, x0, r0];
  const text = (value: Rational): string => rationalToDecimal(value).toFixed();
  return Object.freeze({
    type: 'linear' as const,
    definition,
    rule: {
      type: 'linear' as const,
      from: { raw: x0, rating: r0 },
      to: { raw: x1, rating: r1 },
      special: specialRules(specials),
    },
    rows: Object.freeze([
      { raw: `(-inf, ${text(lowRaw)}]`, rating: text(lowRating) },
      { raw: `(${text(lowRaw)}, ${text(highRaw)})`, rating: `linear ${text(lowRating)} → ${text(highRating)}` },
      { raw: `[${text(highRaw)}, +inf)`, rating: text(highRating) },
      ...specialRows(specials),
    ]),
    apply(raw: unknown, path: string): ScaleOutcome {
      const special = lookupSpecial(raw);
      if (special) return special;
      const value = readRaw(raw, path, specials);
      if (compare(value, lowRaw) <= 0)
        return {
          kind: 'rating',
          rating: lowRating,
          clamped: compare(value, lowRaw) < 0,
          rule: `≤ ${text(lowRaw)} → ${text(lowRating)}`,
        };
      if (compare(value, highRaw) >= 0)
        return {
          kind: 'rating',
          rating: highRating,
          clamped: compare(value, highRaw) > 0,
          rule: `≥ ${text(highRaw)} → ${text(highRating)}`,
        };
      return {
        kind: 'rating',
        rating: add(r0, multiply(slope, subtract(value, x0))),
        clamped: false,
        rule: `linear ${text(x0)} → ${text(r0)}, ${text(x1)} → ${text(r1)}`,
      };
    },
  });
}

function compileCategorical(definition: Of<'categorical'>, { specials, lookupSpecial }: Specials): CompiledScale {
  const map = new Map(
    definition.categories.map((category) => [
      category.value,
      { rating: fromDecimal(toDecimal(category.rating)), text: toDecimal(category.rating).toFixed() },
    ]),
  );
  const fallback =
    definition.default === undefined
      ? undefined
      : { rating: fromDecimal(toDecimal(definition.default)), text: toDecimal(definition.default).toFixed() };
  return Object.freeze({
    type: 'categorical' as const,
    definition,
    rule: {
      type: 'categorical' as const,
      categories: [...map].map(([value, hit]) => ({ value, rating: hit.rating })),
      default: fallback ? fallback.rating : null,
      special: specialRules(specials),
    },
    rows: Object.freeze([
      ...definition.categories.map((category) => ({
        raw: `"${category.value}"`,
        rating: toDecimal(category.rating).toFixed(),
        ...(category.labels ? { labels: category.labels as Labels } : {}),
      })),
      ...(fallback ? [{ raw: 'any other', rating: fallback.text }] : []),
      ...specialRows(specials),
    ]),
    apply(raw: unknown, path: string): ScaleOutcome {
      const special = lookupSpecial(raw);
      if (special) return special;
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
        return fail(path, 'a category code (string)', raw);
      }
      const code = String(raw);
      const hit = map.get(code);
      if (hit) return { kind: 'rating', rating: hit.rating, clamped: false, rule: `"${code}" → ${hit.text}` };
      if (fallback)
        return {
          kind: 'rating',
          rating: fallback.rating,
          clamped: false,
          rule: `"${code}" (not listed) → ${fallback.text}`,
        };
      return fail(path, `one of ${[...map.keys()].map((key) => `"${key}"`).join(', ')}`, raw);
    },
  });
}

function compileBoolean(definition: Of<'boolean'>, { specials, lookupSpecial }: Specials): CompiledScale {
  const yes = fromDecimal(toDecimal(definition.true));
  const no = fromDecimal(toDecimal(definition.false));
  return Object.freeze({
    type: 'boolean' as const,
    definition,
    rule: { type: 'boolean' as const, true: yes, false: no, special: specialRules(specials) },
    rows: Object.freeze([
      { raw: 'true', rating: toDecimal(definition.true).toFixed() },
      { raw: 'false', rating: toDecimal(definition.false).toFixed() },
      ...specialRows(specials),
    ]),
    apply(raw: unknown, path: string): ScaleOutcome {
      const special = lookupSpecial(raw);
      if (special) return special;
      if (raw === true)
        return { kind: 'rating', rating: yes, clamped: false, rule: `true → ${toDecimal(definition.true).toFixed()}` };
      if (raw === false)
        return { kind: 'rating', rating: no, clamped: false, rule: `false → ${toDecimal(definition.false).toFixed()}` };
      return fail(path, 'true or false', raw);
    },
  });
}

function readRaw(raw: unknown, path: string, specials: Map<string, Special>): Rational {
  const value = tryDecimal(raw);
  if (value === undefined) {
    const names = [...specials.keys()].map((name) => `"${name}"`);
    return fail(path, `a finite number${names.length > 0 ? ` or one of ${names.join(', ')}` : ''}`, raw);
  }
  return fromDecimal(value);
}

function coverage(lowest: Interval, highest: Interval): string {
  const left = lowest.lower ? `${lowest.lower.inclusive ? '[' : '('}${lowest.lower.value.toFixed()}` : '(-inf';
  const right = highest.upper ? `${highest.upper.value.toFixed()}${highest.upper.inclusive ? ']' : ')'}` : '+inf)';
  return `${left}, ${right}`;
}
