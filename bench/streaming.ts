/**
 * `npm run bench:streaming [count] [path…]`: pushes `count` accounts (default 10,000,000) through
 * each streaming path — `evaluateChurnRiskEach`, `evaluateChurnRiskEachAsync`, `scoreEach`,
 * `assessPortfolioEach` and `scoreSurveyStream` (or only the paths whose name contains one of the
 * `path` arguments) — with the inputs generated on the fly, so nothing but the stream itself holds
 * memory. Every tenth of the run it prints RSS and the live heap after a full GC (run with
 * --expose-gc, as the npm script does), and at the end whether RSS stayed within 10% after warm-up
 * (the first checkpoint is the warm-up).
 *
 * `assessPortfolioEach` and `scoreSurveyStream` are metered as they read their input: grades,
 * Pareto and concentration need every account, and the survey's spread and its duplicate-id check
 * need every respondent, so these two keep a few facts per record by design (their checkpoints
 * show how much); `assessPortfolioEach` then builds its accounts one at a time as they are read.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  assessPortfolioEach,
  evaluateChurnRiskEach,
  evaluateChurnRiskEachAsync,
  potentialValueModel,
  scoreEach,
  scoreSurveyStream,
  serviceQualityInstrument,
} from '../src/index.js';

const COUNT = Number(process.argv[2] ?? 10_000_000);
const PATHS = process.argv.slice(3);
const selected = (name: string) => PATHS.length === 0 || PATHS.some((path) => name.includes(path));
const STEP = Math.max(1, Math.floor(COUNT / 10));
const AS_OF = '2026-11-01';
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** An account history per index, varied enough to fire, clear and leave rules unknown. */
function historyOf(index: number): Record<string, unknown> {
  const base = 1_000 + (index % 997);
  const drop = index % 3 === 0 ? 0.4 : 1;
  return {
    id: `A${index}`,
    spend: MONTHS.map((period, month) => ({ period, amount: month < 3 ? base : Math.round(base * drop) })),
    visits: [{ date: `2026-0${1 + (index % 9)}-15` }],
    calls: [{ date: '2026-10-02' }],
    complaints: index % 5 === 0 ? [{ openedAt: '2026-10-01', severity: 'high' }] : [],
    relationship: {
      accountManager: 'Li',
      managerLeftAt: index % 7 === 0 ? '2026-09-30' : null,
      handoverAt: null,
      internalContacts: 1 + (index % 3),
    },
    // every 1,000th account is broken: its error flows through the stream too
    ...(index % 1_000 === 999 ? { distress: [{ date: 'soon', kind: 'closure' }] } : {}),
  };
}

function* histories(count: number): Generator<Record<string, unknown>> {
  for (let index = 0; index < count; index++) yield historyOf(index);
}

async function* historiesAsync(count: number): AsyncGenerator<Record<string, unknown>> {
  for (let index = 0; index < count; index++) yield historyOf(index);
}

function* scoreRecords(count: number): Generator<{ id: string; ratings: Record<string, number> }> {
  const factors = potentialValueModel.factors.map((factor) => [
    factor.id,
    factor.min.toNumber(),
    factor.max.toNumber(),
  ]);
  for (let index = 0; index < count; index++) {
    const ratings: Record<string, number> = {};
    for (const [id, min, max] of factors as [string, number, number][])
      ratings[id] = min + ((index * 7) % (Math.floor(max - min) + 1));
    yield { id: `S${index}`, ratings };
  }
}

interface Checkpoint {
  readonly done: number;
  readonly rssMb: number;
  readonly heapMb: number;
}

class Meter {
  readonly checkpoints: Checkpoint[] = [];
  private readonly started = process.cpuUsage();
  ok = 0;
  failed = 0;
  constructor(readonly name: string) {
    console.log(`\n${name}: ${COUNT.toLocaleString('en')} accounts`);
  }
  tick(done: number, ok: boolean): void {
    if (ok) this.ok++;
    else this.failed++;
    if (done % STEP !== 0) return;
    collect();
    const memory = process.memoryUsage();
    const point = { done, rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20 };
    this.checkpoints.push(point);
    const cpu = process.cpuUsage(this.started);
    const seconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `  ${done.toLocaleString('en').padStart(12)}  RSS ${point.rssMb.toFixed(1).padStart(8)} MB` +
        `  live heap ${point.heapMb.toFixed(1).padStart(7)} MB` +
        `  ${Math.round(done / seconds).toLocaleString('en')}/s CPU`,
    );
  }
  finish(): void {
    // flat: no checkpoint after the warm-up (the first) more than 10% above it
    const [warm, ...after] = this.checkpoints;
    const rss = after.map((point) => point.rssMb);
    const low = Math.min(...rss);
    const high = Math.max(...rss);
    const flat = warm !== undefined && after.length > 0 && high <= warm.rssMb * 1.1;
    console.log(
      `  ok ${this.ok.toLocaleString('en')}, errors ${this.failed.toLocaleString('en')}; RSS after warm-up ` +
        `(${warm?.rssMb.toFixed(1)} MB) ${low.toFixed(1)}–${high.toFixed(1)} MB: ` +
        (flat ? 'flat within 10%' : 'NOT flat within 10%'),
    );
  }
}

/** An account for assessPortfolioEach: ratings as scoreEach gets them, a margin, every 1,000th broken. */
function* portfolioRecords(count: number, meter: Meter): Generator<Record<string, unknown>> {
  let index = 0;
  for (const record of scoreRecords(count)) {
    const margin = index % 1_000 === 999 ? 'n/a' : 1_000 + ((index * 7919) % 100_000) / 4;
    meter.tick(index + 1, typeof margin === 'number');
    index++;
    yield { ...record, margin };
  }
}

/** A survey response to the service-quality instrument, every 1,000th broken (an answer off the scale). */
function* surveyResponses(count: number, meter: Meter): Generator<Record<string, unknown>> {
  const items = serviceQualityInstrument.dimensions.flatMap((dimension) => dimension.items.map((item) => item.id));
  for (let index = 0; index < count; index++) {
    const answers: Record<string, number | null> = {};
    items.forEach((item, k) => (answers[item] = (index + k) % 11 === 0 ? null : 1 + ((index * 31 + k * 7) % 5)));
    if (index % 1_000 === 999) answers[items[0]!] = 9;
    meter.tick(index + 1, index % 1_000 !== 999);
    yield { id: `R${index}`, answers };
  }
}

if (selected('evaluateChurnRiskEach')) {
  const churn = new Meter('evaluateChurnRiskEach');
  let done = 0;
  for (const outcome of evaluateChurnRiskEach(histories(COUNT), { asOf: AS_OF })) churn.tick(++done, outcome.ok);
  churn.finish();
}

if (selected('evaluateChurnRiskEachAsync')) {
  const churnAsync = new Meter('evaluateChurnRiskEachAsync');
  let done = 0;
  for await (const outcome of evaluateChurnRiskEachAsync(historiesAsync(COUNT), { asOf: AS_OF }))
    churnAsync.tick(++done, outcome.ok);
  churnAsync.finish();
}

if (selected('scoreEach')) {
  const scoring = new Meter('scoreEach (for comparison)');
  let done = 0;
  for (const outcome of scoreEach(potentialValueModel, scoreRecords(COUNT), { missing: 'min' }))
    scoring.tick(++done, outcome.ok);
  scoring.finish();
}

if (selected('assessPortfolioEach')) {
  const reading = new Meter('assessPortfolioEach, reading the records (the summary needs them all)');
  const { summary, accounts } = assessPortfolioEach(portfolioRecords(COUNT, reading), {
    valuation: { retention: 0.85, discountRate: 0.08 },
    scoreOptions: { missing: 'min' },
  });
  reading.finish();
  const building = new Meter('assessPortfolioEach, building the accounts as they are read');
  let done = 0;
  for (const outcome of accounts) building.tick(++done, outcome.ok);
  building.finish();
  console.log(`  summary: ${summary.accounts.toLocaleString('en')} assessed, ${summary.failed} failed`);
}

if (selected('scoreSurveyStream')) {
  const survey = new Meter('scoreSurveyStream (metered as it reads the responses)');
  const score = scoreSurveyStream(serviceQualityInstrument, surveyResponses(COUNT, survey));
  survey.finish();
  console.log(
    `  result: ${score.respondents.toLocaleString('en')} respondents, ${score.errors.length} errors, ` +
      `overall index ${score.overall.index?.toFixed(2)}`,
  );
}
