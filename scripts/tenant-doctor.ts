// npm run tenant:doctor [-- --fix] [--json] [--keep <server>/<database> --reason "..."] [--unkeep <server>/<database>]:
// lists (and with --fix repairs) what differs between the central database and the database servers.
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AppError } from "../lib/errors";
import { diagnose, type Finding } from "../lib/tenancy/doctor";
import { keepDatabase, unkeepDatabase } from "../lib/tenancy/doctor-kept";
import { type RepairResult, repair } from "../lib/tenancy/doctor-repair";
import { formatTable } from "./lib/progress";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values } = parseArgs({
    options: {
      fix: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      keep: { type: "string" },
      reason: { type: "string" },
      unkeep: { type: "string" },
    },
  });
  return withCentral(async (central) => {
    if (values.keep) {
      const keptBy = process.env.USER || userInfo().username;
      const kept = await keepDatabase(central, {
        target: values.keep,
        reason: values.reason ?? "",
        keptBy,
      }).catch(asUsageError);
      console.log(`kept ${values.keep}: the doctor leaves ${kept.databaseName} alone.`);
      return 0;
    }
    if (values.unkeep) {
      const removed = await unkeepDatabase(central, { target: values.unkeep }).catch(asUsageError);
      console.log(removed ? `${values.unkeep} is no longer kept.` : `${values.unkeep} was not kept.`);
      return 0;
    }
    const findings = await diagnose(central);
    const repaired = values.fix ? await repair(central, findings) : [];
    const remaining = values.fix ? await diagnose(central) : findings;
    const problems = remaining.filter((finding) => finding.problem);
    if (values.json) {
      const report = values.fix ? { findings, repaired: repaired.map(repairRow), remaining } : { findings };
      console.log(JSON.stringify(report, null, 2));
    } else {
      printReport(findings, repaired, values.fix);
      if (values.fix) console.log(`\nAfter --fix: ${describeCount(problems.length)} remain.`);
    }
    return problems.length > 0 ? 1 : 0;
  });
});

function printReport(findings: Finding[], repaired: RepairResult[], fixed: boolean): void {
  if (findings.length === 0) {
    console.log(
      "No inconsistencies: every clinic has its database and role, and nothing of ours is left over.",
    );
    return;
  }
  const rows = findings.map((f) => [f.kind, f.server, f.object, f.clinic ?? "-", f.what, f.fix]);
  console.log(formatTable(["kind", "server", "object", "clinic", "what", "fix"], rows).join("\n"));
  const problems = findings.filter((finding) => finding.problem).length;
  console.log(`\n${describeCount(problems)} found.`);
  if (!fixed) {
    const fixable = findings.filter((finding) => finding.action !== "none").length;
    console.log(`Dry run: nothing was changed. ${fixable} can be fixed with: npm run tenant:doctor -- --fix`);
    return;
  }
  if (repaired.length === 0) return;
  console.log("");
  const results = repaired.map((result) => Object.values(repairRow(result)));
  console.log(formatTable(["kind", "server", "object", "result", "detail"], results).join("\n"));
}

function repairRow({ finding, outcome, detail }: RepairResult) {
  return { kind: finding.kind, server: finding.server, object: finding.object, result: outcome, detail };
}

/** A bad --keep/--unkeep argument or an unknown server: one line, no stack. */
function asUsageError(error: unknown): never {
  if (error instanceof ZodError) throw new UsageError(error.issues.map((issue) => issue.message).join("; "));
  if (error instanceof AppError) throw new UsageError(error.message);
  throw error;
}

const describeCount = (count: number) => `${count} ${count === 1 ? "inconsistency" : "inconsistencies"}`;
