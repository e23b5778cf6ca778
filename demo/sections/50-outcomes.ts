/**
 * Outcomes on the sample portfolio (issue 15): potential-value grades against a simulated
 * next-year loss (deterministic: a fixed-seed draw whose odds fall with the score), drift of
 * quarterly spend and of the scorecard's factors between two quarters, why one account's score
 * moved, and the default churn rules backtested over six months of history against an edit.
 */
import {
  backtestRules,
  characteristicStability,
  compareBacktests,
  compareScores,
  defaultChurnRules,
  defaultChurnRuleSet,
  defineRuleSet,
  discrimination,
  gradeOutcomes,
  populationStability,
  potentialValueModel,
  score,
  type AccountHistory,
} from '../../src/index.js';
import { samplePortfolio, seededRandom, type SampleAccount } from '../sample-portfolio.js';

/** The months of the sample's 24 spend figures: November 2024 … October 2026. */
const MONTHS = Array.from({ length: 24 }, (_, index) => {
  const total = 2024 * 12 + 10 + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
});

/** A simulated next-year loss: the lower the potential-value score, the likelier (45 % at 0, 5 % at 100). */
export function simulatedLoss(total: number, index: number): 0 | 1 {
  return seededRandom(50_000 + index)() < 0.45 - 0.4 * (total / 100) ? 1 : 0;
}

/** Last quarter's re-rating: a fifth of the accounts paid later, so their late-payment rating fell by 2. */
export function rerated(account: SampleAccount, index: number): SampleAccount['ratings'] {
  const later = seededRandom(51_000 + index)() < 0.2;
  return later ? { ...account.ratings, latePayment: Math.max(1, account.ratings.latePayment - 2) } : account.ratings;
}

/**
 * A history for the backtest: monthly orders and spend; about one account in seven stops ordering
 * in a month between March and August 2026, its spend fading to nothing, and is lost three months later.
 */
export function backtestHistory(
  account: SampleAccount,
  index: number,
): { history: AccountHistory; lostAt: string | null } {
  const random = seededRandom(52_000 + index);
  const leaving = random() < 0.15;
  const stop = leaving ? 16 + Math.floor(random() * 6) : 24; // month index of the last order (March … August 2026)
  const spend = account.monthlySpend.map((amount, month) => ({
    period: MONTHS[month]!,
    amount: month <= stop ? amount : month === stop + 1 ? Math.round(amount * 0.3) : 0,
  }));
  const orders = MONTHS.slice(0, Math.min(stop + 1, 24)).map((month) => ({
    date: `${month}-0${1 + Math.floor(random() * 9)}`,
  }));
  const lost = stop + 3 < 24 ? `${MONTHS[stop + 3]}-15` : null;
  return {
    history: { id: account.id, name: account.name, industry: account.industry, since: account.since, spend, orders },
    lostAt: leaving ? lost : null,
  };
}

export default function outcomesSection(): void {
  console.log('\n== Outcomes: do the models predict anything? (clientele/outcomes) ==');
  const results = samplePortfolio.map((account) => score(potentialValueModel, account.ratings));
  const lost = results.map((result, index) => simulatedLoss(result.total.toNumber(), index));

  const byGrade = gradeOutcomes(results, lost);
  console.log(`\nPotential-value grade vs simulated next-year loss (${byGrade.events} of ${byGrade.count} lost):`);
  for (const row of byGrade.rows) {
    console.log(
      `  ${row.grade}  ${String(row.count).padStart(4)} accounts  ${String(row.events).padStart(3)} lost  rate ` +
        `${row.rate.times(100).toFixed(1).padStart(5)} %` +
        `  95 % CI ${(row.interval.lower * 100).toFixed(1)}–${(row.interval.upper * 100).toFixed(1)} %  lift ` +
        `${row.lift!.toFixed(2)}  capture ${row.cumulativeCapture!.times(100).toFixed(0)} %`,
    );
  }
  const inversions = byGrade.monotonic === false ? byGrade.inversions.map((i) => `${i.from}→${i.to}`).join(', ') : '';
  console.log(
    `  rate across grades: ${byGrade.monotonic === false ? `not monotone (${inversions})` : byGrade.monotonic}`,
  );

  const power = discrimination(results, lost, { riskier: 'lower', groups: 5 });
  console.log(
    `\nDiscrimination of the total (lower = riskier): AUC ${power.auc.toFixed(3)} (${power.exact.auc}), Gini ` +
      `${power.gini.toFixed(3)}, KS ${power.ks.toFixed(3)} at total ${power.ksScore.toFixed(2)}`,
  );
  console.log('  quintile  totals          accounts  lost  capture  lift');
  for (const row of power.gains) {
    console.log(
      `  ${String(row.group).padStart(8)}  ` +
        `${row.lowest.toFixed(1).padStart(5)}–${row.highest.toFixed(1).padEnd(8)}  ` +
        `${String(row.count).padStart(8)}  ${String(row.events).padStart(4)}  ` +
        `${row.capture.times(100).toFixed(0).padStart(6)} %  ${row.lift.toFixed(2)}`,
    );
  }

  const q2 = samplePortfolio.map((account) => account.monthlySpend.slice(17, 20).reduce((a, b) => a + b, 0));
  const q3 = samplePortfolio.map((account) => account.monthlySpend.slice(20, 23).reduce((a, b) => a + b, 0));
  const drift = populationStability(q2, q3, { bins: { quantiles: 10 } });
  console.log(
    `\nDrift of quarterly spend, Q2 → Q3 2026, over Q2's deciles: PSI ${drift.total.toFixed(4)} (${drift.reading})`,
  );
  const rescored = samplePortfolio.map((account, index) => score(potentialValueModel, rerated(account, index)));
  const characteristic = characteristicStability(results, rescored);
  const shifted = characteristic.factors.filter((factor) => !factor.total.isZero());
  console.log(
    `Characteristic stability after the Q3 re-rating: ` +
      shifted
        .map(
          (f) =>
            `${f.id} PSI ${f.total.toFixed(4)} (${f.reading}), mean contribution ` +
            `${f.contributionShift.toFixed(3)} points`,
        )
        .join('; '),
  );

  const moved = rescored.findIndex((result, index) => !result.total.eq(results[index]!.total));
  const why = compareScores(results[moved]!, rescored[moved]!);
  console.log(
    `Why did ${samplePortfolio[moved]!.id}'s score change? ${why.previousTotal.toFixed(2)} → ` +
      `${why.currentTotal.toFixed(2)} (${why.change.toFixed(2)}), grade ${why.grade.from} → ${why.grade.to}; ` +
      why.factors
        .filter((f) => !f.change.isZero())
        .map((f) => `${f.id} ${f.change.toFixed(2)}`)
        .join(', '),
  );

  const replay = samplePortfolio.map(backtestHistory);
  const histories = replay.map((item) => item.history);
  const outcomes = replay.map((item) => ({ accountId: item.history.id as string, lostAt: item.lostAt }));
  const asOf = ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'];
  const baseline = backtestRules(defaultChurnRuleSet, histories, outcomes, { asOf, horizonDays: 120 });
  const edited = defineRuleSet({
    ...defaultChurnRules,
    id: 'agency.edit',
    rules: defaultChurnRules.rules.map((rule) =>
      rule.id === 'spend-drop' ? { ...rule, when: { signal: 'spendChange', op: 'lte', value: -0.1 } } : rule,
    ),
  });
  const candidate = backtestRules(edited, histories, outcomes, { asOf, horizonDays: 120 });
  const line = (name: string, m: typeof baseline.set) =>
    `  ${name.padEnd(26)} ${String(m.alerts).padStart(5)} alerts  precision ` +
    `${m.precision === null ? '—' : m.precision.times(100).toFixed(1)} %  recall ` +
    `${m.recall === null ? '—' : m.recall.times(100).toFixed(1)} %` +
    `  median lead ${m.medianLeadDays ?? '—'} days  ${m.alertsPerAccountMonth?.toFixed(3) ?? '—'} alerts per ` +
    `account-month  lost without alert: ${m.lostWithoutAlert.length}`;
  console.log(
    `\nDefault churn rules replayed monthly, April–September 2026 (${baseline.evaluations} evaluations, ` +
      `${baseline.set.lostAccounts} accounts lost, horizon 120 days):`,
  );
  console.log(line('default rule set', baseline.set));
  console.log(line('edit: spend drop ≥ 10 %', candidate.set));
  const comparison = compareBacktests(baseline, candidate);
  const best = [...baseline.rules]
    .filter((rule) => rule.alerts > 0)
    .sort((a, b) => b.truePositives - a.truePositives)
    .slice(0, 3);
  console.log(
    `  most useful default rules: ` +
      `${best.map((rule) => `${rule.ruleId} (${rule.truePositives} of ${rule.alerts} alerts right)`).join(', ')}`,
  );
  console.log(
    `  the edit warns of ${comparison.newlyCaught.length} more lost accounts, misses ` +
      `${comparison.newlyMissed.length}, for ${comparison.set.difference.alerts} more alerts`,
  );
}
