import { after } from "next/server";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { type FleetRolloutOptions, startFleetRollout } from "@/lib/super/fleet";
import { startFleetRolloutSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

type RolloutSetup = Pick<FleetRolloutOptions, "env" | "schema" | "keepRunning"> & {
  /** The central database's URL: the fleet's lock and migrations connect to it directly. */
  centralUrl: () => string;
};

/**
 * Starts rolling pending tenant migrations out to every clinic; returns the run id at once and
 * migrates in the background. Tests build it with their own platform's URL, env and keeper.
 */
export function createStartFleetRolloutAction(setup: RolloutSetup) {
  return definePlatformAction({
    schema: startFleetRolloutSchema,
    permission: "fleet.run",
    handler: ({ session, db, client }) =>
      startFleetRollout({ ...setup, centralUrl: setup.centralUrl(), central: db, session, client }),
  });
}

export const startFleetRolloutAction = createStartFleetRolloutAction({
  centralUrl: () => parseDatabaseUrl(process.env.DATABASE_URL).toString(),
  env: process.env,
  // after() keeps the request's work alive past the response where the host would otherwise end it.
  keepRunning: (run) => after(run),
});

export async function runStartFleetRollout(input: unknown) {
  "use server";
  return runPlatformAction(startFleetRolloutAction, input);
}
