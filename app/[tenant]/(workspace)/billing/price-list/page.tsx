import type { Metadata } from "next";
import { PriceListBoard } from "@/components/billing/price-list/price-list-board";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPriceList } from "@/lib/billing/price-list/find-price-list";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Price list" };

export default async function PriceListPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "billing.view");
  if (!workspace) return null;
  const canEdit = clinicRoleCan(workspace.role, "priceList.manage");
  const priceList = await withTenantDb(workspace.clinic.subdomain, (db) => findPriceList({ db }));
  const taxNote = priceList.pricesIncludeTax ? "Prices include tax." : "Tax is added to these prices.";
  return (
    <>
      <PageHeader
        title="Price list"
        description={`Prices in ${priceList.currency}. ${taxNote} An item in use is deactivated rather than deleted; invoices keep what they charged.`}
      />
      <PriceListBoard priceList={priceList} canEdit={canEdit} />
    </>
  );
}
