export { defineGradeBands, safeDefineGradeBands, isGradeBands } from './defineGradeBands.js';
export { grade, findBand } from './grade.js';
export type { GradeBandsDefinition } from './gradeBandsSchema.js';
export type * from './types.js';
