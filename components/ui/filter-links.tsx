import Link from "next/link";
import { cn } from "./cn";

/** Links that filter a server-paged list (e.g. `?status=`); the current one is marked. */
export function FilterLinks({
  label,
  current,
  options,
  href,
}: {
  label: string;
  current: string | undefined;
  options: readonly { value: string | undefined; label: string }[];
  href: (value: string | undefined) => string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {options.map((option) => {
        const active = option.value === current;
        return (
          <Link
            key={option.label}
            href={href(option.value)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm",
              active ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200",
            )}
          >
            {option.label}
          </Link>
        );
      })}
    </nav>
  );
}
