/**
 * Lifetime-value benchmark (issue 18): fitting BG/NBD on 100,000 customers, against the plain
 * Float64 log-likelihood loop a competent engineer would write (Float64Arrays, an inline
 * Lanczos log-gamma per customer, as the Python and R packages evaluate it) run as many times as
 * the fit evaluated the likelihood. The ratio is the cost of the whole fit — reading and checking
 * 100,000 records, the optimiser, restarts and the Hessian — per likelihood evaluation's worth of
 * plain work. A second table compares one likelihood evaluation alone.
 *
 * The customers are simulated from the BG/NBD process itself (r = 0.25, α = 4, a = 0.8, b = 2.5,
 * close to the CDNOW estimates), observed for 30–39 weeks and recorded by day, as a
 * transaction log would give them. `BENCH_CUSTOMERS` overrides the count.
 */
import { fitBgNbd, type PurchaseHistory } from '../src/value/index.js';
import { bgNbdLogLikelihood } from '../src/value/lifetime/internal/bgNbd.js';
import { readPurchaseHistories } from '../src/value/lifetime/internal/histories.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { compareCpu, printCpu } from './timing.js';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const TRUE = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

/** Marsaglia & Tsang's gamma sampler (shape < 1 by the Ahrens–Dieter boost). */
function gammaSampler(random: () => number): (shape: number) => number {
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const sample = (shape: number): number => {
    if (shape < 1) return sample(shape + 1) * Math.pow(random(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return sample;
}

function simulate(count: number): PurchaseHistory[] {
  const random = seededRandom(18);
  const gamma = gammaSampler(random);
  const day = (weeks: number) => Math.floor(weeks * 7) / 7;
  const customers: PurchaseHistory[] = [];
  for (let i = 0; i < count; i++) {
    const T = day(30 + 9 * random());
    const rate = gamma(TRUE.r) / TRUE.alpha;
    const g1 = gamma(TRUE.a);
    const dropout = g1 / (g1 + gamma(TRUE.b));
    let time = 0;
    let last = 0;
    let frequency = 0;
    for (;;) {
      time += -Math.log(1 - random()) / rate;
      if (time > T) break;
      const at = day(time);
      if (at > last) {
        frequency += 1;
        last = at;
      }
      if (random() < dropout) break;
    }
    customers.push({ frequency, recency: frequency === 0 ? 0 : last, T });
  }
  return customers;
}

/** Lanczos (g = 7, n = 9) log-gamma, the usual inline choice. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function lanczosLogGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The baseline: eq. (6) of Fader, Hardie & Lee (2005) summed over Float64Arrays. */
function plainLogLikelihood(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  r: number,
  alpha: number,
  a: number,
  b: number,
): number {
  const constant = -lanczosLogGamma(r) + r * Math.log(alpha) + lanczosLogGamma(a + b) - lanczosLogGamma(b);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const a1 = lanczosLogGamma(r + xi) + lanczosLogGamma(b + xi) - lanczosLogGamma(a + b + xi) + constant;
    const a3 = -(r + xi) * Math.log(alpha + T[i]!);
    if (xi > 0) {
      const a4 = Math.log(a) - Math.log(b + xi - 1) - (r + xi) * Math.log(alpha + tx[i]!);
      const big = Math.max(a3, a4);
      total += a1 + big + Math.log(Math.exp(a3 - big) + Math.exp(a4 - big));
    } else {
      total += a1 + a3;
    }
  }
  return total;
}

export default function run(): void {
  const customers = simulate(COUNT);
  const x = Float64Array.from(customers, (customer) => Number(customer.frequency));
  const tx = Float64Array.from(customers, (customer) => Number(customer.recency));
  const T = Float64Array.from(customers, (customer) => Number(customer.T));
  const model = fitBgNbd(customers);
  const evaluations = model.convergence.evaluations;
  // both evaluate the same function
  const check = plainLogLikelihood(x, tx, T, model.r, model.alpha, model.a, model.b);
  if (Math.abs(check - model.logLikelihood) > 1e-6 * Math.abs(check))
    throw new Error(`benchmark: log-likelihoods differ (${check} vs ${model.logLikelihood})`);
  const distinct = readPurchaseHistories(customers, 'bench').frequency.length;
  console.log(
    `${COUNT.toLocaleString('en')} simulated customers (${distinct.toLocaleString('en')} distinct histories); ` +
      `fit r = ${model.r.toFixed(3)}, α = ${model.alpha.toFixed(3)}, a = ${model.a.toFixed(3)}, b = ` +
      `${model.b.toFixed(3)} (true ${TRUE.r}, ${TRUE.alpha}, ${TRUE.a}, ${TRUE.b}); ${evaluations} likelihood ` +
      `evaluations, ${model.convergence.reason}`,
  );

  let sink = 0;
  printCpu(
    `fitBgNbd on ${COUNT.toLocaleString('en')} customers vs ${evaluations} plain Float64 likelihood evaluations`,
    compareCpu(
      [
        {
          name: `baseline: plain Float64 loop × ${evaluations}`,
          run: () => {
            for (let k = 0; k < evaluations; k++)
              sink += plainLogLikelihood(x, tx, T, model.r * (1 + k * 1e-9), model.alpha, model.a, model.b);
          },
        },
        { name: 'fitBgNbd (records in, model out)', run: () => (sink += fitBgNbd(customers).logLikelihood) },
      ],
      5,
    ),
  );

  const columns = readPurchaseHistories(customers, 'bench');
  const compiled = bgNbdLogLikelihood(columns);
  const parameters = Float64Array.of(model.r, model.alpha, model.a, model.b);
  const repeat = 50;
  printCpu(
    `one log-likelihood evaluation (× ${repeat} per round)`,
    compareCpu([
      {
        name: 'baseline: plain Float64 loop',
        run: () => {
          for (let k = 0; k < repeat; k++) sink += plainLogLikelihood(x, tx, T, model.r, model.alpha, model.a, model.b);
        },
      },
      {
        name: 'clientele likelihood (merged histories, per-x terms)',
        run: () => {
          for (let k = 0; k < repeat; k++) sink += compiled(parameters);
        },
      },
    ]),
  );
  if (Number.isNaN(sink)) console.log('');
}
