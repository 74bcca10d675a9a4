import { describe, expect, it } from "vitest";
import type { AuditNames } from "@/lib/clinic/audit";
import { describeAuditEvent } from "../audit-details";

const DORA = "00000000-0000-4000-8000-000000000001";
const BEN = "00000000-0000-4000-8000-000000000004";
const LINE = "00000000-0000-4000-8000-000000000009";

const names: AuditNames = {
  staff: new Map([[DORA, "Dr Dora Lee"]]),
  patients: new Map([[BEN, "Ben Adams"]]),
  locations: new Map(),
  appointments: new Map(),
};

const sentence = (action: string, details: Record<string, string>) =>
  describeAuditEvent(
    { action, actorId: DORA, actorEmail: "dora@maple.test", targetType: "patient", targetId: BEN, details },
    names,
    "UTC",
  );

describe("the medication list in the audit log", () => {
  it("names whose medication was stopped or completed and on which prescription, never the medicine", () => {
    expect(sentence("medication.stopped", { lineId: LINE, number: "RX-000042" })).toBe(
      "Dr Dora Lee stopped a medication of Ben Adams on RX-000042.",
    );
    expect(sentence("medication.completed", { lineId: LINE, number: "RX-000042" })).toBe(
      "Dr Dora Lee marked a medication of Ben Adams on RX-000042 completed.",
    );
  });

  it("words reported medications and the opening of the list", () => {
    expect(sentence("medication.reported", { reportedMedicationId: LINE })).toBe(
      "Dr Dora Lee recorded a medication that Ben Adams reports taking.",
    );
    expect(sentence("reported-medication.entered-in-error", { reportedMedicationId: LINE })).toBe(
      "Dr Dora Lee marked a reported medication of Ben Adams entered in error.",
    );
    expect(sentence("chart.read", { what: "medications" })).toBe(
      "Dr Dora Lee opened Ben Adams's medication list.",
    );
  });
});
