import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { DatabaseServerStatus } from "../generated/central/enums";
import { decryptSecret, encryptSecret } from "../tenancy/secrets";
import { countConnectionTest } from "./connection-test-limit";
import { type ServerAddress, testServerConnection } from "./server-connection";
import { formatServerHost, isServerHostAllowed } from "./server-hosts";
import { testPoolerAddress, testPoolerConsole } from "./server-pooler";

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
      poolerAdminUser: true,
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
  field: "host" | "poolerHost" | "poolerAdminUser" = "host",
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
 * Capacity, status (DRAINING takes no new clinics, OFFLINE is skipped by rollouts too), the
 * PgBouncer clinic requests go through and a user of its admin console (restores PAUSE the clinic's
 * database there). A new pooler address is allowed and tested like a server's own address, through
 * one of the server's clinics, and a new console user is tried on the console, before anything is
 * saved. The console password is stored encrypted and never shown or audited.
 */
export async function updateDatabaseServer(options: {
  actor: Actor;
  central: CentralDb;
  serverId: string;
  capacity: number;
  status: DatabaseServerStatus;
  poolerHost: string;
  poolerPort: number;
  poolerAdminUser?: string;
  poolerAdminPassword?: string;
}): Promise<void> {
  const { central, serverId, capacity, status } = options;
  const server = await central.databaseServer.findUnique({ where: { id: serverId } });
  if (!server) throw new AppError("NOT_FOUND", "There is no such database server.");
  const pooler = options.poolerHost ? { host: options.poolerHost, port: options.poolerPort } : null;
  const poolerChanged = pooler && (pooler.host !== server.poolerHost || pooler.port !== server.poolerPort);
  if (pooler && poolerChanged) {
    await recordConnectionAttempt(
      { actor: options.actor, central, name: server.name, ...pooler, adminUser: "(a clinic's role)" },
      "poolerHost",
    );
    await testPoolerAddress({ central, server, pooler });
  }
  const poolerConsole = pooler ? poolerConsoleOf(server, options) : null;
  if (pooler && poolerConsole && (poolerChanged || poolerConsole.changed)) {
    // A probe like any other (counted, audited, only to listed hosts), unless the new address's was just made.
    if (!poolerChanged)
      await recordConnectionAttempt(
        { actor: options.actor, central, name: server.name, ...pooler, adminUser: poolerConsole.user },
        "poolerAdminUser",
      );
    await testPoolerConsole({ ...pooler, user: poolerConsole.user, password: poolerConsole.password });
  }
  await central.$transaction(async (tx) => {
    await tx.databaseServer.update({
      where: { id: serverId },
      data: {
        capacity,
        status,
        poolerHost: pooler?.host ?? null,
        poolerPort: pooler?.port ?? null,
        poolerAdminUser: poolerConsole?.user ?? null,
        poolerAdminPasswordEncrypted: poolerConsole ? encryptSecret(poolerConsole.password) : null,
      },
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
        poolerConsoleUserBefore: server.poolerAdminUser,
        poolerConsoleUser: poolerConsole?.user ?? null,
        poolerConsolePasswordChanged: Boolean(options.poolerAdminPassword),
      },
    });
  });
}

/**
 * The console user and password to save: none without a user; an empty password keeps the one
 * saved for the same user; a new user needs its password.
 */
function poolerConsoleOf(
  server: { poolerAdminUser: string | null; poolerAdminPasswordEncrypted: string | null },
  input: { poolerAdminUser?: string; poolerAdminPassword?: string },
): { user: string; password: string; changed: boolean } | null {
  const user = input.poolerAdminUser ?? "";
  if (!user) return null;
  if (input.poolerAdminPassword) return { user, password: input.poolerAdminPassword, changed: true };
  if (user === server.poolerAdminUser && server.poolerAdminPasswordEncrypted) {
    return { user, password: decryptSecret(server.poolerAdminPasswordEncrypted), changed: false };
  }
  const message = "Enter the password of this console user.";
  throw new AppError("INVALID", message, { poolerAdminPassword: message });
}
