import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SuperNav } from "./super-nav";

export function SuperHeader({ name, email }: { name: string; email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 pt-3 sm:px-6">
        <div className="flex items-center justify-between gap-4">
          <Link
            href="/super"
            className="flex items-center gap-2 font-semibold whitespace-nowrap text-slate-900"
          >
            <span
              aria-hidden="true"
              className="grid size-8 place-items-center rounded-md bg-brand-700 text-white"
            >
              +
            </span>
            Clinic Platform <span className="hidden font-normal text-slate-500 sm:inline">· Super admin</span>
          </Link>
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
        <SuperNav />
      </div>
    </header>
  );
}
