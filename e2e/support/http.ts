import http from "node:http";
import { E2E_PORT } from "./origins";

/**
 * A GET with any Host header: Node does not resolve *.localhost and browsers will not forge
 * headers, so host-routing checks talk to 127.0.0.1 directly.
 */
export function getWithHost(
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port: E2E_PORT, path, headers: { ...headers, host } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
  });
}

/** A POST with any Host header and body, like getWithHost; the answer's body as text. */
export function postWithHost(
  host: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: E2E_PORT, path, method: "POST", headers: { ...headers, host } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
