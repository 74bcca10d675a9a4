import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** The top of every area: a skip link for keyboard users first, then the area's own bar. */
export function TopBar({ children }: { children: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {children}
    </header>
  );
}

/** The platform's mark and the area's name, linking to the area's start page. */
export function BrandLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={href}
      className={cn("flex min-w-0 items-center gap-2 font-semibold text-slate-900", className)}
    >
      <span
        aria-hidden="true"
        className="grid size-8 shrink-0 place-items-center rounded-md bg-brand-700 text-white"
      >
        +
      </span>
      {children}
    </Link>
  );
}
