import type { CentralDb } from "@/lib/db/central";
import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import {
  registerEmbeddedServer,
  startThrowawayServer,
  type ThrowawayServer,
} from "@/lib/testing/throwaway-server";

/** The registered name of the e2e run's second database server, and the clinic that starts there. */
export const SPARE_SERVER = "spare";
export const SPARE_CLINIC = { subdomain: "ferry", name: "Ferry Clinic" };

export type SpareServer = ThrowawayServer;

/**
 * A throwaway embedded PostgreSQL with wal_level=logical, so a clinic can be moved away from it
 * (the machine's own server has wal_level=replica). Resolves null when it cannot start: the move
 * spec then skips, and nothing else depends on it.
 */
export async function startSpareServer(log: (line: string) => void): Promise<SpareServer | null> {
  const started = performance.now();
  try {
    const spare = await startThrowawayServer({
      label: "e2e-spare",
      port: 56532,
      settings: { wal_level: "logical", max_replication_slots: "4", max_wal_senders: "4" },
    });
    log(
      `The spare database server (wal_level=logical) started in ${Math.round(performance.now() - started)} ms.`,
    );
    return spare;
  } catch (error) {
    log(`The spare database server did not start, so the move spec will skip: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Registers the spare server and provisions SPARE_CLINIC on it (the other servers draining
 * meanwhile; nothing else runs yet), then leaves the spare draining: the specs' own clinics keep
 * going to the default server. A failure is only logged: the move spec then skips.
 */
export async function placeClinicOnSpare(
  central: CentralDb,
  spare: SpareServer | null,
  log: (line: string) => void,
): Promise<void> {
  if (!spare) return;
  const started = performance.now();
  await registerAndProvision(central, spare).then(
    () =>
      log(
        `${SPARE_CLINIC.name} was set up on the spare server in ${Math.round(performance.now() - started)} ms.`,
      ),
    (error: unknown) =>
      log(
        `The move spec will skip: ${SPARE_CLINIC.name} could not be set up there (${(error as Error).message}).`,
      ),
  );
}

async function registerAndProvision(central: CentralDb, spare: SpareServer): Promise<void> {
  const server = await registerEmbeddedServer(central, spare.embedded, { name: SPARE_SERVER });
  const others = { id: { not: server.id }, status: "ACTIVE" as const };
  const drained = await central.databaseServer.findMany({ where: others, select: { id: true } });
  await central.databaseServer.updateMany({ where: others, data: { status: "DRAINING" } });
  try {
    const owner = await central.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.clinicAdmin.email } });
    await new ClinicDatabaseService({ central }).provisionClinic({ ...SPARE_CLINIC, ownerId: owner.id });
  } finally {
    await central.databaseServer.updateMany({
      where: { id: { in: drained.map((row) => row.id) } },
      data: { status: "ACTIVE" },
    });
    await central.databaseServer.update({ where: { id: server.id }, data: { status: "DRAINING" } });
  }
}
