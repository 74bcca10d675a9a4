"use server";

// The endpoints the calendar and the front desk call. Kept apart from the prepared actions: every
// export of a "use server" module is an endpoint, and a prepared action takes its session and
// database as arguments, which a browser must never be able to supply.
import { runClinicAction } from "../clinic-action";
import { bookAppointmentAction } from "./book-appointment";
import { changeAppointmentStatusAction } from "./change-appointment-status";
import { rescheduleAppointmentAction } from "./reschedule-appointment";
import { searchPatientsForBookingAction } from "./search-patients";

export async function bookAppointmentServerAction(input: unknown) {
  return runClinicAction(bookAppointmentAction, input);
}

export async function rescheduleAppointmentServerAction(input: unknown) {
  return runClinicAction(rescheduleAppointmentAction, input);
}

export async function changeAppointmentStatusServerAction(input: unknown) {
  return runClinicAction(changeAppointmentStatusAction, input);
}

export async function searchPatientsForBookingServerAction(input: unknown) {
  return runClinicAction(searchPatientsForBookingAction, input);
}
