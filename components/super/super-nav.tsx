"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export const SUPER_SECTIONS = [
  { href: "/super", label: "Overview" },
  { href: "/super/admins", label: "Clinic admins" },
  { href: "/super/clinics", label: "Clinics" },
  { href: "/super/servers", label: "Servers" },
  { href: "/super/fleet", label: "Fleet" },
  { href: "/super/audit", label: "Audit log" },
] as const;

export function SuperNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Super admin" className="-mb-px flex gap-1 overflow-x-auto">
      {SUPER_SECTIONS.map((section) => {
        const current = section.href === "/super" ? pathname === "/super" : pathname.startsWith(section.href);
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
              current
                ? "border-brand-700 text-brand-800"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
