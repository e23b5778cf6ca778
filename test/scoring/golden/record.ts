/** Rewrites plan-digests.json from the current code (run after an intended change of output). */
import { writeFileSync } from 'node:fs';
import { planDigests } from './digests.js';

writeFileSync(new URL('./plan-digests.json', import.meta.url), `${JSON.stringify(planDigests(), null, 2)}\n`);
