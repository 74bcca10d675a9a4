import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { withCentralDb } from "./central-db";
import type { Credentials } from "./sign-in";

/**
 * A platform account of the calling test's own, for a test that ends its sessions (signs it out,
 * changes its password), which must never end the demo accounts' saved sessions.
 */
export async function createPlatformAccount(options: {
  role: "SUPER_ADMIN" | "CLINIC_ADMIN";
  name: string;
  /** A clinic it co-administers, as the demo clinic admin administers the demo clinics. */
  coAdminOf?: string;
}): Promise<Credentials> {
  const handle = options.name.toLowerCase().replaceAll(" ", ".");
  const email = `${handle}.${randomBytes(3).toString("hex")}@clinics.test`;
  const password = randomBytes(12).toString("base64url");
  await withCentralDb(async (central) => {
    const user = await central.user.create({
      data: { email, name: options.name, role: options.role, passwordHash: await hashPassword(password) },
    });
    if (!options.coAdminOf) return;
    const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain: options.coAdminOf } });
    await central.clinicCoAdmin.create({ data: { clinicId: clinic.id, userId: user.id } });
  });
  return { email, password };
}
