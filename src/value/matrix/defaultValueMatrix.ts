import { defineValueMatrix, type ValueMatrix } from './defineValueMatrix.js';

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
 * D 低价值客户 low-value. Strategies from seeds 000 and 001.
 * @example
 * ```ts
 * import { classifyValue, defaultValueMatrix } from 'clientele';
 * classifyValue('C', 'A', defaultValueMatrix).segment; // 'potential-value'
 * ```
 * @category Value matrix
 */
export const defaultValueMatrix: ValueMatrix = /* @__PURE__ */ defineValueMatrix({
  id: 'value-matrix',
  version: '1.0.0',
  labels: { en: 'Customer value matrix', 'zh-CN': '客户价值评价标准' },
  classes: [
    {
      id: 'A',
      segment: 'high-value',
      labels: { en: 'High-value customer', 'zh-CN': '高价值客户' },
      strategy: {
        en: 'Allocate the best people and resources first; build a strategic partnership; add value-added services and respond fast.',
        'zh-CN': '优先配置最优秀的人员和资源,建立战略伙伴关系,提供增值服务并快速响应。',
      },
    },
    {
      id: 'B',
      segment: 'secondary-value',
      labels: { en: 'Secondary-value customer', 'zh-CN': '次价值客户' },
      strategy: {
        en: 'Keep the relationship and grow share of wallet: cross-sell, review the account regularly.',
        'zh-CN': '保持客户关系,扩大客户份额:交叉销售,定期回顾客户业务。',
      },
    },
    {
      id: 'C',
      segment: 'potential-value',
      labels: { en: 'Potential-value customer', 'zh-CN': '潜价值客户' },
      strategy: {
        en: 'Invest to develop: learn the client’s plans, propose solutions, build the relationship ahead of its growth.',
        'zh-CN': '投入培育:了解客户发展规划,提供解决方案,在其成长之前建立关系。',
      },
    },
    {
      id: 'D',
      segment: 'low-value',
      labels: { en: 'Low-value customer', 'zh-CN': '低价值客户' },
      strategy: {
        en: 'Standardised, low-cost service (one-stop planning packages); review periodically.',
        'zh-CN': '提供标准化、低成本的服务(“一条龙”策划套餐),定期复核。',
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
