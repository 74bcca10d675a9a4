/**
 * A server-paged list's URL: its filters, its sort (`sort`, `dir`) and its page, leaving out what
 * is empty and page 1, so the plain list keeps its plain address.
 */
export function listHref(
  path: string,
  params: { page?: number; sort?: { key: string; desc: boolean } } & Record<string, unknown>,
): string {
  const { page, sort, ...filters } = params;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    if (typeof value === "string" && value !== "") query.set(name, value);
  if (sort) {
    query.set("sort", sort.key);
    query.set("dir", sort.desc ? "desc" : "asc");
  }
  if (page && page > 1) query.set("page", String(page));
  return query.size > 0 ? `${path}?${query}` : path;
}
