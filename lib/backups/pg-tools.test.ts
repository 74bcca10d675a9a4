import { existsSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { pgToolCommand, pgToolEnv, startPgTool } from "./pg-tools";

const hasNice = existsSync("/usr/bin/nice");
const hasIonice = existsSync("/usr/bin/ionice");
const URL_WITH_PASSWORD = "postgresql://clinic_admin:s3cret-pw@127.0.0.1:5432/acme_db";

/** Runs a shell script as a pg tool would be run; resolves with what it printed. */
async function runAsTool(script: string, settings: Record<string, string>): Promise<string> {
  const tool = startPgTool("/bin/sh", ["-c", script], pgToolEnv(URL_WITH_PASSWORD, "bench"), settings);
  let output = "";
  tool.stdout.on("data", (piece: Buffer) => {
    output += piece.toString("utf8");
  });
  await tool.done;
  return output.trim();
}

describe("running pg_dump and pg_restore at low priority", () => {
  it.skipIf(!hasNice || !hasIonice)("puts ionice -c 3 and nice -n 10 in front of the tool", () => {
    const args = ["--format=custom", "--no-password"];
    expect(pgToolCommand("/usr/lib/postgresql/15/bin/pg_dump", args, {})).toEqual({
      command: "/usr/bin/ionice",
      args: ["-c", "3", "/usr/bin/nice", "-n", "10", "/usr/lib/postgresql/15/bin/pg_dump", ...args],
    });
  });

  it("runs the tool itself when BACKUP_NICE=off", () => {
    expect(pgToolCommand("pg_restore", ["--exit-on-error", "x.dump"], { BACKUP_NICE: "off" })).toEqual({
      command: "pg_restore",
      args: ["--exit-on-error", "x.dump"],
    });
  });

  it("keeps the password out of the command line, in the tool's environment only", () => {
    const env = pgToolEnv(URL_WITH_PASSWORD, "bench");
    const { command, args } = pgToolCommand("pg_dump", ["--no-password"], {});
    expect([command, ...args].join(" ")).not.toContain("s3cret-pw");
    expect(env.PGPASSWORD).toBe("s3cret-pw");
  });

  it.skipIf(!hasNice || !hasIonice)(
    "gives the started tool niceness +10 and the idle I/O class",
    async () => {
      const printed = await runAsTool('nice; ionice -p $$; printf %s "$PGPASSWORD"', {});
      expect(printed.split("\n")).toEqual([String(Math.min(19, os.getPriority() + 10)), "idle", "s3cret-pw"]);
    },
  );

  it.skipIf(!hasNice)("starts the tool at the caller's priority when BACKUP_NICE=off", async () => {
    const printed = await runAsTool("nice", { BACKUP_NICE: "off" });
    expect(printed).toBe(String(os.getPriority()));
  });
});
