/**
 * One way to build a model. Every `defineX` in the library is a thin function over a
 * {@link ModelKind} made here: validate through the exported schema, normalise, fingerprint,
 * compile once, freeze, and remember the private compiled form beside the public model.
 *
 * @module
 */
import { ValidationError, describeValue, makeIssue, type Issue } from './errors.js';
import { fingerprint } from './fingerprint.js';
import { addModelDisplay } from './display.js';
import { readingInput } from './input.js';
import { parseWith, type SafeParser } from './zodIssues.js';

/**
 * How results name the model they came from: enough to audit and replay a stored result.
 * @category Models
 */
export interface ModelRef {
  readonly id: string;
  readonly version: string;
  /** `sha256:` digest of the model's normalised definition. */
  readonly fingerprint: string;
}

/**
 * The fields every compiled model carries, whatever its kind.
 * @typeParam K - The model's `kind` tag (`'scorecard'`, `'ruleSet'`, …).
 * @typeParam D - The normalised JSON definition `toJSON` returns.
 * @category Models
 */
export interface ModelIdentity<K extends string, D> extends ModelRef {
  /** What kind of model this is, in camelCase: `scorecard`, `gradeBands`, `ruleSet`, … */
  readonly kind: K;
  /** The normalised definition: `defineX(model.toJSON())` gives an equal model. */
  toJSON(): D;
}

/**
 * A parsed JSON object whose shape is checked at run time (a rule file read with `JSON.parse`, an
 * imported `.json` module): what `defineX` functions accept beside their typed definition.
 * @category Models
 */
export type JsonObject = { readonly [key: string]: unknown };

/**
 * The non-throwing result of a `safeX` function: the output, or every issue found (as valibot's
 * `safeParse`).
 * @category Models
 */
export type SafeResult<T> =
  { readonly success: true; readonly output: T } | { readonly success: false; readonly issues: readonly Issue[] };

/** What a kind of model tells {@link modelKind}: its tag, its schema and how to compile it. */
export interface ModelBlueprint<
  K extends string,
  P,
  D extends { readonly id: string; readonly version: string },
  F,
  C,
  O,
  Mt extends MethodsOf = {},
> {
  readonly kind: K;
  /** The public function's name, used as the error context (`defineScorecard`). */
  readonly context: string;
  /** A zod schema, or the hand-written checks of `check.ts` (same `safeParse`). */
  readonly schema: SafeParser<P>;
  /** Turns accepted non-JSON input (a compiled model, say) into what the schema reads. */
  readonly prepare?: (input: unknown, options: O) => unknown;
  /** The normalised definition (numbers as decimal strings, defaults filled); throws `ValidationError` for semantic
   * problems. */
  readonly normalise: (parsed: P, options: O) => D;
  /** The model's own fields and the private compiled form, from the normalised definition. */
  readonly compile: (
    parsed: P,
    normalised: D,
    ref: ModelRef,
    options: O,
  ) => { readonly fields: F; readonly compiled: C };
  /**
   * Methods every model of the kind shares, on its prototype (so two equal models compare equal
   * field by field); `compiled` is the model's private compiled form.
   */
  readonly methods?: Mt;
  /** Where compiled forms are kept, when code outside the kind reads them by model (default: a private map). */
  readonly registry?: WeakMap<object, C>;
  /**
   * The names of the fields `compile` returns, in order. Given, {@link ModelCore.trust} builds a
   * preset lazily: its identity now, its fields and compiled form when first read, its normalised
   * definition when `toJSON` first asks. Such a kind's `compile` must not read `normalised` (a
   * trusted preset is compiled before it is normalised).
   */
  readonly fieldNames?: readonly (keyof F & string)[];
}

/**
 * The part of a kind every model of it needs, without its schema or fingerprint: compiling a
 * definition known to be valid, recognising models, reading their compiled form. Presets are
 * built with it alone, so a bundle that only uses presets carries no validation code.
 */
export interface ModelCore<M, C, O, P = never> {
  /**
   * Compiles a definition already in the schema's output form, without running the schema (its
   * defaults filled, its checks known to pass): for the library's own presets, so importing them
   * does not validate them again. A test parses every preset with its schema. `fingerprint` is the
   * preset's recorded fingerprint (so importing it hashes nothing); the same test checks it against
   * the one `define` computes. When the kind names its fields, the model is compiled on first use
   * (its fields are then getters), so importing the presets compiles nothing.
   */
  readonly trust: (parsed: P, options: O, fingerprint: string) => M;
  /** True only for models compiled by this kind (never for a look-alike shape). */
  readonly is: (value: unknown) => value is M;
  /** The private compiled form of a model of this kind, or `undefined`. */
  readonly compiledOf: (value: unknown) => C | undefined;
  /** Normalises, fingerprints (with `fingerprintOf`) and compiles a parsed definition. */
  readonly assemble: (parsed: P, options: O, fingerprintOf: (normalised: unknown) => string) => M;
}

/** The functions a kind of model offers; each `defineX` module wraps them with its own names and docs. */
export interface ModelKind<M, C, O, P = never> extends Omit<ModelCore<M, C, O, P>, 'assemble'> {
  /** Validates and compiles; a model of this kind is returned as is. */
  readonly define: (input: unknown, options: O) => M;
  /** {@link ModelKind.define} without throwing. */
  readonly safeDefine: (input: unknown, options: O) => SafeResult<M>;
}

/** Shared methods of a kind, each written over the model's compiled form (its first parameter). */
export type MethodsOf = { readonly [name: string]: (compiled: never, ...args: never[]) => unknown };

/** The methods as callers see them: without the compiled form. */
export type BoundMethods<Mt> = {
  readonly [N in keyof Mt]: Mt[N] extends (compiled: never, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** The model type a blueprint builds: identity fields, its own fields and its kind's methods. */
export type BuiltModel<K extends string, D, F, Mt = {}> = ModelIdentity<K, D> & Readonly<F> & BoundMethods<Mt>;

/**
 * Makes the `define` / `safeDefine` / `is` trio for one kind of model. Every model is frozen, carries
 * `kind`, `id`, `version`, `fingerprint` and `toJSON()`, and keeps its compiled form in a private
 * `WeakMap`, so the model itself stays plain data.
 */
export function modelKind<
  K extends string,
  P,
  D extends { readonly id: string; readonly version: string },
  F extends object,
  C,
  O = undefined,
  Mt extends MethodsOf = {},
>(blueprint: ModelBlueprint<K, P, D, F, C, O, Mt>): ModelKind<BuiltModel<K, D, F, Mt>, C, O, P> {
  const core = modelCore(blueprint);
  const { define, safeDefine } = modelDefiner(core, blueprint);
  return Object.freeze({ define, trust: core.trust, safeDefine, is: core.is, compiledOf: core.compiledOf });
}

/**
 * The schema-free core of a kind ({@link ModelCore}): what presets and `isX` need. Pair it with
 * {@link modelDefiner} for `define` / `safeDefine`; the two share the kind's compiled forms.
 */
export function modelCore<
  K extends string,
  P,
  D extends { readonly id: string; readonly version: string },
  F extends object,
  C,
  O = undefined,
  Mt extends MethodsOf = {},
>(blueprint: Omit<ModelBlueprint<K, P, D, F, C, O, Mt>, 'schema'>): ModelCore<BuiltModel<K, D, F, Mt>, C, O, P> {
  type M = BuiltModel<K, D, F, Mt>;
  const compiledForms = blueprint.registry ?? new WeakMap<object, C>();
  // the normalised definition as JSON, or (a preset's) the step that writes it when first asked for
  const definitions = new WeakMap<object, string | (() => string)>();
  // trusted models not compiled yet, each with the step that compiles it
  const pending = new WeakMap<object, () => void>();
  const settle = (model: object): void => pending.get(model)?.();
  const definitionOf = (model: object): string => {
    settle(model);
    let definition = definitions.get(model)!;
    if (typeof definition === 'function') {
      definition = definition();
      definitions.set(model, definition);
    }
    return definition;
  };
  const prototype = modelPrototype<C, D>(blueprint.methods ?? {}, definitionOf, (model) => {
    settle(model);
    return compiledForms.get(model)!;
  });
  const is = (value: unknown): value is M =>
    typeof value === 'object' && value !== null && (compiledForms.has(value) || pending.has(value));
  const build = (parsed: P, options: O, fingerprintOf: (normalised: unknown) => string) => {
    const normalised = blueprint.normalise(parsed, options);
    const ref: ModelRef = Object.freeze({
      id: normalised.id,
      version: normalised.version,
      fingerprint: fingerprintOf(normalised),
    });
    return { ...blueprint.compile(parsed, normalised, ref, options), ref, definition: JSON.stringify(normalised) };
  };
  const assemble = (parsed: P, options: O, fingerprintOf: (normalised: unknown) => string): M => {
    const { fields, compiled, ref, definition } = build(parsed, options, fingerprintOf);
    const model = Object.freeze(
      Object.assign(Object.create(prototype) as object, {
        kind: blueprint.kind,
        id: ref.id,
        version: ref.version,
        ...fields,
        fingerprint: ref.fingerprint,
      }),
    ) as M;
    compiledForms.set(model, compiled);
    definitions.set(model, definition);
    return model;
  };
  const compiledOf = (value: unknown): C | undefined => {
    if (typeof value !== 'object' || value === null) return undefined;
    settle(value);
    return compiledForms.get(value);
  };
  const names = blueprint.fieldNames;
  const trust = (parsed: P, options: O, known: string): M =>
    names === undefined ? assemble(parsed, options, () => known) : trustLazily(parsed, options, known, names);
  // A preset: identity now, the rest compiled the first time any of it is read.
  const trustLazily = (parsed: P, options: O, known: string, fieldNames: readonly string[]): M => {
    const { id, version } = parsed as unknown as { readonly id: string; readonly version: string };
    const ref: ModelRef = Object.freeze({ id, version, fingerprint: known });
    const { model, settle: compileNow } = lazyModel(prototype, blueprint.kind, ref, fieldNames, (self) => {
      // compiled without normalising (see `fieldNames`): the definition is written when first read
      const built = blueprint.compile(parsed, undefined as unknown as D, ref, options);
      compiledForms.set(self, built.compiled);
      definitions.set(self, () => JSON.stringify(blueprint.normalise(parsed, options)));
      pending.delete(self);
      return built.fields as Record<string, unknown>;
    });
    pending.set(model, compileNow);
    return model as M;
  };
  return { trust, is, compiledOf, assemble };
}

/**
 * The prototype every model of a kind shares: `toJSON` (over `definitionOf`), the kind's methods
 * (each over the model's compiled form, which `compiledOf` returns) and the notebook display.
 * Models stay plain data fields.
 */
function modelPrototype<C, D>(
  methods: MethodsOf,
  definitionOf: (model: object) => string,
  compiledOf: (model: object) => C,
): object {
  const prototype: Record<PropertyKey, unknown> = {
    toJSON(this: object): D {
      return JSON.parse(definitionOf(this)) as D;
    },
  };
  for (const [name, method] of Object.entries(methods) as [string, (compiled: C, ...args: never[]) => unknown][]) {
    prototype[name] = function (this: object, ...args: never[]): unknown {
      return method(compiledOf(this), ...args);
    };
  }
  // the notebook display (Symbol.for('Jupyter.display')): a table of the model's fields
  addModelDisplay(prototype);
  return Object.freeze(prototype);
}

/**
 * A model whose identity is known now and whose fields come from `compile` the first time any of
 * them is read (or `settle` is called): frozen, the fields enumerable getters between `version`
 * and `fingerprint`, the order of a compiled model's keys.
 */
function lazyModel(
  prototype: object,
  kind: string,
  ref: ModelRef,
  fieldNames: readonly string[],
  compile: (model: object) => Record<string, unknown>,
): { readonly model: object; readonly settle: () => void } {
  let fields: Record<string, unknown> | undefined;
  const fieldsOf = (): Record<string, unknown> => (fields ??= compile(model));
  const data = (value: string): PropertyDescriptor => ({ value, enumerable: true });
  const properties: PropertyDescriptorMap = { kind: data(kind), id: data(ref.id), version: data(ref.version) };
  for (const name of fieldNames) properties[name] = { get: () => fieldsOf()[name], enumerable: true };
  properties['fingerprint'] = data(ref.fingerprint);
  const model = Object.freeze(Object.defineProperties(Object.create(prototype) as object, properties));
  return { model, settle: () => void fieldsOf() };
}

/**
 * `define` and `safeDefine` for a kind: read the input through the kind's schema (every issue at
 * once), then {@link ModelCore.assemble} with the content fingerprint. Only code that defines
 * models from JSON reaches the schema and the hash.
 */
export function modelDefiner<M, C, O, P, S = P>(
  core: ModelCore<M, C, O, P>,
  blueprint: {
    readonly context: string;
    readonly schema: SafeParser<S>;
    readonly prepare?: (input: unknown, options: O) => unknown;
    /** Turns the schema's output into what the core compiles (say, nested models compiled); default: as is. */
    readonly refine?: (parsed: S, options: O) => P;
  },
): Pick<ModelKind<M, C, O, P>, 'define' | 'safeDefine'> {
  const build = (input: unknown, options: O): M => {
    const { rest: prepared, issue } = withoutSchemaKey(blueprint.prepare ? blueprint.prepare(input, options) : input);
    if (core.is(prepared)) return prepared;
    const parsed = parseBeside(
      issue,
      () => parseWith(blueprint.schema, prepared, blueprint.context),
      blueprint.context,
    );
    return core.assemble(
      blueprint.refine ? blueprint.refine(parsed, options) : (parsed as unknown as P),
      options,
      fingerprint,
    );
  };
  const define = (input: unknown, options: O): M => readingInput('', blueprint.context, () => build(input, options));
  const safeDefine = (input: unknown, options: O): SafeResult<M> => safely(define, input, options);
  return { define, safeDefine };
}

/**
 * A model file without its top-level `$schema` key: the JSON Schema an editor checks the file
 * against (`"$schema": "./node_modules/clientele/dist/schemas/ruleSet.json"`). The key must be a
 * string and is otherwise ignored: never validated further, fingerprinted or written by `toJSON`,
 * so a file with it defines the same model as the file without it.
 */
function withoutSchemaKey(input: unknown): { rest: unknown; issue: Issue | null } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, '$schema'))
    return { rest: input, issue: null };
  const { $schema: schemaKey, ...rest } = input as Record<string, unknown>;
  if (typeof schemaKey === 'string') return { rest, issue: null };
  // reported beside every other mistake of the file (see parseBeside), not instead of them
  return {
    rest,
    issue: makeIssue(
      '$schema',
      'a string (the JSON Schema the file follows)',
      describeValue(schemaKey),
      'invalid_type',
    ),
  };
}

/** Parses with `parse`, reporting `issue` (when there is one) together with the parse's own issues. */
function parseBeside<T>(issue: Issue | null, parse: () => T, context: string): T {
  if (issue === null) return parse();
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError([issue, ...error.issues], context);
    throw error;
  }
  throw new ValidationError([issue], context);
}

/**
 * Wraps any throwing function in the {@link SafeResult} form: `ValidationError`s become
 * `{ success: false, issues }`, anything else is rethrown.
 */
export function safely<A extends unknown[], T>(task: (...args: A) => T, ...args: A): SafeResult<T> {
  try {
    return { success: true, output: task(...args) };
  } catch (error) {
    if (error instanceof ValidationError) return { success: false, issues: error.issues };
    throw error;
  }
}
