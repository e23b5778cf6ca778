export { defineGradeBands, safeDefineGradeBands, isGradeBands } from './defineGradeBands.js';
export { grade, findBand } from './grade.js';
export type { GradeBandsDefinition } from './gradeBandsSchema.js';
export type { GradeBand, GradeBands, NextGrade, NormalisedGradeBands } from './types.js';
