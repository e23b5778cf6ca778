/**
 * The JSON Schema (draft 2020-12) of the rule format, written from its grammar: the rule set is
 * validated by a hand-written walker (so an error names `rules[2].when.any[1].op`), which zod
 * cannot describe. It is what `z.toJSONSchema(ruleSetSchema)` returns and what the package
 * publishes as `schemas/ruleSet.json`; `churnRuleSchema` and `churnConditionSchema` convert to
 * the matching parts of it.
 *
 * @module
 */
import { z } from 'zod';
import {
  DECIMAL_PATTERN,
  numericJsonSchema,
  schemaKeyJsonSchema,
  type JsonSchemaObject,
} from '../../shared/jsonSchema.js';
import { labelsSchema } from '../../shared/labels.js';
import { idSchema, versionSchema } from '../../shared/schema.js';
import { churnSignalCatalogue } from '../signals/churnSignalCatalogue.js';
import { churnSignalDeclarationsSchema } from '../signals/signalCatalogueSchema.js';
import { MAX_CONDITIONS, MAX_DEPTH, MAX_LIST, MAX_RULES, conditionOperators } from './ruleSetGrammar.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** zod's JSON Schema of a shared piece, read as input, labels referred to the document's `$defs`. */
function pieceJson(schema: z.ZodType): JsonSchemaObject {
  const names = z.registry<{ id: string }>();
  if (schema !== labelsSchema) names.add(labelsSchema, { id: 'labels' });
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', metadata: names }) as JsonSchemaObject;
  const { $schema: _draft, $defs: _labels, ...rest } = json;
  return rest;
}

/** A signal name: 1–100 characters without braces, bars or control characters, never a prototype key. */
function signalNameJson(): JsonSchemaObject {
  return { type: 'string', pattern: '^[^{}|\\u0000-\\u001f]{1,100}$', not: { enum: [...FORBIDDEN] } };
}

/**
 * A leaf `{ signal, op, value }`, with the value each operator needs; `known`: the signal must be a
 * built-in churn signal (what a rule set without `signals` and `checkSignals: false` may read).
 */
function leafJson(known = false): JsonSchemaObject {
  const scalar = { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] };
  const ordered = () => ({ anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }] });
  const amount = (unit: string) => ({
    type: 'object',
    properties: { [unit]: { type: 'integer', minimum: 0, maximum: 100_000 } },
    required: [unit],
    additionalProperties: false,
  });
  const valueFor = (ops: readonly string[], value: JsonSchemaObject | false): JsonSchemaObject => ({
    if: { properties: { op: { enum: ops } }, required: ['op'] },
    then: value === false ? { not: { required: ['value'] } } : { required: ['value'], properties: { value } },
  });
  return {
    type: 'object',
    properties: {
      signal: known
        ? { enum: Object.keys(churnSignalCatalogue), description: 'A built-in churn signal.' }
        : {
            ...signalNameJson(),
            description: "A built-in churn signal, or one declared in the rule set's signals.",
            examples: Object.keys(churnSignalCatalogue),
          },
      op: { enum: [...conditionOperators] },
      value: true,
    },
    required: ['signal', 'op'],
    additionalProperties: false,
    allOf: [
      valueFor(['lt', 'lte', 'gt', 'gte'], ordered()),
      valueFor(['eq', 'neq'], scalar),
      valueFor(['in', 'notIn'], { type: 'array', minItems: 1, maxItems: MAX_LIST, items: { ...scalar } }),
      valueFor(['between'], { type: 'array', minItems: 2, maxItems: 2, items: ordered() }),
      valueFor(['known', 'missing'], false),
      valueFor(['within', 'olderThan'], { oneOf: [amount('days'), amount('months')] }),
    ],
  };
}

/**
 * A condition: a leaf, or a group `{ all }`, `{ any }`, `{ not }` of conditions (`known`: of leaves
 * that read built-in signals only).
 */
function conditionJson(known = false): JsonSchemaObject {
  const self = known ? '#/$defs/knownCondition' : '#/$defs/condition';
  const group = (key: string, condition: JsonSchemaObject): JsonSchemaObject => ({
    type: 'object',
    properties: { [key]: condition },
    required: [key],
    additionalProperties: false,
  });
  const list = () => ({ type: 'array', minItems: 1, items: { $ref: self } });
  return {
    description: 'A leaf { signal, op, value } or a group { all: [...] }, { any: [...] }, { not: condition }.',
    oneOf: [
      { $ref: known ? '#/$defs/knownLeaf' : '#/$defs/leaf' },
      group('all', list()),
      group('any', list()),
      group('not', { $ref: self }),
    ],
  };
}

/** One rule: `{ id, when, severity, points, cause, … }`. */
function ruleJson(): JsonSchemaObject {
  return {
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
  };
}

/** The `$defs` every part of the rule format refers to. */
function ruleFormatDefs(): JsonSchemaObject {
  return {
    id: pieceJson(idSchema),
    version: pieceJson(versionSchema),
    labels: pieceJson(labelsSchema),
    numeric: numericJsonSchema(),
    rule: ruleJson(),
    condition: conditionJson(),
    leaf: leafJson(),
    knownCondition: conditionJson(true),
    knownLeaf: leafJson(true),
  };
}

/**
 * The JSON Schema of a rule set file, as `defineRuleSet` reads it (its shape; the checks that read
 * several fields at once stay with `defineRuleSet`, as the description says).
 * @internal
 */
export function ruleSetJsonSchema(): JsonSchemaObject {
  const declarations = pieceJson(churnSignalDeclarationsSchema);
  return {
    $schema: DRAFT,
    title: 'clientele churn rule set',
    description:
      'A churn early-warning rule set, as defineRuleSet reads it. Beyond this schema, defineRuleSet also ' +
      `bounds nesting (${MAX_DEPTH} deep) and the conditions in all (${MAX_CONDITIONS}), checks that rule ids ` +
      "are unique, that between's low ≤ high, that comparisons use numbers or ISO dates, and message " +
      'placeholders; and, unless checkSignals is false, that every signal a rule or message reads is a ' +
      'built-in churn signal or declared in signals, compared as its type allows.',
    type: 'object',
    properties: {
      $schema: schemaKeyJsonSchema(),
      id: { $ref: '#/$defs/id' },
      version: { $ref: '#/$defs/version' },
      labels: { $ref: '#/$defs/labels' },
      description: { type: 'string', maxLength: 2000 },
      signals: {
        ...declarations,
        propertyNames: signalNameJson(),
        description:
          'Custom signals the rules read, by name, with their type (and optionally unit, alarming, values, ' +
          'labels), added to the built-in churn signal catalogue.',
      },
      checkSignals: {
        type: 'boolean',
        description: 'false: the rules may read any signal (no check against the catalogue and signals).',
      },
      rules: { type: 'array', maxItems: MAX_RULES, items: { $ref: '#/$defs/rule' } },
    },
    required: ['id', 'rules'],
    additionalProperties: false,
    // without signals declared and with the check on, a rule reads built-in signals only: an editor
    // flags a misspelt signal (with signals declared, defineRuleSet checks the names against them)
    if: {
      not: {
        anyOf: [
          { required: ['signals'], properties: { signals: true } },
          { required: ['checkSignals'], properties: { checkSignals: { const: false } } },
        ],
      },
    },
    then: {
      properties: {
        rules: { type: 'array', items: { type: 'object', properties: { when: { $ref: '#/$defs/knownCondition' } } } },
      },
    },
    $defs: ruleFormatDefs(),
  };
}

/**
 * One part of the rule format (`rule` or `condition`) as a self-contained JSON Schema resource:
 * its own `$id`, so its `$ref`s resolve inside it wherever zod places it (the reference to the
 * part sits in `allOf`: ajv loops on a `$ref` beside the `$id` of an embedded resource). A caller's
 * schema that uses the part twice needs zod's `reused: 'ref'`, since one `$id` may name one
 * resource only.
 */
function ruleFormatPart(part: 'rule' | 'condition'): JsonSchemaObject {
  return { $id: `urn:clientele:churn-${part}`, $defs: ruleFormatDefs(), allOf: [{ $ref: `#/$defs/${part}` }] };
}

/** The JSON Schema of one rule (`churnRuleSchema`). @internal */
export function churnRuleJsonSchema(): JsonSchemaObject {
  return ruleFormatPart('rule');
}

/** The JSON Schema of one condition (`churnConditionSchema`). @internal */
export function churnConditionJsonSchema(): JsonSchemaObject {
  return ruleFormatPart('condition');
}
