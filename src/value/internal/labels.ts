/**
 * Labels in value models, typed as they are written.
 * @module
 */
import type { z } from 'zod';
import { labelsSchema, type Labels, type LabelsInput } from '../../shared/labels.js';

/**
 * {@link labelsSchema} with its input typed as model files write labels ({@link LabelsInput}: `en`
 * required, any other BCP 47 locale optional), so a definition's type takes `{ en, de }`; the
 * output is {@link Labels} (`zh-CN` filled from `en`). The same schema object: same checks, same
 * JSON Schema.
 */
export const labelsInputSchema = labelsSchema as unknown as z.ZodType<Labels, LabelsInput>;
