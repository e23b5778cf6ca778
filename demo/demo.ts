/**
 * `npm run demo`: runs every section in demo/sections (in file-name order) on the sample portfolio.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const folder = fileURLToPath(new URL('./sections/', import.meta.url));
const sections = readdirSync(folder)
  .filter((file) => file.endsWith('.ts'))
  .sort();
for (const file of sections) {
  const section = (await import(pathToFileURL(join(folder, file)).href)) as { default: () => void | Promise<void> };
  await section.default();
}
