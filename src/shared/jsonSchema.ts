/**
 * What zod's `z.toJSONSchema` writes for the schema pieces zod cannot represent itself: numbers
 * read exactly (a `z.custom`), stored decimals (revived by a transform), labels (filled by a
 * transform). Each such piece carries its JSON Schema (zod's `toJSONSchema` override on the schema
 * object), so `z.toJSONSchema(scorecardSchema)` and the like work in both `io` modes and describe
 * the JSON form of a file or a result.
 *
 * @module
 */
import type { z } from 'zod';

/** A JSON Schema object (draft 2020-12). */
export type JsonSchemaObject = { [key: string]: unknown };

/** A decimal string as `toDecimal` reads it (surrounding blanks allowed). */
export const DECIMAL_PATTERN = '^\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*$';

/** A number as a model file or a stored result writes it: a JSON number or a decimal string. */
export function numericJsonSchema(): JsonSchemaObject {
  return {
    description: 'A finite number or a decimal string (read exactly, never through floating point).',
    anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_PATTERN }],
  };
}

/**
 * Gives `schema` the JSON Schema `z.toJSONSchema` writes for it (a fresh copy each time), in place
 * of zod's own attempt, which throws for customs and transforms. Returns `schema`. A refinement of
 * `schema` (`.refine`) is a new schema object: give it its JSON Schema too. A refinement's link to
 * the schema it refines (which zod follows only to inherit JSON Schema metadata, and which would
 * make zod look for the unconverted original) is dropped: its JSON Schema is the one given here.
 */
export function withJsonSchema<S extends z.ZodType>(schema: S, jsonSchema: () => JsonSchemaObject): S {
  schema._zod.toJSONSchema = jsonSchema;
  delete schema._zod.parent;
  return schema;
}

/** A number ≥ 0 as a file writes it: a JSON number or a decimal string without a minus sign. */
export function nonNegativeJsonSchema(): JsonSchemaObject {
  return {
    description: 'A number ≥ 0: a JSON number or a decimal string (read exactly).',
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: DECIMAL_PATTERN, not: { pattern: '^\\s*-' } },
    ],
  };
}

/** A date as a file writes it (a `Date` becomes its ISO string in JSON). */
export function dateJsonSchema(): JsonSchemaObject {
  return { type: 'string', description: 'An ISO 8601 date (YYYY-MM-DD) or date-time.' };
}

/** A model file's optional top-level `$schema` key: where an editor finds the file's JSON Schema. */
export function schemaKeyJsonSchema(): JsonSchemaObject {
  return {
    type: 'string',
    description: 'The JSON Schema this file follows, for editors (a URL or a path); ignored by defineX.',
  };
}
