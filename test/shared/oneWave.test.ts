import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  decideRules,
  defaultValueMatrix,
  defineGradeBands,
  defineInstrument,
  defineRuleSet,
  defineValueMatrix,
  instrumentSchema,
  safeDefineGradeBands,
  safeDefineInstrument,
  safeDefineValueMatrix,
  serviceQualityInstrument,
  valueMatrixSchema,
  defineScorecard,
  defineTierPolicy,
  defineValueGrader,
  evaluateChurnRisk,
  evaluateRules,
  gradeBandsSchema,
  ruleSetSchema,
  safeDefineRuleSet,
  safeDefineScorecard,
  safeDefineTierPolicy,
  safeDefineValueGrader,
  scorecardSchema,
  tierPolicySchema,
  valueGraderSchema,
} from '../../src/index.js';

/** The issues a define call throws, as `path: code`. */
function issuesOf(define: () => unknown): string[] {
  try {
    define();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.code}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const factor = (id: string, max = 10) => ({ id, min: 0, max });

/** Four mistakes of three stages, once reported in three waves: a misspelt key and a non-numeric max
 * (the shape), a factor id used twice (across the model) and grade bands with a gap (the bands'
 * own compile-time check). */
const fourMistakes = {
  id: 'four-mistakes',
  normalisaton: 'ratio',
  grades: {
    id: 'gappy',
    bands: [
      { id: 'A', interval: '[60, 100]' },
      { id: 'B', interval: '[0, 50)' },
    ],
  },
  categories: [
    { id: 'money', weight: '0.6', factors: [factor('spend'), { id: 'size', min: 0, max: 'ten' }] },
    { id: 'fit', weight: '0.4', factors: [factor('spend', 5)] },
  ],
};

describe('every model mistake in one ValidationError (issue 17)', () => {
  it('defineScorecard reports the shape, cross-field and grade-band mistakes together', () => {
    expect(issuesOf(() => defineScorecard(fourMistakes as never))).toEqual([
      'grades.bands[0].interval: invalid_value',
      'categories[0].factors[1].max: invalid_value',
      'normalisaton: unknown_key',
      'categories[1].factors[0].id: duplicate',
    ]);
  });

  it('the exported schema reports the same issues (its refinements run beside the field errors)', () => {
    const parsed = scorecardSchema.safeParse(fourMistakes);
    expect(parsed.success).toBe(false);
    const outcome = safeDefineScorecard(fourMistakes);
    expect(outcome.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'grades.bands.0.interval',
      'categories.0.factors.1.max',
      '',
      'categories.1.factors.0.id',
    ]);
  });

  it('weights summing to 1.1 are reported beside a field error elsewhere', () => {
    const model = {
      id: 'heavy',
      colour: 'red',
      categories: [
        { id: 'money', weight: '0.6', factors: [factor('spend')] },
        { id: 'fit', weight: '0.5', factors: [{ ...factor('fit'), min: 10, max: 1 }] },
      ],
    };
    expect(issuesOf(() => defineScorecard(model as never))).toEqual([
      'colour: unknown_key',
      'categories[1].factors[0].max: inconsistent',
      'categories: inconsistent',
    ]);
  });

  it('defineGradeBands reports a bad id and an overlap together, as its schema does', () => {
    const bands = {
      id: 'bands',
      bands: [
        { id: 'A', interval: '[50, 100]' },
        { id: 'B!', interval: '[0, 60)' },
      ],
    };
    expect(issuesOf(() => defineGradeBands(bands))).toEqual([
      'bands[1].id: invalid_value',
      'bands[0].interval: invalid_value',
    ]);
    expect(gradeBandsSchema.safeParse(bands).success).toBe(false);
  });

  /** A duplicate id, an overlap between well-formed bands and a malformed interval: once three waves. */
  const threeBandMistakes = {
    id: 'bands',
    bands: [
      { id: 'A', interval: '[80, 100]' },
      { id: 'A', interval: '[50, 85)' },
      { id: 'C', interval: '[20, 50' },
      { id: 'D', interval: '[0, 20)' },
    ],
  };

  it('defineGradeBands reports a duplicate id, an overlap and a malformed interval together', () => {
    const expected = ['bands[2].interval: invalid_value', 'bands[1].id: duplicate', 'bands[0].interval: invalid_value'];
    expect(issuesOf(() => defineGradeBands(threeBandMistakes as never))).toEqual(expected);
    const safe = safeDefineGradeBands(threeBandMistakes);
    expect(safe.success ? [] : safe.issues.map((issue) => `${issue.path}: ${issue.code}`)).toEqual(expected);
    const parsed = gradeBandsSchema.safeParse(threeBandMistakes);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'bands.2.interval',
      'bands.1.id',
      'bands.0.interval',
    ]);
  });

  it('an overlap across a malformed band is reported; a gap there cannot be told', () => {
    const across = (lower: string) => ({
      id: 'bands',
      bands: [
        { id: 'A', interval: '[50, 100]' },
        { id: 'B', interval: 'fifty' },
        { id: 'C', interval: lower },
      ],
    });
    expect(issuesOf(() => defineGradeBands(across('[0, 60)') as never))).toEqual([
      'bands[1].interval: invalid_value',
      'bands[0].interval: invalid_value',
    ]);
    expect(issuesOf(() => defineGradeBands(across('[0, 20)') as never))).toEqual(['bands[1].interval: invalid_value']);
  });

  it('a scorecard reports a duplicate grade id, an overlap and a malformed interval in its grades at once', () => {
    const model = {
      id: 'card',
      categories: [{ id: 'all', weight: 1, factors: [factor('spend')] }],
      grades: threeBandMistakes,
    };
    const expected = [
      'grades.bands[2].interval: invalid_value',
      'grades.bands[1].id: duplicate',
      'grades.bands[0].interval: invalid_value',
    ];
    expect(issuesOf(() => defineScorecard(model as never))).toEqual(expected);
    const safe = safeDefineScorecard(model);
    expect(safe.success ? [] : safe.issues.map((issue) => `${issue.path}: ${issue.code}`)).toEqual(expected);
    expect(scorecardSchema.safeParse(model).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'grades.bands.2.interval',
      'grades.bands.1.id',
      'grades.bands.0.interval',
    ]);
  });

  it('defineValueGrader reports a bad number and an unknown key beside its ordering checks', () => {
    const grader = {
      id: 'grader',
      version: '1',
      method: 'thresholds',
      grades: [
        { id: 'A', min: 'lots' },
        { id: 'A', min: 50 },
        { id: 'C', min: 80 },
        { id: 'D', upTo: 0.5, colour: 'red' },
      ],
    };
    expect(issuesOf(() => defineValueGrader(grader as never))).toEqual([
      'grades[0].min: invalid_value',
      'grades[3].colour: unknown_key',
      'grades[1].id: duplicate',
      'grades[2].min: inconsistent',
      'grades[3].upTo: invalid_value',
    ]);
    expect(valueGraderSchema.safeParse(grader).success).toBe(safeDefineValueGrader(grader).success);
  });

  it('defineTierPolicy reports a bad number beside duplicate ids, overlaps and a bad discount', () => {
    const tier = (id: string, minMonthlySpend: unknown, more: object = {}) => ({
      id,
      labels: { en: id },
      minMonthlySpend,
      ...more,
    });
    const policy = {
      id: 'policy',
      version: '1',
      tiers: [
        tier('bronze', 'cheap'),
        tier('silver', 100, { maxMonthlySpend: 500 }),
        tier('silver', 400, { discount: '1.5' }),
      ],
    };
    expect(issuesOf(() => defineTierPolicy(policy as never))).toEqual([
      'tiers[0].minMonthlySpend: invalid_value',
      'tiers[2].id: duplicate',
      'tiers[2].discount: invalid_value',
      'tiers[2].minMonthlySpend: inconsistent',
    ]);
    expect(tierPolicySchema.safeParse(policy).success).toBe(safeDefineTierPolicy(policy).success);
  });

  describe('value, tier and instrument models: mistakes of every kind in one error', () => {
    const matrix = defaultValueMatrix.toJSON();
    const [first, second, third, fourth] = matrix.classes as [object, object, object, object];

    it('defineValueMatrix reports a malformed cells row beside a duplicate class id and a cell naming no class', () => {
      const definition = {
        ...matrix,
        colour: 'red',
        classes: [first, { ...second, id: 'A' }, { ...third, labels: { de: 'Potenzial' } }, fourth],
        cells: { ...matrix.cells, B: { A: 'A', B: 'B' }, C: { ...matrix.cells.C, A: 'Z' } },
      };
      expect(issuesOf(() => defineValueMatrix(definition as never))).toEqual([
        'classes[2].labels.en: missing',
        'cells.B.C: missing',
        'cells.B.D: missing',
        'colour: unknown_key',
        'classes[1].id: duplicate',
        'cells.A.C: invalid_value',
        'cells.A.D: invalid_value',
        'cells.B.B: invalid_value',
        'cells.C.A: invalid_value',
      ]);
      expect(valueMatrixSchema.safeParse(definition).error?.issues).toHaveLength(9);
      expect(safeDefineValueMatrix(definition).success).toBe(false);
    });

    it('defineValueMatrix skips only the cell check when a class is malformed (the class ids are then unknown)', () => {
      const definition = {
        ...matrix,
        classes: [first, { ...second, id: 'A', segment: 'high-value' }, { ...third, id: 'bad id!' }, 4],
        cells: { ...matrix.cells, B: 7, C: { ...matrix.cells.C, A: 'Z' } },
      };
      expect(issuesOf(() => defineValueMatrix(definition as never))).toEqual([
        'classes[2].id: invalid_value',
        'classes[3]: invalid_type',
        'cells.B: invalid_type',
        'classes[1].id: duplicate',
        'classes[1].segment: duplicate',
      ]);
    });

    it('defineInstrument reports field errors beside duplicate dimension ids and importance that does not fit', () => {
      const instrument = serviceQualityInstrument.toJSON();
      const [dimension, next, ...rest] = instrument.dimensions;
      const definition = {
        ...instrument,
        colour: 'red',
        standard: 'high',
        dimensions: [
          { ...dimension!, items: [{ ...dimension!.items[0]!, reverse: 'yes' }, ...dimension!.items.slice(1)] },
          { ...next!, id: dimension!.id },
          ...rest,
        ],
        importance: { kind: 'weights', values: { bogus: 'x', [next!.id]: '1.5' } },
      };
      const issues = issuesOf(() => defineInstrument(definition as never));
      expect(issues.slice(0, 5)).toEqual([
        'dimensions[0].items[0].reverse: invalid_type',
        'importance.values.bogus: invalid_value',
        'standard: invalid_value',
        'colour: unknown_key',
        'dimensions[1].id: duplicate',
      ]);
      // the dimension ids are known (each dimension has one), so unknown and missing keys are named
      // (the second dimension's old id is no longer one); the total is not checked while a value is not a number
      expect(issues.slice(5)).toEqual([
        'importance.values.bogus: invalid_value',
        `importance.values.${next!.id}: invalid_value`,
        `importance.values.${dimension!.id}: missing`,
        ...rest.map((item) => `importance.values.${item.id}: missing`),
      ]);
      expect(instrumentSchema.safeParse(definition).error?.issues).toHaveLength(issues.length);
      expect(safeDefineInstrument(definition).success).toBe(false);
    });

    it('defineInstrument reports duplicate item and group ids beside labels and wording mistakes', () => {
      const instrument = serviceQualityInstrument.toJSON();
      const [dimension, next, ...rest] = instrument.dimensions;
      const definition = {
        ...instrument,
        labels: { de: 'Umfrage' },
        dimensions: [
          { ...dimension!, items: [{ ...dimension!.items[0]!, id: next!.items[0]!.id, text: 5 }] },
          next!,
          ...rest,
        ],
        groups: [
          { id: 'clients', labels: { en: 'Clients' } },
          { id: 'clients', labels: 3 },
        ],
        importance: { kind: 'points', values: Object.fromEntries(instrument.dimensions.map((item) => [item.id, 10])) },
      };
      expect(issuesOf(() => defineInstrument(definition as never))).toEqual([
        'labels.en: missing',
        'dimensions[0].items[0].text: invalid_type',
        'groups[1].labels: invalid_type',
        'dimensions[1].items[0].id: duplicate',
        'importance.values: inconsistent',
        'groups[1].id: duplicate',
      ]);
    });

    it('defineTierPolicy reports labels, frequency, entry and key mistakes beside its cross-tier checks', () => {
      const policy = {
        id: 'policy',
        version: '1',
        currency: '',
        tiers: [
          { id: 'a', labels: { de: 'A' }, minMonthlySpend: -1, visits: { times: 0, per: 'day' } },
          { id: 'a', labels: { en: 'A' }, minMonthlySpend: 'x', maxMonthlySpend: 5 },
          7,
          { id: 'b', labels: { en: 'B' }, minMonthlySpend: 0, discount: 2, colour: 'red' },
        ],
      };
      expect(issuesOf(() => defineTierPolicy(policy as never))).toEqual([
        'currency: too_small',
        'tiers[0].labels.en: missing',
        'tiers[0].visits.times: too_small',
        'tiers[0].visits.per: invalid_value',
        'tiers[1].minMonthlySpend: invalid_value',
        'tiers[2]: invalid_type',
        'tiers[3].colour: unknown_key',
        'tiers[0].minMonthlySpend: invalid_value',
        'tiers[1].id: duplicate',
        'tiers[3].discount: invalid_value',
        'tiers[3].minMonthlySpend: inconsistent',
      ]);
      expect(tierPolicySchema.safeParse(policy).error?.issues).toHaveLength(11);
    });

    it('defineValueGrader reports labels, id and entry mistakes beside its method and ordering checks', () => {
      const grader = {
        id: 'grader',
        version: '1',
        method: 'thresholds',
        labels: 5,
        grades: [
          { id: 'A', min: 'x', labels: { de: 'A' } },
          { id: 'A', min: 50, upTo: 0.3 },
          { id: 'bad id', min: 60 },
          'C',
          { id: 'E', min: 1 },
        ],
      };
      expect(issuesOf(() => defineValueGrader(grader as never))).toEqual([
        'labels: invalid_type',
        'grades[0].labels.en: missing',
        'grades[0].min: invalid_value',
        'grades[2].id: invalid_value',
        'grades[3]: invalid_type',
        'grades[1].id: duplicate',
        'grades[1].upTo: invalid_value',
        'grades[2].min: inconsistent',
        'grades[4].min: invalid_value',
      ]);
      expect(valueGraderSchema.safeParse(grader).error?.issues).toHaveLength(9);
    });
  });
});

// --- rule sets (churn) ---

const churnRule = (id: string, when: object, more: object = {}) => ({
  id,
  when,
  severity: 'warning',
  points: 10,
  cause: 'credit',
  ...more,
});

/** Seven mistakes of four kinds, once reported in three waves: the shape (a severity, a between pair
 * low above high, a placeholder format), a rule id used twice (across rules) and signals no
 * catalogue knows (in a condition, and in the en and de message placeholders). */
const sevenRuleMistakes = {
  id: 'six-mistakes',
  rules: [
    churnRule('drop', { signal: 'spendChnge', op: 'lte', value: -0.2 }),
    churnRule('late', { signal: 'daysSinceLastOrder', op: 'gt', value: 60 }, { severity: 'awful' }),
    churnRule('drop', { signal: 'spendChange', op: 'between', value: [3, 1] }),
    churnRule(
      'shown',
      { signal: 'spendChange', op: 'lt', value: 0 },
      {
        message: { en: 'Spend {spendChange|wat}, seen {nope}', 'zh-CN': '投放额 {spendChange}', de: 'Umsatz {umsatz}' },
      },
    ),
  ],
};

const sevenRuleIssues = [
  'rules[1].severity: invalid_value',
  'rules[2].when.value: inconsistent',
  'rules[3].message.en: invalid_value',
  'rules[2].id: duplicate',
  'rules[0].when.signal: invalid_value',
  'rules[3].message.en: invalid_value',
  'rules[3].message.de: invalid_value',
];

describe('every rule-set mistake in one ValidationError (issue 17)', () => {
  it('defineRuleSet reports shape, duplicate-id, placeholder and unknown-signal mistakes together', () => {
    expect(issuesOf(() => defineRuleSet(sevenRuleMistakes as never))).toEqual(sevenRuleIssues);
    const outcome = safeDefineRuleSet(sevenRuleMistakes);
    expect(outcome.success ? [] : outcome.issues.map((issue) => issue.expected)).toEqual([
      'one of "watch", "warning", "critical"',
      'low ≤ high',
      'a placeholder format, one of percent, number, days',
      'a rule id not already used (rules[0] has "drop")',
      'a built-in churn signal or one declared in the rule set\'s "signals" (did you mean "spendChange"?)',
      'a placeholder naming a built-in churn signal or one declared in the rule set\'s "signals"',
      'a placeholder naming a built-in churn signal or one declared in the rule set\'s "signals"',
    ]);
  });

  it('the exported ruleSetSchema reports the same issues at the same paths', () => {
    const parsed = ruleSetSchema.safeParse(sevenRuleMistakes);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'rules.1.severity',
      'rules.2.when.value',
      'rules.3.message.en',
      'rules.2.id',
      'rules.0.when.signal',
      'rules.3.message.en',
      'rules.3.message.de',
    ]);
  });

  it('evaluateRules, decideRules and evaluateChurnRisk given the JSON report every mistake at once too', () => {
    expect(issuesOf(() => evaluateRules(sevenRuleMistakes as never, {}))).toEqual(sevenRuleIssues);
    expect(issuesOf(() => decideRules(sevenRuleMistakes as never, []))).toEqual(sevenRuleIssues);
    expect(
      issuesOf(() => evaluateChurnRisk({ id: 'ACME' }, { asOf: '2026-11-01', ruleSet: sevenRuleMistakes as never })),
    ).toEqual(sevenRuleIssues);
  });

  it("a caller's catalogue: its unknown signals are reported beside a bad number and a duplicate id", () => {
    const catalogue = {
      usage: { type: 'number' as const, labels: { en: 'Usage', 'zh-CN': '用量' } },
      plan: { type: 'category' as const, values: ['free', 'pro'], labels: { en: 'Plan', 'zh-CN': '套餐' } },
    };
    const file = {
      id: 'custom',
      rules: [
        churnRule('a', { signal: 'usage', op: 'lt', value: 5 }, { points: 'ten' }),
        churnRule('a', { signal: 'plan', op: 'eq', value: 'gold' }),
        churnRule('b', { signal: 'usgae', op: 'lt', value: 5 }),
      ],
    };
    expect(issuesOf(() => defineRuleSet(file as never, { catalogue }))).toEqual([
      'rules[0].points: invalid_value',
      'rules[1].id: duplicate',
      'rules[1].when.value: invalid_value',
      'rules[2].when.signal: invalid_value',
    ]);
  });

  it('a condition whose shape is broken is skipped by the signal check; the other rules are still checked', () => {
    const file = {
      id: 'broken-part',
      colour: 'red',
      rules: [
        churnRule('a', { signal: 'madeUp', op: 'above', value: 1 }),
        churnRule('b', { any: [] }, { message: { en: 'Seen {alsoMadeUp}' } }),
        churnRule('c', { signal: 'notASignal', op: 'known' }),
      ],
    };
    expect(issuesOf(() => defineRuleSet(file as never))).toEqual([
      'rules[0].when.op: invalid_value',
      'rules[1].when.any: invalid_value',
      'colour: unknown_key',
      'rules[1].message.en: invalid_value',
      'rules[2].when.signal: invalid_value',
    ]);
  });

  it('malformed signal declarations skip the signal check (it cannot know them) but not the other checks', () => {
    const file = {
      id: 'bad-declarations',
      signals: { usage: { type: 'amount' } },
      rules: [
        churnRule('a', { signal: 'usage', op: 'lt', value: 5 }),
        churnRule('a', { signal: 'usage', op: 'gt', value: 9 }),
      ],
    };
    expect(issuesOf(() => defineRuleSet(file as never))).toEqual([
      'signals.usage.type: invalid_value',
      'rules[1].id: duplicate',
    ]);
    expect(ruleSetSchema.safeParse(file).success).toBe(false);
  });
});

describe('rule-set messages in any locale', () => {
  it('a zh-CN placeholder naming no signal is reported at message["zh-CN"], beside the other mistakes', () => {
    const file = {
      id: 'locales',
      rules: [
        churnRule(
          'a',
          { signal: 'spendChange', op: 'lt', value: 0 },
          { message: { en: 'Spend fell', 'zh-CN': '{nope}' } },
        ),
        churnRule('a', { signal: 'spendChange', op: 'lt', value: 0 }),
      ],
    };
    expect(issuesOf(() => defineRuleSet(file as never))).toEqual([
      'rules[1].id: duplicate',
      'rules[0].message["zh-CN"]: invalid_value',
    ]);
    expect(ruleSetSchema.safeParse(file).error?.issues.map((issue) => issue.path)).toEqual([
      ['rules', 1, 'id'],
      ['rules', 0, 'message', 'zh-CN'],
    ]);
  });

  it('a de message shows the signals it names, even ones no condition reads', () => {
    const rules = defineRuleSet({
      id: 'de',
      rules: [
        churnRule(
          'a',
          { signal: 'spendChange', op: 'lt', value: 0 },
          {
            message: { en: 'Spend fell', de: 'Umsatz {spendChange|percent}, Tage {daysSinceLastOrder}' },
          },
        ),
      ],
    } as never);
    const alert = evaluateRules(rules, { spendChange: -0.25, daysSinceLastOrder: 40 }).alerts[0];
    expect(alert?.message['de']).toBe('Umsatz -25%, Tage 40');
  });
});
