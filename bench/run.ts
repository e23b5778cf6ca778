/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those whose name contains an argument).
 * Each benchmark prints its own table of throughputs and ratios against a baseline measured in
 * the same run; none of them asserts an absolute time.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const folder = fileURLToPath(new URL('./', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const bench = (await import(pathToFileURL(join(folder, file)).href)) as { default: () => void | Promise<void> };
  await bench.default();
}
