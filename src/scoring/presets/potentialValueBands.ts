import { trustGradeBands } from '../grades/defineGradeBands.js';
import type { TypedGradeBands } from '../scorecard/types.js';

/** The fingerprint `defineX` computes for this definition (a test checks it), so importing hashes nothing. */
const FINGERPRINT = 'sha256:e2753d4107bb6785ea41d83b7337d6033491dcb9e9bcc15840508ffa923fa375';

/**
 * The seed's 客户潜在价值划分标准 (seed 002) as data: A ≥ 80, B 60–80, C 40–60, D ≤ 40.
 *
 * The seed writes B "60—80", C "40—60" and D "<=40"; read with A ">=80", that makes 80 an A, 60 a
 * B, 40 a D and everything strictly between 40 and 60 a C: A `[80, 100]`, B `[60, 80)`,
 * C `(40, 60)`, D `[0, 40]`.
 *
 * @example
 * ```ts
 * import { grade, potentialValueBands } from 'clientele';
 * [80, 60, 40, 40.5].map((total) => grade(total, potentialValueBands)); // ['A', 'B', 'D', 'C']
 * ```
 * @category Presets
 */
export const potentialValueBands = /* @__PURE__ */ trustGradeBands(FINGERPRINT, {
  id: 'potential-value-grades',
  version: '1.0.0',
  labels: { en: 'Potential value grades', 'zh-CN': '客户潜在价值划分标准' },
  domain: '[0, 100]',
  bands: [
    { id: 'A', labels: { en: 'High potential value', 'zh-CN': '潜在价值高' }, interval: '[80, 100]' },
    { id: 'B', labels: { en: 'Fairly high potential value', 'zh-CN': '潜在价值较高' }, interval: '[60, 80)' },
    { id: 'C', labels: { en: 'Average potential value', 'zh-CN': '潜在价值一般' }, interval: '(40, 60)' },
    { id: 'D', labels: { en: 'Poor potential value', 'zh-CN': '潜在价值差' }, interval: '[0, 40]' },
  ],
}) as TypedGradeBands<PotentialValueGrade>;

/** The grade ids of `potentialValueBands`, best first. @category Presets */
export type PotentialValueGrade = 'A' | 'B' | 'C' | 'D';
