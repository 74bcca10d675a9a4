import type { ActionRequest } from "../action-pipeline/request";
import type { ActionResult, ServerAction } from "../action-pipeline/result";
import { callAction } from "../action-pipeline/testing";
import { hashPassword } from "../auth/password";
import type { StaffRole } from "../generated/tenant/enums";
import { type ClinicClient, openClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import type { TenantDb } from "../tenancy/registry";
import { STAFF_ROLES } from "../validations/staff";
import { createProcessPlatform, type TestPlatform } from "./platform";
import { clinicRequestFor } from "./requests";

export type TestMember = { id: string; email: string; name: string; role: StaffRole };

export const MEMBER_PASSWORD = "a-member-password";

export type TestClinic = {
  subdomain: string;
  /** The clinic's own database, as its own role, for setting up and checking rows. */
  db: TenantDb;
};

export type ClinicFixture = TestClinic & {
  platform: TestPlatform;
  /** One active member per role (besides the owner the clinic was provisioned with). */
  members: Record<StaffRole, TestMember>;
  addMember(role: StaffRole, name?: string): Promise<TestMember>;
  /** A real signed-in session of the member on the clinic's host (one per member, made on first use). */
  requestAs(who: StaffRole | TestMember): Promise<ActionRequest>;
  /** Calls a server action through its whole pipeline as the member, from the clinic's host. */
  callAs<R>(who: StaffRole | TestMember, action: ServerAction<R>, input: unknown): Promise<ActionResult<R>>;
  /** Another clinic on the same platform and server: its ids must mean nothing to this one. */
  addClinic(subdomain: string): Promise<TestClinic>;
  cleanup(): Promise<void>;
};

/**
 * A platform of this test file's own with one real, provisioned clinic and a member of every role.
 * The process's DATABASE_URL and TENANT_NAME_PREFIX point at this platform, so server actions (which
 * find the central database and the clinic's client themselves) reach it. One per test file.
 */
export async function createClinicFixture(options: {
  subdomain: string;
  name?: string;
  timezone?: string;
}): Promise<ClinicFixture> {
  const platform = await createProcessPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const opened: ClinicClient[] = [];
  const addClinic = async (subdomain: string, extra: { name?: string; timezone?: string } = {}) => {
    await service.provisionClinic({
      name: extra.name ?? `${subdomain} clinic`,
      subdomain,
      ownerId: platform.owner.id,
      ...(extra.timezone ? { timezone: extra.timezone } : {}),
    });
    const client = await openClinicClient({ central: platform.central, subdomain });
    opened.push(client);
    return { subdomain, db: client.db };
  };
  const { subdomain, db } = await addClinic(options.subdomain, options);
  const passwordHash = await hashPassword(MEMBER_PASSWORD);
  let count = 0;
  const addMember = async (role: StaffRole, name?: string): Promise<TestMember> => {
    count += 1;
    return db.staffUser.create({
      data: {
        email: `${role.toLowerCase()}-${count}@${subdomain}.test`,
        name: name ?? `${role[0]}${role.slice(1).toLowerCase()} ${count}`,
        role,
        passwordHash,
      },
      select: { id: true, email: true, name: true, role: true },
    });
  };
  const members = {} as Record<StaffRole, TestMember>;
  for (const role of STAFF_ROLES) members[role] = await addMember(role);
  const requests = new Map<string, Promise<ActionRequest>>();
  const requestAs = (who: StaffRole | TestMember) => {
    const member = typeof who === "string" ? members[who] : who;
    let request = requests.get(member.id);
    if (!request) {
      request = clinicRequestFor(subdomain, db, member.id);
      requests.set(member.id, request);
    }
    return request;
  };
  return {
    platform,
    subdomain,
    db,
    members,
    addMember,
    requestAs,
    callAs: async (who, action, input) => callAction(action, input, await requestAs(who)),
    addClinic,
    cleanup: async () => {
      await Promise.all(opened.map((client) => client.close()));
      await platform.cleanup();
    },
  };
}
