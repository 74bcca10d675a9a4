import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { BrandLink, TopBar } from "../ui/top-bar";

const links = [
  { href: "/admin", label: "My clinics" },
  { href: "/admin/clinics/new", label: "Create clinic" },
  { href: "/account/password", label: "Change password" },
];

/** The console's top bar: where the admin is, their clinics, their account. */
export function AdminHeader({ email }: { email: string | null }) {
  return (
    <TopBar>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <BrandLink href="/admin">Clinic admin console</BrandLink>
        <nav aria-label="Console" className="flex flex-wrap items-center gap-1">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              {link.label}
            </Link>
          ))}
          {email ? <span className="hidden px-2 text-sm text-slate-500 md:inline">{email}</span> : null}
          <SignOutButton />
        </nav>
      </div>
    </TopBar>
  );
}
