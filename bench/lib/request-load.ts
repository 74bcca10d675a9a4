import type { CentralDb } from "../../lib/db/central";
import type { ConnectionUrlBuilder } from "../../lib/tenancy/clinic-connection";
import { type TenantDb, TenantRegistry } from "../../lib/tenancy/registry";

/** One request of a load client: when it started and ended (performance.now()), and how it ended. */
export type LoadRequest = { start: number; end: number; error?: string };

export type RequestLoad = {
  /** Every request so far, per client. */
  requests(): LoadRequest[][];
  stop(): Promise<LoadRequest[][]>;
};

/**
 * `clients` closed-loop clients, each with a TenantRegistry of its own (as an app process, with
 * the app's pool settings) and `thinkMs` between requests; each request runs `work` on the next
 * of `subdomains`. A failed request is recorded and the client goes on, as the app's next request
 * would, on a connection the pool opens anew.
 */
export function startRequestLoad(options: {
  central: CentralDb;
  subdomains: string[];
  clients: number;
  thinkMs: number;
  /** The central database's URL: each registry then hears clinic_changed (NOTIFY), as the app's do. */
  centralUrl?: string;
  connectionUrl?: ConnectionUrlBuilder;
  work: (db: TenantDb, subdomain: string) => Promise<unknown>;
}): RequestLoad {
  const logs: LoadRequest[][] = [];
  let stopping = false;
  const loops = Array.from({ length: options.clients }, async (_, index) => {
    const log: LoadRequest[] = [];
    logs.push(log);
    const registry = new TenantRegistry({
      central: options.central,
      centralUrl: options.centralUrl,
      connectionUrl: options.connectionUrl,
      log: () => {},
    });
    try {
      for (let n = index; !stopping; n++) {
        const subdomain = options.subdomains[n % options.subdomains.length] ?? "";
        const start = performance.now();
        try {
          await registry.withTenantDb(subdomain, (db) => options.work(db, subdomain));
          log.push({ start, end: performance.now() });
        } catch (error) {
          log.push({ start, end: performance.now(), error: errorLabel(error) });
        }
        await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
      }
    } finally {
      await registry.close();
    }
  });
  return {
    requests: () => logs,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return logs;
    },
  };
}

function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `${typeof code === "string" ? `${code}: ` : ""}${message?.slice(0, 80)}`;
}

/** Resolves once every client has had a successful answer that ended after `since`, or after `timeoutMs`. */
export async function waitForAnswers(load: RequestLoad, since: number, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  const answered = (log: LoadRequest[]) => log.some((request) => !request.error && request.end > since);
  while (performance.now() < until && !load.requests().every(answered)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The longest time any client went without a successful answer within [from, to]: the gap
 * between answers (or from `from` to the first answer, or from the last one to `to`).
 */
export function longestGap(logs: LoadRequest[][], from: number, to: number): number {
  let longest = 0;
  for (const log of logs) {
    let last = from;
    for (const request of log) {
      if (request.error || request.end < from) continue;
      if (request.end > to) break;
      longest = Math.max(longest, request.end - last);
      last = request.end;
    }
    longest = Math.max(longest, to - last);
  }
  return longest;
}

/** Requests that ended within [from, to]: their latencies, and the errors by label. */
export function requestsBetween(logs: LoadRequest[][], from: number, to: number) {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  for (const request of logs.flat()) {
    if (request.end < from || request.end > to) continue;
    if (request.error) errors.set(request.error, (errors.get(request.error) ?? 0) + 1);
    else latencies.push(request.end - request.start);
  }
  return { latencies, errors };
}
