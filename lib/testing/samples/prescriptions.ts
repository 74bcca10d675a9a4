import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function prescriptionsForeignIds(_db: TenantDb): Promise<[string, string][]> {
  return [];
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const PRESCRIPTIONS_SAMPLES: [string, Sample][] = [];
