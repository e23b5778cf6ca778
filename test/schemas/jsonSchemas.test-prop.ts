/**
 * The JSON Schemas never contradict defineX in the direction that matters to a user: a file the
 * schema refuses, defineX refuses too (so the editor never flags a file the library would take).
 * Files are presets with one random edit — a value replaced by any JSON value, a key removed or an
 * unknown key added — and trees of churn conditions from the shared arbitrary. Stored results are
 * held to the same with their parseX: the JSON of a live result with one random edit, refused by
 * its schema, is refused by parseX too.
 */
import { fc, test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect } from 'vitest';
import * as library from '../../src/index.js';
import { buildJsonSchemas } from '../../scripts/json-schemas.js';
import { treeArbitrary } from '../arbitraries/churn.js';
import { results } from './resultFixtures.js';

const ajv = new Ajv2020();
const schemas = buildJsonSchemas();
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));

type Define = (input: never) => unknown;
const kinds: [string, string, Define][] = [
  ['scorecard', 'potentialValueModel', library.defineScorecard],
  ['gradeBands', 'potentialValueBands', library.defineGradeBands],
  ['valueGrader', 'abcValueGrader', library.defineValueGrader],
  ['valueMatrix', 'defaultValueMatrix', library.defineValueMatrix],
  ['tierPolicy', 'telecomTierPolicy', library.defineTierPolicy],
  ['ruleSet', 'defaultChurnRuleSet', library.defineRuleSet],
  ['instrument', 'serviceQualityInstrument', library.defineInstrument],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Every path into a JSON tree (object keys and array indices), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

type Edit = { kind: 'replace'; value: Json } | { kind: 'remove' } | { kind: 'add'; key: string; value: Json };
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.record({ kind: fc.constant('remove' as const) }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.string({ minLength: 1, maxLength: 8 }),
    value: fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
  }),
);

/** A copy of `file` with `edit` made at `path` (removal from an array splices). */
function applyEdit(file: Json, path: (string | number)[], edit: Edit): Json {
  const copy = structuredClone(file) as Json;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy);
  const last = path[path.length - 1]!;
  const target = parent as Record<string | number, Json> & Json[];
  if (edit.kind === 'replace') target[last] = edit.value;
  else if (edit.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete target[last];
  } else {
    const node = target[last];
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) node[edit.key] = edit.value;
  }
  return copy;
}

const refuses = (define: Define | ((json: unknown) => unknown), file: unknown): boolean => {
  try {
    define(file as never);
    return false;
  } catch (error) {
    if (error instanceof library.ValidationError) return true;
    throw error;
  }
};

describe('JSON Schemas agree with defineX', () => {
  for (const [kind, presetName, define] of kinds) {
    const preset = JSON.parse(JSON.stringify((library as Record<string, unknown>)[presetName])) as Json;
    const paths = pathsOf(preset);
    test.prop([fc.constantFrom(...paths), editArbitrary], { numRuns: 150 })(
      `${kind}: a file (${presetName} with one random edit) the schema refuses, define refuses too`,
      (path, edit) => {
        const file = applyEdit(preset, path, edit);
        if (!validators[kind]!(file)) expect(refuses(define, file)).toBe(true);
      },
    );
  }
  for (const { name, parse, live } of results) {
    const stored = live[0] as Json;
    const paths = pathsOf(stored);
    test.prop([fc.constantFrom(...paths), editArbitrary], { numRuns: 100 })(
      `${name}: a stored result (live JSON with one random edit) the schema refuses, parseX refuses too`,
      (path, edit) => {
        const file = applyEdit(stored, path, edit);
        if (!validators[name]!(file)) expect(refuses(parse, file)).toBe(true);
      },
    );
  }
  test.prop([fc.array(treeArbitrary, { minLength: 1, maxLength: 3 })], { numRuns: 200 })(
    'ruleSet: generated condition trees pass the schema and defineRuleSet alike',
    (trees) => {
      // the trees read arbitrary signals: the file opts out of the signal check, which the schema leaves to define
      const file = {
        id: 'generated',
        checkSignals: false,
        rules: trees.map((when, index) => ({ id: `r${index}`, when, severity: 'watch', points: 1, cause: 'other' })),
      };
      expect(validators['ruleSet']!(file)).toBe(!refuses(library.defineRuleSet, file));
    },
  );
});
