import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabaseName } from "../db/database-url";
import { adminDatabaseUrl, adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { recordLeaseConnections } from "./lease-connections";
import { quoteIdent } from "./names";
import { SwapWaitingPool } from "./swap-waiting-pool";

let database: TestDatabase;
const allowConnections = (allow: boolean) =>
  adminQuery(`ALTER DATABASE ${quoteIdent(database.name)} WITH ALLOW_CONNECTIONS ${allow}`);

beforeAll(async () => {
  database = await createTestDatabase("swapwait");
});
afterAll(async () => {
  await allowConnections(true);
  await database.drop();
});

async function withPool<T>(
  waitMs: number,
  work: (pool: SwapWaitingPool) => Promise<T>,
  url = database.url,
): Promise<T> {
  const pool = new SwapWaitingPool({ connectionString: url, max: 2 }, waitMs);
  pool.on("error", () => {});
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

describe("SwapWaitingPool", () => {
  it("holds a query while the database is closed for a swap and runs it once it opens", async () => {
    await allowConnections(false);
    const reopened = new Promise((resolve) => setTimeout(resolve, 300)).then(() => allowConnections(true));
    const started = Date.now();
    const answer = await withPool(3_000, (pool) => pool.query<{ one: number }>("SELECT 1 AS one"));
    await reopened;
    expect(answer.rows[0]?.one).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("holds a transaction's checkout (connect() without a callback) the same way", async () => {
    await allowConnections(false);
    const reopened = new Promise((resolve) => setTimeout(resolve, 200)).then(() => allowConnections(true));
    const name = await withPool(3_000, async (pool) => {
      const client = await pool.connect();
      try {
        return (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]?.name;
      } finally {
        client.release();
      }
    });
    await reopened;
    expect(name).toBe(database.name);
  });

  it("gives up with PostgreSQL's refusal once the wait is over", async () => {
    await allowConnections(false);
    try {
      const started = Date.now();
      await expect(withPool(200, (pool) => pool.query("SELECT 1"))).rejects.toMatchObject({ code: "55000" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    } finally {
      await allowConnections(true);
    }
  });

  it("waits out a role that may not log in (a move's fencing), and stops at once when retired", async () => {
    const role = `${database.name}_fenced`;
    const password = randomBytes(12).toString("hex");
    await adminQuery(`CREATE ROLE ${quoteIdent(role)} NOLOGIN PASSWORD '${password}'`);
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    try {
      const loggedIn = new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
        adminQuery(`ALTER ROLE ${quoteIdent(role)} LOGIN`),
      );
      const answer = await withPool(3_000, (pool) => pool.query("SELECT 1 AS one"), url.toString());
      await loggedIn;
      expect(answer.rows[0]?.one).toBe(1);

      await adminQuery(`ALTER ROLE ${quoteIdent(role)} NOLOGIN`);
      const lease = { connected: false, refused: false };
      const started = Date.now();
      await withPool(
        3_000,
        async (pool) => {
          setTimeout(() => pool.stopWaiting(), 300);
          await expect(recordLeaseConnections(lease, () => pool.query("SELECT 1"))).rejects.toMatchObject({
            code: "28000",
          });
        },
        url.toString(),
      );
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(lease).toEqual({ connected: false, refused: true });
    } finally {
      await adminQuery(`DROP ROLE ${quoteIdent(role)}`);
    }
  });

  it("survives swaps under load: sessions ended mid-use fail their query, never the process", async () => {
    const outcomes = await withPool(3_000, async (pool) => {
      let running = true;
      const seen: string[] = [];
      const loop = async () => {
        while (running) {
          await pool.query("SELECT pg_sleep(0.002)").then(
            () => seen.push("ok"),
            (error: { code?: string; message?: string }) => seen.push(error.code ?? error.message ?? "?"),
          );
        }
      };
      const loops = [loop(), loop(), loop(), loop()];
      for (let swap = 0; swap < 5; swap++) {
        await allowConnections(false);
        await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [
          database.name,
        ]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await allowConnections(true);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      running = false;
      await Promise.all(loops);
      return seen;
    });
    // Only queries on an ended session fail (57P01, or pg's "Connection terminated"); none is refused.
    expect(outcomes.filter((outcome) => outcome === "ok").length).toBeGreaterThan(10);
    expect(outcomes).not.toContain("55000");
  });

  it("does not wait on any other refusal (a database that does not exist)", async () => {
    const missing = withDatabaseName(adminDatabaseUrl(), `${database.name}_missing`);
    const started = Date.now();
    await expect(withPool(3_000, (pool) => pool.query("SELECT 1"), missing)).rejects.toMatchObject({
      code: "3D000",
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
