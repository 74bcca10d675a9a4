import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import {
  provisionOn,
  type ReplicaServer,
  startReplicaServer,
  stopReplicaServer,
} from "../moves/move-fixture";
import { withAdminClient } from "../tenancy/clinic-schema";
import type { PlatformFixture } from "../testing/platform-fixture";
import type { PitrConfig } from "./pgbackrest";
import { archiveCommand, type PitrSetupResult, setUpPitr } from "./pitr-setup";
import { findRecoverableWindow } from "./recoverable-window";

/** A clinic on an embedded PostgreSQL that archives its WAL to a pgBackRest repository of its own. */
export type PitrFixture = {
  clinic: Clinic;
  /** The server's row once pitr:setup recorded its stanza. */
  server: DatabaseServer;
  config: PitrConfig;
  setup: PitrSetupResult;
  /** The pgBackRest repository (its archive folder holds the WAL archive_command pushes). */
  repoDir: string;
  stop(): Promise<void>;
};

/**
 * Starts the server (archiving from its start), provisions `subdomain` on it with `patients` seed
 * patients, sets it up for point-in-time restore (a first full backup) and waits until the
 * recoverable window has opened, so writes from here on can be restored to (the pitr tests, fault:pitr).
 */
export async function startPitrFixture(
  platform: PlatformFixture,
  options: { name: string; port: number; subdomain: string; patients: number },
): Promise<PitrFixture> {
  const repoDir = await mkdtemp(path.join(tmpdir(), "clinic-pitr-repo-"));
  // pgBackRest runs as the server's OS user when this is root: it must enter the repository.
  await chmod(repoDir, 0o755);
  const config = { stanza: options.name, configPath: path.join(repoDir, "pgbackrest.conf") };
  let replica: ReplicaServer | undefined;
  const stop = async () => {
    await stopReplicaServer(replica);
    await rm(repoDir, { recursive: true, force: true });
  };
  try {
    replica = await startReplicaServer(platform, options.name, options.port, {
      archive_mode: "on",
      archive_command: archiveCommand(config),
    });
    const clinic = await provisionOn(platform, replica.server, options.subdomain);
    await withAdminClient(replica.server, clinic.databaseName, (client) =>
      client.query(
        `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
         SELECT gen_random_uuid(), 'Pat ' || n, 'Seed', date '1980-01-01' + n, now() FROM generate_series(1, $1) AS n`,
        [options.patients],
      ),
    );
    const setup = await setUpPitr(platform.central, {
      server: replica.server,
      repoDir,
      ...config,
      env: platform.env,
    });
    const server = await platform.central.databaseServer.findUniqueOrThrow({
      where: { id: replica.server.id },
    });
    // Recovery can stop only after the backup's end: the writes that follow come after the window opens.
    const window = await findRecoverableWindow(server, platform.env);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, window.from.getTime() - Date.now() + 50)));
    return { clinic, server, config, setup, repoDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Adds a patient of last name Moment: the pitr tests write one before a moment and one after it. */
export function addMomentPatient(
  server: DatabaseServer,
  clinic: Pick<Clinic, "databaseName">,
  firstName: string,
) {
  return withAdminClient(server, clinic.databaseName, (client) =>
    client.query(
      "INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at) VALUES (gen_random_uuid(), $1, 'Moment', date '1980-01-01', now())",
      [firstName],
    ),
  );
}

/** The first names of the patients addMomentPatient wrote, in order. */
export function findMomentPatients(server: DatabaseServer, clinic: Pick<Clinic, "databaseName">) {
  return withAdminClient(server, clinic.databaseName, async (client) =>
    (
      await client.query<{ name: string }>(
        "SELECT first_name AS name FROM patients WHERE last_name = 'Moment' ORDER BY first_name",
      )
    ).rows.map((row) => row.name),
  );
}
