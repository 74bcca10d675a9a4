import { z } from "zod";

/** A page's query string as Next hands it over: a repeated parameter is an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;
export type SearchParamsProps = { searchParams: Promise<RawSearchParams> };

/** A repeated query parameter counts by its first value. */
export function firstValues(params: RawSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[key] = first;
  }
  return values;
}

/**
 * A page's query string through its schema, before any of it reaches the database. Each field of
 * the schema catches its own fallback (the parameters below do), so an edited or garbled URL
 * shows the page's default view instead of an error page: a page cannot answer 400.
 */
export function parseSearchParams<Schema extends z.ZodType>(
  schema: Schema,
  params: RawSearchParams,
): z.output<Schema> {
  return schema.parse(firstValues(params));
}

/** A page number of a list, 1 unless the parameter is a plain whole number in range. */
export const pageParam = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(100_000))
  .catch(1);

/** `?page=` of a list alone, for pages whose only other parameters are a sort. */
export const PAGE_QUERY = z.object({ page: pageParam });

/** A calendar day (YYYY-MM-DD) that exists, within the years the calendar shows; else none. */
export const isoDateParam = z.iso
  .date()
  .refine((value) => value >= "2000-01-01" && value <= "2099-12-31")
  .optional()
  .catch(undefined);

/** A row's id in a filter; anything but a uuid means no filter. */
export const uuidParam = z.uuid().optional().catch(undefined);

/** Free text, control characters as spaces (PostgreSQL refuses a NUL byte), trimmed, cut to `max` characters. */
export function textParam(max: number) {
  return z
    .string()
    .transform((value) =>
      value
        .replace(/\p{Cc}/gu, " ")
        .trim()
        .slice(0, max),
    )
    .catch("")
    .default("");
}
