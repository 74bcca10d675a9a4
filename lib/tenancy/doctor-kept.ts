import { z } from "zod";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { KeptDatabase } from "../generated/central/client";

/** `<server>/<database>`: a server's name (database_servers.name) and a database on it. */
const keptTargetSchema = z
  .string()
  .trim()
  .regex(
    /^[^/\s]+\/[a-z_][a-z0-9_]{0,62}$/,
    "Give the database as <server>/<database>, e.g. default/clinic_old_db.",
  )
  .transform((value) => {
    const [server = "", database = ""] = value.split("/");
    return { server, database };
  });

const keepSchema = z.object({
  target: keptTargetSchema,
  reason: z.string().trim().min(1, 'Say why it is kept: --reason "..."').max(500),
  keptBy: z.string().trim().min(1).max(200),
});

/** Records a database that tenant:doctor must leave alone (again: the reason is updated). */
export async function keepDatabase(
  central: CentralDb,
  input: { target: string; reason: string; keptBy: string },
): Promise<KeptDatabase> {
  const { target, reason, keptBy } = keepSchema.parse(input);
  const server = await findServerByName(central, target.server);
  return central.keptDatabase.upsert({
    where: { serverId_databaseName: { serverId: server.id, databaseName: target.database } },
    create: { serverId: server.id, databaseName: target.database, reason, keptBy },
    update: { reason, keptBy, keptAt: new Date() },
  });
}

/** Takes a database off the kept list; false when it was not on it. */
export async function unkeepDatabase(central: CentralDb, input: { target: string }): Promise<boolean> {
  const target = keptTargetSchema.parse(input.target);
  const server = await findServerByName(central, target.server);
  const { count } = await central.keptDatabase.deleteMany({
    where: { serverId: server.id, databaseName: target.database },
  });
  return count > 0;
}

/** Kept databases, keyed by keptKey(serverId, databaseName). */
export async function findKeptDatabases(central: CentralDb): Promise<Map<string, KeptDatabase>> {
  const rows = await central.keptDatabase.findMany();
  return new Map(rows.map((row) => [keptKey(row.serverId, row.databaseName), row]));
}

export function keptKey(serverId: string, databaseName: string): string {
  return `${serverId}/${databaseName}`;
}

async function findServerByName(central: CentralDb, name: string) {
  const server = await central.databaseServer.findUnique({ where: { name } });
  if (!server) throw new AppError("NOT_FOUND", `No database server is named ${name}.`);
  return server;
}
