// Part (c) of bench:backup in a process of its own, as the job worker takes scheduled backups beside
// the app's processes (so the load's requests do not share this event loop): backs up each clinic
// of argv[2]'s JSON { centralUrl, subdomains } one at a time; one JSON line per backup on stdout.
import { BackupService } from "../../lib/backups/backup-service";
import { createCentralClient } from "../../lib/db/central";

const { centralUrl, subdomains } = JSON.parse(process.argv[2] ?? "{}") as {
  centralUrl: string;
  subdomains: string[];
};
const central = createCentralClient(centralUrl, 3);
try {
  const service = new BackupService({ central });
  for (const subdomain of subdomains) {
    const started = performance.now();
    const backup = await service.backupClinic(subdomain);
    console.log(JSON.stringify({ ms: performance.now() - started, bytes: Number(backup.sizeBytes) }));
  }
} finally {
  await central.$disconnect();
}
