import { z } from "zod";
import { ConfigError } from "@/lib/errors";

export type TenantConnectionSettings = { budget: number; poolMax: number };

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
  })
  .refine((env) => env.TENANT_POOL_MAX <= env.TENANT_CONNECTION_BUDGET, {
    message: "TENANT_POOL_MAX must not be larger than TENANT_CONNECTION_BUDGET",
  });

/**
 * How many tenant connections one app process may hold, and in pools of what size. Keep
 * budget × app processes + the central pools + admin work below the server's max_connections.
 */
export function readTenantConnectionSettings(env: Env = process.env): TenantConnectionSettings {
  const result = settingsSchema.safeParse(env);
  if (!result.success) throw new ConfigError(`${result.error.issues[0]?.message ?? "Invalid setting"}.`);
  return { budget: result.data.TENANT_CONNECTION_BUDGET, poolMax: result.data.TENANT_POOL_MAX };
}

/** Explicit options win; anything missing comes from the environment. */
export function resolveConnectionSettings(
  options: Partial<TenantConnectionSettings> & { env?: Env },
): TenantConnectionSettings {
  const needsEnv = options.budget === undefined || options.poolMax === undefined;
  const fromEnv = needsEnv ? readTenantConnectionSettings(options.env) : undefined;
  const budget = options.budget ?? fromEnv?.budget ?? 0;
  const poolMax = options.poolMax ?? fromEnv?.poolMax ?? 0;
  if (!Number.isInteger(budget) || !Number.isInteger(poolMax) || poolMax < 1 || budget < poolMax) {
    throw new ConfigError(
      "The tenant connection budget must be a whole number no smaller than the pool size.",
    );
  }
  return { budget, poolMax };
}
