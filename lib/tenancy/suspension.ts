/** The reason a clinic admin's own suspension records, so its staff are told who stopped it. */
export const SUSPENDED_BY_CLINIC_ADMIN = "Suspended by its clinic admin.";

/**
 * What a suspended clinic's page tells its staff: who stopped it, the platform's reason as its
 * operator wrote it, and whom to ask. Plain text: the page renders it as text, never as markup.
 */
export function describeSuspension(reason: string | null): string {
  if (reason === SUSPENDED_BY_CLINIC_ADMIN) {
    return "Your clinic admin has suspended this workspace. Ask them when it will be back.";
  }
  const written = reason?.trim();
  if (!written) return "Suspended by the platform. Ask your clinic admin.";
  const sentence = /[.!?]$/.test(written) ? written : `${written}.`;
  return `Suspended by the platform: ${sentence} Ask your clinic admin.`;
}
