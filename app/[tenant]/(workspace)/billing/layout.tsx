import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { billingTabsFor } from "@/lib/billing/billing-tabs";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { requireWorkspace } from "../require-workspace";

/** The billing area: its sections as tabs, each shown only to the roles that may open it. */
export default async function BillingLayout({ params, children }: TenantParams & { children: ReactNode }) {
  const workspace = await requireWorkspace(params, "billing.view");
  if (!workspace) return null;
  const tabs = billingTabsFor(workspace.role).map((tab) => ({ ...tab, exact: tab.href === "/billing" }));
  return (
    <>
      <NavTabs label="Billing sections" links={tabs} className="mb-4 border-b border-slate-200" />
      {children}
    </>
  );
}
