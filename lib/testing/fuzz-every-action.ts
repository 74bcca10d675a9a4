import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { definedActionOf } from "@/lib/action-pipeline/pipeline";
import type { ActionResult, ServerAction } from "@/lib/action-pipeline/result";
import {
  CLINIC_PERMISSIONS,
  type ClinicPermission,
  PLATFORM_PERMISSIONS,
  type PlatformPermission,
} from "@/lib/auth/permissions";
import { settleBackgroundWork } from "@/lib/background-work";
import type { UserRole } from "@/lib/generated/central/client";
import { ACTION_SAMPLES, rowsOf, type SampleWorld } from "@/lib/testing/action-samples";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { fuzzedInput, seedOf } from "@/lib/testing/fuzz-inputs";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { quickFingerprint } from "@/lib/testing/quick-fingerprint";
import { STAFF_ROLES } from "@/lib/validations/staff";

// Runs per action: each is a whole pipeline call with a fingerprint of both databases before and
// after (about 15 ms on an idle 2-core machine). A rollout accepts any object and then runs over
// every clinic (~400 ms), so it gets fewer.
const NUM_RUNS = 40;
// Fewer runs where a valid fuzzed input does real work: a rollout, a backup (seconds), a restore.
const RUNS_OF: Record<string, number> = {
  "super/start-fleet-rollout": 15,
  "backups/back-up-central": 10,
  "backups/back-up-clinic": 10,
  "backups/back-up-own-clinic": 10,
  "backups/restore-clinic": 10,
};

/**
 * Refusals that write by design: a connection test to a database server (or its PgBouncer) is audited and counted
 * against the super admin's limit even when it fails or the host is not allowed (README,
 * DATABASE_SERVER_HOSTS), so probing stays visible.
 */
const WRITES_WHEN_REFUSED: Record<string, string[]> = {
  "super/add-database-server": ["audit_events", "sign_in_throttles"],
  "super/check-database-server": ["audit_events", "sign_in_throttles"],
  // A new PgBouncer address is tested through one of the server's clinics before it is saved.
  "super/update-database-server": ["audit_events", "sign_in_throttles"],
};

const ACTIONS_DIR = path.join(import.meta.dirname, "..", "actions");
type Fuzzed = {
  file: string;
  action: ServerAction<unknown>;
  kind: string;
  permission: string;
  schema: z.ZodType;
};
/** Every action with a permission and a sample (lib/testing/samples), in file order. */
async function fuzzableActions(): Promise<Fuzzed[]> {
  const files = readdirSync(ACTIONS_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => file.replace(/\.ts$/, ""))
    .sort();
  const actions: Fuzzed[] = [];
  for (const file of files) {
    const exported = (await import(path.join(ACTIONS_DIR, `${file}.ts`))) as Record<string, unknown>;
    for (const action of Object.values(exported)) {
      const defined = definedActionOf(action);
      // Sign-in, sign-out and password change need Auth.js inside Next's own request (e2e covers them).
      if (defined?.permission && ACTION_SAMPLES.has(file))
        actions.push({
          file,
          action: action as ServerAction<unknown>,
          kind: defined.kind,
          permission: defined.permission,
          schema: defined.schema,
        });
    }
  }
  return actions;
}

const allowedStaff = (permission: string) =>
  STAFF_ROLES.find((role) =>
    (CLINIC_PERMISSIONS[permission as ClinicPermission] as readonly string[]).includes(role),
  );
const allowedPlatformRole = (permission: string) =>
  (["SUPER_ADMIN", "CLINIC_ADMIN"] as UserRole[]).find((role) =>
    (PLATFORM_PERMISSIONS[permission as PlatformPermission] as readonly string[]).includes(role),
  );

let clinic: ClinicFixture;
let world: SampleWorld;
let platform: ReturnType<typeof platformCaller>;
/** Ids that are real somewhere, but not this clinic's own rows: another clinic's, other people's. */
let otherIds: string[] = [];

/** Both databases an action can touch, table by table, without the central tables `ignored` names. */
async function snapshot(ignored: readonly string[] = []) {
  await settleBackgroundWork();
  const central = await quickFingerprint(world.central);
  for (const table of ignored) delete central[table];
  return { clinic: await quickFingerprint(clinic.db), central };
}

function callAllowed(kind: string, permission: string, action: ServerAction<unknown>, input: unknown) {
  if (kind === "clinic") {
    const role = allowedStaff(permission);
    if (!role) throw new Error(`No staff role may ${permission}`);
    return clinic.callAs(role, action, input);
  }
  const role = allowedPlatformRole(permission);
  if (!role) throw new Error(`No platform role may ${permission}`);
  return platform.callAs(role === "SUPER_ADMIN" ? world.superAdmin : world.owner, action, input);
}

const UNEXPECTED = "Something went wrong";

/** Next's redirect/notFound/forbidden travel as errors with a NEXT_ digest: control flow, not a crash. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_");
}

/**
 * Every action called with fuzzed input by a role allowed to call it: it never fails unexpectedly,
 * and when it refuses it writes nothing. `shard` of `shards` (by index) lets test files split the
 * actions and run side by side.
 */
export async function fuzzEveryAction(shard: number, shards: number): Promise<void> {
  const actions = (await fuzzableActions()).filter((_, index) => index % shards === shard);

  beforeAll(async () => {
    clinic = await createClinicFixture({ subdomain: "fuzzed" });
    const other = await clinic.addClinic("fuzzed-other");
    const central = clinic.platform.central;
    world = {
      clinic,
      other,
      central,
      owner: clinic.platform.owner,
      superAdmin: await createPlatformUser(central, { role: "SUPER_ADMIN" }),
    };
    platform = platformCaller(central);
    const rows = rowsOf(other.db);
    const stranger = await createPlatformUser(central, { role: "CLINIC_ADMIN" });
    otherIds = [
      (await rows.patient()).id,
      (await rows.doctor()).id,
      (await rows.location()).id,
      (await rows.appointment()).id,
      (await rows.override()).id,
      (await central.clinic.findUniqueOrThrow({ where: { subdomain: other.subdomain } })).id,
      world.superAdmin.id,
      stranger.id,
    ];
  });

  // Dropping the clinics' databases waits for the last rollout's connections: slow on a loaded machine.
  afterAll(async () => {
    await settleBackgroundWork();
    await clinic?.cleanup();
  }, 180_000);

  describe.each(actions)("$kind action $file, fuzzed", ({ file, action, kind, permission, schema }) => {
    const seed = seedOf(file);
    const numRuns = RUNS_OF[file] ?? NUM_RUNS;
    const ignored = WRITES_WHEN_REFUSED[file] ?? [];

    it(`never fails unexpectedly and writes nothing when it refuses (seed ${seed}, ${numRuns} runs)`, async () => {
      const sample = await ACTION_SAMPLES.get(file)?.(world);
      const logged: string[] = [];
      const log = vi.spyOn(console, "error").mockImplementation((...args) => {
        logged.push(args.map(String).join(" "));
      });
      try {
        await fc.assert(
          fc.asyncProperty(fuzzedInput(sample, schema, otherIds), async (input) => {
            logged.length = 0;
            const before = await snapshot(ignored);
            let result: ActionResult<unknown>;
            try {
              result = await callAllowed(kind, permission, action, input);
            } catch (error) {
              if (isNextControlFlow(error)) return;
              throw error;
            }
            expect(logged).toEqual([]);
            if (result.ok) return;
            expect(result.error.message).not.toContain(UNEXPECTED);
            expect(await snapshot(ignored)).toEqual(before);
          }),
          { seed, numRuns, endOnFailure: true },
        );
      } finally {
        log.mockRestore();
      }
    }, 120_000);
  });
}
