import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavTabs } from "@/components/ui/nav-tabs";
import { BrandLink, TopBar } from "@/components/ui/top-bar";

const SECTIONS = [
  { href: "/super", label: "Overview", exact: true },
  { href: "/super/admins", label: "Clinic admins" },
  { href: "/super/clinics", label: "Clinics" },
  { href: "/super/servers", label: "Servers" },
  { href: "/super/fleet", label: "Fleet" },
  { href: "/super/backups", label: "Backups" },
  { href: "/super/audit", label: "Audit log" },
];

export function SuperHeader({ name, email }: { name: string; email: string }) {
  return (
    <TopBar>
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 pt-3 sm:px-6">
        <div className="flex items-center justify-between gap-4">
          <BrandLink href="/super" className="whitespace-nowrap">
            Clinic Platform <span className="hidden font-normal text-slate-500 sm:inline">· Super admin</span>
          </BrandLink>
          <div className="flex items-center gap-2 text-sm text-slate-600">
            <span className="hidden sm:inline" title={email}>
              {name}
            </span>
            <Link
              href="/account/password"
              className="rounded-md px-2 py-1 hover:bg-slate-100 hover:text-slate-900"
            >
              Password
            </Link>
            <SignOutButton />
          </div>
        </div>
        <NavTabs label="Super admin" links={SECTIONS} />
      </div>
    </TopBar>
  );
}
