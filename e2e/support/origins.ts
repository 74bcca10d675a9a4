export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The root host: landing page, /login of the platform, /super and /admin. */
export const ROOT_ORIGIN = `http://localhost:${E2E_PORT}`;

/** A clinic's own host; browsers resolve *.localhost to this machine by themselves. */
export function clinicOrigin(subdomain: string): string {
  return `http://${subdomain}.localhost:${E2E_PORT}`;
}
