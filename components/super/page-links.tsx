import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Previous / next for lists paged on the server (`?page=N`, keeping the other parameters). */
export function PageLinks({
  label,
  page,
  pages,
  href,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pages <= 1) return null;
  const link = (target: number, text: string, enabled: boolean) =>
    enabled ? (
      <Link href={href(target)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {text}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "opacity-50")}
      >
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm text-slate-700">
      {link(page - 1, previousLabel, page > 1)}
      <span>
        Page {page} of {pages}
      </span>
      {link(page + 1, nextLabel, page < pages)}
    </nav>
  );
}
