import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { DatabaseServerStatus } from "../generated/central/enums";
import { encryptSecret } from "../tenancy/secrets";
import { type ServerAddress, testServerConnection } from "./server-connection";

/** Every database server with how many clinics live on it; never its stored password. */
export async function findDatabaseServers(options: { central: CentralDb }) {
  const servers = await options.central.databaseServer.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      host: true,
      port: true,
      adminUser: true,
      capacity: true,
      status: true,
      isDefault: true,
      _count: { select: { clinics: { where: { status: { not: "DELETED" } } } } },
    },
  });
  return servers.map(({ _count, ...server }) => ({ ...server, clinics: _count.clinics }));
}

/**
 * Records a server where new clinics may live, after connecting to it as its admin: a server the
 * platform cannot reach (or may not create databases on) is refused and nothing is saved.
 */
export async function addDatabaseServer(
  options: { actor: Actor; central: CentralDb; name: string; capacity: number } & ServerAddress,
): Promise<{ id: string; version: string }> {
  const { central, name, host, port, adminUser, adminPassword, capacity } = options;
  if (await central.databaseServer.findUnique({ where: { name } })) {
    throw new AppError("CONFLICT", `There is already a server named ${name}.`, { name: "Already in use." });
  }
  const { version } = await testServerConnection({ host, port, adminUser, adminPassword });
  const server = await central.$transaction(async (tx) => {
    const created = await tx.databaseServer.create({
      data: {
        name,
        host,
        port,
        adminUser,
        adminPasswordEncrypted: adminPassword ? encryptSecret(adminPassword) : null,
        capacity,
      },
    });
    await recordCentralAudit(tx, {
      actor: options.actor,
      action: "database-server.added",
      target: { type: "database-server", id: created.id },
      details: { name, host, port, adminUser, capacity },
    });
    return created;
  });
  return { id: server.id, version };
}

/** Capacity and status: DRAINING takes no new clinics, OFFLINE is skipped by rollouts too. */
export async function updateDatabaseServer(options: {
  actor: Actor;
  central: CentralDb;
  serverId: string;
  capacity: number;
  status: DatabaseServerStatus;
}): Promise<void> {
  const { central, serverId, capacity, status } = options;
  const server = await central.databaseServer.findUnique({ where: { id: serverId } });
  if (!server) throw new AppError("NOT_FOUND", "There is no such database server.");
  await central.$transaction(async (tx) => {
    await tx.databaseServer.update({ where: { id: serverId }, data: { capacity, status } });
    await recordCentralAudit(tx, {
      actor: options.actor,
      action: "database-server.updated",
      target: { type: "database-server", id: serverId },
      details: {
        name: server.name,
        capacityBefore: server.capacity,
        capacity,
        statusBefore: server.status,
        status,
      },
    });
  });
}
