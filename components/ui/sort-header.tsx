"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

type Sorted = false | "asc" | "desc";

const headerClasses = "inline-flex items-center gap-1 hover:text-slate-900";

function SortMark({ sorted }: { sorted: Sorted }) {
  return <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>;
}

/** A column header that sorts the rows in the browser. */
export function SortHeader({
  sorted,
  onClick,
  children,
}: {
  sorted: Sorted;
  onClick: ((event: unknown) => void) | undefined;
  children: ReactNode;
}) {
  return (
    <button type="button" className={headerClasses} onClick={onClick}>
      {children}
      <SortMark sorted={sorted} />
    </button>
  );
}

/**
 * A column header that asks the server for the list in another order: this URL with `sort` and
 * `dir` set, back on its first page, its other parameters (search, filter) kept.
 */
export function SortLink({
  sortKey,
  direction,
  sorted,
  children,
}: {
  sortKey: string;
  direction: "asc" | "desc";
  sorted: Sorted;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const query = new URLSearchParams(useSearchParams());
  query.set("sort", sortKey);
  query.set("dir", direction);
  query.delete("page");
  return (
    <Link href={`${pathname}?${query}`} className={headerClasses}>
      {children}
      <SortMark sorted={sorted} />
    </Link>
  );
}
