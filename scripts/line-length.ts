/**
 * `npm run check:lines`: lists every line over 120 characters in the project's code (src, test,
 * bench, demo, scripts; TypeScript and JavaScript). Prettier keeps code within 120 columns but
 * leaves long strings and comments alone, so this check covers them. Golden files (test output
 * kept byte for byte) are exempt. Exits 1 when any line is found.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const LIMIT = 120;
const root = new URL('..', import.meta.url).pathname;
const folders = ['src', 'test', 'bench', 'demo', 'scripts'];
const code = /\.(ts|mts|cts|mjs|cjs|js)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'golden' || name === 'node_modules' ? [] : filesUnder(path);
    return code.test(name) ? [path] : [];
  });
}

const offenders: string[] = [];
for (const folder of folders) {
  for (const file of filesUnder(join(root, folder))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        // Characters, not UTF-16 units: a line of Chinese text counts each character once.
        const length = [...line].length;
        if (length > LIMIT) offenders.push(`${relative(root, file)}:${index + 1}: ${length} characters`);
      });
  }
}

if (offenders.length > 0) {
  console.error(offenders.join('\n'));
  console.error(`${offenders.length} line(s) over ${LIMIT} characters`);
  process.exit(1);
}
console.log(`no line over ${LIMIT} characters`);
