import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import {
  abcValueGrader,
  defaultChurnRuleSet,
  defaultValueMatrix,
  potentialValueBands,
  potentialValueModel,
  safeDefineGradeBands,
  safeDefineInstrument,
  safeDefineRuleSet,
  safeDefineScorecard,
  safeDefineTierPolicy,
  safeDefineValueGrader,
  safeDefineValueMatrix,
  serviceQualityInstrument,
  telecomTierPolicy,
  gradeBandsSchema,
  instrumentSchema,
  scorecardSchema,
  tierPolicySchema,
  valueGraderSchema,
  valueMatrixSchema,
} from '../../src/index.js';
import { scorecardDefinition } from '../arbitraries/scorecard.js';
import { ruleSetArbitrary } from '../arbitraries/churn.js';
import { paths } from '../support/jsonPaths.js';

type Model = { fingerprint: string; toJSON(): unknown };
type Safe = (
  input: unknown,
) => { success: true; value?: Model; model?: Model } | { success: false; issues: readonly { path: unknown }[] };

/** Every model kind: its safe constructor and a preset whose definition the fuzzing mutates. */
const kinds: { kind: string; safe: Safe; preset: Model }[] = [
  { kind: 'scorecard', safe: safeDefineScorecard as unknown as Safe, preset: potentialValueModel },
  { kind: 'gradeBands', safe: safeDefineGradeBands as unknown as Safe, preset: potentialValueBands },
  { kind: 'valueGrader', safe: safeDefineValueGrader as unknown as Safe, preset: abcValueGrader },
  { kind: 'valueMatrix', safe: safeDefineValueMatrix as unknown as Safe, preset: defaultValueMatrix },
  { kind: 'tierPolicy', safe: safeDefineTierPolicy as unknown as Safe, preset: telecomTierPolicy },
  { kind: 'ruleSet', safe: safeDefineRuleSet as unknown as Safe, preset: defaultChurnRuleSet },
  { kind: 'instrument', safe: safeDefineInstrument as unknown as Safe, preset: serviceQualityInstrument },
];

const modelOf = (outcome: ReturnType<Safe>): Model | undefined =>
  outcome.success ? (outcome as { output?: Model }).output : undefined;

/** The law: an accepted definition's model survives its JSON round trip; a refusal names string paths. */
function checkRoundTrip(safe: Safe, input: unknown): void {
  const outcome = safe(input);
  if (!outcome.success) {
    for (const issue of outcome.issues) expect(typeof issue.path).toBe('string');
    return;
  }
  const model = modelOf(outcome)!;
  const json = JSON.stringify(model);
  const again = safe(JSON.parse(json));
  expect(again.success).toBe(true);
  const second = modelOf(again)!;
  expect(second.fingerprint).toBe(model.fingerprint);
  expect(JSON.stringify(second)).toBe(json);
}

/** A deep copy of a JSON tree with the value at `path` replaced (by a function of the container). */
function replaceAt(tree: unknown, path: (string | number)[], make: (container: object) => unknown): unknown {
  const copy = JSON.parse(JSON.stringify(tree)) as Record<string | number, unknown>;
  let container: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string | number, unknown>;
  container[path[path.length - 1]!] = make(container);
  return copy;
}

class Point {
  constructor(readonly x = 1) {}
}
/** Values JSON cannot carry (or carries as something else), and a few it can. */
const hostile: fc.Arbitrary<(container: object) => unknown> = fc.constantFrom(
  // eslint-disable-next-line no-sparse-arrays
  () => [, 'a'],
  () => ['a', undefined],
  (container: object) => container, // a cycle
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => new Point(),
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => -0,
  () => 10n,
  () => Symbol('s'),
  () => () => 1,
  () => undefined,
  () => Object.create(null) as object,
);
const jsonish: fc.Arbitrary<(container: object) => unknown> = fc.jsonValue({ maxDepth: 2 }).map((value) => () => value);

describe('define(JSON round trip of model) equals model, for every kind (issue 20)', () => {
  for (const { kind, safe, preset } of kinds) {
    const definition = preset.toJSON();
    const all = paths(definition);
    it(`${kind}: the preset round-trips`, () => checkRoundTrip(safe, definition));
    propTest.prop([fc.nat(), fc.oneof(jsonish, hostile)], { numRuns: 100 })(
      `${kind}: a definition with one value replaced is refused with string paths, or round-trips`,
      (index, make) => checkRoundTrip(safe, replaceAt(definition, all[index % all.length]!, make)),
    );
  }

  propTest.prop([scorecardDefinition], { numRuns: 60 })('fuzzed scorecards that define accepts round-trip', (input) =>
    checkRoundTrip(safeDefineScorecard as unknown as Safe, input),
  );

  propTest.prop([ruleSetArbitrary], { numRuns: 60 })('fuzzed rule sets that define accepts round-trip', (input) =>
    checkRoundTrip(safeDefineRuleSet as unknown as Safe, input),
  );
});

/** A numeric leaf replaced by another number or decimal string: the mutations cross-field checks judge. */
const numeric: fc.Arbitrary<(container: object) => unknown> = fc
  .oneof(
    fc.integer({ min: -5, max: 150 }),
    fc.integer({ min: -100, max: 1100 }).map((thousandths) => (thousandths / 1000).toString()),
  )
  .map((value) => () => value);

type Schema = { safeParse(input: unknown): { success: boolean } };
const schemas: Record<string, Schema> = {
  scorecard: scorecardSchema,
  gradeBands: gradeBandsSchema,
  valueGrader: valueGraderSchema,
  valueMatrix: valueMatrixSchema,
  tierPolicy: tierPolicySchema,
  instrument: instrumentSchema,
};

describe('the exported schema accepts exactly what defineX accepts (issue 17)', () => {
  for (const { kind, safe, preset } of kinds.filter((entry) => entry.kind in schemas)) {
    const mutation = fc.tuple(fc.nat(), fc.oneof(jsonish, numeric, numeric));
    propTest.prop([fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 150 })(
      `${kind}: schema.safeParse(x).success === safeDefine(x).success for mutated presets`,
      (mutations) => {
        let input: unknown = preset.toJSON();
        for (const [index, make] of mutations) {
          const at = paths(input);
          if (at.length === 0) break;
          input = replaceAt(input, at[index % at.length]!, make);
        }
        expect(schemas[kind]!.safeParse(input).success).toBe(safe(input).success);
      },
    );
  }

  propTest.prop([scorecardDefinition], { numRuns: 60 })('fuzzed scorecards: schema and define agree', (input) => {
    expect(scorecardSchema.safeParse(input).success).toBe(safeDefineScorecard(input).success);
  });

  it('a scorecard whose weights sum to 1.1 is refused by the schema as by defineScorecard', () => {
    const definition = potentialValueModel.toJSON();
    const heavier = {
      ...definition,
      categories: definition.categories.map((c, i) => (i === 0 ? { ...c, weight: '0.4' } : c)),
    };
    expect(scorecardSchema.safeParse(heavier).success).toBe(false);
    expect(safeDefineScorecard(heavier).success).toBe(false);
  });
});
