/**
 * Churn rules: the default rule set evaluated over the same generated signal records three ways —
 * clientele (`decideRules`: rules compiled once to closures over a slot array), json-rules-engine
 * (the same rules translated to its JSON format; async, one `engine.run` per record) and the same
 * rules hand-written as JS predicates. Checks that all three agree on every decision, then prints
 * throughputs and ratios. Targets (SPEC §7): ≥ 100× json-rules-engine, within 5× of hand-written.
 */
import { Engine } from 'json-rules-engine';
import { decideRules, defaultChurnRuleSet, evaluateRules, type ChurnCondition } from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { bestOf, bestOfAsync, printTable } from './timing.js';

const RECORDS = 200_000;
const ENGINE_RECORDS = 4_000;

/** Deterministic data (mulberry32), so every run measures the same records. */
const random = seededRandom;

type Facts = Record<string, number | boolean>;

/** Signal records with every default-rule signal present, spread across both sides of each threshold. */
function generate(count: number): Facts[] {
  const next = random(5);
  const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
  const records: Facts[] = [];
  for (let index = 0; index < count; index++) {
    records.push({
      spendChange: round(next() * 1.4 - 0.8),
      spendChangeYearOnYear: round(next() * 1.4 - 0.8),
      orderGapRatio: round(next() * 3.5),
      visitOverdueRatio: round(next() * 3),
      daysSinceLastVisit: Math.floor(next() * 200),
      callOverdueRatio: round(next() * 2.5),
      oldestOpenComplaintDays: Math.floor(next() * 60),
      openSevereComplaints: Math.floor(next() * 1.3),
      complaintsLast90Days: Math.floor(next() * 5),
      latePaymentsLastYear: Math.floor(next() * 4),
      maxDaysOverdue: Math.floor(next() * 120),
      competitorPurchasesLast90Days: Math.floor(next() * 1.5),
      shareOfWalletChange: round(next() * 0.4 - 0.25),
      managerDepartedWithoutHandover: next() < 0.05,
      singleThreaded: next() < 0.3,
      internalContacts: Math.floor(next() * 5),
      qualityScore: round(40 + next() * 60, 1),
      qualityChange: round(next() * 30 - 20, 1),
      businessDistress: next() < 0.1,
      relocatingOrClosing: next() < 0.02,
      overdueAmount: Math.floor(next() * 50_000),
    });
  }
  return records;
}

/** The default rules hand-written as predicates, in rule-set order. */
const handWritten: ((r: Facts) => boolean)[] = [
  (r) => (r.spendChange as number) <= -0.2,
  (r) => (r.spendChange as number) <= -0.5,
  (r) => (r.spendChangeYearOnYear as number) <= -0.3,
  (r) => (r.orderGapRatio as number) >= 2,
  (r) => (r.visitOverdueRatio as number) > 1,
  (r) => (r.visitOverdueRatio as number) >= 2,
  (r) => (r.callOverdueRatio as number) > 1,
  (r) => (r.oldestOpenComplaintDays as number) > 30,
  (r) => (r.openSevereComplaints as number) >= 1,
  (r) => (r.complaintsLast90Days as number) >= 3,
  (r) => (r.latePaymentsLastYear as number) >= 2,
  (r) => (r.maxDaysOverdue as number) > 60,
  (r) => (r.competitorPurchasesLast90Days as number) >= 1,
  (r) => (r.shareOfWalletChange as number) <= -0.1,
  (r) => r.managerDepartedWithoutHandover === true,
  (r) => r.singleThreaded === true,
  (r) => (r.qualityScore as number) < 60,
  (r) => (r.qualityChange as number) <= -10,
  (r) => r.businessDistress === true,
  (r) => r.relocatingOrClosing === true,
  (r) =>
    (r.spendChange as number) <= -0.2 && ((r.visitOverdueRatio as number) > 1 || (r.callOverdueRatio as number) > 1),
];

function decideByHand(records: readonly Facts[]): Int8Array {
  const rules = handWritten.length;
  const out = new Int8Array(records.length * rules);
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    for (let rule = 0; rule < rules; rule++) out[index * rules + rule] = handWritten[rule]!(record) ? 1 : 0;
  }
  return out;
}

const OPERATORS: Record<string, string> = {
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  eq: 'equal',
  neq: 'notEqual',
  in: 'in',
  notIn: 'notIn',
};

/** Translates a clientele condition to json-rules-engine's format (the default rules use no extras). */
function translate(condition: ChurnCondition): Record<string, unknown> {
  if ('all' in condition) return { all: condition.all.map(translate) };
  if ('any' in condition) return { any: condition.any.map(translate) };
  if ('not' in condition) return { not: translate(condition.not) };
  const operator = OPERATORS[condition.op];
  if (operator === undefined) throw new Error(`no json-rules-engine operator for ${condition.op}`);
  return { fact: condition.signal, operator, value: condition.value };
}

function engineFor(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of defaultChurnRuleSet.rules) {
    const conditions = translate(rule.when);
    // the engine wants a top-level all / any / not
    const top = 'all' in conditions || 'any' in conditions || 'not' in conditions ? conditions : { all: [conditions] };
    engine.addRule({ conditions: top as never, event: { type: rule.id } });
  }
  return engine;
}

async function decideWithEngine(engine: Engine, records: readonly Facts[]): Promise<Int8Array> {
  const ids = defaultChurnRuleSet.rules.map((rule) => rule.id);
  const column = new Map(ids.map((id, index) => [id, index]));
  const out = new Int8Array(records.length * ids.length);
  for (let index = 0; index < records.length; index++) {
    const { events } = await engine.run(records[index]!);
    for (const event of events) out[index * ids.length + column.get(event.type)!] = 1;
  }
  return out;
}

function disagreements(a: Int8Array, b: Int8Array): number {
  let count = 0;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) count++;
  return count;
}

export default async function (): Promise<void> {
  const records = generate(RECORDS);
  const subset = records.slice(0, ENGINE_RECORDS);
  const engine = engineFor();
  const rules = defaultChurnRuleSet.rules.length;

  // warm up every path, then check agreement before timing anything
  const clienteleAll = decideRules(defaultChurnRuleSet, records);
  const handAll = decideByHand(records);
  const engineSubset = await decideWithEngine(engine, subset);
  const clienteleSubset = clienteleAll.decisions.subarray(0, ENGINE_RECORDS * rules);
  const handVsClientele = disagreements(handAll, clienteleAll.decisions);
  const engineVsClientele = disagreements(engineSubset, clienteleSubset);
  const fired = clienteleAll.decisions.reduce((total, value) => total + (value === 1 ? 1 : 0), 0);
  const unknown = clienteleAll.decisions.reduce((total, value) => total + (value === -1 ? 1 : 0), 0);
  console.log(
    `${RECORDS.toLocaleString('en')} records × ${rules} rules; fired ${((100 * fired) / clienteleAll.decisions.length).toFixed(1)}% of decisions, unknown ${unknown}, errors ${clienteleAll.errors.length}`,
  );
  console.log(
    `agreement: clientele vs hand-written ${handVsClientele === 0 ? 'identical' : `${handVsClientele} DIFFERENT`} (${(RECORDS * rules).toLocaleString('en')} decisions); clientele vs json-rules-engine ${engineVsClientele === 0 ? 'identical' : `${engineVsClientele} DIFFERENT`} (${(ENGINE_RECORDS * rules).toLocaleString('en')} decisions)`,
  );
  if (handVsClientele !== 0 || engineVsClientele !== 0) process.exitCode = 1;

  // interleaved rounds, best of each: every evaluator sees the same machine load
  let handMs = Infinity;
  let clienteleMs = Infinity;
  let engineMs = Infinity;
  for (let round = 0; round < 5; round++) {
    handMs = Math.min(handMs, bestOf(2, () => decideByHand(records)).ms);
    clienteleMs = Math.min(clienteleMs, bestOf(2, () => decideRules(defaultChurnRuleSet, records)).ms);
    engineMs = Math.min(engineMs, (await bestOfAsync(1, () => decideWithEngine(engine, subset))).ms);
  }
  const hand = { ms: handMs };
  const clientele = { ms: clienteleMs };
  const jre = { ms: engineMs };
  const explained = bestOf(3, () => {
    let risk = 0;
    for (let index = 0; index < 20_000; index++)
      risk += evaluateRules(defaultChurnRuleSet, records[index]!).fired.length;
    return risk;
  });

  // the best-known json-rules-engine pitfall, for the record: a missing fact fires a `not` rule
  const pitfall = new Engine([], { allowUndefinedFacts: true });
  pitfall.addRule({
    conditions: { not: { fact: 'tier', operator: 'in', value: ['gold'] } } as never,
    event: { type: 'not-gold' },
  });
  const pitfallEvents = (await pitfall.run({})).events.length;
  const ours = evaluateRules(
    {
      id: 'pitfall',
      rules: [
        {
          id: 'not-gold',
          when: { not: { signal: 'tier', op: 'in', value: ['gold'] } },
          severity: 'watch',
          points: 1,
          cause: 'custom',
        },
      ],
    },
    {},
  );
  console.log(
    `missing fact under "not": json-rules-engine fires ${pitfallEvents} rule(s); clientele fires ${ours.fired.length} and reports ${ours.unknown.length} unknown`,
  );

  const perSecond = (count: number, ms: number) => (count / ms) * 1000;
  const handRate = perSecond(RECORDS, hand.ms);
  const clienteleRate = perSecond(RECORDS, clientele.ms);
  const explainedRate = perSecond(20_000, explained.ms);
  const engineRate = perSecond(ENGINE_RECORDS, jre.ms);
  const format = (rate: number) => Math.round(rate).toLocaleString('en');
  printTable([
    {
      evaluator: 'hand-written JS predicates (baseline)',
      'records/s': format(handRate),
      'vs clientele': (handRate / clienteleRate).toFixed(2) + '×',
    },
    { evaluator: 'clientele decideRules (batch)', 'records/s': format(clienteleRate), 'vs clientele': '1.00×' },
    {
      evaluator: 'clientele evaluateRules (evidence, messages)',
      'records/s': format(explainedRate),
      'vs clientele': (explainedRate / clienteleRate).toFixed(3) + '×',
    },
    {
      evaluator: 'json-rules-engine 7 (async run per record)',
      'records/s': format(engineRate),
      'vs clientele': (engineRate / clienteleRate).toFixed(5) + '×',
    },
  ]);
  const overEngine = clienteleRate / engineRate;
  const behindHand = handRate / clienteleRate;
  console.log(
    `clientele is ${overEngine.toFixed(0)}× json-rules-engine (target ≥ 100×): ${overEngine >= 100 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `hand-written predicates are ${behindHand.toFixed(2)}× clientele (target ≤ 5×): ${behindHand <= 5 ? 'met' : 'NOT met'}`,
  );
}
