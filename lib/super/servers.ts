import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { DatabaseServerStatus } from "../generated/central/enums";
import { encryptSecret } from "../tenancy/secrets";
import { countConnectionTest } from "./connection-test-limit";
import { type ServerAddress, testServerConnection } from "./server-connection";
import { formatServerHost, isServerHostAllowed } from "./server-hosts";
import { testPoolerAddress } from "./server-pooler";

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
      poolerHost: true,
      poolerPort: true,
      _count: { select: { clinics: { where: { status: { not: "DELETED" } } } } },
    },
  });
  return servers.map(({ _count, ...server }) => ({ ...server, clinics: _count.clinics }));
}

/**
 * Records a server where new clinics may live, after connecting to it as its admin: a server the
 * platform cannot reach (or may not create databases on) is refused and nothing is saved. Only
 * hosts the operator allows are tried, a few times per admin, each attempt audited first.
 */
export async function addDatabaseServer(
  options: { actor: Actor; central: CentralDb; name: string; capacity: number } & ServerAddress,
): Promise<{ id: string; version: string }> {
  const { central, name, host, port, adminUser, adminPassword, capacity } = options;
  if (await central.databaseServer.findUnique({ where: { name } })) {
    throw new AppError("CONFLICT", `There is already a server named ${name}.`, { name: "Already in use." });
  }
  await recordConnectionAttempt(options);
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

/**
 * Counts and audits one connection test before it is made (the attempt is the event: a probe of
 * an address), then refuses a host:port the operator did not list, connecting nowhere.
 */
async function recordConnectionAttempt(
  options: { actor: Actor; central: CentralDb; name: string } & Omit<ServerAddress, "adminPassword">,
  field: "host" | "poolerHost" = "host",
): Promise<void> {
  const { actor, central, name, host, port, adminUser } = options;
  const allowed = isServerHostAllowed({ host, port });
  const where = formatServerHost({ host, port });
  await central.$transaction(async (tx) => {
    await countConnectionTest(tx, actor.id);
    await recordCentralAudit(tx, {
      actor,
      action: allowed ? "database-server.connection-tested" : "database-server.connection-refused",
      target: { type: "database-server", id: where },
      details: { name, host, port, adminUser },
    });
  });
  if (!allowed) {
    throw new AppError(
      "INVALID",
      `The platform connects only to the database servers its operator lists in DATABASE_SERVER_HOSTS, and ${where} is not one of them. Ask whoever runs the platform to add it there (comma-separated host:port) and restart it. Nothing was saved.`,
      { [field]: "Not in DATABASE_SERVER_HOSTS." },
    );
  }
}

/**
 * Capacity, status (DRAINING takes no new clinics, OFFLINE is skipped by rollouts too) and the
 * PgBouncer clinic requests go through. A new pooler address is allowed and tested like a server's
 * own address, through one of the server's clinics, before anything is saved.
 */
export async function updateDatabaseServer(options: {
  actor: Actor;
  central: CentralDb;
  serverId: string;
  capacity: number;
  status: DatabaseServerStatus;
  poolerHost: string;
  poolerPort: number;
}): Promise<void> {
  const { central, serverId, capacity, status } = options;
  const server = await central.databaseServer.findUnique({ where: { id: serverId } });
  if (!server) throw new AppError("NOT_FOUND", "There is no such database server.");
  const pooler = options.poolerHost ? { host: options.poolerHost, port: options.poolerPort } : null;
  if (pooler && (pooler.host !== server.poolerHost || pooler.port !== server.poolerPort)) {
    await recordConnectionAttempt(
      { actor: options.actor, central, name: server.name, ...pooler, adminUser: "(a clinic's role)" },
      "poolerHost",
    );
    await testPoolerAddress({ central, server, pooler });
  }
  await central.$transaction(async (tx) => {
    await tx.databaseServer.update({
      where: { id: serverId },
      data: { capacity, status, poolerHost: pooler?.host ?? null, poolerPort: pooler?.port ?? null },
    });
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
        poolerBefore: server.poolerHost
          ? formatServerHost({ host: server.poolerHost, port: server.poolerPort ?? 0 })
          : null,
        pooler: pooler ? formatServerHost(pooler) : null,
      },
    });
  });
}
