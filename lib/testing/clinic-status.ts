import { expect } from "vitest";
import type { CentralDb } from "../db/central";
import type { ClinicStatus } from "../generated/central/client";

/** Waits (as the console's polling does) until the clinic reaches one of `statuses`. */
export async function waitForClinicStatus(
  central: CentralDb,
  clinicId: string,
  statuses: ClinicStatus[] = ["ACTIVE", "FAILED"],
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const clinic = await central.clinic.findUniqueOrThrow({ where: { id: clinicId } });
    if (statuses.includes(clinic.status)) return clinic;
    expect(Date.now(), `clinic still ${clinic.status} at step ${clinic.provisioningStep}`).toBeLessThan(
      deadline,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
