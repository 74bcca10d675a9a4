import type { StaffRole } from "@/lib/generated/tenant/enums";
import { openClinicClient } from "@/lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import type { TenantDb } from "@/lib/tenancy/registry";
import type { ClinicAction } from "../clinic-action";
import {
  createStaffTestClinic,
  type StaffTestClinic,
  sessionOf,
  TEST_CLIENT,
  type TestMember,
} from "../staff/staff-test-clinic";

export type FrontDeskTestClinic = StaffTestClinic & {
  /** A second clinic on the same platform: its ids must mean nothing to the first. */
  otherDb: TenantDb;
  /** Calls a prepared action as a member of `role` (or as `member`) on the first clinic's host. */
  callAs<R>(
    who: StaffRole | TestMember,
    action: ClinicAction<R>,
    input: unknown,
  ): ReturnType<ClinicAction<R>>;
  auditCount(): Promise<number>;
};

/** The staff test clinic (a member per role) plus a second clinic beside it. */
export async function createFrontDeskTestClinic(subdomain: string): Promise<FrontDeskTestClinic> {
  const clinic = await createStaffTestClinic(subdomain);
  const { platform } = clinic;
  const otherSubdomain = `${subdomain}-other`;
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Other Clinic",
    subdomain: otherSubdomain,
    ownerId: platform.owner.id,
  });
  const other = await openClinicClient({ central: platform.central, subdomain: otherSubdomain });
  const otherDb = other.db;
  return {
    ...clinic,
    otherDb,
    callAs: (who, action, input) => {
      const member = typeof who === "string" ? clinic.members[who] : who;
      return action(input, { session: sessionOf(subdomain, member), db: clinic.db, client: TEST_CLIENT });
    },
    auditCount: () => clinic.db.auditEvent.count(),
    cleanup: async () => {
      await other.close();
      await clinic.cleanup();
    },
  };
}

export const FORBIDDEN = {
  ok: false,
  error: { code: "FORBIDDEN", message: "Your role does not allow this." },
};

export { TEST_CLIENT };
