/**
 * `unknown` when a definition `D` is of a shape only known at run time — an index signature
 * (`JsonObject`, `Record<string, unknown>`, `any`) or items whose `id`s are plain `string`s, as a
 * JSON file imported with `resolveJsonModule` types them — so a `defineX` takes it and validates it
 * when it runs; `never` for a literal written in code, which must fit the model's typed input (so
 * a mistake in it is a compile error, reported where it is).
 * @category Models
 */
export type RuntimeShapedDefinition<D, ItemsKey extends string> = string extends keyof D
  ? unknown
  : D extends { readonly [K in ItemsKey]: readonly (infer Item)[] }
    ? [Item] extends [never]
      ? never
      : Item extends { readonly id: infer Id }
        ? string extends Id
          ? unknown
          : never
        : never
    : never;
