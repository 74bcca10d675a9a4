import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DefinedAction, definedActionOf } from "@/lib/action-pipeline/pipeline";
import type { ActionResult, ServerAction } from "@/lib/action-pipeline/result";
import {
  CLINIC_PERMISSIONS,
  type ClinicPermission,
  PLATFORM_PERMISSIONS,
  type PlatformPermission,
} from "@/lib/auth/permissions";
import { settleBackgroundWork } from "@/lib/background-work";
import type { User, UserRole } from "@/lib/generated/central/client";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { ACTION_SAMPLES, rowsOf, type SampleWorld } from "@/lib/testing/action-samples";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { failAuditWrites, fingerprintDatabase } from "@/lib/testing/database-fingerprint";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { AREA_FOREIGN_IDS } from "@/lib/testing/samples/areas";
import { STAFF_ROLES } from "@/lib/validations/staff";

// Every file under lib/actions, loaded the way Next loads them: each export is a public endpoint.
const ACTIONS_DIR = import.meta.dirname;
const files = readdirSync(ACTIONS_DIR, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => file.replace(/\.ts$/, ""))
  .sort();
type Entry = { file: string; name: string; action: unknown; defined: DefinedAction | undefined };
const entries: Entry[] = [];
for (const file of files) {
  const exported = (await import(path.join(ACTIONS_DIR, `${file}.ts`))) as Record<string, unknown>;
  for (const [name, action] of Object.entries(exported))
    entries.push({ file, name, action, defined: definedActionOf(action) });
}
const defined = entries.flatMap((entry) => (entry.defined ? [{ ...entry, defined: entry.defined }] : []));
const clinicActions = defined.filter((entry) => entry.defined.kind === "clinic");
const platformActions = defined.filter((entry) => entry.defined.kind === "platform");

const PLATFORM_ROLES: UserRole[] = ["SUPER_ADMIN", "CLINIC_ADMIN"];
const staffWith = (permission: string) =>
  STAFF_ROLES.filter((role) =>
    (CLINIC_PERMISSIONS[permission as ClinicPermission] as readonly string[]).includes(role),
  );
const platformWith = (permission: string) =>
  PLATFORM_ROLES.filter((role) =>
    (PLATFORM_PERMISSIONS[permission as PlatformPermission] as readonly string[]).includes(role),
  );
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("the files under lib/actions", () => {
  it.each(files)('%s starts with "use server" and exports only actions the pipeline built', (file) => {
    expect(readFileSync(path.join(ACTIONS_DIR, `${file}.ts`), "utf8").startsWith('"use server";\n')).toBe(
      true,
    );
    const exports = entries.filter((entry) => entry.file === file);
    expect(exports.length).toBeGreaterThan(0);
    for (const entry of exports) expect(entry.defined, `${file} exports ${entry.name}`).toBeDefined();
  });

  it("gives every signed-in action a sample input, so each is tested below", () => {
    const sampled = defined.filter(
      (entry) => entry.defined.kind === "clinic" || entry.defined.kind === "platform",
    );
    expect(sampled.map((entry) => entry.file).filter((file) => !ACTION_SAMPLES.has(file))).toEqual([]);
    expect([...ACTION_SAMPLES.keys()].filter((file) => !files.includes(file))).toEqual([]);
    // Signing in and out go through Auth.js, which needs Next's own request: the e2e journeys cover them.
    expect(defined.filter((entry) => !sampled.includes(entry)).map((entry) => entry.file)).toEqual([
      "account/change-password",
      "account/sign-in",
      "account/sign-out",
    ]);
  });
});

let clinic: ClinicFixture;
let world: SampleWorld;
let stranger: User;
let platform: ReturnType<typeof platformCaller>;
const foreignIds = new Map<string, string>();

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "every" });
  const other = await clinic.addClinic("every-other");
  const central = clinic.platform.central;
  world = {
    clinic,
    other,
    central,
    owner: clinic.platform.owner,
    superAdmin: await createPlatformUser(central, { role: "SUPER_ADMIN" }),
  };
  stranger = await createPlatformUser(central, { role: "CLINIC_ADMIN" });
  platform = platformCaller(central);
  // Ids of the second clinic's own rows, by the field names inputs use.
  const rows = rowsOf(other.db);
  const doctor = await rows.doctor();
  foreignIds.set("patientId", (await rows.patient()).id);
  foreignIds.set("doctorId", doctor.id);
  foreignIds.set("staffId", doctor.id);
  foreignIds.set("locationId", (await rows.location()).id);
  foreignIds.set("appointmentId", (await rows.appointment()).id);
  foreignIds.set("overrideId", (await rows.override()).id);
  for (const foreign of AREA_FOREIGN_IDS)
    for (const [field, id] of await foreign(other.db)) foreignIds.set(field, id);
});

afterAll(async () => {
  await settleBackgroundWork();
  await clinic?.cleanup();
});

/** Both databases an action can touch, row by row (sessions aside). */
async function snapshot() {
  await settleBackgroundWork();
  return { clinic: await fingerprintDatabase(clinic.db), central: await fingerprintDatabase(world.central) };
}

const sampleOf = (file: string) => {
  const sample = ACTION_SAMPLES.get(file);
  if (!sample) throw new Error(`No sample input for ${file}`);
  return sample(world);
};

/** How each realm's actions are called, and where their audit rows go. */
const REALMS = {
  clinic: {
    rolesWith: (permission: string): string[] => staffWith(permission),
    allRoles: STAFF_ROLES as readonly string[],
    callAs: (role: string, action: unknown, input: unknown) =>
      clinic.callAs(role as StaffRole, action as ServerAction<unknown>, input),
    auditDatabase: async () =>
      (await world.central.clinic.findUniqueOrThrow({ where: { subdomain: "every" } })).databaseName,
  },
  platform: {
    rolesWith: (permission: string): string[] => platformWith(permission),
    allRoles: PLATFORM_ROLES as readonly string[],
    callAs: (role: string | User, action: unknown, input: unknown) => {
      const user =
        typeof role === "string" ? (role === "SUPER_ADMIN" ? world.superAdmin : world.owner) : role;
      return platform.callAs(user, action as ServerAction<unknown>, input);
    },
    auditDatabase: async () => `${clinic.platform.prefix}central`,
  },
};

const forbidden = { ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } };

function expectOk(result: ActionResult<unknown>) {
  expect(result.ok ? result : result.error).toMatchObject({ ok: true });
}

describe.each([...clinicActions, ...platformActions])(
  "$defined.kind action $file",
  ({ file, action, defined: { kind, permission } }) => {
    const realm = REALMS[kind as keyof typeof REALMS];
    const allowed = realm.rolesWith(permission ?? "");
    const refusedRoles = realm.allRoles.filter((role) => !allowed.includes(role));
    const callAsAllowed = (input: unknown) => realm.callAs(allowed[0] as string, action, input);

    it(`runs for ${allowed[0]}`, async () => {
      expectOk(await callAsAllowed(await sampleOf(file)));
    });

    it.runIf(refusedRoles.length > 0)(`refuses ${refusedRoles.join(", ")}, changing nothing`, async () => {
      for (const role of refusedRoles) {
        const input = await sampleOf(file);
        const before = await snapshot();
        expect(await realm.callAs(role, action, input)).toEqual(forbidden);
        expect(await snapshot()).toEqual(before);
      }
    });

    it.runIf(kind === "clinic")("changes nothing when an id in its input is another clinic's", async () => {
      const input = (await sampleOf(file)) as Record<string, unknown>;
      const idFields = Object.keys(input).filter(
        (key) => typeof input[key] === "string" && UUID.test(input[key]),
      );
      for (const field of idFields) {
        const foreign = foreignIds.get(field);
        expect(foreign, `a foreign id for ${field}`).toBeDefined();
        const before = await snapshot();
        const result = await callAsAllowed({ ...input, [field]: foreign });
        expect(result.ok, `${field} of another clinic`).toBe(false);
        expect(await snapshot()).toEqual(before);
      }
    });

    it.runIf(permission === "clinics.manageOwn")(
      "changes nothing for a clinic admin who does not run that clinic",
      async () => {
        const input = await sampleOf(file);
        const before = await snapshot();
        const result = await REALMS.platform.callAs(stranger, action, input);
        expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
        expect(await snapshot()).toEqual(before);
      },
    );

    it("writes nothing when its audit row cannot be written", async () => {
      const input = await sampleOf(file);
      const restore = await failAuditWrites(await realm.auditDatabase());
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const before = await snapshot();
        await callAsAllowed(input);
        expect(await snapshot()).toEqual(before);
      } finally {
        log.mockRestore();
        await restore();
      }
    });
  },
);
