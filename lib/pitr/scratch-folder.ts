import { readdirSync, readFileSync } from "node:fs";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OsUser } from "./pgbackrest";

/** An attempt's scratch folder: the restored cluster, its socket folder, log and config, and the dump. */
export type ScratchPaths = {
  /** The job's folder, holding one folder per attempt. */
  jobRoot: string;
  root: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
  configFile: string;
  hbaFile: string;
  identFile: string;
  dumpFile: string;
};

/**
 * `<PITR_SCRATCH_DIR or the OS temp folder>/clinic-pitr/<job id>/a<attempt>`: a retry finds what
 * earlier attempts left, and never shares a folder with a process a killed attempt left running.
 */
export function scratchPaths(env: NodeJS.ProcessEnv, jobId: string, attempt = 1): ScratchPaths {
  const jobRoot = path.join(path.resolve(env.PITR_SCRATCH_DIR || tmpdir()), "clinic-pitr", jobId);
  const root = path.join(jobRoot, `a${attempt}`);
  return {
    jobRoot,
    root,
    dataDir: path.join(root, "data"),
    socketDir: path.join(root, "socket"),
    logFile: path.join(root, "postgres.log"),
    configFile: path.join(root, "scratch.conf"),
    hbaFile: path.join(root, "scratch_hba.conf"),
    identFile: path.join(root, "scratch_ident.conf"),
    dumpFile: path.join(root, "clinic.dump"),
  };
}

/**
 * Makes the attempt's scratch folder afresh: the data and socket folders belong to the server's OS
 * user (mode 700: only it and root reach the socket, whose connections are trusted), the rest to
 * this process.
 */
export async function prepareScratch(paths: ScratchPaths, user: OsUser | undefined): Promise<void> {
  await removeScratch(paths);
  await mkdir(path.dirname(paths.jobRoot), { recursive: true, mode: 0o711 });
  await mkdir(paths.root, { recursive: true, mode: 0o711 });
  for (const dir of [paths.dataDir, paths.socketDir]) {
    await mkdir(dir, { mode: 0o700 });
    if (user) await chown(dir, user.uid, user.gid);
  }
  // Replaces the cluster's own postgresql.conf (a Debian cluster keeps none in its data folder).
  await writeFile(
    paths.configFile,
    "# scratch instance of a point-in-time restore: settings are on its command line\n",
  );
  await writeFile(paths.hbaFile, "local all all trust\n");
  await writeFile(paths.identFile, "");
}

/**
 * Removes the job's scratch folders, first ending whatever a killed attempt left running there (a
 * scratch postmaster, a pgbackrest restore, a pg_dump): only processes whose command line names
 * the job's own folder are touched.
 */
export async function removeScratch(paths: ScratchPaths): Promise<void> {
  let pids = processesUnder(paths.jobRoot);
  for (const pid of pids) signal(pid, "SIGQUIT");
  for (let tries = 0; tries < 100 && pids.length > 0; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pids = pids.filter(isAlive);
  }
  for (const pid of pids) signal(pid, "SIGKILL");
  await rm(paths.jobRoot, { recursive: true, force: true });
}

/** The processes whose command line names `folder` (Linux: /proc; none elsewhere). */
export function processesUnder(folder: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^[0-9]+$/.test(entry));
  } catch {
    return [];
  }
  const own = `${folder}${path.sep}`;
  return entries
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return args.some((arg) => arg.includes(own) || arg.endsWith(folder));
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}
