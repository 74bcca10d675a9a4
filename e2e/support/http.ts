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
