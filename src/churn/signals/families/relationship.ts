/**
 * The relationship: a manager who left without a handover (人走客户走) and how many of OUR staff
 * hold the relationship (单线联络, seed 000: "员工拥有广告客户关系旳“单线联络”现象 … 员工掌握旳客户资源越多,
 * 未来“人走客户走”旳风险也就越大"). How many people at the client we know is a separate signal.
 * @module
 */
import { formatDay } from '../../../shared/dates.js';
import { instant, type ParsedHistory, type Readings, type SignalFamily } from './family.js';

function departure(out: Readings, relation: NonNullable<ParsedHistory['relationship']>, asOf: number): void {
  const left = relation.managerLeftAt;
  const handover = relation.handoverAt;
  const evidence = {
    accountManager: relation.accountManager ?? null,
    managerLeftAt: left === undefined || left === null ? (left ?? null) : formatDay(instant(left)),
    handoverAt: handover === undefined || handover === null ? (handover ?? null) : formatDay(instant(handover)),
  };
  if (left === undefined)
    out.missing('managerDepartedWithoutHandover', 'whether the account manager left is not recorded', evidence);
  else if (left === null || instant(left) > asOf) out.known('managerDepartedWithoutHandover', false, evidence);
  else if (handover === undefined)
    out.missing('managerDepartedWithoutHandover', 'the manager left but the handover is not recorded', evidence);
  else out.known('managerDepartedWithoutHandover', handover === null || instant(handover) > asOf, evidence);
}

/** `managerDepartedWithoutHandover`, `internalContacts` (our staff), `singleThreaded` (at most one of ours) and
 * `clientContacts`. */
export const relationshipSignals: SignalFamily = (out, history, { asOf }) => {
  const relation = history.relationship;
  if (relation === undefined)
    return out.allMissing(
      ['managerDepartedWithoutHandover', 'internalContacts', 'singleThreaded', 'clientContacts'],
      'no relationship record',
    );
  departure(out, relation, asOf);
  if (relation.internalContacts === undefined)
    out.allMissing(['internalContacts', 'singleThreaded'], 'number of our staff holding the relationship not recorded');
  else {
    out.known('internalContacts', relation.internalContacts, {});
    out.known('singleThreaded', relation.internalContacts <= 1, { internalContacts: relation.internalContacts });
  }
  if (relation.clientContacts === undefined)
    out.missing('clientContacts', 'number of contacts at the client not recorded');
  else out.known('clientContacts', relation.clientContacts, {});
};
