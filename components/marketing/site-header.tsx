import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";

const sections = [
  { href: "#consoles", label: "Consoles" },
  { href: "#isolation", label: "Isolation" },
  { href: "#sign-in", label: "Signing in" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-brand-700 text-white"
          >
            +
          </span>
          Clinic Platform
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <ul className="hidden items-center gap-1 sm:flex">
            {sections.map((section) => (
              <li key={section.href}>
                <a
                  href={section.href}
                  className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
          <ButtonLink href="/login" size="sm" className="ml-2">
            Sign in
          </ButtonLink>
        </nav>
      </div>
    </header>
  );
}
