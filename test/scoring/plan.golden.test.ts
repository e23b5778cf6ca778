/**
 * Golden before/after check of the scorecard plan. The digests in golden/plan-digests.json were
 * recorded from the code as it was before `score`, the batch forms, `scoreColumns` and `toSql`
 * were moved onto one compiled plan (the JSON of every score result, column score and generated
 * SQL query for the presets, a model with every scale type and 120 random models with a fixed
 * seed). A refactor must leave every one unchanged; an intended change of output regenerates the
 * file with `npx tsx test/scoring/golden/record.ts` and is reviewed as a diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDigests } from './golden/digests.js';

const recorded = JSON.parse(readFileSync(new URL('./golden/plan-digests.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

describe('scorecard plan: outputs byte-identical to the recorded ones', () => {
  it('every score result, column score and SQL query matches its recorded digest', () => {
    expect(planDigests()).toEqual(recorded);
  }, 60_000);
});
