import os from "node:os";
import type { Clinic, DatabaseServer } from "../../lib/generated/central/client";
import {
  provisionOn,
  type ReplicaServer,
  startReplicaServer,
  stopReplicaServer,
} from "../../lib/moves/move-fixture";
import { openClinicClient } from "../../lib/tenancy/clinic-client";
import { withAdminClient } from "../../lib/tenancy/clinic-schema";
import { quoteIdent } from "../../lib/tenancy/names";
import { createPlatformFixture, type PlatformFixture } from "../../lib/testing/platform-fixture";
import { machineLine, startBenchServer } from "./bench-server";
import { generatePracticeHistory, type PracticeVolume } from "./practice-data";

/** What bench:move and fault:move run on: a central database and two registered servers (wal_level=logical by default). */
export type MovePlatform = {
  platform: PlatformFixture;
  servers: [ReplicaServer, ReplicaServer];
  walLevel: string;
  /** The central database's server (DATABASE_URL's, or an embedded one), for the report. */
  centralKind: string;
};

/**
 * Runs `work` on a platform of its own whose clinics live on two embedded PostgreSQL servers, each
 * registered, with wal_level=logical (or `walLevel`: with replica every move is by backup and
 * restore); stops both servers, drops the platform and removes every temporary folder afterwards,
 * also when `work` throws or the script is interrupted (Ctrl-C).
 */
export async function withMovePlatform(
  options: { label: string; ports: [number, number]; walLevel?: string },
  work: (run: MovePlatform) => Promise<void>,
): Promise<void> {
  process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
  const walLevel = options.walLevel ?? "logical";
  const central = await startBenchServer();
  const started: ReplicaServer[] = [];
  let platform: PlatformFixture | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => {
    cleaning ??= (async () => {
      for (const replica of started)
        await stopReplicaServer(replica).catch((error) => console.error(`while stopping a server: ${error}`));
      await platform?.cleanup().catch((error) => console.error(`while dropping the platform: ${error}`));
      await central.stop().catch((error) => console.error(`while stopping PostgreSQL: ${error}`));
    })();
    return cleaning;
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    platform = await createPlatformFixture(central.adminUrl, { label: options.label });
    for (const [i, name] of ["east", "west"].entries())
      started.push(
        await startReplicaServer(platform, name, options.ports[i] ?? 57700, { wal_level: walLevel }),
      );
    await work({
      platform,
      servers: started as [ReplicaServer, ReplicaServer],
      walLevel,
      centralKind: central.kind,
    });
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await cleanup();
  }
}

/** The --patients, --appointments and --invoices options (parseArgs) of both scripts, with their defaults. */
export function volumeOptions(defaults: PracticeVolume) {
  const option = (value: number) => ({ type: "string" as const, default: String(value) });
  return {
    patients: option(defaults.patients),
    appointments: option(defaults.appointments),
    invoices: option(defaults.invoices),
  };
}

/** The volume those options ask for; a flag that is not a positive whole number is refused. */
export function readVolume(values: Record<string, string | boolean | undefined>): PracticeVolume {
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value === "string" && (!/^\d+$/.test(value) || Number(value) === 0))
      throw new Error(`--${flag} takes a positive whole number.`);
  }
  return {
    patients: Number(values.patients),
    appointments: Number(values.appointments),
    invoices: Number(values.invoices),
  };
}

/** The machine, the servers and the load average, in one line for a report. */
export function describeMoveSetup(run: MovePlatform): string {
  const [east, west] = run.servers;
  return `${machineLine()}; load average ${os.loadavg()[0]?.toFixed(1)}; central database on the ${run.centralKind}; clinics on two embedded PostgreSQL 15 servers with wal_level=${run.walLevel} (east :${east.embedded.port}, west :${west.embedded.port})`;
}

/** A clinic on the first server, filled with a practice's history (bench/lib/practice-data.ts) as its own role. */
export async function provisionFilledClinic(run: MovePlatform, subdomain: string, volume: PracticeVolume) {
  const clinic = await provisionOn(run.platform, run.servers[0].server, subdomain);
  const started = performance.now();
  const filler = await openClinicClient({ central: run.platform.central, subdomain });
  const counts = await generatePracticeHistory(filler.db, volume).finally(() => filler.close());
  const size = await withAdminClient(run.servers[0].server, clinic.databaseName, async (admin) => {
    await admin.query("VACUUM ANALYZE");
    const { rows } = await admin.query<{ size: string }>(
      "SELECT pg_database_size(current_database()) AS size",
    );
    return Number(rows[0]?.size);
  });
  const rows = Object.entries(counts).map(
    ([table, count]) => `${Number(count).toLocaleString("en")} ${table}`,
  );
  const filled = `${rows.join(", ")}; ${(size / 2 ** 20).toFixed(0)} MB on disk; filled in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  return { clinic, filled };
}

/** Where the clinic's central row says it lives, and the other server. */
export async function homeOf(run: MovePlatform, subdomain: string) {
  const clinic = await run.platform.central.clinic.findUniqueOrThrow({ where: { subdomain } });
  const [east, west] = run.servers;
  const home = clinic.databaseServerId === east.server.id ? east : west;
  return { clinic, home, other: home === east ? west : east };
}

/**
 * What an operator does with the database a move kept on its old server before moving the clinic
 * back there: drop it and take it off the kept list (the move refuses a target holding one).
 */
export async function removeKeptDatabase(
  run: MovePlatform,
  server: DatabaseServer,
  clinic: Pick<Clinic, "databaseName">,
): Promise<void> {
  await withAdminClient(server, "postgres", (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(clinic.databaseName)} WITH (FORCE)`),
  );
  await run.platform.central.keptDatabase.deleteMany({
    where: { serverId: server.id, databaseName: clinic.databaseName },
  });
}
