import type { DatabaseServer } from "../generated/central/client";
import { latestMigrationName, templateVersionComment } from "./clinic-schema";
import type { Finding } from "./doctor";
import type { Naming, ServerListing } from "./doctor-state";

/**
 * A server's template database when its comment says it is behind the newest tenant migration (or
 * says nothing we can read). A missing template is no problem: it is built on first use.
 */
export async function findOutdatedTemplate(
  server: DatabaseServer,
  listing: ServerListing,
  naming: Naming,
): Promise<Finding | null> {
  const template = listing.databases.find((database) => database.name === naming.template);
  if (!template) return null;
  const latest = await latestMigrationName();
  const version = /^tenant schema (.+)$/.exec(template.comment ?? "")?.[1];
  // Newer than this code's migrations: a newer release manages it.
  if (template.comment === templateVersionComment(latest) || (version && version > latest)) return null;
  return {
    kind: "outdated-template",
    server: server.name,
    object: template.name,
    what: version ? `at ${version}, behind ${latest}` : "its version is unknown (no readable comment)",
    fix: `--fix migrates it to ${latest}`,
    action: "update-template",
    problem: true,
    serverId: server.id,
  };
}
