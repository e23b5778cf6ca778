import { defineValueMatrix, type ValueMatrix } from './defineValueMatrix.js';

/** The customer class ids of {@link defaultValueMatrix} and {@link strictValueMatrix}. @category Value matrix */
export type DefaultValueClassId = 'A' | 'B' | 'C' | 'D';

/** The segment ids of {@link defaultValueMatrix} and {@link strictValueMatrix}. @category Value matrix */
export type DefaultValueSegmentId = 'high-value' | 'secondary-value' | 'potential-value' | 'low-value';

/** The type of the preset value matrices: their class and segment ids known at compile time. @category Value matrix */
export type DefaultValueMatrix = ValueMatrix<DefaultValueClassId, DefaultValueSegmentId>;

/**
 * The default value matrix of SPEC §2, from seed 002 (客户价值评价标准) with the seed's six blank
 * cells filled by halves. Rows are current value, columns potential value:
 *
 * | current \ potential | A | B | C | D |
 * |---|---|---|---|---|
 * | **A** | A (seed) | A (filled) | B (seed) | B (seed) |
 * | **B** | A (filled) | A (filled) | B (seed) | B (seed) |
 * | **C** | C (seed) | C (seed) | D (filled) | D (filled) |
 * | **D** | C (seed) | C (seed) | D (filled) | D (seed) |
 *
 * Classes: A 高价值客户 high-value, B 次价值客户 secondary-value, C 潜价值客户 potential-value,
 * D 低价值客户 low-value. Strategies are seed 000's own moves: big clients get added value (大客户服务
 * 重要立足于增值: the best media resources, preferential 套餐, help with public relations); small and
 * mid-size clients a planning-led one-stop service tailored to their brief (中小客户服务重要是筹划为主旳
 * “一条龙”形式 … “量体裁衣”), never a "standardised, low-cost" tier — the seed treats every client as
 * the only one (把每个客户当成唯一客户). The four (A, B), (B, A), (B, B) fills to high-value are this
 * matrix's choice, not the seed's: seed 001 keeps 高价值 for 双高; see {@link strictValueMatrix}.
 * @example
 * ```ts
 * import { classifyValue, defaultValueMatrix } from 'clientele';
 * classifyValue('C', 'A', defaultValueMatrix).segment; // 'potential-value'
 * ```
 * @category Value matrix
 */
export const defaultValueMatrix: DefaultValueMatrix = /* @__PURE__ */ defineValueMatrix({
  id: 'value-matrix',
  version: '1.0.0',
  labels: { en: 'Customer value matrix', 'zh-CN': '客户价值评价标准' },
  classes: [
    {
      id: 'A',
      segment: 'high-value',
      labels: { en: 'High-value customer', 'zh-CN': '高价值客户' },
      strategy: {
        en:
          'Service built on added value: the best media resources and preferential advertising packages ' +
          'first, help with difficult public-relations matters, a full account team.',
        'zh-CN':
          '服务立足于增值:优先提供最佳的媒体资源和优惠的广告“套餐”,协助处理棘手的公共关系事务,配备完整的客户服务团队。',
      },
    },
    {
      id: 'B',
      segment: 'secondary-value',
      labels: { en: 'Secondary-value customer', 'zh-CN': '次价值客户' },
      strategy: {
        en:
          'Keep the client and grow our share of its spend (扩大客户份额): added-value service as for big clients, ' +
          'long-term rather than one-off deals.',
        'zh-CN': '留住老客户并扩大客户份额:按大客户的增值服务对待,从重视短期交易转向开发长期交易。',
      },
    },
    {
      id: 'C',
      segment: 'potential-value',
      labels: { en: 'Potential-value customer', 'zh-CN': '潜价值客户' },
      strategy: {
        en:
          'Develop its advertising potential: planning-led one-stop service tailored to its brief, careful ' +
          'service that keeps digging out its potential, the relationship built ahead of its growth.',
        'zh-CN':
          '挖掘客户的广告潜力:以筹划为主的“一条龙”服务、“量体裁衣”,通过细致周到的服务不断挖掘其广告潜力,在其成长之前建立关系。',
      },
    },
    {
      id: 'D',
      segment: 'low-value',
      labels: { en: 'Low-value customer', 'zh-CN': '低价值客户' },
      strategy: {
        en:
          'Planning-led one-stop service tailored to the brief: from the client’s budget, product, consumers ' +
          'and sales goal, placement advice, planning, creative and tracking of the ad’s effect; a local ' +
          'contact point for face-to-face service. Treat every client as the only one.',
        'zh-CN':
          '以筹划为主的“一条龙”服务:客户告知预算、产品特点、消费者需求和销售目标后“量体裁衣”,提供从广告投放思路与建议到筹划、创意和广告效果分析的跟踪服务;可设广告联络点提供面对面服务。把每个客户当成唯一客户。',
      },
    },
  ],
  cells: {
    A: { A: 'A', B: 'A', C: 'B', D: 'B' },
    B: { A: 'A', B: 'A', C: 'B', D: 'B' },
    C: { A: 'C', B: 'C', C: 'D', D: 'D' },
    D: { A: 'C', B: 'C', C: 'D', D: 'D' },
  },
});

/**
 * The strict value matrix: seed 002's own cells with every blank cell filled conservatively, so
 * that only (current A, potential A) is high-value — seed 001 reserves 高价值 for clients high on
 * both. (A, B), (B, A) and (B, B) are secondary-value here; the other fills match the default.
 *
 * | current \ potential | A | B | C | D |
 * |---|---|---|---|---|
 * | **A** | A (seed) | B (filled) | B (seed) | B (seed) |
 * | **B** | B (filled) | B (filled) | B (seed) | B (seed) |
 * | **C** | C (seed) | C (seed) | D (filled) | D (filled) |
 * | **D** | C (seed) | C (seed) | D (filled) | D (seed) |
 * @example
 * ```ts
 * import { classifyValue, strictValueMatrix } from 'clientele';
 * classifyValue('A', 'B', strictValueMatrix).segment; // 'secondary-value'
 * ```
 * @category Value matrix
 */
// an IIFE, so the preset it derives from is read only when this one is used (tree-shaking)
export const strictValueMatrix: DefaultValueMatrix = /* @__PURE__ */ (() =>
  // the classes are the default matrix's (read back from its JSON, so typed as strings)
  defineValueMatrix({
    ...defaultValueMatrix.toJSON(),
    id: 'value-matrix-strict',
    labels: {
      en: 'Customer value matrix (strict: only both-high is high-value)',
      'zh-CN': '客户价值评价标准(严格:仅双高为高价值)',
    },
    cells: {
      A: { A: 'A', B: 'B', C: 'B', D: 'B' },
      B: { A: 'B', B: 'B', C: 'B', D: 'B' },
      C: { A: 'C', B: 'C', C: 'D', D: 'D' },
      D: { A: 'C', B: 'C', C: 'D', D: 'D' },
    },
  }) as DefaultValueMatrix)();
