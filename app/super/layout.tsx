import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SuperHeader } from "@/components/super/super-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";

export const metadata: Metadata = { title: { default: "Super admin", template: "%s · Super admin" } };

// Each page checks the session again: a layout is not re-rendered for every request of its pages.
export default async function SuperLayout({ children }: { children: ReactNode }) {
  const session = await requirePlatformPage("clinics.viewAll");
  return (
    <>
      <SuperHeader name={session.user.name} email={session.user.email} />
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-8 px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
