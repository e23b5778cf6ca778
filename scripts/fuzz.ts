/**
 * `npm run fuzz [runs] [entry…]`: the long fuzz run of the public entry points (default 100,000
 * inputs each, fixed seed). Prints, per entry point, how many calls returned, how many threw the
 * library's own error, and every other failure with the code that replays it; exits 1 on any.
 */
import fc from 'fast-check';
import { ClienteleError } from '../src/index.js';
import { entryPoints, everyOtherEntryPoint, pendingEntryPoints } from '../test/fuzz/harness.js';

const [runsArgument, ...names] = process.argv.slice(2);
const runs = Number(runsArgument ?? 100_000);
const seed = 20261128;
let failed = 0;
console.log(`fuzz: ${runs} inputs per entry point, seed ${seed}`);
for (const point of [...entryPoints, ...pendingEntryPoints, ...everyOtherEntryPoint]) {
  if (names.length > 0 && !names.includes(point.name)) continue;
  let returned = 0;
  let refused = 0;
  const failures = new Map<string, string>();
  let slowest = 0;
  fc.assert(
    fc.property(point.args, (lazy) => {
      const args = lazy.map((argument) => argument.build());
      const started = performance.now();
      try {
        point.call(args);
        returned++;
      } catch (error) {
        if (error instanceof ClienteleError) refused++;
        else {
          const key = error instanceof Error ? `${error.name}: ${error.message.slice(0, 100)}` : String(error);
          if (!failures.has(key)) failures.set(key, `${point.name}(${lazy.map(String).join(', ')})`);
        }
      }
      slowest = Math.max(slowest, performance.now() - started);
    }),
    { seed, numRuns: runs },
  );
  failed += failures.size;
  console.log(
    `${point.name.padEnd(24)} returned ${String(returned).padStart(7)}  refused ${String(refused).padStart(7)}` +
      `  failures ${failures.size}  slowest call ${slowest.toFixed(0)} ms`,
  );
  for (const [error, replay] of failures) console.log(`    ${error}\n      replay: ${replay}`);
}
console.log(failed === 0 ? 'fuzz: no failures' : `fuzz: ${failed} distinct failure(s)`);
process.exit(failed === 0 ? 0 : 1);
