import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/tenant/client";
import type { ClinicLookup } from "../../lib/tenancy/clinic-lookup";
import { clinicConnectionUrl } from "../../lib/tenancy/servers";

/** A warm client whose driver adapter reaches whichever clinic's pool it is leased to. */
type WarmClient = { db: PrismaClient; lease: { pool?: pg.Pool } };
type ClinicConnection = { pool: pg.Pool; leases: number };

/**
 * The design not chosen, as a prototype for bench/client-cache.ts: warm Prisma clients used like
 * connections, each leased to one clinic at a time with its adapter pointed at that clinic's pool,
 * and one connection per clinic kept LRU under the budget (the least recently used idle one closed
 * for another clinic). It leaves out what the real thing would need: a revocable handle, and waiting
 * for a lease's stray queries before the client goes to another clinic.
 */
export class LeasedClients {
  private readonly free: WarmClient[] = [];
  private clients = 0;
  private readonly connections = new Map<string, ClinicConnection>();
  private connectionHits = 0;
  private connectionMisses = 0;

  constructor(private readonly options: { budget: number; lookup: ClinicLookup }) {}

  async run<T>(subdomain: string, work: (db: PrismaClient) => Promise<T>): Promise<T> {
    const record = await this.options.lookup.find(subdomain);
    if (!record?.databaseServer) throw new Error(`no clinic ${subdomain}`);
    const connection = this.connectionOf(subdomain, clinicConnectionUrl(record, record.databaseServer));
    const client = this.free.pop() ?? this.createClient();
    client.lease.pool = connection.pool;
    try {
      return await work(client.db);
    } finally {
      client.lease.pool = undefined;
      connection.leases--;
      this.free.push(client);
    }
  }

  describe(): string {
    return `${this.clients} warm clients, ${this.connections.size} clinic connections, connection hits ${this.connectionHits} / misses ${this.connectionMisses}`;
  }

  async close(): Promise<void> {
    await Promise.all(this.free.map((client) => client.db.$disconnect()));
    await Promise.all([...this.connections.values()].map((connection) => connection.pool.end()));
  }

  private createClient(): WarmClient {
    const lease: WarmClient["lease"] = {};
    const pointed = new pg.Pool({ max: 1 });
    const target = () => {
      if (!lease.pool) throw new Error("This client's lease has ended.");
      return lease.pool;
    };
    pointed.query = ((...args: Parameters<pg.Pool["query"]>) =>
      (target().query as (...a: unknown[]) => unknown)(...args)) as pg.Pool["query"];
    pointed.connect = (() => target().connect()) as pg.Pool["connect"];
    this.clients++;
    return { db: new PrismaClient({ adapter: new PrismaPg(pointed) }), lease };
  }

  private connectionOf(subdomain: string, url: string): ClinicConnection {
    const kept = this.connections.get(subdomain);
    if (kept) {
      this.connectionHits++;
      this.connections.delete(subdomain);
      this.connections.set(subdomain, kept);
      kept.leases++;
      return kept;
    }
    this.connectionMisses++;
    while (this.connections.size >= this.options.budget) {
      const idle = [...this.connections].find(([, connection]) => connection.leases === 0);
      if (!idle) throw new Error("every connection is in use");
      this.connections.delete(idle[0]);
      void idle[1].pool.end();
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: 1,
      // As the registry: every new connection's database is checked before use.
      onConnect: async (connection) => {
        await connection.query("SELECT current_database()");
      },
    });
    pool.on("error", () => {});
    const connection = { pool, leases: 1 };
    this.connections.set(subdomain, connection);
    return connection;
  }
}
