import type { Metadata } from "next";
import { PageHeader } from "@/components/super/page-header";
import { ServersPanel } from "@/components/super/servers-panel";
import { runAddDatabaseServer } from "@/lib/actions/super/add-database-server";
import { runUpdateDatabaseServer } from "@/lib/actions/super/update-database-server";
import { getCentralDb } from "@/lib/db/central";
import { requireSuperAdminPage } from "@/lib/super/page-session";
import { findDatabaseServers } from "@/lib/super/servers";

export const metadata: Metadata = { title: "Database servers" };

export default async function ServersPage() {
  await requireSuperAdminPage();
  const servers = await findDatabaseServers({ central: getCentralDb() });
  return (
    <>
      <PageHeader
        title="Database servers"
        description="Where clinic databases live. A new clinic goes to the least loaded active server with room; draining servers keep their clinics but take no new ones. Stored admin passwords are encrypted and never shown."
      />
      <ServersPanel
        servers={servers}
        actions={{ add: runAddDatabaseServer, update: runUpdateDatabaseServer }}
      />
    </>
  );
}
