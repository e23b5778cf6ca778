/**
 * The zod schema of intervals (for JSON Schema and composition); the scoring path reads intervals
 * with `intervalReader` (intervals.ts), which gives the same issues without zod.
 *
 * @module
 */
import { z } from 'zod';
import { numericSchema } from '../shared/schema.js';
import { intervalProblem } from './intervals.js';

const edgeSchema = /* @__PURE__ */ z
  .object({
    value: numericSchema,
    inclusive: z.boolean({ error: 'a boolean' }),
  })
  .strict();

/**
 * An interval, as text (`'[60, 80)'`) or as an object with optional `lower` / `upper` edges.
 * @category Scales
 */
export const intervalSchema = /* @__PURE__ */ z
  .union([
    z.string({ error: 'interval notation such as "[60, 80)"' }),
    z.object({ lower: edgeSchema.optional(), upper: edgeSchema.optional() }).strict(),
  ])
  .superRefine((value, ctx) => {
    const problem = intervalProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
