"use server";

// The server actions the staff page calls. They live apart from the prepared actions on purpose:
// every export of a "use server" module is an endpoint, and a prepared action takes its session
// and database as arguments, which a browser must never be able to supply.
import { runClinicAction } from "../clinic-action";
import { changeStaffRoleAction } from "./change-staff-role";
import { createStaffMemberAction } from "./create-staff-member";
import { deactivateStaffMemberAction } from "./deactivate-staff-member";
import { reactivateStaffMemberAction } from "./reactivate-staff-member";

export async function createStaffMemberServerAction(input: unknown) {
  return runClinicAction(createStaffMemberAction, input);
}

export async function changeStaffRoleServerAction(input: unknown) {
  return runClinicAction(changeStaffRoleAction, input);
}

export async function deactivateStaffMemberServerAction(input: unknown) {
  return runClinicAction(deactivateStaffMemberAction, input);
}

export async function reactivateStaffMemberServerAction(input: unknown) {
  return runClinicAction(reactivateStaffMemberAction, input);
}
