/** Digests of the plan cases, grouped per model and kind (score, columns, sql). */
import { createHash } from 'node:crypto';
import { planCases } from './planCases.js';

/** Number of random models the committed digests cover. */
export const RANDOM_MODELS = 120;

export function planDigests(): Record<string, string> {
  const groups = new Map<string, ReturnType<typeof createHash>>();
  for (const [name, compute] of planCases(RANDOM_MODELS)) {
    const group = name.replace(/ (score|columns|sql)\b.*$/, ' $1');
    let hash = groups.get(group);
    if (hash === undefined) {
      hash = createHash('sha256');
      groups.set(group, hash);
    }
    hash.update(`${name}\n${JSON.stringify(compute())}\n`);
  }
  return Object.fromEntries([...groups].map(([group, hash]) => [group, hash.digest('hex').slice(0, 20)]));
}
