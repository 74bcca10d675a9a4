export const DEFAULT_ROOT_DOMAIN = "localhost:3000";

/** The root host (`clinics.example.com`, `localhost:3000`); clinics live at `<subdomain>.<root>`. */
export function getRootDomain(env: Partial<Record<string, string>> = process.env): string {
  return (env.ROOT_DOMAIN || DEFAULT_ROOT_DOMAIN).toLowerCase();
}

/** Local roots (`localhost`, `*.localhost`) have no certificate, so they are served over plain http. */
export function rootProtocol(rootDomain: string): "http" | "https" {
  const hostname = rootDomain.split(":")[0] ?? "";
  return hostname === "localhost" || hostname.endsWith(".localhost") ? "http" : "https";
}

export function clinicOrigin(subdomain: string, rootDomain: string): string {
  return `${rootProtocol(rootDomain)}://${subdomain}.${rootDomain}`;
}

/** The root host's origin, as a browser sends it in `Origin` from the console (`https://clinics.example.com`). */
export function platformOrigin(rootDomain: string): string {
  return `${rootProtocol(rootDomain)}://${rootDomain}`;
}
