/**
 * Demo: score the sample portfolio on the seed's potential-value scorecard.
 */
import { potentialValueBands, potentialValueModel, reasons, scorePortfolio } from '../../src/index.js';
import { brokenRecords, samplePortfolio } from '../sample-portfolio.js';

export default function scoringSection(): void {
  const accounts = [...samplePortfolio, ...brokenRecords];
  const names = new Map(samplePortfolio.map((account) => [account.id, account.name]));
  const { results, errors, summary } = scorePortfolio(potentialValueModel, accounts);

  console.log('\n== Potential value (客户潜在价值, seed 002) ==');
  console.log(
    `${summary.scored} accounts scored, ${summary.failed} rejected. Model ` +
      `${potentialValueModel.id}@${potentialValueModel.version} ${potentialValueModel.fingerprint.slice(0, 19)}…`,
  );
  console.log('\nGrade distribution:');
  for (const band of potentialValueBands.bands) {
    const count = summary.grades[band.id] ?? 0;
    console.log(
      `  ${band.id} ${band.interval.text.padEnd(10)} ${band.labels.en.padEnd(28)} ` +
        `${band.labels['zh-CN'].padEnd(8)} ${String(count).padStart(4)}  ${'█'.repeat(Math.round(count / 2))}`,
    );
  }

  const ranked = [...results].sort((a, b) => b.result.total.comparedTo(a.result.total) || a.index - b.index);
  const label = (id: string) => potentialValueModel.factors.find((factor) => factor.id === id)!.labels.en;
  console.log('\nTop 5 accounts, with their strongest and weakest factors:');
  for (const { id, result } of ranked.slice(0, 5)) {
    const share = (factor: (typeof result.factors)[number]) => factor.contribution.div(factor.maxContribution);
    const strongest = [...result.factors].sort(
      (a, b) => share(b).comparedTo(share(a)) || b.contribution.comparedTo(a.contribution),
    )[0]!;
    const weakest = reasons(result, { k: 1 })[0];
    console.log(
      `  ${id} ${String(names.get(id!) ?? '').padEnd(24)} ${result.total.toFixed(1).padStart(5)} ${result.grade}` +
        `  strongest: ${label(strongest.id)} (${strongest.contribution.toFixed()} of ` +
        `${strongest.maxContribution.toFixed()})` +
        (weakest
          ? `  weakest: ${label(weakest.factorId)} (−${weakest.shortfall.toFixed()} of ` +
            `${weakest.maxContribution.toFixed()})`
          : ''),
    );
  }
  const nearA = results.filter(({ result }) => result.grade === 'B' && result.pointsToNextGrade!.lessThanOrEqualTo(2));
  console.log(
    `\n${nearA.length} grade-B accounts are within 2 points of grade A: ${nearA.map(({ id }) => id).join(', ')}`,
  );

  console.log('\nRejected records (nothing is silently dropped):');
  for (const error of errors)
    console.log(`  #${error.index} ${error.id}: ${error.issues.map((issue) => issue.message).join('; ')}`);
}
