// npm run tenant:move -- <subdomain> --to <server-name> [--yes] [--json]: moves a clinic's database to another
// registered server by logical replication, with a cut-over of a fraction of a second; the old database is kept, fenced.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { AppError } from "../lib/errors";
import { moveClinic } from "../lib/moves/move-service";
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
  if (!values.yes && !(await confirm(subdomain, toServer))) {
    console.error("error: not moved (confirm with --yes, or answer yes).");
    return 1;
  }
  const print = stepPrinter(subdomain, values.json);
  return withCentral(async (central) => {
    try {
      const outcome = await moveClinic({
        central,
        request: { subdomain, toServer },
        onMoveStep: print && ((step, detail) => print(detail ? `${step} ${detail}` : step)),
      });
      if (values.json) {
        console.log(JSON.stringify({ subdomain, ...outcome }, null, 2));
      } else {
        console.log(
          `${subdomain}: moved from server ${outcome.fromServer} to ${outcome.toServer}; connections paused ${outcome.suspendedMs} ms`,
        );
        console.log(
          `The old database ${outcome.keptDatabase} stays on ${outcome.fromServer}, closed, in the kept list: drop it there once you no longer need it, then npm run tenant:doctor -- --unkeep ${outcome.fromServer}/${outcome.keptDatabase}.`,
        );
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`error: ${error.message}`);
      return 1;
    }
  });
});

async function confirm(subdomain: string, server: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Move ${subdomain} to server ${server}? Its pages pause for a moment at the cut-over. Type yes: `,
    );
    return answer.trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}
