import type { Metadata } from "next";
import { CentralAccessNotice } from "@/components/super/central-access-notice";
import { ServerChecks } from "@/components/super/server-checks";
import { ServersPanel } from "@/components/super/servers-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { findCentralDatabaseExposure } from "@/lib/super/central-access";
import { findDatabaseServers } from "@/lib/super/servers";

export const metadata: Metadata = { title: "Database servers" };

export default async function ServersPage() {
  await requirePlatformPage("servers.manage");
  const central = getCentralDb();
  const [servers, exposure] = await Promise.all([
    findDatabaseServers({ central }),
    findCentralDatabaseExposure({ central }),
  ]);
  return (
    <>
      <PageHeader
        title="Database servers"
        description="Where clinic databases live. A new clinic goes to the least loaded active server with room; draining servers keep their clinics but take no new ones. Stored admin passwords are encrypted and never shown. New servers can be added only at the hosts listed in DATABASE_SERVER_HOSTS."
      />
      <CentralAccessNotice exposure={exposure} />
      <ServersPanel servers={servers} />
      <ServerChecks servers={servers} />
    </>
  );
}
