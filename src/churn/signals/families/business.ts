/** The client's own business (seed 003 第7篇: 客户自身经营问题, 拆迁、倒闭等不可控因素). @module */
import { DAY_MS, formatDay } from '../../../shared/dates.js';
import { instant, type SignalFamily } from './family.js';

const RELOCATION_OR_CLOSURE = /* @__PURE__ */ new Set(['relocation', 'closure']);

/** `businessDistress` and `relocatingOrClosing` over the last 365 days. */
export const businessSignals: SignalFamily = (out, history, { asOf }) => {
  if (history.distress === undefined)
    return out.allMissing(['businessDistress', 'relocatingOrClosing'], 'no record of the client’s business situation');
  const start = asOf - 365 * DAY_MS;
  const kinds = history.distress
    .filter((event) => {
      const time = instant(event.date);
      return time >= start && time <= asOf;
    })
    .map((event) => event.kind);
  out.known('businessDistress', kinds.length > 0, { since: formatDay(start), events: kinds });
  out.known(
    'relocatingOrClosing',
    kinds.some((kind) => RELOCATION_OR_CLOSURE.has(kind)),
    { since: formatDay(start), events: kinds },
  );
};
