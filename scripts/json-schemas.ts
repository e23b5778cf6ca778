/**
 * JSON Schema (draft 2020-12) for every model file and the score result, generated from the
 * exported zod schemas with zod 4's `z.toJSONSchema`. The rule set is validated by a hand-written
 * walker (src/churn/rules/validateRuleSet.ts), so its schema is written here from the grammar in
 * src/churn/rules/ruleSetGrammar.ts, with the shared pieces (ids, labels, numbers) generated.
 *
 *   tsx scripts/json-schemas.ts              writes schemas/*.json (the committed copies)
 *   tsx scripts/json-schemas.ts --out <dir>  writes them into <dir> (the build: dist/schemas)
 *   tsx scripts/json-schemas.ts --check      exits 1 when a committed copy is stale or missing
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as library from '../src/index.js';
import { labelsObjectSchema } from '../src/shared/labels.js';
import { modelNumericSchema } from '../src/shared/schema.js';
import { storedDecimal } from '../src/shared/storedResult.js';
import {
  backtestResultSchema,
  churnRiskBatchSchema,
  churnRiskResultSchema,
  conditionOperators,
  gradeBandsSchema,
  idSchema,
  instrumentSchema,
  labelsSchema,
  numericSchema,
  portfolioAssessmentSchema,
  ruleSetLimits,
  scoreResultSchema,
  scorecardSchema,
  surveyScoreSchema,
  tierPolicySchema,
  valueGraderSchema,
  valueMatrixSchema,
  versionSchema,
} from '../src/index.js';

type JsonSchema = { [key: string]: unknown };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** A decimal string as `toDecimal` reads it (surrounding blanks allowed). */
const DECIMAL_PATTERN = '^\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*$';
/** A number as a model file writes it: a JSON number or a decimal string. */
const numericJson: JsonSchema = {
  description: 'A finite number or a decimal string (read exactly, never through floating point).',
  anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_PATTERN }],
};

type ZodDef = { type: string; fn?: unknown; checks?: unknown[]; options?: { _zod: { def: ZodDef } }[] };

/** A result's decimal: `z.union([z.string(), z.number()]).refine(tryDecimal …)` (parseScoreResult's reader). */
function isRefinedDecimal(def: ZodDef): boolean {
  const types = def.options?.map((option) => option._zod.def.type).sort();
  return def.type === 'union' && (def.checks?.length ?? 0) > 0 && types?.join() === 'number,string';
}

/** A stored result's decimal (`storedDecimal`: a Decimal, or the decimal string or number its JSON holds). */
function isStoredDecimal(schema: z.core.$ZodType): boolean {
  return schema === (storedDecimal._zod.def as unknown as { in: z.core.$ZodType }).in;
}

/** Every exported zod schema but `root`, named after its export (`factorSchema` → `factor`), for `$defs`. */
function namedSchemas(root: z.ZodType): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(library)) {
    if (name.endsWith('Schema') && value instanceof z.ZodType && value !== root)
      registry.add(value, { id: name.slice(0, -'Schema'.length) });
  }
  return registry;
}

/** zod's JSON Schema of one exported schema, model files read as input (defaults make fields optional). */
function fromZod(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const unrepresented: string[] = [];
  let sharesNumeric = false;
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    metadata: namedSchemas(schema),
    unrepresentable: 'any',
    override: (context) => {
      // numericSchema (and refinements of it) is a z.custom: a number or a decimal string in JSON
      const def = context.zodSchema._zod.def as ZodDef;
      if (context.zodSchema === modelNumericSchema) {
        // the scorecard's numbers: numericSchema letting cross-field checks run beside its errors
        for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
        context.jsonSchema.$ref = '#/$defs/numeric';
        sharesNumeric = true;
      } else if (
        (def.type === 'custom' && def.fn === (numericSchema._zod.def as ZodDef).fn) ||
        isRefinedDecimal(def) ||
        isStoredDecimal(context.zodSchema)
      ) {
        for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
        Object.assign(context.jsonSchema, numericJson);
      } else if (context.zodSchema === labelsObjectSchema) {
        // the record of locales: en required (the fallback), zh-CN named (every preset carries it)
        const text = { type: 'string' as const, minLength: 1 };
        context.jsonSchema.properties = { en: text, 'zh-CN': text };
        context.jsonSchema.required = ['en'];
      } else if (context.zodSchema === idSchema) {
        context.jsonSchema.not = { enum: ['__proto__', 'constructor', 'prototype'] };
      } else if (['custom', 'transform', 'function', 'symbol', 'bigint', 'date', 'map', 'set'].includes(def.type)) {
        unrepresented.push(def.type);
      }
    },
  }) as JsonSchema;
  // never publish a schema that silently accepts anything where zod had a rule
  if (unrepresented.length) throw new Error(`no JSON Schema for zod type(s) ${unrepresented.join(', ')}`);
  if (sharesNumeric) json.$defs = { ...(json.$defs as JsonSchema | undefined), numeric: numericJson };
  return json;
}

/** The same schema without its own `$schema` (to nest it under `$defs`). */
function nested(schema: JsonSchema): JsonSchema {
  const { $schema: _draft, ...rest } = schema;
  return rest;
}

/** The rule set's `signals`: zod's schema of the declarations, names as the rule format's, labels from the root
 * `$defs`. */
function signalDeclarationsJson(): JsonSchema {
  const { $defs: _defs, ...declarations } = nested(fromZod(library.churnSignalDeclarationsSchema));
  return { ...declarations, propertyNames: signalNameJson };
}

/** A signal name: 1–100 characters without braces, bars or control characters, never a prototype key. */
const signalNameJson: JsonSchema = {
  type: 'string',
  pattern: '^[^{}|\\u0000-\\u001f]{1,100}$',
  not: { enum: ['__proto__', 'constructor', 'prototype'] },
};

/** Rule set: written from the grammar, since `ruleSetSchema` is a hand-written validator behind `z.custom`. */
function ruleSetJsonSchema(): JsonSchema {
  const scalar = { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] };
  const ordered = { anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }] };
  const amount = { type: 'integer', minimum: 0, maximum: 100_000 };
  const valueFor = (ops: readonly string[], value: JsonSchema | false): JsonSchema => ({
    if: { properties: { op: { enum: ops } }, required: ['op'] },
    then: value === false ? { not: { required: ['value'] } } : { required: ['value'], properties: { value } },
  });
  return {
    $schema: DRAFT,
    title: 'clientele churn rule set',
    description:
      'A churn early-warning rule set, as defineRuleSet reads it. Beyond this schema, defineRuleSet also ' +
      `bounds nesting (${ruleSetLimits.maxDepth} deep) and the conditions in all ` +
      `(${ruleSetLimits.maxConditions}), checks that rule ids are unique, that between's low ≤ high, ` +
      'that comparisons use numbers or ISO dates, and message placeholders; and, unless checkSignals is ' +
      'false, that every signal a rule or message reads is a built-in churn signal or declared in signals, ' +
      'compared as its type allows.',
    type: 'object',
    properties: {
      id: { $ref: '#/$defs/id' },
      version: { $ref: '#/$defs/version' },
      labels: { $ref: '#/$defs/labels' },
      description: { type: 'string', maxLength: 2000 },
      signals: {
        ...signalDeclarationsJson(),
        description:
          'Custom signals the rules read, by name, with their type (and optionally unit, alarming, values, ' +
          'labels), added to the built-in churn signal catalogue.',
      },
      checkSignals: {
        type: 'boolean',
        description: 'false: the rules may read any signal (no check against the catalogue and signals).',
      },
      rules: { type: 'array', maxItems: ruleSetLimits.maxRules, items: { $ref: '#/$defs/rule' } },
    },
    required: ['id', 'rules'],
    additionalProperties: false,
    $defs: {
      id: nested(fromZod(idSchema)),
      version: nested(fromZod(versionSchema)),
      labels: nested(fromZod(labelsSchema)),
      numeric: numericJson,
      rule: {
        type: 'object',
        properties: {
          id: { $ref: '#/$defs/id' },
          when: { $ref: '#/$defs/condition' },
          severity: { enum: ['watch', 'warning', 'critical'] },
          points: {
            description: 'Points ≥ 0: a number or a decimal string.',
            anyOf: [
              { type: 'number', minimum: 0 },
              { type: 'string', pattern: DECIMAL_PATTERN, not: { pattern: '^\\s*-' } },
            ],
          },
          cause: { $ref: '#/$defs/id' },
          controllable: { type: 'boolean' },
          message: {
            $ref: '#/$defs/labels',
            description:
              'The alert message per locale: placeholders {signal} or {signal|format}, format percent, number or days.',
          },
          title: { $ref: '#/$defs/labels' },
          description: { type: 'string', maxLength: 2000 },
          source: { type: 'string', maxLength: 500 },
        },
        required: ['id', 'when', 'severity', 'points', 'cause'],
        additionalProperties: false,
      },
      condition: {
        description: 'A leaf { signal, op, value } or a group { all: [...] }, { any: [...] }, { not: condition }.',
        oneOf: [
          { $ref: '#/$defs/leaf' },
          {
            type: 'object',
            properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } },
            required: ['all'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } },
            required: ['any'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { not: { $ref: '#/$defs/condition' } },
            required: ['not'],
            additionalProperties: false,
          },
        ],
      },
      leaf: {
        type: 'object',
        properties: {
          signal: {
            ...signalNameJson,
            description: "A built-in churn signal, or one declared in the rule set's signals.",
            examples: Object.keys(library.churnSignalCatalogue),
          },
          op: { enum: [...conditionOperators] },
          value: true,
        },
        required: ['signal', 'op'],
        additionalProperties: false,
        allOf: [
          valueFor(['lt', 'lte', 'gt', 'gte'], ordered),
          valueFor(['eq', 'neq'], scalar),
          valueFor(['in', 'notIn'], {
            type: 'array',
            minItems: 1,
            maxItems: ruleSetLimits.maxListValues,
            items: scalar,
          }),
          valueFor(['between'], { type: 'array', minItems: 2, maxItems: 2, items: ordered }),
          valueFor(['known', 'missing'], false),
          valueFor(['within', 'olderThan'], {
            oneOf: [
              { type: 'object', properties: { days: amount }, required: ['days'], additionalProperties: false },
              { type: 'object', properties: { months: amount }, required: ['months'], additionalProperties: false },
            ],
          }),
        ],
      },
    },
  };
}

/** One generated schema: a title and description put first, then zod's schema. */
function titled(title: string, description: string, schema: JsonSchema): JsonSchema {
  const { $schema: _draft, ...rest } = schema;
  return { $schema: DRAFT, title, description, ...rest };
}

/** A model file's optional `$schema` key: where an editor finds the file's JSON Schema (defineX ignores it). */
const schemaKeyJson: JsonSchema = {
  type: 'string',
  description: 'The JSON Schema this file follows, for editors (a URL or a path); ignored by defineX.',
};

/** A model file's schema with the `$schema` key first among its properties. */
function withSchemaKey(schema: JsonSchema): JsonSchema {
  const { $schema: _key, ...properties } = schema.properties as JsonSchema;
  return { ...schema, properties: { $schema: schemaKeyJson, ...properties } };
}

/** Every schema the package publishes, by file name (without `.json`). */
export function buildJsonSchemas(): Record<string, JsonSchema> {
  const model = (kind: string, define: string): string => `A ${kind} model file, as ${define} reads it.`;
  const models: Record<string, JsonSchema> = {
    scorecard: titled('clientele scorecard', model('scorecard', 'defineScorecard'), fromZod(scorecardSchema)),
    gradeBands: titled('clientele grade bands', model('grade bands', 'defineGradeBands'), fromZod(gradeBandsSchema)),
    valueGrader: titled(
      'clientele value grader',
      model('value grader', 'defineValueGrader'),
      fromZod(valueGraderSchema),
    ),
    valueMatrix: titled(
      'clientele value matrix',
      model('value matrix', 'defineValueMatrix'),
      fromZod(valueMatrixSchema),
    ),
    tierPolicy: titled('clientele tier policy', model('tier policy', 'defineTierPolicy'), fromZod(tierPolicySchema)),
    ruleSet: ruleSetJsonSchema(),
    instrument: titled(
      'clientele survey instrument',
      model('survey instrument', 'defineInstrument'),
      fromZod(instrumentSchema),
    ),
  };
  return {
    ...Object.fromEntries(Object.entries(models).map(([name, schema]) => [name, withSchemaKey(schema)])),
    scoreResult: titled(
      'clientele score result',
      'The JSON form of a score result (JSON.stringify(score(model, ratings))), as parseScoreResult reads it.',
      fromZod(scoreResultSchema),
    ),
    ...resultJsonSchemas(),
  };
}

/** The stored results read back by a `parseX` (beside the score result), each from its exported zod schema. */
function resultJsonSchemas(): Record<string, JsonSchema> {
  const result = (what: string, parse: string): string =>
    `The JSON form of ${what} (decimals as strings), as ${parse} reads it. Keys a result does not name are ` +
    `allowed (and dropped) wherever ${parse} allows them.`;
  return {
    churnRiskResult: titled(
      'clientele churn risk result',
      result('an evaluateChurnRisk result', 'parseChurnRiskResult'),
      fromZod(churnRiskResultSchema),
    ),
    churnRiskBatch: titled(
      'clientele churn risk batch',
      result('an evaluateChurnRiskBatch run ({ results, errors })', 'parseChurnRiskBatch'),
      fromZod(churnRiskBatchSchema),
    ),
    portfolioAssessment: titled(
      'clientele portfolio assessment',
      result('an assessPortfolio result', 'parsePortfolioAssessment'),
      fromZod(portfolioAssessmentSchema),
    ),
    surveyScore: titled(
      'clientele survey score',
      result('a scoreSurvey result', 'parseSurveyScore'),
      fromZod(surveyScoreSchema),
    ),
    backtestResult: titled(
      'clientele backtest result',
      result('a backtestRules result', 'parseBacktestResult'),
      fromZod(backtestResultSchema),
    ),
  };
}

/** The text of a schema file: two-space JSON and a final newline. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(args: string[]): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outIndex = args.indexOf('--out');
  const folder = outIndex >= 0 ? resolve(args[outIndex + 1] ?? 'schemas') : join(root, 'schemas');
  const schemas = buildJsonSchemas();
  if (args.includes('--check')) {
    const stale = Object.entries(schemas)
      .filter(([name, schema]) => {
        const path = join(folder, `${name}.json`);
        return !existsSync(path) || readFileSync(path, 'utf8') !== schemaText(schema);
      })
      .map(([name]) => `schemas/${name}.json`);
    const extra = existsSync(folder)
      ? readdirSync(folder).filter((file) => file.endsWith('.json') && !(file.slice(0, -5) in schemas))
      : [];
    if (stale.length || extra.length) {
      console.error(`JSON Schemas out of date (run npm run schemas): ${[...stale, ...extra].join(', ')}`);
      return 1;
    }
    console.log(`${Object.keys(schemas).length} JSON Schemas are current`);
    return 0;
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) writeFileSync(join(folder, `${name}.json`), schemaText(schema));
  console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to ${folder}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
