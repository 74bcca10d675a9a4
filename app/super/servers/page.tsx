import type { Metadata } from "next";
import { ServersPanel } from "@/components/super/servers-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { findDatabaseServers } from "@/lib/super/servers";

export const metadata: Metadata = { title: "Database servers" };

export default async function ServersPage() {
  await requirePlatformPage("servers.manage");
  const servers = await findDatabaseServers({ central: getCentralDb() });
  return (
    <>
      <PageHeader
        title="Database servers"
        description="Where clinic databases live. A new clinic goes to the least loaded active server with room; draining servers keep their clinics but take no new ones. Stored admin passwords are encrypted and never shown."
      />
      <ServersPanel servers={servers} />
    </>
  );
}
