import { z } from "zod";

export type ListSort<Key extends string> = { key: Key; desc: boolean };

/**
 * A server-sorted list's `?sort=&dir=`: one of the list's sort keys and a direction. Anything
 * missing or unknown is the list's own default order, so an edited URL never fails the page.
 */
export function listSortSchema<const Key extends string>(
  keys: readonly [Key, ...Key[]],
  fallback: ListSort<NoInfer<Key>>,
) {
  return z
    .object({
      sort: z.enum(keys).catch(fallback.key),
      dir: z.enum(["asc", "desc"]).catch(fallback.desc ? "desc" : "asc"),
    })
    .transform(({ sort, dir }): ListSort<Key> => ({ key: sort, desc: dir === "desc" }));
}
