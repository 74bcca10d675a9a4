// npm run pitr:setup -- <server-name> --repo <dir> [--config <file>] [--stanza <name>] [--keep-full <n>]
//   [--restart-command "<shell command>"] [--json]
//   Run on the database server's own machine (as root or as the user PostgreSQL runs as), with pgbackrest
//   installed. Writes the pgBackRest config (default <repo>/pgbackrest.conf), sets archive_mode=on and
//   archive_command (wal_level=replica when it was minimal), restarts with --restart-command when those need
//   it (else says so: restart, then run this again), creates the stanza (default: the server's name), takes a
//   first full backup and records the stanza in the central database: `tenant:restore -- <sub> --at` then works
//   for the clinics on that server. Safe to run again.
import { exec } from "node:child_process";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { setUpPitr } from "../lib/pitr/pitr-setup";
import { findRecoverableWindow } from "../lib/pitr/recoverable-window";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

const USAGE =
  'usage: npm run pitr:setup -- <server-name> --repo <dir> [--config <file>] [--stanza <name>] [--keep-full <n>] [--restart-command "<cmd>"] [--json]';

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      repo: { type: "string" },
      config: { type: "string" },
      stanza: { type: "string" },
      "keep-full": { type: "string" },
      "restart-command": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const [name] = positionals;
  const keepFull = values["keep-full"] === undefined ? undefined : Number(values["keep-full"]);
  if (!name || positionals.length > 1 || !values.repo || (keepFull !== undefined && !(keepFull >= 1))) {
    throw new UsageError(USAGE);
  }
  const restartCommand = values["restart-command"];
  return withCentral(async (central) => {
    const server = await central.databaseServer.findUnique({ where: { name } });
    if (!server) {
      console.error(`error: no database server named ${name} is registered.`);
      return 1;
    }
    const result = await setUpPitr(central, {
      server,
      repoDir: path.resolve(values.repo ?? ""),
      configPath: values.config && path.resolve(values.config),
      stanza: values.stanza,
      keepFull,
      restart: restartCommand ? () => restart(restartCommand) : undefined,
      onProgress: values.json ? undefined : (line) => console.error(`${name}: ${line}`),
    });
    if (result.restartNeeded) {
      console.error(
        `${name}: archive_mode/wal_level are set but take effect only after a restart of the server: restart it (e.g. pg_ctlcluster <version> main restart), then run this again, or pass --restart-command.`,
      );
      return 2;
    }
    const window = await findRecoverableWindow({
      ...server,
      pitrStanza: result.config.stanza,
      pitrConfigPath: result.config.configPath,
    });
    const report = { server: name, ...result.config, backupTaken: result.backupTaken, window };
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else
      console.log(
        `${name}: point-in-time restore enabled (stanza ${report.stanza}, config ${report.configPath}); recoverable from ${window.from.toISOString()} (the oldest backup's end), WAL archived up to ${window.to.toISOString()}. Schedule pgbackrest backups (see README): a clinic created later can be restored only to times after a backup that holds it.`,
      );
    return 0;
  });
});

async function restart(command: string): Promise<void> {
  await promisify(exec)(command, { timeout: 120_000 });
  // The server may accept connections a moment after the command returns.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}
