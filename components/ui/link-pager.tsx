import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";

/**
 * Previous / next links for a list the server pages (the page number lives in the URL, so a page
 * can be bookmarked, shared and reloaded). `hrefFor` builds the link of a page number.
 */
export function LinkPager({
  page,
  pages,
  hrefFor,
  label,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pages <= 1) return null;
  const link = (target: number, text: string, rel: "prev" | "next") =>
    target < 1 || target > pages ? (
      <span
        aria-disabled="true"
        className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "opacity-50")}
      >
        {text}
      </span>
    ) : (
      <Link href={hrefFor(target)} rel={rel} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {text}
      </Link>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm text-slate-700">
      {link(page - 1, previousLabel, "prev")}
      <span>
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </span>
      {link(page + 1, nextLabel, "next")}
    </nav>
  );
}
