/**
 * The fast reader of an account history: what `accountHistorySchema` accepts in the common case
 * (plain objects and arrays, finite numbers, ISO date strings or `Date`s), read once, without
 * zod. It never decides that a history is wrong: anything it is not sure of (a decimal string, a
 * `Decimal`, an explicit `undefined`, a class instance, a value out of range) returns `undefined`,
 * and the caller parses with the schema, whose issues are the library's errors. What it returns is
 * what the schema's parse returns for the same input: the same keys, in the schema's order, the
 * same values (a property test compares both on valid and invalid histories).
 *
 * @module
 */
import { parseMonth, tryInstant } from '../../shared/dates.js';
import { FORBIDDEN_KEYS } from '../../shared/schema.js';
import { prototypeIsClean } from '../rules/resolveRuleSet.js';
import { MAX_HISTORY_EVENTS, complaintSeverities, distressKinds, type AccountHistory } from './accountHistorySchema.js';

/** A field's kind, or a nested shape, or a list of a shape. */
type Kind =
  | 'text'
  | 'id'
  | 'note'
  | 'date'
  | 'dateOrNull'
  | 'month'
  | 'amount'
  | 'number'
  | 'share'
  | 'count'
  | ReadonlySet<string>
  | Shape
  | { readonly list: Shape };
/** Field name → [kind, required]. */
type Shape = { readonly [field: string]: readonly [Kind, boolean] };

const BAIL = Symbol('bail');

const severities: ReadonlySet<string> = new Set(complaintSeverities);
const kinds: ReadonlySet<string> = new Set(distressKinds);
const dated = (extra: Shape): Shape => ({ date: ['date', true], ...extra });

const HISTORY: Shape = {
  id: ['id', true],
  name: ['note', false],
  industry: ['text', false],
  since: ['date', false],
  spend: [{ list: { period: ['month', true], amount: ['amount', true] } }, false],
  orders: [{ list: dated({ amount: ['amount', false] }) }, false],
  visits: [{ list: dated({ by: ['text', false] }) }, false],
  calls: [{ list: dated({ by: ['text', false] }) }, false],
  complaints: [
    {
      list: {
        id: ['text', false],
        openedAt: ['date', true],
        resolvedAt: ['dateOrNull', false],
        severity: [severities, false],
        topic: ['note', false],
      },
    },
    false,
  ],
  invoices: [
    { list: { id: ['text', true], issuedAt: ['date', false], dueAt: ['date', true], amount: ['amount', true] } },
    false,
  ],
  payments: [{ list: { invoiceId: ['text', true], date: ['date', true], amount: ['amount', true] } }, false],
  competitor: [
    {
      purchases: [{ list: dated({ amount: ['amount', false], competitor: ['text', false] }) }, false],
      shareOfWallet: [{ list: { period: ['month', true], share: ['share', true] } }, false],
    },
    false,
  ],
  relationship: [
    {
      accountManager: ['text', false],
      managerLeftAt: ['dateOrNull', false],
      handoverAt: ['dateOrNull', false],
      internalContacts: ['count', false],
      clientContacts: ['count', false],
    },
    false,
  ],
  quality: [{ list: { period: ['month', true], dimension: ['text', true], score: ['number', true] } }, false],
  distress: [{ list: dated({ kind: [kinds, true], note: ['note', false] }) }, false],
};

/** A finite number that is not negative (`-0` included: the schema's decimal check calls it negative). */
const notNegative = (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && (value > 0 || Object.is(value, 0));

function isDate(value: unknown): boolean {
  if (typeof value === 'string') return tryInstant(value) !== undefined;
  return value instanceof Date && Object.getPrototypeOf(value) === Date.prototype && tryInstant(value) !== undefined;
}

function readLeaf(kind: string, value: unknown): unknown {
  switch (kind) {
    case 'id':
      return typeof value === 'string' && value.length >= 1 && value.length <= 200 && !FORBIDDEN_KEYS.has(value)
        ? value
        : BAIL;
    case 'text':
      return typeof value === 'string' && value.length >= 1 && value.length <= 200 ? value : BAIL;
    case 'note':
      return typeof value === 'string' && value.length <= 500 ? value : BAIL;
    case 'date':
      return isDate(value) ? value : BAIL;
    case 'dateOrNull':
      return value === null || isDate(value) ? value : BAIL;
    case 'month':
      return typeof value === 'string' && parseMonth(value) !== undefined ? value : BAIL;
    case 'amount':
      return notNegative(value) ? value : BAIL;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : BAIL;
    case 'share':
      return notNegative(value) && (value as number) <= 1 ? value : BAIL;
    default: // 'count'
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000 ? value : BAIL;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A shape made ready for reading: its fields in order, each field's kind and whether it is required. */
interface ReadyShape {
  readonly fields: readonly string[];
  readonly kinds: readonly ReadyKind[];
  readonly required: readonly boolean[];
  /** Field name → position (null prototype). */
  readonly index: Readonly<Record<string, number>>;
}
type ReadyKind = string | ReadonlySet<string> | ReadyShape | { readonly list: ReadyShape };

function ready(shape: Shape): ReadyShape {
  const fields = Object.keys(shape);
  const index: Record<string, number> = Object.create(null) as Record<string, number>;
  fields.forEach((field, at) => (index[field] = at));
  return {
    fields,
    kinds: fields.map((field) => readyKind(shape[field]![0])),
    required: fields.map((field) => shape[field]![1]),
    index,
  };
}

function readyKind(kind: Kind): ReadyKind {
  if (typeof kind === 'string' || kind instanceof Set) return kind as ReadyKind;
  const list = (kind as { list?: unknown }).list;
  return list !== undefined && !Array.isArray(list) ? { list: ready(list as Shape) } : ready(kind as Shape);
}

const READY_HISTORY = /* @__PURE__ */ ready(HISTORY);

function readValue(kind: ReadyKind, value: unknown): unknown {
  if (typeof kind === 'string') return readLeaf(kind, value);
  if (kind instanceof Set) return typeof value === 'string' && kind.has(value) ? value : BAIL;
  const list = (kind as { list?: ReadyShape }).list;
  if (list !== undefined) return readList(list, value);
  return readShape(kind as ReadyShape, value);
}

function readList(shape: ReadyShape, value: unknown): unknown {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return BAIL;
  const length = value.length;
  if (length > MAX_HISTORY_EVENTS) return BAIL;
  const out = new Array<unknown>(length);
  for (let index = 0; index < length; index++) {
    if (!(index in value)) return BAIL; // a hole: the schema's own wording
    const item = readShape(shape, value[index]);
    if (item === BAIL) return BAIL;
    out[index] = item;
  }
  return out;
}

function readShape(shape: ReadyShape, value: unknown): unknown {
  if (!isPlainObject(value)) return BAIL;
  // own names, enumerable or not (the schema reads a field whatever its enumerability); symbols it
  // ignores. Each value is read once, into its field's place (an absent field stays undefined).
  const { fields, kinds, required, index } = shape;
  const read = new Array<unknown>(fields.length);
  for (const key of Object.getOwnPropertyNames(value)) {
    const at = index[key];
    if (at === undefined) return BAIL; // an unknown key
    const field = value[key];
    if (field === undefined) return BAIL;
    read[at] = field;
  }
  const out: Record<string, unknown> = {};
  for (let at = 0; at < fields.length; at++) {
    const field = read[at];
    if (field === undefined) {
      if (required[at]) return BAIL;
      continue;
    }
    const parsed = readValue(kinds[at]!, field);
    if (parsed === BAIL) return BAIL;
    out[fields[at]!] = parsed;
  }
  return out;
}

/**
 * Reads a history the way `accountHistorySchema` parses it, or `undefined` when the schema must
 * decide (the input may be wrong, or is of a form this reader leaves to it). Reads each value once;
 * a getter or proxy that throws also gives `undefined`.
 */
export function readHistoryFast(history: unknown): AccountHistory | undefined {
  try {
    // an enumerable key on Object.prototype would be an unknown key of every event: the schema decides
    if (!prototypeIsClean()) return undefined;
    const parsed = readShape(READY_HISTORY, history);
    return parsed === BAIL ? undefined : (parsed as AccountHistory);
  } catch {
    return undefined;
  }
}
