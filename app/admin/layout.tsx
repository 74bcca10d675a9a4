import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminHeader } from "@/components/admin/admin-header";
import { getCurrentSession } from "@/lib/auth/current";

export const metadata: Metadata = {
  title: { default: "Clinic admin console", template: "%s · Clinic admin console" },
};

// Chrome only: each page checks the session itself (a layout renders in parallel and guards nothing).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  return (
    <>
      <AdminHeader email={session?.user.email ?? null} />
      {children}
    </>
  );
}
