// npm run tenant:move -- <subdomain> --to <server-name> [--yes] [--json]: moves a clinic's database to another
// registered server: by logical replication with a cut-over of a fraction of a second, or, when its server's
// wal_level is not logical, by backup and restore with the clinic paused for the whole copy, which it says
// (with an estimate) before it asks. The old database is kept, fenced.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { formatPause } from "../lib/backups/format-pause";
import type { MovePreview } from "../lib/moves/move-method";
import { moveClinic, previewClinicMove } from "../lib/moves/move-service";
import { auditCommand } from "./lib/command-audit";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { stepPrinter } from "./tenant-backup-output";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      to: { type: "string" },
      yes: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const [subdomain] = positionals;
  const toServer = values.to;
  if (!subdomain || positionals.length > 1 || !toServer) {
    throw new UsageError("usage: npm run tenant:move -- <subdomain> --to <server-name> [--yes] [--json]");
  }
  const print = stepPrinter(subdomain, values.json);
  return withCentral(async (central) => {
    const plan = await previewClinicMove({ central, request: { subdomain, toServer } });
    console.error(`${subdomain}: ${plan.summary}`);
    if (!values.yes && !(await confirm(plan))) {
      if (values.json) console.log(JSON.stringify({ subdomain, plan, moved: false }, null, 2));
      console.error("error: not moved (confirm with --yes, or answer yes).");
      return 1;
    }
    await auditCommand(central, { action: "clinic.move", subdomain, details: { to: toServer } });
    const outcome = await moveClinic({
      central,
      request: { subdomain, toServer },
      onMoveStep: print && ((step, detail) => print(detail ? `${step} ${detail}` : step)),
    });
    if (values.json) {
      console.log(JSON.stringify({ subdomain, plan, ...outcome }, null, 2));
    } else {
      const paused =
        outcome.method === "backup"
          ? `by backup and restore; the clinic paused ${formatPause(outcome.suspendedMs)}`
          : `connections paused ${formatPause(outcome.suspendedMs)}`;
      console.log(`${subdomain}: moved from server ${outcome.fromServer} to ${outcome.toServer} ${paused}`);
      console.log(
        `The old database ${outcome.keptDatabase} stays on ${outcome.fromServer}, closed, in the kept list: drop it there once you no longer need it, then npm run tenant:doctor -- --unkeep ${outcome.fromServer}/${outcome.keptDatabase}.`,
      );
    }
    return 0;
  });
});

async function confirm(plan: MovePreview & { subdomain: string; toServer: string }): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Move ${plan.subdomain} to server ${plan.toServer}? ${plan.headline}. Type yes: `,
    );
    return answer.trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}
