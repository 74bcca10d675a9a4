import type pg from "pg";
import { swapDatabases } from "../../lib/backups/restore-database";
import type { CentralDb } from "../../lib/db/central";
import type { ConnectionUrlBuilder } from "../../lib/tenancy/clinic-connection";
import { grantClinicDatabaseAccess } from "../../lib/tenancy/clinic-schema";
import { quoteIdent } from "../../lib/tenancy/names";
import type { TenantDb } from "../../lib/tenancy/registry";
import { longestGap, requestsBetween, startRequestLoad, waitForAnswers } from "./request-load";

export type SwapSample = {
  /** swapDatabases' own figure: how long new connections were refused (or held at PgBouncer). */
  suspendedMs: number;
  /** From the start of the swap to its end, as the load saw it. */
  windowMs: number;
  /** The longest any load client went without an answer around the swap. */
  gapMs: number;
  errors: number;
  errorKinds: Map<string, number>;
};

export type SwapRun = {
  samples: SwapSample[];
  /** The longest gap of a client in a second without a swap. */
  quietGapMs: number;
  requests: number;
  /** The copy left over after the last swap (the next run's spare). */
  spare: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `swaps` swaps of the clinic's database under a steady load, the way a restore swaps: the spare
 * copy is given the clinic's access, then swapDatabases puts it in place of the live one, whose
 * database becomes the next spare (two databases trade places). With `pooler` (a restore's pause
 * at the server's PgBouncer, lib/tenancy/pooler-console.ts), PAUSE before the swap and RESUME
 * after it hold the clients' queries instead of failing them.
 */
export async function measureSwaps(options: {
  admin: pg.Client;
  central: CentralDb;
  clinic: { subdomain: string; databaseName: string; roleName: string };
  /** A complete copy of the clinic's database, not connected to. */
  spare: string;
  swaps: number;
  loadClients: number;
  connectionUrl?: ConnectionUrlBuilder;
  pooler?: Parameters<typeof swapDatabases>[2];
  work: (db: TenantDb) => Promise<unknown>;
}): Promise<SwapRun> {
  const { admin, clinic } = options;
  let spare = options.spare;
  // Two names the copies take in turn; the one that is not the spare is free for the live one.
  const names = ["a", "b"].map((suffix) => `${clinic.databaseName.slice(0, 55)}_swap_${suffix}`);
  let free = names.find((name) => name !== spare) ?? "";
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(free)}`);
  const load = startRequestLoad({
    central: options.central,
    subdomains: [clinic.subdomain],
    clients: options.loadClients,
    thinkMs: 10,
    connectionUrl: options.connectionUrl,
    work: options.work,
  });
  const samples: SwapSample[] = [];
  let quietGapMs = 0;
  let requests = 0;
  try {
    await sleep(1500);
    const quietEnd = performance.now();
    quietGapMs = longestGap(load.requests(), quietEnd - 1000, quietEnd);
    for (let swap = 0; swap < options.swaps; swap++) {
      await grantClinicDatabaseAccess(admin, { databaseName: spare, roleName: clinic.roleName });
      await sleep(500);
      const started = performance.now();
      const { suspendedMs } = await swapDatabases(
        admin,
        { live: clinic.databaseName, restored: spare, aside: free, roleName: clinic.roleName },
        options.pooler,
      );
      const ended = performance.now();
      [spare, free] = [free, spare];
      // Until every client has been answered again (PgBouncer waits server_login_retry after a refusal).
      await waitForAnswers(load, ended, 30_000);
      await sleep(300);
      const settled = performance.now();
      const { errors } = requestsBetween(load.requests(), started, settled);
      samples.push({
        suspendedMs,
        windowMs: ended - started,
        gapMs: longestGap(load.requests(), started - 200, settled),
        errors: [...errors.values()].reduce((sum, count) => sum + count, 0),
        errorKinds: errors,
      });
    }
  } finally {
    requests = (await load.stop()).flat().length;
  }
  return { samples, quietGapMs, requests, spare };
}
