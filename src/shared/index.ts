/**
 * Shared foundation: numbers, errors, labels, fingerprints and batch conventions.
 * @module
 */
export { ClienteleError, ValidationError, issueCodes, type Issue, type IssueCode } from './errors.js';
export { toDecimal, isNumeric, isDecimal, numericLimits, type Numeric } from './numeric.js';
export { roundForDisplay, type DisplayRounding } from './roundForDisplay.js';
export { labelIn, labelsSchema, locales, type Labels, type LabelsInput, type Locale } from './labels.js';
export { numericSchema, idSchema, versionSchema } from './schema.js';
export { fingerprint, canonicalJson } from './fingerprint.js';
export type { JsonObject, ModelRef, ModelIdentity, SafeResult } from './model.js';
export type { RuntimeShapedDefinition } from './jsonDefinition.js';
export type { BatchResult, RecordError } from './batch.js';
export type { Rational } from './rational.js';
export type { DateInput } from './dates.js';
