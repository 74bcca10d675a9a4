import type { Clinic, DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";

/** A clinic's time zone changes rarely: each is read from its database at most this often. */
const TIME_ZONE_TTL_MS = 6 * 3_600_000;

type ClinicWithServer = Pick<Clinic, "id" | "databaseName"> & { databaseServer: DatabaseServer | null };

/**
 * The time zone of each clinic (clinic_settings.timezone lives in the clinic's own database, not
 * in central), read once per clinic and kept for hours; a clinic that cannot be read now is left
 * out of this round and tried again at the next one.
 */
export class ClinicTimeZones {
  private readonly cache = new Map<string, { timeZone: string; readAt: number }>();

  async find(clinics: ClinicWithServer[], now = Date.now()): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const clinic of clinics) {
      const cached = this.cache.get(clinic.id);
      if (cached && now - cached.readAt < TIME_ZONE_TTL_MS) {
        found.set(clinic.id, cached.timeZone);
        continue;
      }
      if (!clinic.databaseServer) continue;
      const timeZone = await readClinicTimeZone(clinic.databaseServer, clinic.databaseName).catch(() => null);
      if (timeZone === null) continue;
      this.cache.set(clinic.id, { timeZone, readAt: now });
      found.set(clinic.id, timeZone);
    }
    return found;
  }
}

async function readClinicTimeZone(server: DatabaseServer, databaseName: string): Promise<string> {
  return withAdminClient(server, databaseName, async (client) => {
    const { rows } = await client.query<{ timezone: string }>(
      "SELECT timezone FROM clinic_settings WHERE id = 1",
    );
    return rows[0]?.timezone ?? "UTC";
  });
}
