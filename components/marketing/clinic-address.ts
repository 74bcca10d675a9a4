/** Local roots (`localhost`, `*.localhost`) have no certificate, so they are served over plain http. */
export function rootProtocol(rootDomain: string): "http" | "https" {
  const hostname = rootDomain.split(":")[0] ?? "";
  return hostname === "localhost" || hostname.endsWith(".localhost") ? "http" : "https";
}

export function clinicOrigin(subdomain: string, rootDomain: string): string {
  return `${rootProtocol(rootDomain)}://${subdomain}.${rootDomain}`;
}
