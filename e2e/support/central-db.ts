import pg from "pg";
import { type CentralDb, createCentralClient } from "@/lib/db/central";
import { openClinicClient } from "@/lib/tenancy/clinic-client";
import type { TenantDb } from "@/lib/tenancy/registry";
import { readE2eContext } from "./context";
import { E2E_PORT } from "./origins";

/** Runs `work` with a client of the e2e server's central database. */
export async function withCentralDb<T>(work: (central: CentralDb) => Promise<T>): Promise<T> {
  const context = await readE2eContext(E2E_PORT);
  // This process reaches the server's clinics and signs its tickets, so it takes the server's names and keys.
  process.env.TENANT_NAME_PREFIX = context.prefix;
  process.env.TENANT_SECRETS_KEY = context.secretsKey;
  process.env.AUTH_SECRET = context.authSecret;
  const central = createCentralClient(context.centralUrl, 1);
  try {
    return await work(central);
  } finally {
    await central.$disconnect();
  }
}

/**
 * One statement as the server's admin, without the app's query timeout: CREATE and DROP DATABASE
 * wait for a checkpoint, which takes longer than any query while the rest of the suite is writing.
 */
export async function adminStatement(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: (await readE2eContext(E2E_PORT)).centralUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work` with a client of one clinic's own database, as the clinic's role. */
export function withClinicDb<T>(subdomain: string, work: (db: TenantDb) => Promise<T>): Promise<T> {
  return withCentralDb(async (central) => {
    const clinic = await openClinicClient({ central, subdomain });
    try {
      return await work(clinic.db);
    } finally {
      await clinic.close();
    }
  });
}
