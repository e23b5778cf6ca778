/**
 * Churn per-account bench (issue 13): today's rate of the two explained paths, before any change,
 * so later work has a figure to beat.
 *
 * - `evaluateRules` with evidence on flat signal records, against a hand-written baseline: a
 *   Kleene three-valued walk over the default rule set's conditions on plain numbers and booleans,
 *   giving the same decisions and level without evidence or messages.
 * - `evaluateChurnRisk` per account (history → signals → alerts), against `evaluateRules` on the
 *   account's already-derived signal values: what the history reading and signal derivation add.
 *
 * CPU time, interleaved rounds, min and median (`compareCpu`). `BENCH_RECORDS` overrides the count.
 */
import {
  defaultChurnRuleSet,
  deriveSignals,
  evaluateChurnRisk,
  evaluateRules,
  type ChurnCondition,
} from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { compareCpu, printCpu } from './timing.js';

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

export default function (): void {
  const next = seededRandom(13);
  const histories = Array.from({ length: RECORDS }, (_, index) => historyOf(index, next));
  const signalRecords = histories.map((history) => deriveSignals(history, { asOf: AS_OF }).values);
  const plainRecords = signalRecords.map(plain);
  // the baseline must decide as the library does: compare the summed levels
  const LEVEL_RANK = { none: 0, watch: 1, warning: 2, critical: 3 } as const;
  const libraryLevels = signalRecords.reduce(
    (total, record) => total + LEVEL_RANK[evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }).level],
    0,
  );
  console.log(`levels: hand-written ${decideByHand(plainRecords)}, library ${libraryLevels} (summed ranks)`);
  const rulesFigures = compareCpu([
    { name: 'hand-written Kleene loop, decisions + level', run: () => decideByHand(plainRecords) },
    {
      name: 'evaluateRules with evidence and messages',
      run: () => signalRecords.map((record) => evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }).level),
    },
  ]);
  printCpu(`evaluateRules, ${RECORDS.toLocaleString('en')} signal records (default rule set)`, rulesFigures);
  const churnFigures = compareCpu([
    {
      name: 'evaluateRules on derived signals',
      run: () => signalRecords.map((record) => evaluateRules(defaultChurnRuleSet, record, { asOf: AS_OF }).level),
    },
    {
      name: 'evaluateChurnRisk per account',
      run: () => histories.map((history) => evaluateChurnRisk(history, { asOf: AS_OF }).level),
    },
  ]);
  printCpu(`evaluateChurnRisk, ${RECORDS.toLocaleString('en')} account histories`, churnFigures);
  for (const [name, figures] of [
    ['evaluateRules', rulesFigures[1]!],
    ['evaluateChurnRisk', churnFigures[1]!],
  ] as const) {
    console.log(`${name}: ${Math.round((RECORDS / figures.medianMs) * 1000).toLocaleString('en')} records/s (median)`);
  }
}
