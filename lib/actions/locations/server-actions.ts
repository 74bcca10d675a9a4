"use server";

// The server actions the locations page calls, kept apart from the prepared actions: every export
// of a "use server" module is an endpoint.
import { runClinicAction } from "../clinic-action";
import { createLocationAction } from "./create-location";
import { deactivateLocationAction } from "./deactivate-location";
import { deleteLocationAction } from "./delete-location";
import { reactivateLocationAction } from "./reactivate-location";
import { updateLocationAction } from "./update-location";

export async function createLocationServerAction(input: unknown) {
  return runClinicAction(createLocationAction, input);
}

export async function updateLocationServerAction(input: unknown) {
  return runClinicAction(updateLocationAction, input);
}

export async function deactivateLocationServerAction(input: unknown) {
  return runClinicAction(deactivateLocationAction, input);
}

export async function reactivateLocationServerAction(input: unknown) {
  return runClinicAction(reactivateLocationAction, input);
}

export async function deleteLocationServerAction(input: unknown) {
  return runClinicAction(deleteLocationAction, input);
}
