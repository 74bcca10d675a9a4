// npm run tenant:backup-import -- <subdomain> <file> [--json]: adds a backup file of this platform (from
// another machine, a copy target, or larger than a browser upload's 10 MB) to a clinic's list, after
// the same checks as an upload: its header and key, every chunk's tag, a scratch restore, a schema
// version this platform knows, and the clinic's name. The clinic itself is not touched; restore it
// afterwards with npm run tenant:restore -- <subdomain> --backup <id>.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { commandLineOperator } from "../lib/auth/actor";
import { uploadClinicBackup } from "../lib/backups/upload-backup";
import { AppError } from "../lib/errors";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { formatSize } from "./tenant-backup-output";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  const [subdomain, file] = positionals;
  if (!subdomain || !file || positionals.length > 2) {
    throw new UsageError("usage: npm run tenant:backup-import -- <subdomain> <file> [--json]");
  }
  const size = await stat(file).catch(() => null);
  if (!size?.isFile()) throw new UsageError(`${file} is not a file this user can read.`);
  return withCentral(async (central) => {
    const clinic = await central.clinic.findFirst({
      where: { subdomain, status: { not: "DELETED" } },
      include: { databaseServer: true },
    });
    if (!clinic) throw new AppError("NOT_FOUND", `There is no clinic ${subdomain}.`);
    if (!values.json) console.error(`${subdomain}: checking ${file} (${formatSize(BigInt(size.size))})…`);
    const backup = await uploadClinicBackup({
      central,
      actor: commandLineOperator(),
      clinic,
      body: createReadStream(file),
      maxBytes: Number.MAX_SAFE_INTEGER,
    });
    if (values.json) console.log(JSON.stringify({ subdomain, backup }, null, 2));
    else
      console.log(
        `${subdomain}: backup ${backup.id} added (schema ${backup.schemaVersion}); restore it with npm run tenant:restore -- ${subdomain} --backup ${backup.id}`,
      );
    return 0;
  });
});
