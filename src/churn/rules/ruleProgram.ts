/**
 * The batch form of a rule set: each rule's condition tree flattened once into a short program of
 * column kernels over a block of records. A leaf reads one signal column (a `Float64Array`, `NaN` =
 * unknown; booleans as 1 / 0) and writes a Kleene outcome per record; `all` / `any` / `not` combine
 * outcome registers arithmetically (false 0 < unknown 1 < true 2, so `all` is the minimum, `any`
 * the maximum and `not` is `2 − x`). Each step runs one tight loop over the block, so the cost per
 * record and rule is a load, a compare and a store, with nothing allocated and nothing interpreted
 * per record.
 *
 * Rules with a leaf the kernels do not cover (dates, strings, time windows, thresholds a double
 * cannot hold exactly) keep their closures; the batch evaluators decide them record by record.
 *
 * @module
 */
import { tryDecimal } from '../../shared/numeric.js';
import { ExactDecimal } from '../../shared/numeric.js';
import type { CompiledNode } from './compileCondition.js';
import type { ChurnConditionScalar } from './ruleSetSchema.js';

/** Records per block: the registers of a block stay in the first-level cache. */
export const BLOCK = 512;

/** How a slot's values are read into a column: ignored, numbers, booleans (1 / 0), or presence only. */
export const MODE_NONE = 0;
export const MODE_NUMBER = 1;
export const MODE_BOOLEAN = 2;
export const MODE_PRESENCE = 3;
const MODE_CONFLICT = 4;

/** A value in `[low, high]` (every order comparison, `eq`, `neq`, `between`, a boolean `eq`). */
const K_RANGE = 0;
/** Known (not `NaN`): `known` and `missing`. */
const K_PRESENCE = 1;
/** One of `members`: `in` and `notIn`. */
const K_MEMBER = 2;
const K_MIN = 3;
const K_MAX = 4;
const K_NOT = 5;

/** One kernel step: an opcode, its destination register, its operands (slot or registers) and constants. */
interface Step {
  readonly kind: number;
  /**
   * A leaf's outcome when its test holds: 2 (true) for lt … in and `known`, 0 (false) for `neq`,
   * `notIn`, `missing`.
   */
  readonly hit: number;
  readonly target: number;
  readonly slot: number;
  readonly left: number;
  readonly right: number;
  readonly low: number;
  readonly high: number;
  readonly members: Float64Array;
}

/** A rule set's kernel program; rules not in it (`vector[rule] === 0`) are decided by their closures. */
export interface RuleProgram {
  /** Per rule: 1 when decided by the kernels. */
  readonly vector: Uint8Array;
  /** Per rule in the program: its steps, the register holding its outcome. */
  readonly steps: readonly (readonly Step[])[];
  readonly results: Int32Array;
  /** Registers the program needs. */
  readonly registers: number;
  /** Per slot: how its values are read (MODE_*). */
  readonly modes: Uint8Array;
  /** Slots read by at least one kernel step. */
  readonly readSlots: Int32Array;
}

const SCRATCH = /* @__PURE__ */ new Float64Array(1);
const SCRATCH_BITS = /* @__PURE__ */ new BigInt64Array(SCRATCH.buffer);

/** The largest double below finite `x`: `v < x` is `v <= below(x)` for every double `v`. */
function below(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  SCRATCH[0] = x;
  SCRATCH_BITS[0]! += x > 0 ? -1n : 1n;
  return SCRATCH[0]!;
}

/** A comparison with a number as the closed range `[low, high]` it accepts, and whether a value in it is a hit. */
function rangeOf(op: string, limit: number): { low: number; high: number; hit: number } | undefined {
  switch (op) {
    case 'lt':
      return { low: -Infinity, high: below(limit), hit: 2 };
    case 'lte':
      return { low: -Infinity, high: limit, hit: 2 };
    case 'gt':
      return { low: -below(-limit), high: Infinity, hit: 2 };
    case 'gte':
      return { low: limit, high: Infinity, hit: 2 };
    case 'eq':
      return { low: limit, high: limit, hit: 2 };
    case 'neq':
      return { low: limit, high: limit, hit: 0 };
    default:
      return undefined;
  }
}

/** The double a threshold denotes, when the double is exactly that decimal. */
function exactNumber(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const decimal = tryDecimal(value as ChurnConditionScalar);
  if (decimal === undefined) return undefined;
  const number = decimal.toNumber();
  return Number.isFinite(number) && new ExactDecimal(number).eq(decimal) ? number : undefined;
}

function step(kind: number, target: number, fields: Partial<Step> = {}): Step {
  return {
    kind,
    hit: fields.hit ?? 2,
    target,
    slot: fields.slot ?? -1,
    left: fields.left ?? -1,
    right: fields.right ?? -1,
    low: fields.low ?? 0,
    high: fields.high ?? 0,
    members: fields.members ?? EMPTY,
  };
}

const EMPTY = /* @__PURE__ */ new Float64Array(0);

/** The kernel step of a leaf and the mode it reads its slot in, or `undefined` when no kernel fits. */
function leafStep(node: CompiledNode, target: number): { step: Step; mode: number } | undefined {
  const leaf = node.leaf!;
  const slot = node.slot;
  const { op, value } = leaf;
  if (op === 'known' || op === 'missing')
    return { step: step(K_PRESENCE, target, { slot, hit: op === 'known' ? 2 : 0 }), mode: MODE_PRESENCE };
  if ((op === 'eq' || op === 'neq') && typeof value === 'boolean') {
    const at = value ? 1 : 0;
    return { step: step(K_RANGE, target, { slot, low: at, high: at, hit: op === 'eq' ? 2 : 0 }), mode: MODE_BOOLEAN };
  }
  // a string that is not a number is a category or a date: the closures decide it
  if (typeof value === 'string' && tryDecimal(value) === undefined) return undefined;
  if (op === 'between') {
    const [low, high] = (value as readonly unknown[]).map(exactNumber);
    if (low === undefined || high === undefined) return undefined;
    return { step: step(K_RANGE, target, { slot, low, high }), mode: MODE_NUMBER };
  }
  if (op === 'in' || op === 'notIn') {
    const members = (value as readonly unknown[]).map((item) => (typeof item === 'number' ? exactNumber(item) : NaN));
    if (members.some((member) => member === undefined || member !== member)) return undefined;
    const hit = op === 'in' ? 2 : 0;
    return {
      step: step(K_MEMBER, target, { slot, hit, members: Float64Array.from(members as number[]) }),
      mode: MODE_NUMBER,
    };
  }
  const limit = exactNumber(value);
  const range = limit === undefined ? undefined : rangeOf(op, limit);
  return range === undefined ? undefined : { step: step(K_RANGE, target, { slot, ...range }), mode: MODE_NUMBER };
}

/** Flattens one tree into steps (post-order, one register per node); `undefined` when a leaf has no kernel. */
function flatten(node: CompiledNode, steps: Step[], modes: Uint8Array, next: { register: number }): number | undefined {
  const target = next.register++;
  if (node.kind === 'leaf') {
    const found = leafStep(node, target);
    if (found === undefined) return undefined;
    const current = modes[node.slot]!;
    if (found.mode !== MODE_PRESENCE) {
      if (current === MODE_NONE || current === MODE_PRESENCE) modes[node.slot] = found.mode;
      else if (current !== found.mode) modes[node.slot] = MODE_CONFLICT;
    } else if (current === MODE_NONE) modes[node.slot] = MODE_PRESENCE;
    steps.push(found.step);
    return target;
  }
  const children: number[] = [];
  for (const child of node.children) {
    const register = flatten(child, steps, modes, next);
    if (register === undefined) return undefined;
    children.push(register);
  }
  if (node.kind === 'not') {
    steps.push(step(K_NOT, target, { left: children[0]! }));
    return target;
  }
  const kind = node.kind === 'all' ? K_MIN : K_MAX;
  steps.push(step(kind, target, { left: children[0]!, right: children[0]! }));
  for (const register of children.slice(1)) steps.push(step(kind, target, { left: target, right: register }));
  return target;
}

/**
 * Compiles the kernel program of a rule set. A slot two kernels read in different modes (a number
 * and a boolean) sends the rules reading it back to their closures, which tell the cases apart.
 */
export function compileProgram(trees: readonly CompiledNode[], slotCount: number): RuleProgram {
  const modes = new Uint8Array(slotCount);
  const next = { register: 0 };
  const flat = trees.map((tree) => {
    const steps: Step[] = [];
    const result = flatten(tree, steps, modes, next);
    return result === undefined ? undefined : { steps, result };
  });
  const conflicted = (steps: readonly Step[]) =>
    steps.some((item) => item.slot >= 0 && modes[item.slot] === MODE_CONFLICT);
  const vector = Uint8Array.from(flat, (item) => (item !== undefined && !conflicted(item.steps) ? 1 : 0));
  for (let slot = 0; slot < slotCount; slot++) if (modes[slot] === MODE_CONFLICT) modes[slot] = MODE_NONE;
  const kept = flat.filter((_, rule) => vector[rule] === 1) as { steps: Step[]; result: number }[];
  const used = new Set<number>();
  for (const item of kept) for (const part of item.steps) if (part.slot >= 0) used.add(part.slot);
  for (let slot = 0; slot < slotCount; slot++) if (!used.has(slot)) modes[slot] = MODE_NONE;
  return {
    vector,
    steps: kept.map((item) => item.steps),
    results: Int32Array.from(kept, (item) => item.result),
    registers: next.register,
    modes,
    readSlots: Int32Array.from([...used].sort((a, b) => a - b)),
  };
}

/** Runs one leaf kernel over `count` values of `column` from `offset`, writing Kleene outcomes to `out`. */
function runLeaf(part: Step, column: Float64Array, offset: number, count: number, out: Uint8Array): void {
  const { low, high, hit, members } = part;
  const miss = 2 - hit;
  if (part.kind === K_RANGE) {
    // branch-free: unknown 1, else 2 when the test holds (in range, or out of it for a miss-is-hit leaf)
    const flip = hit === 2 ? 0 : 1;
    for (let i = 0; i < count; i++) {
      const v = column[offset + i]!;
      const known = +(v === v);
      out[i] = 2 * (((+(v >= low) & +(v <= high)) ^ flip) & known) + 1 - known;
    }
  } else if (part.kind === K_PRESENCE) {
    for (let i = 0; i < count; i++) out[i] = column[offset + i]! !== column[offset + i]! ? miss : hit;
  } else {
    for (let i = 0; i < count; i++) {
      const v = column[offset + i]!;
      out[i] = v !== v ? 1 : members.includes(v) ? hit : miss;
    }
  }
}

/**
 * A rule that is one range leaf, decided straight into the decisions (1 fired, 0 clear, -1
 * unknown) and levels, with no outcome register between: the cost per record is the inline code's.
 */
function decideRange(
  part: Step,
  column: Float64Array,
  offset: number,
  count: number,
  rule: number,
  out: KernelOutput,
  first: number,
): void {
  const { decisions, fired: firedRanks, ruleCount } = out;
  const { low, high } = part;
  const rank = out.ranks[rule]!;
  // branch-free: fired = in range (or, for a miss-is-hit leaf, out of range and known)
  const flip = part.hit === 2 ? 0 : 1;
  // the indices stay plain numbers: a column or the decisions (records × rules) may pass 2^31 entries
  // (a Node typed array holds up to 2^32), where int32 arithmetic would wrap
  for (let i = 0, at = first * ruleCount + rule; i < count; i = (i + 1) | 0, at += ruleCount) {
    const v = column[offset + i]!;
    const unknown = +(v !== v);
    const fired = ((+(v >= low) & +(v <= high)) ^ flip) - (unknown & flip);
    decisions[at] = fired - unknown;
    firedRanks[i] = firedRanks[i]! | (fired << rank);
  }
}

/**
 * Two one-leaf range rules in one pass ({@link decideRange} for each): one loop and one level
 * register update for both.
 */
function decideRangePair(
  a: Step,
  b: Step,
  columns: readonly Float64Array[],
  offset: number,
  count: number,
  ruleA: number,
  ruleB: number,
  out: KernelOutput,
  first: number,
): void {
  const { decisions, fired: firedRanks, ruleCount, ranks } = out;
  const ca = columns[a.slot]!;
  const cb = columns[b.slot]!;
  const [lowA, highA, flipA, rankA] = [a.low, a.high, a.hit === 2 ? 0 : 1, ranks[ruleA]!];
  const [lowB, highB, flipB, rankB] = [b.low, b.high, b.hit === 2 ? 0 : 1, ranks[ruleB]!];
  const step = ruleB - ruleA;
  if ((flipA | flipB) === 0) {
    // both fire in range (the common case): no flip to apply
    for (let i = 0, at = first * ruleCount + ruleA; i < count; i = (i + 1) | 0, at += ruleCount) {
      const va = ca[offset + i]!;
      const vb = cb[offset + i]!;
      const fa = +(va >= lowA) & +(va <= highA);
      const fb = +(vb >= lowB) & +(vb <= highB);
      decisions[at] = fa - +(va !== va);
      decisions[at + step] = fb - +(vb !== vb);
      firedRanks[i] = firedRanks[i]! | (fa << rankA) | (fb << rankB);
    }
    return;
  }
  for (let i = 0, at = first * ruleCount + ruleA; i < count; i = (i + 1) | 0, at += ruleCount) {
    const va = ca[offset + i]!;
    const vb = cb[offset + i]!;
    const ua = +(va !== va);
    const ub = +(vb !== vb);
    const fa = ((+(va >= lowA) & +(va <= highA)) ^ flipA) - (ua & flipA);
    const fb = ((+(vb >= lowB) & +(vb <= highB)) ^ flipB) - (ub & flipB);
    decisions[at] = fa - ua;
    decisions[at + step] = fb - ub;
    firedRanks[i] = firedRanks[i]! | (fa << rankA) | (fb << rankB);
  }
}

function runCombine(part: Step, registers: readonly Uint8Array[], count: number): void {
  const out = registers[part.target]!;
  const left = registers[part.left]!;
  if (part.kind === K_NOT) {
    for (let i = 0; i < count; i++) out[i] = 2 - left[i]!;
    return;
  }
  const right = registers[part.right]!;
  if (part.kind === K_MIN) for (let i = 0; i < count; i++) out[i] = Math.min(left[i]!, right[i]!);
  else for (let i = 0; i < count; i++) out[i] = Math.max(left[i]!, right[i]!);
}

/** Scratch space of one program run: a register per node, block-sized. */
export function programRegisters(program: RuleProgram): Uint8Array[] {
  return Array.from({ length: program.registers }, () => new Uint8Array(BLOCK));
}

/** What {@link runProgram} writes to: a batch's decisions, levels and ranks, with the program's registers. */
export interface KernelOutput {
  readonly decisions: Int8Array;
  readonly levels: Uint8Array;
  readonly ranks: Uint8Array;
  readonly ruleCount: number;
  readonly registers: Uint8Array[];
  /**
   * Per record of the block, a bit per severity rank that fired (bit `rank`): the kernels OR into
   * it, branch-free, and the level is its highest bit, taken once per record at the block's end.
   */
  readonly fired: Uint8Array;
}

/**
 * The output of one call's program runs over `batch`, made in one place for both deciders: an
 * object literal, whose hidden class lives as long as the code that makes it (see `createReader`
 * in decideRules.ts for why that matters to optimised code).
 */
export function kernelOutput(
  batch: {
    readonly decisions: Int8Array;
    readonly levels: Uint8Array;
    readonly ranks: Uint8Array;
    readonly ruleCount: number;
  },
  program: RuleProgram,
): KernelOutput {
  const { decisions, levels, ranks, ruleCount } = batch;
  return { decisions, levels, ranks, ruleCount, registers: programRegisters(program), fired: new Uint8Array(BLOCK) };
}

/**
 * Decides the program's rules for records `first … first + count − 1` (count ≤ BLOCK), reading
 * slot `s` from `columns[s]` at `offset + i`: writes their decisions and raises `levels`.
 */
export function runProgram(
  program: RuleProgram,
  columns: readonly Float64Array[],
  offset: number,
  first: number,
  count: number,
  out: KernelOutput,
): void {
  const { decisions, levels, ranks, ruleCount, registers, fired: firedRanks } = out;
  let kept = 0;
  for (let rule = 0; rule < ruleCount; rule++) {
    if (program.vector[rule] === 0) continue;
    const steps = program.steps[kept]!;
    if (steps.length === 1 && steps[0]!.kind === K_RANGE) {
      const next = rule + 1 < ruleCount && program.vector[rule + 1] === 1 ? program.steps[kept + 1]! : undefined;
      if (next !== undefined && next.length === 1 && next[0]!.kind === K_RANGE) {
        decideRangePair(steps[0]!, next[0]!, columns, offset, count, rule, rule + 1, out, first);
        kept += 2;
        rule++;
        continue;
      }
      decideRange(steps[0]!, columns[steps[0]!.slot]!, offset, count, rule, out, first);
      kept++;
      continue;
    }
    for (const part of steps) {
      if (part.kind >= K_MIN) runCombine(part, registers, count);
      else runLeaf(part, columns[part.slot]!, offset, count, registers[part.target]!);
    }
    const result = registers[program.results[kept]!]!;
    const rank = ranks[rule]!;
    for (let i = 0, at = first * ruleCount + rule; i < count; i++, at += ruleCount) {
      // outcome 0 / 1 / 2 → decision 0 / -1 / 1, branch-free
      const outcome = result[i]!;
      const fired = outcome >> 1;
      decisions[at] = fired - (outcome & 1);
      firedRanks[i] = firedRanks[i]! | (fired << rank);
    }
    kept++;
  }
  for (let i = 0; i < count; i++) {
    // the highest rank that fired (bit 0 set so that none gives 0)
    levels[first + i] = Math.max(levels[first + i]!, 31 - Math.clz32(firedRanks[i]! | 1));
    firedRanks[i] = 0;
  }
}
