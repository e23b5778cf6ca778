import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cronbachAlpha,
  defineInstrument,
  fisherFCdf,
  fisherFQuantile,
  measureServqualGaps,
  netPromoterScore,
  reverseItemScore,
  scoreSurvey,
  serviceQualityInstrument,
  studentTCdf,
  studentTQuantile,
  type InstrumentDefinition,
  type SurveyMissingPolicy,
} from '../../src/index.js';
import { small, smallDefinition } from './fixtures.js';

/** A respondents × items table on a 1–7 scale, with optional missing answers. */
const table = (withMissing: boolean) =>
  fc.integer({ min: 2, max: 6 }).chain((k) =>
    fc.array(
      fc.array(withMissing ? fc.option(fc.integer({ min: 1, max: 7 }), { freq: 6 }) : fc.integer({ min: 1, max: 7 }), {
        minLength: k,
        maxLength: k,
      }),
      {
        minLength: 2,
        maxLength: 30,
      },
    ),
  );

const policies: SurveyMissingPolicy[] = ['pairwise', 'listwise', { minimumShare: 0.5 }];
const policy = fc.constantFrom(...policies);

/** Responses to the small fixture instrument (answers 1–5 or missing, expectations included). */
const itemIds = ['r1', 'r2', 'r3', 'a1', 'a2', 'a3', 'r1.e', 'r2.e', 'a1.e', 'a2.e'];
const smallResponses = fc
  .array(
    fc.record({
      answers: fc.record(
        Object.fromEntries(itemIds.map((id) => [id, fc.option(fc.integer({ min: 1, max: 5 }), { freq: 5 })])),
      ),
      importance: fc.option(
        fc.integer({ min: 0, max: 100 }).map((r) => ({ reliability: r, attitude: 100 - r })),
        { freq: 2 },
      ),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i) => ({
      id: `r${i}`,
      answers: row.answers,
      ...(row.importance ? { importance: row.importance } : {}),
    })),
  );

describe('Cronbach’s alpha laws', () => {
  it('alpha is never above 1', () => {
    fc.assert(
      fc.property(table(true), fc.constantFrom('pairwise' as const, 'listwise' as const), (rows, missing) => {
        const { alpha, alphaIfDeleted, standardizedAlpha } = cronbachAlpha(rows, { missing });
        for (const value of [alpha, standardizedAlpha, ...alphaIfDeleted])
          if (value !== null) expect(value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
  it('alpha is unchanged by item order, and alpha-if-deleted moves with its item', () => {
    fc.assert(
      fc.property(table(true), fc.integer(), (rows, seed) => {
        const k = rows[0]!.length;
        const order = Array.from({ length: k }, (_, i) => i).sort(
          (a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b,
        );
        const permuted = rows.map((row) => order.map((i) => row[i]!));
        const a = cronbachAlpha(rows);
        const b = cronbachAlpha(permuted);
        if (a.alpha === null) {
          expect(b.alpha).toBeNull();
          return;
        }
        expect(b.alpha!).toBeCloseTo(a.alpha, 9);
        order.forEach((original, position) => {
          const before = a.alphaIfDeleted[original];
          const after = b.alphaIfDeleted[position];
          if (before === null || before === undefined) expect(after).toBeNull();
          else expect(after!).toBeCloseTo(before, 9);
        });
      }),
    );
  });
  it('alpha is unchanged by adding a constant to an item', () => {
    fc.assert(
      fc.property(table(true), fc.nat(), fc.integer({ min: -50, max: 50 }), (rows, which, shift) => {
        const item = which % rows[0]!.length;
        const shifted = rows.map((row) =>
          row.map((value, i) => (i === item && value !== null ? value + shift : value)),
        );
        const a = cronbachAlpha(rows).alpha;
        const b = cronbachAlpha(shifted).alpha;
        if (a === null) expect(b).toBeNull();
        else expect(b!).toBeCloseTo(a, 9);
      }),
    );
  });
  it('undefined alpha always comes with a reason, never NaN', () => {
    fc.assert(
      fc.property(table(true), (rows) => {
        const result = cronbachAlpha(rows);
        expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
        if (result.alpha === null) expect(result.reason).toBeDefined();
      }),
    );
  });
});

describe('reverse coding laws', () => {
  it('reversing a reversed item twice is identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }), fc.nat(), (min, width, at) => {
        const scale = { min, max: min + width };
        const answer = min + (at % (width + 1));
        expect(reverseItemScore(reverseItemScore(answer, scale), scale).toString()).toBe(String(answer));
      }),
    );
  });
  it('a reverse-coded item scores like the plain item answered with min + max − x', () => {
    const plain = defineInstrument({
      ...smallDefinition,
      dimensions: smallDefinition.dimensions.map((d) => ({
        ...d,
        items: d.items.map((item) => ({ ...item, reverse: false })),
      })),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), ([r1, r2, r3]) => {
        const reversed = scoreSurvey(small, [{ id: 'x', answers: { r1, r2, r3 } }]).dimensions[0]!.mean!;
        const flipped = scoreSurvey(plain, [{ id: 'x', answers: { r1, r2, r3: 6 - r3! } }]).dimensions[0]!.mean!;
        expect(reversed.toString()).toBe(flipped.toString());
      }),
    );
  });
});

describe('SERVQUAL laws', () => {
  it('gaps are antisymmetric: swapping perception and expectation flips every gap exactly', () => {
    fc.assert(
      fc.property(smallResponses, policy, (responses, missing) => {
        const swapped = responses.map((response) => {
          const answers: Record<string, number | null> = { ...response.answers };
          for (const id of ['r1', 'r2', 'a1', 'a2'])
            [answers[id], answers[`${id}.e`]] = [response.answers[`${id}.e`] ?? null, response.answers[id] ?? null];
          return { ...response, answers };
        });
        const a = measureServqualGaps(small, responses, { missing });
        const b = measureServqualGaps(small, swapped, { missing });
        const negated = (value: { toString(): string; negated(): { toString(): string } } | null) =>
          value === null ? null : value.negated().toString();
        a.items.forEach((item, i) => expect(b.items[i]!.gap?.toString() ?? null).toBe(negated(item.gap)));
        a.dimensions.forEach((dimension, d) =>
          expect(b.dimensions[d]!.gap?.toString() ?? null).toBe(negated(dimension.gap)),
        );
        expect(b.overall.gap?.toString() ?? null).toBe(negated(a.overall.gap));
        expect(b.overall.weightedGap?.toString() ?? null).toBe(negated(a.overall.weightedGap));
      }),
    );
  });
});

describe('scoring laws', () => {
  it('the overall index stays in [0, 100], and so does every dimension index', () => {
    fc.assert(
      fc.property(smallResponses, policy, (responses, missing) => {
        const score = scoreSurvey(small, responses, { missing });
        for (const value of [score.overall.index, ...score.dimensions.map((d) => d.index)]) {
          if (value === null) continue;
          expect(value.gte(0) && value.lte(100)).toBe(true);
        }
      }),
    );
  });
  it('a respondent’s answers moving up never lowers any dimension mean (no reverse-coded items)', () => {
    const plain = defineInstrument({
      ...smallDefinition,
      dimensions: smallDefinition.dimensions.map((d) => ({
        ...d,
        items: d.items.map((item) => ({ ...item, reverse: false })),
      })),
    });
    fc.assert(
      fc.property(
        smallResponses,
        fc.nat(),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
        policy,
        (responses, who, raise, missing) => {
          const index = who % responses.length;
          const moved = responses.map((response, i) => {
            if (i !== index) return response;
            const answers = { ...response.answers };
            ['r1', 'r2', 'r3', 'a1', 'a2', 'a3'].forEach((id, j) => {
              const value = answers[id];
              if (value !== null && value !== undefined) answers[id] = Math.min(5, value + raise[j]!);
            });
            return { ...response, answers };
          });
          const before = scoreSurvey(plain, responses, { missing });
          const after = scoreSurvey(plain, moved, { missing });
          before.dimensions.forEach((dimension, d) => {
            if (dimension.mean === null) return;
            expect(after.dimensions[d]!.mean!.gte(dimension.mean)).toBe(true);
          });
        },
      ),
    );
  });
  it('every result reports the n it used, and never more respondents than it was given', () => {
    fc.assert(
      fc.property(smallResponses, policy, (responses, missing) => {
        const score = scoreSurvey(small, responses, { missing });
        for (const dimension of score.dimensions) expect(dimension.n).toBeLessThanOrEqual(responses.length);
      }),
    );
  });
  it('listwise never counts more respondents than pairwise, and pairwise never more than a 50% share', () => {
    fc.assert(
      fc.property(smallResponses, (responses) => {
        const n = (missing: SurveyMissingPolicy) =>
          scoreSurvey(small, responses, { missing }).dimensions.map((d) => d.n);
        const [listwise, pairwise, share] = [n('listwise'), n('pairwise'), n({ minimumShare: 0.5 })];
        listwise.forEach((value, d) => {
          expect(value).toBeLessThanOrEqual(pairwise[d]!);
          expect(pairwise[d]!).toBeLessThanOrEqual(share[d]!);
        });
      }),
    );
  });
});

describe('models and measures', () => {
  it('JSON round trip of an instrument is identity (same fingerprint, same definition)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 2, max: 10 }), (points, width) => {
        const definition: InstrumentDefinition = {
          ...smallDefinition,
          scale: { min: 1, max: 1 + width },
          importance: { kind: 'points', values: { reliability: points, attitude: 100 - points } },
        };
        const model = defineInstrument(definition);
        const again = defineInstrument(JSON.parse(JSON.stringify(model)));
        expect(again.fingerprint).toBe(model.fingerprint);
        expect(again.toJSON()).toEqual(model.toJSON());
      }),
    );
    expect(defineInstrument(JSON.parse(JSON.stringify(serviceQualityInstrument))).fingerprint).toBe(
      serviceQualityInstrument.fingerprint,
    );
  });
  it('NPS stays within [−100, 100] and its parts add up to n', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (answers) => {
        const nps = netPromoterScore(answers);
        expect(nps.score!).toBeGreaterThanOrEqual(-100);
        expect(nps.score!).toBeLessThanOrEqual(100);
        expect(nps.promoters + nps.passives + nps.detractors).toBe(answers.length);
      }),
    );
  });
  it('quantile functions invert their CDFs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df1, df2) => {
          expect(studentTCdf(studentTQuantile(p, df1), df1)).toBeCloseTo(p, 9);
          expect(fisherFCdf(fisherFQuantile(p, df1, df2), df1, df2)).toBeCloseTo(p, 9);
        },
      ),
    );
  });
});
