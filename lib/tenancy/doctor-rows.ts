import type { Finding } from "./doctor";
import type { CentralState, ServerListing, ServerObject } from "./doctor-state";

/** Clinics whose database or role is gone, and set-ups or deletions that stopped with no job. */
export function diagnoseClinicRows(state: CentralState, listings: Map<string, ServerListing>): Finding[] {
  const findings: Finding[] = [];
  const serverNames = new Map(state.servers.map((server) => [server.id, server.name]));
  for (const clinic of state.clinicsById.values()) {
    if (state.busy.has(clinic.id)) continue;
    const server = clinic.databaseServerId ? (serverNames.get(clinic.databaseServerId) ?? "-") : "-";
    const base = {
      server,
      object: clinic.subdomain,
      clinic: clinic.subdomain,
      clinicId: clinic.id,
      action: "none" as const,
      problem: true,
    };
    if (clinic.status === "PROVISIONING" || clinic.status === "DELETING") {
      const again =
        clinic.status === "PROVISIONING"
          ? "set it up again (same details) from the admin console or npm run tenant:provision"
          : "delete it again from the admin console";
      findings.push({
        ...base,
        kind: "stalled-clinic",
        what: `${clinic.status.toLowerCase()} with no job working on it`,
        fix: `not changed: ${again}`,
      });
      continue;
    }
    if (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED") continue;
    const listing = clinic.databaseServerId ? listings.get(clinic.databaseServerId) : undefined;
    if (clinic.databaseServerId && !listing) continue; // its server is unreachable: reported as such
    const has = (objects: ServerObject[] | undefined, name: string) =>
      objects?.some((object) => object.name === name) ?? false;
    const status = clinic.status.toLowerCase();
    const restore =
      "not changed (the doctor never deletes a clinic row): restore it from a backup, or delete the clinic from the admin console";
    if (!has(listing?.databases, clinic.databaseName))
      findings.push({
        ...base,
        kind: "missing-database",
        what: `${status}, but its database ${clinic.databaseName} is not on the server`,
        fix: restore,
      });
    if (!has(listing?.roles, clinic.roleName))
      findings.push({
        ...base,
        kind: "missing-role",
        what: `${status}, but its role ${clinic.roleName} is not on the server`,
        fix: restore,
      });
  }
  return findings;
}
