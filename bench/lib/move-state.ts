import { compareManifests, type Manifest } from "../../lib/backups/manifest";
import type { Clinic, DatabaseServer } from "../../lib/generated/central/client";
import { keptByMove } from "../../lib/moves/move-cutover";
import { leftoversOn } from "../../lib/moves/move-fixture";
import { findMoveOrphans } from "../../lib/moves/orphaned-objects";
import { withAdminClient } from "../../lib/tenancy/clinic-schema";
import { countPatientsAsClinic } from "../../lib/testing/restore-state";
import { homeOf, type MovePlatform } from "./move-platform";
import { manifestOfDatabase, withDatabaseOpened } from "./move-rows";

/** The databases named like the clinic's on a server, and whether each accepts connections. */
function databasesLike(server: DatabaseServer, clinic: Clinic) {
  return withAdminClient(server, "postgres", async (admin) => {
    const { rows } = await admin.query<{ name: string; open: boolean }>(
      "SELECT datname AS name, datallowconn AS open FROM pg_database WHERE left(datname, length($1)) = $1",
      [clinic.databaseName],
    );
    return rows;
  });
}

/** Whether the clinic's role can connect to its database on `server` and read it (the reason when not). */
const readsAsClinic = (clinic: Clinic, server: DatabaseServer) =>
  countPatientsAsClinic(clinic, server).then(
    () => null,
    (error: Error) => error.message,
  );

/**
 * What must hold once a killed move's job has ended, whichever moment it was killed at: the clinic
 * serves from exactly one database, on the server its central row names, open and read by its
 * role, with every row it had before the move; the other server's copy is gone (no move) or closed
 * and refused to the role (a move, also holding every row); kept_databases lists exactly that copy;
 * and no replication slot, subscription, publication or mover login is left on either server.
 */
export async function checkClinicAfterMove(options: {
  run: MovePlatform;
  subdomain: string;
  jobId: string;
  state: string;
  source: DatabaseServer;
  before: Manifest;
}) {
  const { run, jobId, source, before } = options;
  const problems: string[] = [];
  const { clinic, home, other } = await homeOf(run, options.subdomain);
  const moved = home.server.id !== source.id;
  if (moved !== (options.state === "SUCCEEDED"))
    problems.push(`the clinic is on ${home.server.name} although the job ${options.state.toLowerCase()}`);
  const here = await databasesLike(home.server, clinic);
  const there = await databasesLike(other.server, clinic);
  const strays = [...here, ...there].filter((db) => db.name !== clinic.databaseName);
  if (strays.length) problems.push(`left over: ${strays.map((db) => db.name).join(", ")}`);
  if (!here.some((db) => db.name === clinic.databaseName && db.open))
    problems.push(`its database on ${home.server.name} is missing or closed`);
  const cannotRead = await readsAsClinic(clinic, home.server);
  if (cannotRead) problems.push(`its role cannot read it: ${cannotRead}`);
  const rows = compareManifests(before, await manifestOfDatabase(home.server, clinic.databaseName));
  if (rows.length) problems.push(`rows: ${rows.join(", ")}`);

  const copy = there.find((db) => db.name === clinic.databaseName);
  if (copy && !moved) problems.push(`a database of the clinic's name on ${other.server.name}`);
  if (!copy && moved) problems.push(`the old database on ${other.server.name} is gone instead of kept`);
  if (copy?.open) problems.push(`the old copy on ${other.server.name} accepts connections`);
  if (copy && (await readsAsClinic(clinic, other.server)) === null)
    problems.push(`the clinic's role still reads the old copy on ${other.server.name}`);
  if (copy) {
    const old = compareManifests(before, await manifestOfDatabase(other.server, clinic.databaseName));
    if (old.length) problems.push(`old copy's rows: ${old.join(", ")}`);
  }

  const kept = await run.platform.central.keptDatabase.findMany({ where: { keptBy: keptByMove(jobId) } });
  const keptNames = kept.map(
    (row) => `${row.serverId === other.server.id ? other.server.name : "?"}/${row.databaseName}`,
  );
  const expected = moved ? [`${other.server.name}/${clinic.databaseName}`] : [];
  if (keptNames.join() !== expected.join())
    problems.push(`kept_databases: [${keptNames.join(", ")}] instead of [${expected.join(", ")}]`);
  problems.push(...(await replicationLeftovers(run, clinic, copy ? other.server : undefined)));
  return { moved, problems };
}

/**
 * Anything replication-related on either server: every slot (the per-table copy slots are not named
 * after the move), subscription and mover login, findMoveOrphans' list (publications in open
 * databases), and a publication in the closed old copy.
 */
async function replicationLeftovers(run: MovePlatform, clinic: Clinic, fenced?: DatabaseServer) {
  const found: string[] = [];
  for (const { server } of run.servers) {
    const left = await leftoversOn(server, clinic);
    const logins = left.roles.filter((role) => role.includes("clinic_move_"));
    for (const name of [...left.slots, ...left.subscriptions, ...logins])
      found.push(`${server.name}: ${name}`);
    const orphans = await findMoveOrphans({
      central: run.platform.central,
      server,
      publications: true,
      env: run.platform.env,
    });
    for (const orphan of orphans) found.push(`${server.name}: ${orphan.kind} ${orphan.name}`);
  }
  if (fenced) {
    const publications = await withDatabaseOpened(
      fenced,
      clinic.databaseName,
      async (client) =>
        (await client.query<{ name: string }>("SELECT pubname AS name FROM pg_publication")).rows,
    );
    for (const { name } of publications) found.push(`${fenced.name} (closed copy): publication ${name}`);
  }
  return found.length ? [`left behind: ${[...new Set(found)].join(", ")}`] : [];
}
