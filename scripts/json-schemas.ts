/**
 * JSON Schema (draft 2020-12) for every model file and every stored result, generated from the
 * exported zod schemas with zod 4's `z.toJSONSchema` (the pieces zod cannot represent, numbers read
 * exactly, stored decimals, labels, carry their JSON Schema: src/shared/jsonSchema.ts). The rule
 * set is validated by a hand-written walker, so its schema is written from the grammar in the
 * library (src/churn/rules/ruleSetJsonSchema.ts), which is also what `z.toJSONSchema(ruleSetSchema)`
 * returns.
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
import { ruleSetJsonSchema } from '../src/churn/rules/ruleSetJsonSchema.js';
import { numericJsonSchema, schemaKeyJsonSchema } from '../src/shared/jsonSchema.js';
import { modelNumericSchema } from '../src/shared/schema.js';
import {
  backtestResultSchema,
  churnRiskBatchSchema,
  churnRiskResultSchema,
  gradeBandsSchema,
  instrumentSchema,
  portfolioAssessmentSchema,
  scoreResultSchema,
  scoreSummarySchema,
  scorecardSchema,
  surveyScoreSchema,
  tierPolicySchema,
  valueGraderSchema,
  valueMatrixSchema,
} from '../src/index.js';

type JsonSchema = { [key: string]: unknown };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Every exported zod schema but `root`, named after its export (`factorSchema` → `factor`), for `$defs`. */
function namedSchemas(root: z.ZodType): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(library)) {
    if (name.endsWith('Schema') && value instanceof z.ZodType && value !== root)
      registry.add(value, { id: name.slice(0, -'Schema'.length) });
  }
  return registry;
}

/** zod types with no JSON Schema of their own: the library gives each such piece one, or the generator fails. */
const UNREPRESENTED = ['custom', 'transform', 'function', 'symbol', 'bigint', 'date', 'map', 'set'];

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
      const zodSchema = context.zodSchema as unknown as z.ZodType;
      if (zodSchema === modelNumericSchema) {
        // the model files' numbers, one definition shared by every number in the file
        for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
        context.jsonSchema.$ref = '#/$defs/numeric';
        sharesNumeric = true;
      } else if (zodSchema._zod.toJSONSchema === undefined && UNREPRESENTED.includes(zodSchema._zod.def.type)) {
        unrepresented.push(zodSchema._zod.def.type);
      }
    },
  }) as JsonSchema;
  // never publish a schema that silently accepts anything where zod had a rule
  if (unrepresented.length) throw new Error(`no JSON Schema for zod type(s) ${unrepresented.join(', ')}`);
  if (sharesNumeric) json.$defs = { ...(json.$defs as JsonSchema | undefined), numeric: numericJsonSchema() };
  return withoutUnionTypes(json) as JsonSchema;
}

/**
 * `node` with every `type` list naming more than one type besides `null` written as an `anyOf` of
 * single types (`type: ['string', 'number', 'null']` → `anyOf: [{ type: 'string' }, …]`): the same
 * values accepted, and a schema ajv's strict mode (its `strictTypes`) compiles without a warning.
 */
export function withoutUnionTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUnionTypes);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, withoutUnionTypes(value)] as const);
  const schema: JsonSchema = Object.fromEntries(entries);
  const types = schema.type;
  if (!Array.isArray(types) || types.filter((type) => type !== 'null').length < 2) return schema;
  if ('anyOf' in schema) throw new Error(`a union type beside an anyOf: ${JSON.stringify(schema)}`);
  // the type list's place in the key order goes to the anyOf
  return Object.fromEntries(
    entries.map(([key, value]) =>
      key === 'type' ? ['anyOf', (value as string[]).map((type) => ({ type }))] : [key, value],
    ),
  );
}

/** One generated schema: a title and description put first, then zod's schema. */
function titled(title: string, description: string, schema: JsonSchema): JsonSchema {
  const { $schema: _draft, ...rest } = schema;
  return { $schema: DRAFT, title, description, ...rest };
}

/** A model file's schema with the `$schema` key first among its properties. */
function withSchemaKey(schema: JsonSchema): JsonSchema {
  const { $schema: _key, ...properties } = schema.properties as JsonSchema;
  return { ...schema, properties: { $schema: schemaKeyJsonSchema(), ...properties } };
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
    scoreSummary: titled(
      'clientele score summary',
      'The JSON form of a score summary (JSON.stringify(score(model, ratings, { explain: false }))): a score ' +
        'result without categories and factors, as parseScoreSummary reads it. Keys a summary does not name ' +
        "(a full result's categories and factors among them) are allowed, and dropped by parseScoreSummary.",
      fromZod(scoreSummarySchema),
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
