"use server";

// Kept apart from the prepared action: every export of a "use server" module is an endpoint.
import { runClinicAction } from "../clinic-action";
import { updateClinicSettingsAction } from "./update-clinic-settings";

export async function updateClinicSettingsServerAction(input: unknown) {
  return runClinicAction(updateClinicSettingsAction, input);
}
