import { describe, expect, it } from "vitest";
import type { AuditNames } from "@/lib/clinic/audit";
import { describeAuditEvent } from "../audit-details";

const NINA = "00000000-0000-4000-8000-000000000003";
const BEN = "00000000-0000-4000-8000-000000000004";
const SET = "00000000-0000-4000-8000-000000000007";
const VISIT = "00000000-0000-4000-8000-000000000008";

const names: AuditNames = {
  staff: new Map([[NINA, "Nina Nurse"]]),
  patients: new Map([[BEN, "Ben Adams"]]),
  locations: new Map(),
  appointments: new Map(),
};

const sentence = (action: string, details: Record<string, string>) =>
  describeAuditEvent(
    { action, actorId: NINA, actorEmail: "nina@maple.test", targetType: "patient", targetId: BEN, details },
    names,
    "UTC",
  );

describe("vitals in the audit log", () => {
  it("names who recorded whose vitals, and whether in a visit", () => {
    expect(sentence("vitals.recorded", { vitalsId: SET })).toBe("Nina Nurse recorded Ben Adams's vitals.");
    expect(sentence("vitals.recorded", { vitalsId: SET, visitId: VISIT })).toBe(
      "Nina Nurse recorded Ben Adams's vitals during a visit.",
    );
  });

  it("names a set marked entered in error, without the reason", () => {
    expect(sentence("vitals.entered-in-error", { vitalsId: SET })).toBe(
      "Nina Nurse marked a set of Ben Adams's vitals as entered in error.",
    );
  });

  it("words the new clinic settings", () => {
    expect(
      describeAuditEvent(
        {
          action: "clinic-settings.updated",
          actorId: NINA,
          actorEmail: null,
          targetType: "clinic-settings",
          targetId: null,
          details: { changed: "unitSystem, maxUploadMb" },
        },
        names,
        "UTC",
      ),
    ).toBe("Nina Nurse changed the clinic's units for vitals and largest document upload.");
  });
});
