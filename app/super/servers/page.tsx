import type { Metadata } from "next";
import { CentralAccessNotice } from "@/components/super/central-access-notice";
import { ConnectionPlans } from "@/components/super/connection-plan";
import { summariseServerPitr } from "@/components/super/pitr-format";
import { ServerChecks } from "@/components/super/server-checks";
import { ServersPanel } from "@/components/super/servers-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { type CentralDb, getCentralDb } from "@/lib/db/central";
import { describeMoveOrphans, findMoveOrphans } from "@/lib/moves/orphaned-objects";
import { findPitrStatus } from "@/lib/pitr/pitr-status";
import { findCentralDatabaseExposure } from "@/lib/super/central-access";
import { findDatabaseServers } from "@/lib/super/servers";
import { findConnectionPlans } from "@/lib/tenancy/connection-plan";

export const metadata: Metadata = { title: "Database servers" };

export default async function ServersPage() {
  await requirePlatformPage("servers.manage");
  const central = getCentralDb();
  const [servers, exposure] = await Promise.all([
    findDatabaseServers({ central }).then((rows) => withServerState(central, rows)),
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
      <ConnectionPlans plans={findConnectionPlans({ central })} />
      <ServerChecks servers={servers} />
    </>
  );
}

/**
 * Each server's line about replication slots, subscriptions and logins that moves left behind with
 * no job running (a slot keeps WAL until dropped), and its point-in-time restore (archiving and the
 * recoverable window, each server bounded by a timeout). A server that does not answer gets no
 * move warning here: its checks below say so.
 */
async function withServerState<T extends { id: string; name: string }>(central: CentralDb, rows: T[]) {
  const now = new Date();
  return Promise.all(
    rows.map(async (row) => {
      const server = await central.databaseServer.findUniqueOrThrow({ where: { id: row.id } });
      const [orphans, pitr] = await Promise.all([
        findMoveOrphans({ central, server }).catch(() => []),
        findPitrStatus({ server }),
      ]);
      return {
        ...row,
        moveWarning: describeMoveOrphans(row.name, orphans),
        pitr: summariseServerPitr(pitr, now),
      };
    }),
  );
}
