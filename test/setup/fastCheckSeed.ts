/**
 * Property tests run on a fixed seed, so `npm test` gives the same answer on every run and every
 * machine (a red CI is a real regression, never a lucky draw). Set `FC_SEED=random` (as
 * `npm run test:explore` does) to draw fresh inputs, or `FC_SEED=<integer>` to replay a run; a
 * failing property prints its seed and counterexample either way.
 */
import fc from 'fast-check';

const given = process.env['FC_SEED'];
if (given !== 'random') {
  const seed = given === undefined ? 20_261_128 : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${given}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
