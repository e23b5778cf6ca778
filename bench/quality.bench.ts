/**
 * Service-quality benchmark: scoring 100,000 respondents × 24 items (6 dimensions × 4 items, one
 * reverse-coded item per dimension, 1–5 scale, ~3% missing answers), against a plain Float64 loop
 * that computes the same dimension means from a ready-made Float64Array.
 */
import {
  defineInstrument,
  prepareSurvey,
  scoreSurvey,
  surveyReliability,
  measureServqualGaps,
  type InstrumentDefinition,
} from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { bestOf, printTable } from './timing.js';

const RESPONDENTS = 100_000;
const DIMENSIONS = ['convenience', 'communication', 'capability', 'attitude', 'reliability', 'facilities'];
const ITEMS_PER_DIMENSION = 4;

/** Deterministic data (mulberry32), so every run measures the same records. */
const random = seededRandom;

const definition: InstrumentDefinition = {
  id: 'bench',
  version: '1',
  labels: { en: 'Benchmark survey', 'zh-CN': '基准调查' },
  scale: { min: 1, max: 5 },
  dimensions: DIMENSIONS.map((id) => ({
    id,
    labels: { en: id, 'zh-CN': id },
    items: Array.from({ length: ITEMS_PER_DIMENSION }, (_, i) => ({
      id: `${id}.${i}`,
      text: { en: `${id} ${i}`, 'zh-CN': `${id} ${i}` },
      ...(i === 3 ? { reverse: true } : { expectation: { id: `${id}.${i}.e`, text: { en: 'e', 'zh-CN': 'e' } } }),
    })),
  })),
  importance: {
    kind: 'points',
    values: { convenience: 10, communication: 20, capability: 20, attitude: 15, reliability: 25, facilities: 10 },
  },
};

export default function run(): void {
  const instrument = defineInstrument(definition);
  const itemIds = instrument.items.map((item) => item.id);
  const reverse = instrument.items.map((item) => item.reverse);
  const next = random(20261124);
  const responses: { id: string; answers: Record<string, number | null> }[] = [];
  const matrix = new Float64Array(RESPONDENTS * itemIds.length);
  for (let r = 0; r < RESPONDENTS; r++) {
    const answers: Record<string, number | null> = {};
    const level = 1 + next() * 4;
    itemIds.forEach((id, i) => {
      const value = next() < 0.03 ? null : Math.min(5, Math.max(1, Math.round(level + (next() - 0.5) * 2)));
      answers[id] = value;
      matrix[r * itemIds.length + i] = value === null ? Number.NaN : value;
    });
    responses.push({ id: `r${r}`, answers });
  }

  // Baseline: the same dimension means (prorated mean per respondent, then mean over respondents) in plain doubles.
  const items = itemIds.length;
  const float64 = bestOf(5, () => {
    const means = new Float64Array(DIMENSIONS.length);
    for (let d = 0; d < DIMENSIONS.length; d++) {
      let total = 0;
      let n = 0;
      for (let r = 0; r < RESPONDENTS; r++) {
        let sum = 0;
        let count = 0;
        for (let i = d * ITEMS_PER_DIMENSION; i < (d + 1) * ITEMS_PER_DIMENSION; i++) {
          const value = matrix[r * items + i]!;
          if (value !== value) continue;
          sum += reverse[i] ? 6 - value : value;
          count++;
        }
        if (count * 2 < ITEMS_PER_DIMENSION) continue;
        total += sum / count;
        n++;
      }
      means[d] = total / n;
    }
    return means;
  });

  // Second baseline: the same means read straight from the response objects, with no validation.
  const dimensionOf = instrument.items.map((item) => DIMENSIONS.indexOf(item.dimension));
  const float64FromObjects = bestOf(3, () => {
    const totals = new Float64Array(DIMENSIONS.length);
    const counts = new Float64Array(DIMENSIONS.length);
    const sums = new Float64Array(DIMENSIONS.length);
    const answered = new Float64Array(DIMENSIONS.length);
    for (const response of responses) {
      sums.fill(0);
      answered.fill(0);
      for (let i = 0; i < items; i++) {
        const value = response.answers[itemIds[i]!];
        if (value === null || value === undefined) continue;
        const d = dimensionOf[i]!;
        sums[d] = sums[d]! + (reverse[i] ? 6 - value : value);
        answered[d] = answered[d]! + 1;
      }
      for (let d = 0; d < DIMENSIONS.length; d++) {
        if (answered[d]! * 2 < ITEMS_PER_DIMENSION) continue;
        totals[d] = totals[d]! + sums[d]! / answered[d]!;
        counts[d] = counts[d]! + 1;
      }
    }
    return totals.map((total, d) => total / counts[d]!);
  });

  const prepared = bestOf(5, () => prepareSurvey(instrument, responses));
  const options = { missing: { minimumShare: 0.5 } } as const;
  const scored = bestOf(10, () => scoreSurvey(instrument, prepared.result, options));
  const endToEnd = bestOf(5, () => scoreSurvey(instrument, responses, options));
  const reliability = bestOf(3, () => surveyReliability(instrument, prepared.result));
  const gaps = bestOf(3, () => measureServqualGaps(instrument, prepared.result, options));

  // identical decisions: the exact means agree with the double loop
  scored.result.dimensions.forEach((dimension, d) => {
    const difference = Math.abs(dimension.mean!.toNumber() - float64.result[d]!);
    if (difference > 1e-9)
      throw new Error(`mean of ${dimension.dimension} differs from the Float64 baseline by ${difference}`);
  });

  const perSecond = (ms: number) => Math.round((RESPONDENTS / ms) * 1000).toLocaleString('en');
  const objectsRatio = (endToEnd.ms / float64FromObjects.ms).toFixed(1);
  const row = (name: string, ms: number) => ({
    task: name,
    'ms (best)': Number(ms.toFixed(1)),
    'respondents/s': perSecond(ms),
    'ratio vs Float64': Number((ms / float64.ms).toFixed(2)),
  });
  console.log(`${RESPONDENTS.toLocaleString('en')} respondents × ${items} items, ${DIMENSIONS.length} dimensions`);
  printTable([
    row('Float64 loop: dimension means (baseline)', float64.ms),
    row('scoreSurvey on prepared data (exact means, sd, CI, boxes, overall)', scored.ms),
    row('Float64 loop reading the response objects (second baseline)', float64FromObjects.ms),
    row('prepareSurvey: validate 2.4M answers into columns', prepared.ms),
    row('scoreSurvey from raw responses (validate + score)', endToEnd.ms),
    row('surveyReliability: alpha per dimension', reliability.ms),
    row('measureServqualGaps (exact rationals)', gaps.ms),
  ]);
  console.log(
    `scoreSurvey on prepared data: ${(scored.ms / float64.ms).toFixed(2)}× the Float64 loop; from raw ` +
      `responses: ${objectsRatio}× a Float64 loop over the same objects.`,
  );
}
