import { z } from "zod";
import { ConfigError } from "@/lib/errors";

export type TenantConnectionSettings = { budget: number; poolMax: number };
export type TenantRegistrySettings = TenantConnectionSettings & { clientCache: number };

type Env = Readonly<Record<string, string | undefined>>;

const countSetting = (variable: string, fallback: number) =>
  z.preprocess(
    (raw) => (raw === undefined || raw === "" ? fallback : raw),
    z.coerce
      .number({ error: `${variable} must be a number` })
      .int(`${variable} must be a whole number`)
      .min(1, `${variable} must be at least 1`)
      .max(10_000, `${variable} must be at most 10000`),
  );

const settingsSchema = z
  .object({
    TENANT_CONNECTION_BUDGET: countSetting("TENANT_CONNECTION_BUDGET", 40),
    // One connection per clinic client: with many clinics, more clients beat bigger pools
    // (bench/RESULTS.md, "Routing under load").
    TENANT_POOL_MAX: countSetting("TENANT_POOL_MAX", 1),
    // Warm clients cost heap, not connections: ≈3.6 MB each, ≈1.1 GB at 300 (bench/RESULTS.md,
    // "Warm clients apart from connections").
    TENANT_CLIENT_CACHE: countSetting("TENANT_CLIENT_CACHE", 300),
  })
  .refine((env) => env.TENANT_POOL_MAX <= env.TENANT_CONNECTION_BUDGET, {
    message: "TENANT_POOL_MAX must not be larger than TENANT_CONNECTION_BUDGET",
  });

/**
 * How many tenant connections one app process may hold, in pools of what size, and how many
 * clinics' clients it keeps warm (more than it has connections for). Keep budget × app processes
 * + the central pools + admin work below the server's max_connections.
 */
export function readTenantRegistrySettings(env: Env = process.env): TenantRegistrySettings {
  const result = settingsSchema.safeParse(env);
  if (!result.success) throw new ConfigError(`${result.error.issues[0]?.message ?? "Invalid setting"}.`);
  return {
    budget: result.data.TENANT_CONNECTION_BUDGET,
    poolMax: result.data.TENANT_POOL_MAX,
    clientCache: result.data.TENANT_CLIENT_CACHE,
  };
}

/** The connection budget alone: what the connection plan counts. */
export function readTenantConnectionSettings(env: Env = process.env): TenantConnectionSettings {
  const { budget, poolMax } = readTenantRegistrySettings(env);
  return { budget, poolMax };
}

/** Explicit options win; anything missing comes from the environment. */
export function resolveRegistrySettings(
  options: Partial<TenantRegistrySettings> & { env?: Env },
): TenantRegistrySettings {
  const needsEnv = [options.budget, options.poolMax, options.clientCache].includes(undefined);
  const fromEnv = needsEnv ? readTenantRegistrySettings(options.env) : undefined;
  const budget = options.budget ?? fromEnv?.budget ?? 0;
  const poolMax = options.poolMax ?? fromEnv?.poolMax ?? 0;
  const clientCache = options.clientCache ?? fromEnv?.clientCache ?? 0;
  if (!Number.isInteger(budget) || !Number.isInteger(poolMax) || poolMax < 1 || budget < poolMax) {
    throw new ConfigError(
      "The tenant connection budget must be a whole number no smaller than the pool size.",
    );
  }
  if (!Number.isInteger(clientCache) || clientCache < 1) {
    throw new ConfigError("The tenant client cache must keep at least one client.");
  }
  return { budget, poolMax, clientCache };
}
