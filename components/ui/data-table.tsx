"use client";

import {
  type ColumnDef,
  createPaginatedRowModel,
  createSortedRowModel,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { type ReactNode, useMemo } from "react";
import { Button } from "./button";
import { SortHeader, SortLink } from "./sort-header";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "./table";

export type Column<Row extends RowData> = {
  key: string;
  header: string;
  /** What the cell shows. */
  cell: (row: Row) => ReactNode;
  /** What the column sorts by in the browser; columns without it do not sort there. */
  sortValue?: (row: Row) => string | number | null;
};

/**
 * A list the server sorts and pages: the keys it can sort by and the current sort (from the URL,
 * `?sort=&dir=`), so a header sorts the whole list, not the rows on this page.
 */
export type ServerSort = { keys: readonly string[]; key: string; desc: boolean };

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

type Feature = typeof features;

// Numbers by value, text as people read it; empty values never get here (sortUndefined: "last").
function compareValues(left: unknown, right: unknown): number {
  if (typeof left === "number" && typeof right === "number") return left - right;
  return String(left).localeCompare(String(right));
}

function columnDef<Row extends RowData>(
  column: Column<Row>,
  serverKeys: readonly string[] | null,
): ColumnDef<Feature, Row> {
  const { sortValue } = column;
  return {
    id: column.key,
    header: column.header,
    accessorFn: (row) => sortValue?.(row) ?? undefined,
    cell: ({ row }) => column.cell(row.original),
    enableSorting: serverKeys ? serverKeys.includes(column.key) : sortValue !== undefined,
    sortFn: (a, b, id) => compareValues(a.getValue(id), b.getValue(id)),
    sortUndefined: "last",
  };
}

/**
 * A table that sorts by its sortable columns (TanStack Table) and pages: in the browser when it
 * holds the whole list, on the server when `serverSort` says the server does.
 */
export function DataTable<Row extends RowData>({
  rows,
  columns,
  rowKey,
  empty,
  pageSize = 20,
  caption,
  serverSort,
  stackOnPhone,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  pageSize?: number;
  caption: string;
  serverSort?: ServerSort;
  /** Below `sm`, each row as a card instead of a row that scrolls sideways (see Table). */
  stackOnPhone?: boolean;
}) {
  const serverKeys = serverSort?.keys ?? null;
  const columnDefs = useMemo(
    () => columns.map((column) => columnDef(column, serverKeys)),
    [columns, serverKeys],
  );
  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row) => rowKey(row),
    enableSortingRemoval: false,
    sortDescFirst: false,
    manualSorting: serverSort !== undefined,
    manualPagination: serverSort !== undefined,
    initialState: { pagination: { pageIndex: 0, pageSize } },
    ...(serverSort ? { state: { sorting: [{ id: serverSort.key, desc: serverSort.desc }] } } : {}),
  });

  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  const { pageIndex } = table.state.pagination;
  // A server-sorted list is one page of the server's; its pager is the page's own (LinkPager).
  const pages = serverSort ? 1 : table.getPageCount();
  return (
    <div className="flex flex-col gap-3">
      <Table caption={caption} stackOnPhone={stackOnPhone}>
        <TableHead>
          {table.getFlatHeaders().map((header) => {
            const { column } = header;
            const sorted = column.getIsSorted();
            const label = String(column.columnDef.header);
            return (
              <HeaderCell
                key={header.id}
                aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
              >
                {!column.getCanSort() ? (
                  label
                ) : serverSort ? (
                  <SortLink
                    sortKey={column.id}
                    direction={column.getNextSortingOrder() || "asc"}
                    sorted={sorted}
                  >
                    {label}
                  </SortLink>
                ) : (
                  <SortHeader sorted={sorted} onClick={column.getToggleSortingHandler()}>
                    {label}
                  </SortHeader>
                )}
              </HeaderCell>
            );
          })}
        </TableHead>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <Cell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </Cell>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
      {pages > 1 ? (
        <nav
          aria-label={`${caption} pages`}
          className="flex items-center justify-between text-sm text-slate-700"
        >
          <Button
            variant="secondary"
            size="sm"
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            Previous
          </Button>
          <span>
            Page {pageIndex + 1} of {pages}
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
