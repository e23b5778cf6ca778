/**
 * The fuzz harness of the public entry points (issue: hostile input). Each entry point gets
 * arguments drawn from three sources — `fc.anything()`, a catalogue of hostile values, and valid
 * examples mutated deep into their structure — and must either return or throw a
 * `ClienteleError`. Anything else (a `TypeError`, a `RangeError`, a hang) is a failure, printed
 * with its seed and path so it replays.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import * as clientele from '../../src/index.js';
import { AS_OF, healthyHistory } from '../churn/fixtures.js';
import { moreExamples } from './examples.js';

const {
  potentialValueModel,
  potentialValueBands,
  defaultChurnRuleSet,
  defaultValueMatrix,
  serviceQualityInstrument,
  telecomTierPolicy,
  abcValueGrader,
} = clientele;

const revoked = (() => {
  const handle = Proxy.revocable({}, {});
  handle.revoke();
  return handle.proxy;
})();

/** Values that broke some entry point once, plus their cousins. */
export const hostileValues: readonly unknown[] = [
  '1e1000000000',
  '-1e-1000000000',
  new Decimal(Number.NaN),
  new Decimal(Infinity),
  { [Symbol.toStringTag]: 'Decimal', d: [1], e: 1e9, s: 1 },
  { toStringTag: '[object Decimal]' },
  Object.create(null),
  Symbol('hostile'),
  2n ** 80n,
  { toString: '1e5000' },
  '  50000  ',
  // eslint-disable-next-line no-sparse-arrays
  [, 0.9],
  Object.defineProperty({}, 'ratings', {
    enumerable: true,
    get: () => {
      throw new Error('getter');
    },
  }),
  revoked,
  'NaN',
  ' 2026-10-31',
  '9'.repeat(3000) + 'x',
  null,
  undefined,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  '',
  [],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"x": 1}, "constructor": {"prototype": {}}}'),
  Array.from({ length: 5 }),
  new Date(Number.NaN),
  '0000-02-29',
];

const deep = (() => {
  let value: unknown = 1;
  for (let depth = 0; depth < 100_000; depth++) value = [value];
  return value;
})();

const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
const history = healthyHistory();
const riskResult = clientele.evaluateChurnRisk(history, { asOf: AS_OF });
const survey = [{ id: 'r1', answers: Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, 4])) }];

/** Valid examples per argument kind, to be mutated. */
const baseExamples = {
  scorecard: potentialValueModel,
  scorecardJson: potentialValueModel.toJSON(),
  ratings,
  records: [
    { id: 'a', ratings },
    { id: 'b', ratings },
  ],
  bands: potentialValueBands,
  ruleSetJson: defaultChurnRuleSet.toJSON(),
  ruleSet: defaultChurnRuleSet,
  signals: { spendChange: -0.4, daysSinceLastOrder: 120 },
  matrixJson: defaultValueMatrix.toJSON(),
  policyJson: telecomTierPolicy.toJSON(),
  graderJson: abcValueGrader.toJSON(),
  instrument: serviceQualityInstrument,
  instrumentJson: serviceQualityInstrument.toJSON(),
  survey,
  values: [100, 50, 25, 12.5],
  history,
  histories: [history],
  alphaRows: [
    [1, 2, 3],
    [2, 3, 4],
    [3, 3, 5],
  ],
  options: { asOf: AS_OF },
  paretoOptions: { targetShare: 0.8 },
  scoreResult: clientele.score(potentialValueModel, ratings),
  run: [riskResult],
  grade: 'B',
  grader: abcValueGrader,
  valuationInput: { margin: 100, retention: 0.8, discountRate: 0.1 },
  policy: telecomTierPolicy,
  contactAccounts: [
    { id: 'crystal-late', monthlySpend: 5000, lastVisit: '2026-08-01', lastCall: '2026-10-20' },
    { id: 'crystal-ok', tier: 'crystal', lastVisit: '2026-10-01', lastCall: '2026-10-02' },
  ],
  tierCounts: { crystal: 12 },
  potentialInput: { ratings, uplift: { crossSell: [{ margin: 20000, probability: 0.25 }] } },
  columns: Object.fromEntries(
    potentialValueModel.factors.map((factor) => [factor.id, [factor.min.toNumber(), factor.max.toNumber()]]),
  ),
  churnAccounts: [{ id: 'a', revenue: 1000, losses: [{ date: '2026-03-01', amount: 200, cause: 'competitor' }] }],
  period: { from: '2026-01-01', to: '2026-06-30' },
  complaints: [{ id: 'c1', openedAt: '2026-06-01', resolvedAt: '2026-06-05' }],
  topOptions: { count: 2 },
  accounts: [{ id: 'a', ratings, margin: 1000 }],
  valuation: { valuation: { retention: 0.8, discountRate: 0.1 } },
} as const;
const examples = { ...baseExamples, ...moreExamples };
type ExampleKind = keyof typeof examples;

/** Replaces the value at one random path of a JSON clone of `value` with `replacement`. */
function mutateAt(value: unknown, choice: number, replacement: unknown): unknown {
  const clone = JSON.parse(
    JSON.stringify(value, (_key, leaf: unknown) => (typeof leaf === 'bigint' ? String(leaf) : leaf)),
  ) as unknown;
  const containers: { holder: Record<string | number, unknown>; key: string | number }[] = [];
  const stack: unknown[] = [clone];
  while (stack.length > 0 && containers.length < 2000) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      containers.push({ holder: node as Record<string, unknown>, key });
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  if (containers.length === 0) return replacement;
  const target = containers[choice % containers.length]!;
  target.holder[target.key] = replacement;
  return clone;
}

/**
 * An argument built only when the entry point is called, so fast-check itself never touches a
 * revoked proxy or a throwing getter; `toString` says how to rebuild it for a replay.
 */
export class LazyArgument {
  constructor(
    readonly build: () => unknown,
    readonly description: string,
  ) {}

  toString(): string {
    return this.description;
  }
}

const HOSTILE = [...hostileValues, deep];

/** One argument: anything, a hostile value, a valid example, or a valid example mutated deep inside. */
function argument(kind: ExampleKind): fc.Arbitrary<LazyArgument> {
  const example = examples[kind];
  return fc.oneof(
    {
      arbitrary: fc
        .anything({
          withBigInt: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
        })
        .map((value) => new LazyArgument(() => value, `anything ${fc.stringify(value)}`)),
      weight: 2,
    },
    {
      arbitrary: fc
        .nat(HOSTILE.length - 1)
        .map((index) => new LazyArgument(() => HOSTILE[index], `hostileValues[${index}]`)),
      weight: 2,
    },
    { arbitrary: fc.constant(new LazyArgument(() => example, `examples.${kind}`)), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(HOSTILE.length - 1))
        .map(
          ([choice, index]) =>
            new LazyArgument(
              () => mutateAt(example, choice, HOSTILE[index]),
              `mutateAt(examples.${kind}, ${choice}, hostileValues[${index}])`,
            ),
        ),
      weight: 4,
    },
  );
}

/** A public entry point and the kinds of its arguments. */
export interface EntryPoint {
  readonly name: string;
  readonly args: fc.Arbitrary<LazyArgument[]>;
  readonly call: (args: unknown[]) => unknown;
}

function entry(name: keyof typeof clientele, ...kinds: ExampleKind[]): EntryPoint {
  const fn = clientele[name] as unknown as (...args: unknown[]) => unknown;
  return { name, args: fc.tuple(...kinds.map(argument)), call: (args) => fn(...args) };
}

/** Drains generators and awaits nothing: a streaming entry point is exercised to its end. */
function drain(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' &&
    !Array.isArray(value)
  ) {
    for (const _item of value as Iterable<unknown>) void _item;
  }
  return value;
}

export const entryPoints: readonly EntryPoint[] = [
  entry('overrideScore', 'overrideResult', 'override', 'asOfOptions'),
  entry('backtestRules', 'ruleSet', 'backtestHistories', 'backtestOutcomes', 'backtestOptions'),
  entry('toDecimal', 'values'),
  entry('defineScorecard', 'scorecardJson'),
  entry('score', 'scorecard', 'ratings'),
  entry('safeScore', 'scorecard', 'ratings'),
  entry('grade', 'values', 'bands'),
  entry('reasons', 'scoreResult'),
  entry('scorePortfolio', 'scorecard', 'records'),
  {
    ...entry('scoreEach', 'scorecard', 'records'),
    call: (args) => drain(clientele.scoreEach(...(args as [never, never]))),
  },
  entry('defineGradeBands', 'bands'),
  entry('defineRuleSet', 'ruleSetJson'),
  entry('safeDefineRuleSet', 'ruleSetJson'),
  entry('evaluateRules', 'ruleSet', 'signals'),
  entry('decideRules', 'ruleSet', 'records'),
  entry('deriveSignals', 'history', 'options'),
  entry('evaluateChurnRisk', 'history', 'options'),
  entry('evaluateChurnRiskBatch', 'histories', 'options'),
  entry('diffAlerts', 'run', 'run'),
  entry('defineValueMatrix', 'matrixJson'),
  entry('classifyValue', 'grade', 'grade'),
  entry('defineTierPolicy', 'policyJson'),
  entry('defineValueGrader', 'graderJson'),
  entry('gradeValues', 'values', 'grader'),
  entry('currentValue', 'valuationInput'),
  entry('pareto', 'values', 'paretoOptions'),
  entry('herfindahlIndex', 'values'),
  entry('concentrationRisk', 'values'),
  entry('assessPortfolio', 'accounts', 'valuation'),
  {
    ...entry('assessPortfolioEach', 'accounts', 'valuation'),
    call: (args) => drain(clientele.assessPortfolioEach(...(args as [never, never])).accounts),
  },
  entry('defineInstrument', 'instrumentJson'),
  entry('scoreSurvey', 'instrument', 'surveyRows', 'surveyOptions'),
  entry('scoreSurveyStream', 'instrument', 'surveyRows', 'surveyOptions'),
  entry('cronbachAlpha', 'alphaRows'),
  entry('netPromoterScore', 'values'),
  entry('meanConfidenceInterval', 'values'),
  entry('fingerprint', 'scorecardJson'),
  entry('scoreColumns', 'scorecard', 'columns'),
  entry('contactCompliance', 'policy', 'contactAccounts', 'options'),
  entry('staffingNeed', 'policy', 'tierCounts'),
  entry('checkTierPolicy', 'policy'),
  entry('potentialValue', 'potentialInput'),
  entry('topShare', 'values', 'topOptions'),
  entry('paretoCurve', 'values'),
  entry('churnReport', 'churnAccounts', 'period'),
  entry('measureComplaints', 'complaints', 'options'),
  entry('surveyReliability', 'instrument', 'survey'),
  entry('measureServqualGaps', 'instrument', 'surveyRows', 'surveyOptions'),
  entry('importancePerformanceAnalysis', 'instrument', 'surveyRows', 'surveyOptions'),
  entry('prepareSurvey', 'instrument', 'survey'),
  // charts, display and formatting
  entry('churnCauseChart', 'churnResults', 'chartOptions'),
  entry('riskLevelChart', 'churnResults', 'chartOptions'),
  entry('dimensionMeansChart', 'surveyScore', 'dimensionChartOptions'),
  entry('servqualGapChart', 'servqualGaps', 'chartOptions'),
  entry('importancePerformanceChart', 'ipa', 'chartOptions'),
  entry('gainsChart', 'gains', 'gainsChartOptions'),
  entry('gradeOutcomeChart', 'gradeOutcomesResult', 'chartOptions'),
  entry('gradeDistributionChart', 'gradeBands', 'gradeCounts', 'chartOptions'),
  entry('scoreWaterfallChart', 'scoreResultJson', 'scoreChartOptions'),
  entry('valueMatrixChart', 'assessmentJson', 'chartOptions'),
  entry('paretoChart', 'paretoCurveResult', 'paretoChartOptions'),
  entry('renderReport', 'assessmentJson', 'reportOptions'),
  entry('toHtml', 'assessmentJson', 'chartOptions'),
  entry('mediaBundle', 'scoreResultJson', 'chartOptions'),
  {
    ...entry('display', 'surveyScore', 'chartOptions'),
    // the notebook calls the display method later: exercise it too
    call: (args) => {
      const shown = clientele.display(...(args as [object, never]));
      return shown[clientele.jupyterDisplay]();
    },
  },
  entry('formatNumber', 'formatValue', 'formatOptions'),
  entry('formatPercent', 'formatValue', 'formatOptions'),
  entry('formatCurrency', 'formatValue', 'currency', 'formatOptions'),
  // lifetime value
  entry('fitBgNbd', 'purchaseHistories', 'fitOptions'),
  entry('fitParetoNbd', 'purchaseHistories', 'fitOptions'),
  entry('fitBgBb', 'bgBbHistories', 'fitOptions'),
  entry('fitGammaGamma', 'spendHistories', 'fitOptions'),
  entry('fitShiftedBetaGeometric', 'survivors', 'fitOptions'),
  entry('probabilityAlive', 'transactionModel', 'customer'),
  entry('expectedPurchases', 'transactionModel', 'customer', 'horizon'),
  entry('expectedRepeatPurchases', 'transactionModel', 'horizon'),
  entry('purchaseCountProbability', 'transactionModel', 'count', 'horizon'),
  entry('expectedAverageSpend', 'spendModel', 'customer'),
  entry('customerLifetimeValue', 'transactionModel', 'spendModel', 'customer', 'clvOptions'),
  entry('retentionCurve', 'retentionModel', 'periods'),
  entry('discountedExpectedResidualTransactions', 'retentionModel', 'dertOptions'),
  entry('summarizeTransactions', 'transactions', 'summarizeOptions'),
  // survey measures
  entry('customerEffortScore', 'answers7', 'cesOptions'),
  entry('customerSatisfactionScore', 'answers5', 'csatOptions'),
  entry('compareSurveyGroups', 'instrument', 'surveyRows', 'compareOptions'),
  entry('validateSurveyResponse', 'instrument', 'surveyRow'),
  entry('studentTCdf', 'statistic', 'degrees'),
  entry('studentTQuantile', 'probability', 'degrees'),
  entry('fisherFCdf', 'statistic', 'degrees', 'degrees'),
  entry('fisherFQuantile', 'probability', 'degrees', 'degrees'),
  // outcomes
  entry('discrimination', 'scores', 'outcomes'),
  entry('gradeOutcomes', 'grades', 'gradeOutcomeValues'),
  entry('populationStability', 'psiExpected', 'psiActual'),
  entry('characteristicStability', 'scoreResults', 'scoreResults'),
  entry('deriveQualitySignals', 'surveyScore'),
  entry('compareScores', 'scoreResult', 'scoreResultJson'),
  entry('compareBacktests', 'backtest', 'backtest'),
  // scoring, value, tiers, SQL and shared helpers
  {
    ...entry('createScorer', 'scorecard', 'scorerOptions', 'scorerRecord'),
    call: (args) => clientele.createScorer(...(args.slice(0, 2) as [never, never]))(args[2], 0),
  },
  entry('parseScoreResult', 'scoreResultJson'),
  entry('scorecardPlan', 'scorecard', 'normalisation'),
  entry('safeDefineScorecard', 'scorecardJson'),
  entry('safeDefineGradeBands', 'bands'),
  entry('safeDefineInstrument', 'instrumentJson'),
  entry('safeDefineTierPolicy', 'policyJson'),
  entry('safeDefineValueGrader', 'graderJson'),
  entry('safeDefineValueMatrix', 'matrixJson'),
  entry('fixKeyAccountList', 'telecomTierPolicy', 'keyAccounts', 'validity'),
  entry('planAgencyYear', 'telecomTierPolicy', 'agencyAccounts', 'agencyOptions'),
  entry('teamStaffing', 'classCounts', 'teamTemplates'),
  entry('historicalValue', 'historical'),
  entry('upliftValue', 'uplift'),
  entry('quoteSqlIdentifier', 'sqlName', 'dialect'),
  entry('canonicalJson', 'json'),
  entry('isDecimal', 'formatValue'),
  entry('isNumeric', 'formatValue'),
  entry('isScorecard', 'scorecard'),
  entry('isGradeBands', 'bands'),
  entry('isRuleSet', 'ruleSet'),
  entry('isInstrument', 'instrument'),
  entry('isTierPolicy', 'policy'),
  entry('isValueGrader', 'grader'),
  entry('isValueMatrix', 'matrixJson'),
  entry('reverseItemScore', 'likertAnswer', 'likertScale'),
  entry('welchMeanDifference', 'sampleA', 'sampleB', 'welchOptions'),
  entry('toSql', 'scorecard', 'sqlOptions'),
  entry('labelIn', 'labels', 'locale'),
  entry('parsePortfolioAssessment', 'assessmentJson'),
  entry('foldCondition', 'condition', 'conditionFold'),
];

/**
 * Entry points with curated arguments that still fail the fuzz run (their modules are being
 * fixed): `npm run fuzz` runs them and prints their failures; CI does not, until they pass.
 */
export const pendingEntryPoints: readonly EntryPoint[] = [];

const listed = new Set([...entryPoints, ...pendingEntryPoints].map((point) => point.name));
/** Exported names that are not entry points taking input (error classes and constructors). */
const NOT_ENTRY_POINTS = new Set(['ClienteleError', 'ValidationError', 'ConvergenceError']);

/**
 * Every other exported function, fed three generic arguments: nothing public is left out of the
 * fuzz run, even where no valid example is curated above.
 */
export const everyOtherEntryPoint: readonly EntryPoint[] = Object.entries(clientele)
  .filter(
    ([name, value]) =>
      typeof value === 'function' && !listed.has(name) && !NOT_ENTRY_POINTS.has(name) && !/^[A-Z]/.test(name),
  )
  .map(([name]) => entry(name as keyof typeof clientele, 'values', 'options', 'values'));

/** What a call did: returned, threw the library's own error, or failed some other way. */
export function outcomeOf(
  point: EntryPoint,
  lazy: readonly LazyArgument[],
): { ok: true } | { ok: false; error: unknown } {
  const args = lazy.map((argument) => argument.build());
  try {
    point.call(args);
    return { ok: true };
  } catch (error) {
    if (error instanceof clientele.ClienteleError) return { ok: true };
    return { ok: false, error };
  }
}
