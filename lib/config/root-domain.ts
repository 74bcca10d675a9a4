export const DEFAULT_ROOT_DOMAIN = "localhost:3000";

/** The root host (`clinics.example.com`, `localhost:3000`); clinics live at `<subdomain>.<root>`. */
export function getRootDomain(env: Partial<Record<string, string>> = process.env): string {
  return (env.ROOT_DOMAIN || DEFAULT_ROOT_DOMAIN).toLowerCase();
}
