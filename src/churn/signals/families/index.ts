/**
 * The churn signal families, in the order `deriveSignals` runs them. A new family is one file here
 * exporting a {@link SignalFamily}, one entry in this list, and its signals in `churnSignalCatalogue`.
 * @module
 */
import { setLifetimeSignals } from '../lifetimeSignals.js';
import { businessSignals } from './business.js';
import { competitorSignals } from './competitor.js';
import { complaintSignals } from './complaints.js';
import { contactSignals } from './contact.js';
import { creditSignals } from './credit.js';
import type { SignalFamily } from './family.js';
import { orderSignals } from './orders.js';
import { qualitySignals } from './quality.js';
import { relationshipSignals } from './relationship.js';
import { spendSignals } from './spend.js';

/** Lifetime value (P(alive), expected purchases): defined beside the value module's models. */
const lifetimeSignals: SignalFamily = (out, history, context) =>
  setLifetimeSignals(out, history.orders, context.asOf, context.lifetime);

/** Every family; a family may read signals of the families before it (contact reads spend, quality reads competitor).
 * */
export const signalFamilies: readonly SignalFamily[] = [
  spendSignals,
  orderSignals,
  lifetimeSignals,
  contactSignals,
  complaintSignals,
  creditSignals,
  competitorSignals,
  relationshipSignals,
  qualitySignals,
  businessSignals,
];

export {
  Readings,
  type ChurnSignalReading,
  type ChurnSignalValue,
  type KeyAccountListLike,
  type SignalContext,
  type TierLike,
  type TierPolicyLike,
} from './family.js';
