import http from "node:http";

export type HostAnswer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** From sending to the last byte. */
  ms: number;
  /** The socket it went over (a keep-alive agent reuses one). */
  socket: unknown;
};

/**
 * Any request to 127.0.0.1:`port` as if for `host`: Node does not resolve *.localhost, fetch may not
 * set a Host header and browsers will not forge one, so host-routing checks, fuzzing and benchmarks
 * talk to the server directly. Rejects on a connection error, or when `timeoutMs` passes unanswered.
 */
export function requestWithHost(options: {
  port: number;
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: http.Agent;
  timeoutMs?: number;
}): Promise<HostAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent: options.agent,
        host: "127.0.0.1",
        port: options.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { ...options.headers, host: options.host },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            ms: performance.now() - started,
            socket: request.socket,
          }),
        );
      },
    );
    if (options.timeoutMs !== undefined) {
      const seconds = options.timeoutMs / 1000;
      request.setTimeout(options.timeoutMs, () =>
        request.destroy(new Error(`no answer within ${seconds} s`)),
      );
    }
    request.once("error", reject);
    request.end(options.body);
  });
}
