"use server";

// The server actions the doctors pages call, kept apart from the prepared actions: every export of
// a "use server" module is an endpoint.
import { runClinicAction } from "../clinic-action";
import { addAvailabilityOverrideAction } from "./add-availability-override";
import { removeAvailabilityOverrideAction } from "./remove-availability-override";
import { saveDoctorProfileAction } from "./save-doctor-profile";
import { setWeeklyScheduleAction } from "./set-weekly-schedule";

export async function saveDoctorProfileServerAction(input: unknown) {
  return runClinicAction(saveDoctorProfileAction, input);
}

export async function setWeeklyScheduleServerAction(input: unknown) {
  return runClinicAction(setWeeklyScheduleAction, input);
}

export async function addAvailabilityOverrideServerAction(input: unknown) {
  return runClinicAction(addAvailabilityOverrideAction, input);
}

export async function removeAvailabilityOverrideServerAction(input: unknown) {
  return runClinicAction(removeAvailabilityOverrideAction, input);
}
