import { usualDateOrderOf } from "../clinic/clock-input";
import type { Clinic, DatabaseServer, User } from "../generated/central/client";
import { withClinicClient } from "./clinic-client";
import type { ProvisionClinicRequest } from "./provision-input";

/**
 * Staff accounts of clinic admins carry no password: they sign in through a one-time ticket from
 * the admin console. No hash verifies against this value.
 */
export const TICKET_ONLY_PASSWORD_HASH = "!ticket-only";

/**
 * A new clinic's first rows, written as the clinic's own role (which also proves the role can
 * reach its database): the settings, the main location, and the owner's staff account.
 */
export async function seedClinicDatabase(options: {
  clinic: Clinic;
  server: DatabaseServer;
  owner: Pick<User, "email" | "name">;
  request: Pick<ProvisionClinicRequest, "name" | "locationName" | "timezone" | "currency">;
}): Promise<void> {
  const { clinic, server, owner, request } = options;
  await withClinicClient(clinic, server, async (db) => {
    await db.$transaction([
      db.clinicSetting.create({
        data: {
          name: request.name,
          timezone: request.timezone,
          currency: request.currency,
          dateOrder: usualDateOrderOf(request.timezone),
        },
      }),
      db.location.create({ data: { name: request.locationName, isMain: true } }),
      db.staffUser.create({
        data: {
          email: owner.email,
          name: owner.name,
          role: "OWNER",
          passwordHash: TICKET_ONLY_PASSWORD_HASH,
        },
      }),
    ]);
  });
}
