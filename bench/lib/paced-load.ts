import http from "node:http";

/** One request of a paced load: when it started (ms since the load began), how long it took, how it ended. */
export type PacedSample = { startMs: number; ms: number; status: number | "error" | "timeout" };

/**
 * An open-loop load: `rate` requests a second to `url` with the Host header `host`, started on
 * schedule whether or not earlier ones answered (a closed loop would slow down during an outage
 * and hide how long requests wait). `stop()` ends it and resolves with every sample once all answered.
 */
export function startPacedLoad(options: {
  port: number;
  host: string;
  path: string;
  rate: number;
  /** A request still unanswered after this long counts as a timeout. */
  timeoutMs: number;
}): { startedAt: number; stop(): Promise<PacedSample[]> } {
  // A connection per request: a reused keep-alive socket the server is just closing fails with a reset that is no fault's.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const samples: PacedSample[] = [];
  const pending = new Set<Promise<void>>();
  const startedAt = performance.now();
  let sent = 0;
  const tick = () => {
    // Catch up on the schedule: a busy event loop must not lower the rate.
    const due = Math.floor(((performance.now() - startedAt) / 1000) * options.rate);
    while (sent < due) {
      sent++;
      const request = send(agent, options).then((sample) => {
        samples.push(sample);
      });
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
  };
  const timer = setInterval(tick, Math.max(1, Math.floor(1000 / options.rate / 2)));
  return {
    startedAt,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      agent.destroy();
      return samples.map((sample) => ({ ...sample, startMs: sample.startMs - startedAt }));
    },
  };
}

function send(
  agent: http.Agent,
  options: { port: number; host: string; path: string; timeoutMs: number },
): Promise<PacedSample> {
  const start = performance.now();
  return new Promise((resolve) => {
    const done = (status: PacedSample["status"]) =>
      resolve({ startMs: start, ms: performance.now() - start, status });
    const request = http.get(
      { host: "127.0.0.1", port: options.port, path: options.path, headers: { host: options.host }, agent },
      (response) => {
        response.resume();
        response.once("end", () => done(response.statusCode ?? 0));
        response.once("error", () => done("error"));
      },
    );
    request.setTimeout(options.timeoutMs, () => {
      done("timeout");
      request.destroy();
    });
    request.once("error", () => done("error"));
  });
}

/**
 * Answers per second that `concurrency` back-to-back clients get (200s only): the page's capacity
 * on this machine now, from which the paced load takes its rate (the machine is shared, so a
 * figure measured on another day would overload or underload it).
 */
export async function measureCapacity(options: {
  port: number;
  host: string;
  path: string;
  concurrency: number;
  seconds: number;
}): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  const until = performance.now() + options.seconds * 1000;
  let ok = 0;
  const client = async () => {
    while (performance.now() < until) {
      const sample = await send(agent, { ...options, timeoutMs: 30_000 });
      if (sample.status === 200) ok++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  return ok / ((performance.now() - started) / 1000);
}
