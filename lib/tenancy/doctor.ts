import type { CentralDb } from "../db/central";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "./clinic-schema";
import { keptKey } from "./doctor-kept";
import { diagnoseClinicRows } from "./doctor-rows";
import {
  type CentralState,
  type DoctorClinic,
  listServerObjects,
  loadCentralState,
  type Naming,
  platformNaming,
  type ServerListing,
  type ServerObject,
  splitPendingName,
} from "./doctor-state";
import { findOutdatedTemplate } from "./doctor-template";
import { parseMarker } from "./server-objects";

export type FindingKind =
  | "missing-database"
  | "missing-role"
  | "stalled-clinic"
  | "orphan-database"
  | "orphan-role"
  | "pending-database"
  | "other-clinic"
  | "outdated-template"
  | "not-ours"
  | "kept"
  | "unreachable-server";

/** What repair() does about a finding; "none": it only reports (a person decides). */
export type FindingAction = "drop-database" | "drop-role" | "update-template" | "none";

export type Finding = {
  kind: FindingKind;
  /** The server's name (database_servers.name), "-" when a clinic has none. */
  server: string;
  /** The database or role, or the clinic's subdomain for a finding about a clinic row. */
  object: string;
  /** The clinic it concerns: its subdomain, or the id in a marker whose clinic has no row. */
  clinic?: string;
  what: string;
  /** What --fix does, or what to do by hand. */
  fix: string;
  action: FindingAction;
  /** False for what is listed only for the record (kept databases). */
  problem: boolean;
  /** For repair(): which server and clinic to lock and check again before acting. */
  serverId?: string;
  clinicId?: string;
};

export type DiagnoseOptions = { env?: NodeJS.ProcessEnv };

/**
 * Compares the central database with every database server: clinics whose database or role is
 * gone, objects this platform instance made for no live clinic, leftovers of set-up attempts,
 * outdated templates, and objects named like ours that are not (reported, never touched).
 */
export async function diagnose(central: CentralDb, options: DiagnoseOptions = {}): Promise<Finding[]> {
  const naming = platformNaming(options.env);
  const state = await loadCentralState(central);
  const findings: Finding[] = [];
  const listings = new Map<string, ServerListing>();
  for (const server of state.servers) {
    try {
      const listing = await withAdminClient(server, "postgres", (admin) => listServerObjects(admin, naming));
      listings.set(server.id, listing);
      findings.push(...diagnoseServer(server, listing, state, naming));
      const template = await findOutdatedTemplate(server, listing, naming);
      if (template) findings.push(template);
    } catch (error) {
      findings.push(unreachable(server, error));
    }
  }
  findings.push(...diagnoseClinicRows(state, listings));
  return findings;
}

function diagnoseServer(
  server: DatabaseServer,
  listing: ServerListing,
  state: CentralState,
  naming: Naming,
): Finding[] {
  const databases = listing.databases
    .filter((database) => database.name !== naming.template)
    .map((database) => classifyDatabase(server, database, state));
  const roles = listing.roles.map((role) => classifyRole(server, role, state));
  return [...databases, ...roles].filter((finding): finding is Finding => finding !== null);
}

const isLive = (clinic: DoctorClinic | undefined) =>
  clinic !== undefined && clinic.status !== "DELETED" && clinic.status !== "FAILED";

/** One database named like ours: whose it is, and whether anything is wrong with it. */
export function classifyDatabase(
  server: DatabaseServer,
  database: ServerObject,
  state: CentralState,
): Finding | null {
  const base = { server: server.name, object: database.name, serverId: server.id };
  const kept = state.kept.get(keptKey(server.id, database.name));
  if (kept) return keptFinding(base, kept);
  const { databaseName, attempt } = splitPendingName(database.name);
  const owner = ownerOf(database.comment, state.clinicsByDatabase.get(databaseName), state);
  if (owner.kind !== "ours") return owner.finding(base);
  const { clinic, named } = owner;
  if (state.busy.has(owner.clinicId) || (named && state.busy.has(named.id))) return null;
  const clinicName = clinic?.subdomain ?? owner.clinicId;
  if (attempt !== undefined) {
    return {
      ...base,
      kind: "pending-database",
      clinic: clinicName,
      clinicId: owner.clinicId,
      what: `left by set-up attempt ${attempt}, which is no longer running`,
      fix: "--fix drops it",
      action: "drop-database",
      problem: true,
    };
  }
  return classifyClinicObject({ ...base, kind: "database" }, owner);
}

/** One role named like ours; kept with its clinic's database when that is kept. */
export function classifyRole(
  server: DatabaseServer,
  role: ServerObject,
  state: CentralState,
): Finding | null {
  const base = { server: server.name, object: role.name, serverId: server.id };
  const named = state.clinicsByRole.get(role.name);
  const owner = ownerOf(role.comment, named, state);
  if (owner.kind !== "ours") return owner.finding(base);
  if (state.busy.has(owner.clinicId) || (named && state.busy.has(named.id))) return null;
  const databaseName = owner.clinic?.databaseName ?? role.name.replace(/_role$/, "_db");
  const kept = state.kept.get(keptKey(server.id, databaseName));
  if (kept) return keptFinding(base, kept, ` with its database ${databaseName}`);
  return classifyClinicObject({ ...base, kind: "role" }, owner);
}

type Ownership =
  | { kind: "ours"; clinicId: string; clinic?: DoctorClinic; named?: DoctorClinic }
  | { kind: "foreign"; finding: (base: FindingBase) => Finding };
type FindingBase = { server: string; object: string; serverId: string };

/**
 * Whose an object is: its marker says so; an unmarked one is the clinic whose row carries its
 * name (clinics made before markers existed); anything else is not ours.
 */
function ownerOf(comment: string | null, named: DoctorClinic | undefined, state: CentralState): Ownership {
  const marker = parseMarker(comment);
  if (marker && marker.instanceId !== state.instanceId) {
    return notOurs(`marked by another platform instance (${marker.instanceId})`);
  }
  if (marker) {
    return { kind: "ours", clinicId: marker.clinicId, clinic: state.clinicsById.get(marker.clinicId), named };
  }
  if (named && isLive(named)) return { kind: "ours", clinicId: named.id, clinic: named, named };
  const why = named
    ? `its clinic ${named.subdomain} is ${named.status.toLowerCase()}`
    : "no clinic has this name";
  return notOurs(`unmarked (not made by this platform's provisioning, or made before markers), and ${why}`);
}

function notOurs(what: string): Ownership {
  return {
    kind: "foreign",
    finding: (base) => ({
      ...base,
      kind: "not-ours",
      what,
      fix: 'left alone: not ours. Drop it by hand, or keep it: --keep <server>/<database> --reason "..."',
      action: "none",
      problem: true,
    }),
  };
}

/** A final database or a role of this instance: healthy, another clinic's, or an orphan. */
function classifyClinicObject(
  base: FindingBase & { kind: "database" | "role" },
  owner: Extract<Ownership, { kind: "ours" }>,
): Finding | null {
  const { clinic, named } = owner;
  const { kind, ...where } = base;
  const nameIsLive = isLive(named);
  if (named && nameIsLive && named.id === owner.clinicId) {
    if (named.databaseServerId === base.serverId) return null;
    return otherClinic(where, named.subdomain, `${named.subdomain}'s ${kind} is recorded on another server`);
  }
  if (named && nameIsLive) {
    return otherClinic(
      where,
      clinic?.subdomain ?? owner.clinicId,
      `its marker names another clinic than ${named.subdomain}, whose name it has`,
    );
  }
  if (clinic && isLive(clinic)) {
    const own = kind === "database" ? clinic.databaseName : clinic.roleName;
    return otherClinic(
      where,
      clinic.subdomain,
      `marked for clinic ${clinic.subdomain}, whose ${kind} is ${own}`,
    );
  }
  const state = clinic ? `${clinic.subdomain} is ${clinic.status.toLowerCase()}` : "has no row";
  return {
    ...where,
    kind: kind === "database" ? "orphan-database" : "orphan-role",
    clinic: clinic?.subdomain ?? owner.clinicId,
    clinicId: owner.clinicId,
    what: `made by this platform for a clinic that ${state}`,
    fix: "--fix drops it (ending its sessions)",
    action: kind === "database" ? "drop-database" : "drop-role",
    problem: true,
  };
}

function otherClinic(where: FindingBase, clinic: string, what: string): Finding {
  return {
    ...where,
    kind: "other-clinic",
    clinic,
    what,
    fix: "reported only: check which clinic it belongs to before changing anything",
    action: "none",
    problem: true,
  };
}

function keptFinding(
  base: FindingBase,
  kept: { reason: string; keptBy: string; keptAt: Date },
  suffix = "",
): Finding {
  return {
    ...base,
    kind: "kept",
    what: `kept aside${suffix} by ${kept.keptBy} on ${kept.keptAt.toISOString().slice(0, 10)}: ${kept.reason}`,
    fix: "left alone (--unkeep <server>/<database> to let the doctor look at it again)",
    action: "none",
    problem: false,
  };
}

function unreachable(server: DatabaseServer, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: "unreachable-server",
    server: server.name,
    object: `${server.host}:${server.port}`,
    what: `could not be checked: ${reason}`,
    fix: "not changed: check the server, then run the doctor again",
    action: "none",
    problem: true,
    serverId: server.id,
  };
}
