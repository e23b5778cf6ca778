/**
 * Churn per-account bench (issue 13): the explained paths against one in-process yardstick, a
 * hand-written Kleene three-valued walk over the default rule set's conditions on plain numbers
 * and booleans (the same decisions and level, no evidence or messages), so the speed-up since the
 * issue was filed is a comparison of ratios, whatever the machine's load:
 *
 * - `evaluateRules` on flat signal records, reading only the level, reading every alert
 *   (evidence, messages, title: the result's JSON) as a report would, and reading every alert and
 *   its evidence without the messages (which render when read);
 * - `evaluateChurnRisk` per account (history → signals → alerts), level only and every alert read.
 *
 * The targets are judged against the library as it was when the issue was filed, built from the
 * repository's history and timed in the same run on the same data (`filedLibrary.ts`). The
 * filing-time ratios (`FILED`) that docs/performance.md recorded then are printed too, for
 * comparison with earlier runs, without a verdict: the Kleene loop they are ratios to was timed
 * with a method since corrected, and the same comparison measured directly gives far less. CPU time,
 * interleaved rounds, min and median (`compareCpu`). `BENCH_RECORDS` overrides the count.
 */
import {
  defaultChurnRuleSet,
  deriveSignals,
  evaluateChurnRisk,
  evaluateRules,
  type ChurnCondition,
} from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { FILED_COMMIT, filedLibrary } from './filedLibrary.js';
import { compareCpu, printCpu, type CpuFigures } from './timing.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 5_000);
const AS_OF = '2026-11-01';
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

/** Kleene outcome: 1 true, 0 false, -1 unknown. */
function decide(condition: ChurnCondition, record: Record<string, unknown>): number {
  if ('all' in condition) {
    let result = 1;
    for (const part of condition.all) {
      const outcome = decide(part, record);
      if (outcome === 0) return 0;
      if (outcome === -1) result = -1;
    }
    return result;
  }
  if ('any' in condition) {
    let result = 0;
    for (const part of condition.any) {
      const outcome = decide(part, record);
      if (outcome === 1) return 1;
      if (outcome === -1) result = -1;
    }
    return result;
  }
  if ('not' in condition) {
    const outcome = decide(condition.not, record);
    return outcome === -1 ? -1 : 1 - outcome;
  }
  const actual = record[condition.signal];
  if (actual === null || actual === undefined) return -1;
  const value = condition.value as number | boolean;
  switch (condition.op) {
    case 'eq':
      return actual === value ? 1 : 0;
    case 'lt':
      return (actual as number) < (value as number) ? 1 : 0;
    case 'lte':
      return (actual as number) <= (value as number) ? 1 : 0;
    case 'gt':
      return (actual as number) > (value as number) ? 1 : 0;
    case 'gte':
      return (actual as number) >= (value as number) ? 1 : 0;
    default:
      throw new Error(`baseline: operator ${condition.op} not written by hand`);
  }
}

const RANK = { watch: 1, warning: 2, critical: 3 } as const;

function decideByHand(records: readonly Record<string, unknown>[]): number {
  let levels = 0;
  for (const record of records) {
    let level = 0;
    for (const rule of defaultChurnRuleSet.rules) {
      if (decide(rule.when as ChurnCondition, record) === 1) level = Math.max(level, RANK[rule.severity]);
    }
    levels += level;
  }
  return levels;
}

function historyOf(index: number, next: () => number): Record<string, unknown> {
  const base = 500 + Math.floor(next() * 5_000);
  const drop = next() < 0.3 ? 0.4 + next() * 0.5 : 1;
  return {
    id: `A${index}`,
    spend: MONTHS.map((period, month) => ({ period, amount: month < 3 ? base : Math.round(base * drop) })),
    orders: [
      { date: '2026-06-03', amount: 100 },
      { date: `2026-${next() < 0.5 ? '07' : '10'}-11`, amount: 90 },
    ],
    visits: [{ date: `2026-0${1 + Math.floor(next() * 9)}-15` }],
    calls: [{ date: '2026-10-02' }],
    complaints: next() < 0.2 ? [{ openedAt: '2026-10-01', severity: 'high' }] : [],
    relationship: {
      accountManager: 'Li',
      managerLeftAt: next() < 0.1 ? '2026-09-30' : null,
      handoverAt: null,
      internalContacts: 1 + Math.floor(next() * 3),
    },
  };
}

/** Derived values with decimals as numbers, for the hand-written baseline. */
function plain(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = typeof value === 'object' && value !== null ? Number(String(value)) : value;
  }
  return out;
}

interface Readable {
  readonly alerts: readonly {
    readonly evidence: readonly unknown[];
    readonly message: Record<string, string>;
    readonly signals?: readonly unknown[];
  }[];
  readonly undecided: readonly { readonly evidence: readonly unknown[]; readonly missingSignals: readonly string[] }[];
}

/**
 * Reads what the filing-time results held ready: every alert's evidence, messages and (churn) signal
 * readings, every undecided rule's evidence and missing signals. No serialising: JSON costs the same
 * whether the parts were built eagerly or lazily, so it would only blur the comparison.
 */
function readAll(result: Readable): number {
  let count = 0;
  for (const alert of result.alerts) {
    count += alert.evidence.length + (alert.signals?.length ?? 0);
    for (const locale in alert.message) count += alert.message[locale]!.length;
  }
  for (const rule of result.undecided) count += rule.evidence.length + rule.missingSignals.length;
  return count;
}

/**
 * Reads every alert and its evidence (and churn signal readings), every undecided rule's evidence
 * and missing signals: everything but the messages, which render when read (issue 13's
 * "evaluateRules with evidence").
 */
function readEvidence(result: Readable): number {
  let count = 0;
  for (const alert of result.alerts) count += 1 + alert.evidence.length + (alert.signals?.length ?? 0);
  for (const rule of result.undecided) count += rule.evidence.length + rule.missingSignals.length;
  return count;
}

/**
 * The rates at filing time (issue 13), as ratios to the hand-written Kleene loop (medians; min in
 * brackets): `evaluateRules` built every alert's evidence and messages eagerly, 14.2× (14.7×);
 * `evaluateChurnRisk` was 7.2× (8.9×) `evaluateRules`, so 7.2 × 14.2 ≈ 102× (8.9 × 14.7 ≈ 131×).
 */
const FILED = { rules: { median: 14.2, min: 14.7 }, churn: { median: 7.2 * 14.2, min: 8.9 * 14.7 } } as const;
const TARGET = { rules: 5, churn: 3 } as const;

/** The speed-up by the ratios recorded at filing time (not a measurement of the filing-time code: no verdict). */
function speedUp(name: 'rules' | 'churn', figures: { name: string; minRatio: number; medianRatio: number }): void {
  const median = FILED[name].median / figures.medianRatio;
  const min = FILED[name].min / figures.minRatio;
  console.log(
    `${figures.name}: ${median.toFixed(2)}× the filing-time rate (median), ${min.toFixed(2)}× (min) ` +
      `by the ratios recorded then (no verdict: the measured speed-up above decides)`,
  );
}

/** Prints a direct speed-up: the filing-time library's CPU time over today's, same run, median and min. */
function measuredSpeedUp(label: string, now: CpuFigures, filed: CpuFigures, target: number): void {
  const median = filed.medianMs / now.medianMs;
  const min = filed.minMs / now.minMs;
  const verdict = Math.min(median, min) >= target ? 'met' : 'not met';
  console.log(
    `${label}: ${median.toFixed(2)}× the speed of the library when issue 13 was filed (median), ` +
      `${min.toFixed(2)}× (min), measured in this run; target ≥ ${target}×: ${verdict}`,
  );
}

export default async function (): Promise<void> {
  const filed = await filedLibrary();
  const next = seededRandom(13);
  const histories = Array.from({ length: RECORDS }, (_, index) => historyOf(index, next));
  const signalRecords = histories.map((history) => deriveSignals(history, { asOf: AS_OF }).values);
  const plainRecords = signalRecords.map(plain);
  // the filing-time library reads the signal values its own deriveSignals made
  const filedRecords =
    filed === undefined ? [] : histories.map((history) => filed.deriveSignals(history, { asOf: AS_OF }).values);
  // the baseline must decide as the library does: compare the summed levels
  const LEVEL_RANK = { none: 0, watch: 1, warning: 2, critical: 3 } as const;
  const libraryLevels = signalRecords.reduce(
    (total, record) => total + LEVEL_RANK[evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }).level],
    0,
  );
  console.log(`levels: hand-written ${decideByHand(plainRecords)}, library ${libraryLevels} (summed ranks)`);
  // one run, one baseline: every figure is a ratio to the hand-written loop measured beside it
  const contenders = [
    { name: 'hand-written Kleene loop, decisions + level', run: () => decideByHand(plainRecords) },
    {
      name: 'evaluateRules, fired and level only',
      run: () => signalRecords.map((record) => evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }).level),
    },
    {
      name: 'evaluateRules, every alert read',
      run: () => signalRecords.map((record) => readAll(evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }))),
    },
    {
      name: 'evaluateRules, every alert and its evidence read (no message)',
      run: () =>
        signalRecords.map((record) => readEvidence(evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }))),
    },
    {
      name: 'evaluateChurnRisk per account, level only',
      run: () => histories.map((history) => evaluateChurnRisk(history, { asOf: AS_OF }).level),
    },
    {
      name: 'evaluateChurnRisk per account, every alert read',
      run: () => histories.map((history) => readAll(evaluateChurnRisk(history, { asOf: AS_OF }))),
    },
  ];
  if (filed !== undefined) {
    const rules = filed.defaultChurnRuleSet;
    contenders.push(
      {
        name: `at filing (${FILED_COMMIT}): evaluateRules, every alert read`,
        run: () =>
          filedRecords.map((record) => readAll(filed.evaluateRules(rules, record, { asOf: AS_OF }) as Readable)),
      },
      {
        name: `at filing (${FILED_COMMIT}): evaluateRules, every alert and its evidence read`,
        run: () =>
          filedRecords.map((record) => readEvidence(filed.evaluateRules(rules, record, { asOf: AS_OF }) as Readable)),
      },
      {
        name: `at filing (${FILED_COMMIT}): evaluateChurnRisk per account, every alert read`,
        run: () => histories.map((history) => readAll(filed.evaluateChurnRisk(history, { asOf: AS_OF }) as Readable)),
      },
    );
  }
  const figures = compareCpu(contenders);
  printCpu(`evaluateRules and evaluateChurnRisk, ${RECORDS.toLocaleString('en')} records (default rule set)`, figures);
  if (filed !== undefined) {
    // the targets, measured: today's library against the filing-time one, in this run
    measuredSpeedUp('evaluateRules, every alert read', figures[2]!, figures[6]!, TARGET.rules);
    measuredSpeedUp('evaluateRules, every alert and its evidence read', figures[3]!, figures[7]!, TARGET.rules);
    measuredSpeedUp('evaluateChurnRisk per account, every alert read', figures[5]!, figures[8]!, TARGET.churn);
  }
  // the ratios recorded at filing time, for comparison with earlier runs (see FILED: not a measurement)
  speedUp('rules', figures[2]!);
  speedUp('rules', figures[3]!);
  speedUp('churn', figures[5]!);
  for (const figure of figures.slice(1)) {
    const rate = Math.round((RECORDS / figure.medianMs) * 1000).toLocaleString('en');
    console.log(`${figure.name}: ${rate} records/s (median)`);
  }
}
