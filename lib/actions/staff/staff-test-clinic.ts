import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { AppSession } from "@/lib/auth/session";
import { getCentralDb } from "@/lib/db/central";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { openClinicClient } from "@/lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { type TenantDb, TenantRegistry } from "@/lib/tenancy/registry";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import { STAFF_ROLES } from "@/lib/validations/staff";
import type { ActionClient } from "../define-action";

export type TestMember = { id: string; email: string; name: string; role: StaffRole };

export type StaffTestClinic = {
  platform: TestPlatform;
  subdomain: string;
  /** The clinic's own database, reached as its own role through a registry like the app's. */
  db: TenantDb;
  /** One active member per role (besides the clinic admin the clinic was provisioned with). */
  members: Record<StaffRole, TestMember>;
  addMember(role: StaffRole): Promise<TestMember>;
  cleanup(): Promise<void>;
};

/** Where test actions come from, as the action context's `client` carries it. */
export const TEST_CLIENT: ActionClient = { ip: "203.0.113.7", userAgent: "vitest staff tests" };

/** The session a signed-in member's request would carry into an action. */
export function sessionOf(subdomain: string, member: TestMember): AppSession {
  return {
    realm: { kind: "clinic", subdomain },
    sessionId: randomUUID(),
    user: { id: member.id, email: member.email, name: member.name, role: member.role },
    mustChangePassword: false,
  };
}

/**
 * A test platform with one real clinic and a member of every role. The central database is made
 * this process's DATABASE_URL, so actions that write the central `clinics` row reach this
 * platform's (getCentralDb reads it on first use).
 */
export async function createStaffTestClinic(subdomain: string): Promise<StaffTestClinic> {
  const platform = await createTestPlatform();
  process.env.DATABASE_URL = platform.centralUrl;
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  await service.provisionClinic({ name: "Birch Clinic", subdomain, ownerId: platform.owner.id });
  const registry = new TenantRegistry({ central: platform.central, budget: 2, poolMax: 2 });
  const clinicClient = await openClinicClient({ central: platform.central, subdomain });
  const { db } = clinicClient;
  const passwordHash = await hashPassword("a-member-password");
  let count = 0;
  const addMember = async (role: StaffRole): Promise<TestMember> => {
    count += 1;
    return db.staffUser.create({
      data: {
        email: `${role.toLowerCase()}-${count}@${subdomain}.test`,
        name: `${role[0]}${role.slice(1).toLowerCase()} ${count}`,
        role,
        passwordHash,
      },
      select: { id: true, email: true, name: true, role: true },
    });
  };
  const members = {} as Record<StaffRole, TestMember>;
  for (const role of STAFF_ROLES) members[role] = await addMember(role);
  return {
    platform,
    subdomain,
    db,
    members,
    addMember,
    cleanup: async () => {
      await registry.close();
      await clinicClient.close();
      await getCentralDb().$disconnect();
      await platform.cleanup();
    },
  };
}
