import fc from "fast-check";
import type { z } from "zod";

/** A fixed seed per name (FNV-1a), so a failure prints a seed that replays exactly that run. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash | 0;
}

const HUGE = "x".repeat(10_000);

/** Strings a form never sends but a hand-made request can: PostgreSQL, zod and JS each trip on some. */
export const boundaryStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  HUGE,
  `${HUGE}@example.com`,
  "\u202Eevil\u202C",
  "مرحبا بالعيادة",
  "👩‍⚕️🏥🦷",
  "\uD800",
  "\uFEFF",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "0000-00-00",
  "9999-12-31",
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "2024-02-30",
  "+275760-09-13T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "0000-01-01T00:00:00Z",
  "0000-01-01T00:00:00.000+14:00",
  "24:00",
  "23:60",
  "%",
  "_",
  "\\",
  "' OR 1=1 --",
  "__proto__",
  "constructor",
);

const boundaryNumbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
);

const boundaryOthers = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  [],
  {},
  [null],
  [[[]]],
  { nested: { deeper: [1, "two", null] } },
  new Date(Number.NaN),
  new Date(8.64e15),
  10n ** 30n,
);

/** Whatever a client could send through React's server-action encoding. */
export const junk = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});

/** A value the sample's own value turns into: almost right, but with a twist at its edges. */
function twisted(value: unknown): fc.Arbitrary<unknown>[] {
  if (typeof value === "string")
    return [
      fc.constantFrom(
        `${value}\u0000`,
        `\u202E${value}`,
        `${value}🏥`,
        ` ${value.toUpperCase()} `,
        value.repeat(50),
        value.slice(0, -1),
      ),
    ];
  if (typeof value === "number")
    return [fc.constantFrom(value * 1e6, -value, value + 0.5, String(value), `${value}abc`)];
  if (typeof value === "boolean") return [fc.constantFrom(String(value), Number(value), !value)];
  return [];
}

/** A replacement for one field: a boundary value, an id from elsewhere, random text, or a twist of the original. */
export function replacementFor(original: unknown, otherIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    boundaryStrings,
    boundaryNumbers,
    boundaryOthers,
    fc.uuid(),
    ...(otherIds.length > 0 ? [fc.constantFrom(...otherIds)] : []),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.integer(),
    fc.double(),
    ...twisted(original),
    junk,
  );
}

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  in?: z.ZodType;
  innerType?: z.ZodType;
};

/** Every top-level field an action's schema knows (through unions, pipes and defaults), sampled or not. */
export function fieldsOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  if (def.shape) return Object.keys(def.shape);
  if (def.options) return [...new Set(def.options.flatMap(fieldsOf))];
  const inner = def.in ?? def.innerType;
  return inner ? fieldsOf(inner) : [];
}

type Path = readonly (string | number)[];

/** Every place in a sample a value sits (object keys and array items, at any depth). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  return [];
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

/** A copy of `value` with the thing at `path` replaced (or removed when `replacement` is REMOVE). */
function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && replacement === REMOVE) delete copy[key];
  // defineProperty, so "__proto__" becomes an own field as JSON.parse would make it, not the prototype.
  else
    Object.defineProperty(copy, key, {
      value: withValueAt(copy[key], rest, replacement),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

const REMOVE = Symbol("remove");

/** The sample with one to three of its fields (at any depth) replaced, removed, or with an extra field. */
function mutatedSample(
  sample: unknown,
  fields: readonly string[],
  otherIds: readonly string[],
): fc.Arbitrary<unknown> {
  const paths = [
    ...pathsOf(sample),
    ...fields.filter((field) => !Object.hasOwn(Object(sample), field)).map((field) => [field]),
  ];
  if (paths.length === 0)
    return fc.dictionary(fc.string({ maxLength: 12 }), replacementFor(undefined, otherIds), { maxKeys: 3 });
  const oneChange = fc.constantFrom(...paths).chain((path) =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: replacementFor(valueAt(sample, path), otherIds).map((value) => ({ path, value })),
      },
      { weight: 1, arbitrary: fc.constant({ path, value: REMOVE as unknown }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom("__proto__", "constructor", "id", "clinicId", "role", "status", "extra", ...fields)
          .chain((key) => replacementFor(undefined, otherIds).map((value) => ({ path: [key], value }))),
      },
    ),
  );
  return fc
    .array(oneChange, { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce((input, { path, value }) => withValueAt(input, path, value), sample));
}

/** The sample as a form would post it: every top-level field as text in FormData. */
function asFormData(sample: unknown): fc.Arbitrary<unknown> {
  return fc.constant(sample).map((value) => {
    const form = new FormData();
    for (const [key, item] of Object.entries(value as object))
      form.append(key, typeof item === "string" ? item : JSON.stringify(item));
    return form;
  });
}

/**
 * Inputs for one action: mostly its valid sample bent at one to three places (its schema's fields
 * the sample leaves out included), some pure junk, and the sample posted as FormData.
 */
export function fuzzedInput(
  sample: unknown,
  schema: z.ZodType,
  otherIds: readonly string[],
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedSample(sample, fieldsOf(schema), otherIds) },
    { weight: 2, arbitrary: junk },
    { weight: 1, arbitrary: asFormData(sample) },
  );
}
