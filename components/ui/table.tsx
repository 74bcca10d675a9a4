import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

// Below `sm` each row becomes a card of its cells, one under another, with no header row.
const STACKED_ON_PHONE =
  "max-sm:[&_thead]:hidden max-sm:[&_table]:block max-sm:[&_tbody]:block max-sm:[&_tr]:flex max-sm:[&_tr]:flex-col max-sm:[&_tr]:gap-1.5 max-sm:[&_tr]:p-3 max-sm:[&_td]:p-0";

/**
 * A table in its bordered box; on a phone it scrolls sideways inside the box, not the page, or
 * with `stackOnPhone` shows each row as a card, for rows whose buttons must stay in view.
 */
export function Table({
  caption,
  children,
  stackOnPhone = false,
}: {
  caption: string;
  children: ReactNode;
  stackOnPhone?: boolean;
}) {
  return (
    <div
      className={cn(
        // relative: an sr-only (absolute) cell text would otherwise escape the scroller and widen the page.
        "relative overflow-x-auto rounded-lg border border-slate-200 bg-white",
        stackOnPhone && STACKED_ON_PHONE,
      )}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-slate-700">
      <tr>{children}</tr>
    </thead>
  );
}

export function HeaderCell({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("px-3 py-2 font-medium whitespace-nowrap", className)} {...props} />;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Cell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-top", className)} {...props} />;
}

/** What an empty list says instead of a table: what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">{children}</div>
  );
}
