"use server";

// The server actions the patient pages call. Kept apart from the prepared actions: every export of
// a "use server" module is an endpoint, and a prepared action takes its session and database as
// arguments, which a browser must never be able to supply.
import { runClinicAction } from "../clinic-action";
import { findPossibleDuplicatesAction } from "./find-possible-duplicates";
import { registerPatientAction } from "./register-patient";
import { updatePatientAction } from "./update-patient";

export async function registerPatientServerAction(input: unknown) {
  return runClinicAction(registerPatientAction, input);
}

export async function updatePatientServerAction(input: unknown) {
  return runClinicAction(updatePatientAction, input);
}

export async function findPossibleDuplicatesServerAction(input: unknown) {
  return runClinicAction(findPossibleDuplicatesAction, input);
}
