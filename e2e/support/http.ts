import { type HostAnswer, requestWithHost } from "@/lib/testing/host-request";
import { E2E_PORT } from "./origins";

/** Any request to the e2e server as if for `host` (see requestWithHost). */
export function sendWithHost(
  options: Omit<Parameters<typeof requestWithHost>[0], "port">,
): Promise<HostAnswer> {
  return requestWithHost({ ...options, port: E2E_PORT });
}

/** A GET with any Host header; the answer's status and body. */
export function getWithHost(
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<HostAnswer> {
  return sendWithHost({ host, path, headers });
}

/** A POST with any Host header and body, like getWithHost. */
export function postWithHost(
  host: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<HostAnswer> {
  return sendWithHost({ method: "POST", host, path, headers, body });
}
