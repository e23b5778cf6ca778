/**
 * The hand-written readers of `clientele/scoring` (no zod) against the zod schemas exported from
 * the root: for random valid and invalid inputs, the same library issues (path, expected,
 * received, code, in order) and, when accepted, the same output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import {
  gradeBandsSchema,
  intervalSchema,
  labelsSchema,
  potentialValueBands,
  potentialValueModel,
  safeDefineGradeBands,
  safeDefineScorecard,
  scaleSchema,
  score,
  scoreResultSchema,
  scorecardSchema,
} from '../../src/index.js';
import { parseScoreResult } from '../../src/scoring/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import { parseWith, type SafeParser } from '../../src/shared/zodIssues.js';
import { labelsReader } from '../../src/shared/readers.js';
import { intervalReader } from '../../src/scoring/intervals.js';
import { scaleReader } from '../../src/scoring/scales/scaleReader.js';
import { gradeBandsReader } from '../../src/scoring/grades/gradeBandsReader.js';
import { scorecardReader } from '../../src/scoring/scorecard/scorecardReader.js';
import { everyScaleScorecard, scorecardDefinition } from '../arbitraries/scorecard.js';
import { paths } from '../support/jsonPaths.js';

type Outcome = { ok: true; json: string } | { ok: false; issues: unknown };

function outcome(parser: SafeParser<unknown>, input: unknown): Outcome {
  try {
    return { ok: true, json: JSON.stringify(parseWith(parser, input, 'test')) ?? 'undefined' };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The law: the reader and the schema give equal issues, or equal output. */
function agree(schema: SafeParser<unknown>, readerOf: SafeParser<unknown>, input: unknown): void {
  expect(outcome(readerOf, input)).toEqual(outcome(schema, input));
}

/** A copy with the value at `path` replaced, or (with `remove`) the key deleted. */
function replaceAt(tree: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(tree)) as Record<string | number, unknown>;
  let container: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(container)) delete container[last];
  else container[last] = value;
  return copy;
}

/** Values that break shapes: wrong types, bad numbers, odd strings, ids, intervals, labels, lengths. */
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    'abc',
    '1.5',
    '-2',
    '__proto__',
    'constructor',
    '[0, 50)',
    '(50, 100]',
    '[10, 5]',
    '(-inf, 40]',
    '[80, +inf)',
    '[1, x)',
    'bands',
    'linear',
    'categorical',
    'boolean',
    'minmax',
    [],
    {},
    { en: 'x' },
    { en: '' },
    { 'zh-CN': 'x' },
    { en: 'x', 'not a tag': 'y' },
    { lower: { value: 1, inclusive: true } },
    { lower: { value: 'q', inclusive: true }, upper: { value: 1, inclusive: 1 } },
    { length: 0 },
    { length: 'abc' },
    { value: 'n/a', missing: true },
    { value: 'n/a', rating: 'x' },
    { value: '', missing: false, extra: 1 },
    Number.NaN,
    null,
    true,
  ),
  fc.integer({ min: -5, max: 150 }),
  fc.integer({ min: -100, max: 1100 }).map((thousandths) => (thousandths / 1000).toString()),
);

const mutation = fc.tuple(fc.nat(), leaf, fc.boolean());

function mutate(base: unknown, mutations: readonly [number, unknown, boolean][]): unknown {
  let input = base;
  for (const [index, value, remove] of mutations) {
    const at = paths(input);
    if (at.length === 0) break;
    input = replaceAt(input, at[index % at.length]!, value, remove);
  }
  return input;
}

const scorecards = [potentialValueModel.toJSON(), everyScaleScorecard];
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

describe('the scoring readers give the zod schemas’ issues and output (issue 17)', () => {
  for (const [name, base] of scorecards.map((model, index) => [`scorecard ${index}`, model] as const)) {
    it(`${name}: the definition itself`, () => agree(scorecardSchema, scorecardReader, base));
    propTest.prop([mutations], { numRuns: 300 })(`${name}: mutated`, (changes) =>
      agree(scorecardSchema, scorecardReader, mutate(base, changes)),
    );
  }

  propTest.prop([scorecardDefinition, mutations], { numRuns: 100 })('fuzzed scorecards, mutated', (base, changes) => {
    agree(scorecardSchema, scorecardReader, base);
    agree(scorecardSchema, scorecardReader, mutate(base, changes));
  });

  propTest.prop([mutations], { numRuns: 200 })('grade bands, mutated', (changes) =>
    agree(gradeBandsSchema, gradeBandsReader, mutate(potentialValueBands.toJSON(), changes)),
  );

  const scales = everyScaleScorecard.categories.flatMap((category) =>
    category.factors.flatMap((factor) => ('scale' in factor ? [factor.scale] : [])),
  );
  propTest.prop([fc.constantFrom(...scales), mutations], { numRuns: 200 })('scales, mutated', (scale, changes) =>
    agree(scaleSchema, scaleReader, mutate(scale, changes)),
  );

  propTest.prop([fc.anything({ maxDepth: 2 })], { numRuns: 200 })('anything, as labels, interval, scale', (value) => {
    agree(labelsSchema, labelsReader, value);
    agree(intervalSchema, intervalReader, value);
    agree(scaleSchema, scaleReader, value);
    agree(scorecardSchema, scorecardReader, value);
  });

  const stored = JSON.parse(
    JSON.stringify(
      score(potentialValueModel, Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.min]))),
    ),
  ) as unknown;
  propTest.prop([mutations], { numRuns: 200 })('stored score results, mutated', (changes) => {
    const input = mutate(stored, changes);
    const viaSchema = outcome(scoreResultSchema, input);
    let viaReader: Outcome;
    try {
      viaReader = { ok: true, json: JSON.stringify(parseScoreResult(input)) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      viaReader = { ok: false, issues: error.issues };
    }
    expect(viaReader).toEqual(
      viaSchema.ok
        ? viaSchema
        : { ok: false, issues: (viaSchema.issues as { path: string }[]).map((issue) => ({ ...issue })) },
    );
  });

  propTest.prop([mutations], { numRuns: 100 })('safeDefineScorecard reports the schema’s issues', (changes) => {
    const input = mutate(potentialValueModel.toJSON(), changes);
    const viaSchema = outcome(scorecardSchema, input);
    const defined = safeDefineScorecard(input);
    if (!viaSchema.ok) expect(defined).toEqual({ success: false, issues: viaSchema.issues });
    else expect(defined.success).toBe(true);
  });

  propTest.prop([mutations], { numRuns: 100 })('safeDefineGradeBands reports the schema’s issues', (changes) => {
    const input = mutate(potentialValueBands.toJSON(), changes);
    const viaSchema = outcome(gradeBandsSchema, input);
    const defined = safeDefineGradeBands(input);
    if (!viaSchema.ok) expect(defined).toEqual({ success: false, issues: viaSchema.issues });
    else expect(defined.success).toBe(true);
  });

  it('a refusal the readers must word as zod does: a bad scale type, an unknown key, a missing en', () => {
    const bad = { ...everyScaleScorecard, extra: 1, labels: { de: 'x' } };
    agree(scorecardSchema, scorecardReader, bad);
    expect(outcome(scorecardReader, bad).ok).toBe(false);
  });
});
