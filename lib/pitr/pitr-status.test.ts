import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeClinicWindow, summariseServerPitr } from "@/components/super/pitr-format";
import { checkServerForMoves } from "../moves/server-check";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { type ArchiverReading, describeArchiveFailure } from "./archiver-status";
import { findPitrStatus } from "./pitr-status";
import { instantToMoment, momentToInstant } from "./restore-moment";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});

afterAll(async () => {
  await platform?.cleanup();
});

describe("point-in-time restore on a server without archiving (the test machine's)", () => {
  it("says it is not set up, with the command that sets it up, and reads the archiver as off", async () => {
    const status = await findPitrStatus({ server: platform.server });
    expect(status).toMatchObject({
      stanza: null,
      setupCommand: `npm run pitr:setup -- ${platform.server.name} --repo /var/lib/pgbackrest`,
      archiver: { archiveMode: "off", commandPushesToStanza: null },
      archiveFailure: null,
      window: null,
      windowReachesNow: false,
      windowProblem: null,
    });
    const summary = summariseServerPitr(status, new Date());
    expect(summary.badge).toEqual({ tone: "neutral", label: "Not set up" });
    expect(describeClinicWindow(status, "Europe/Berlin").sentence).toBe(
      "Point-in-time restore is not set up for this clinic's server: it can be restored only to one of its backups.",
    );
  });

  it("server:check reports the same, and archiving that is off is no failure", async () => {
    const report = await checkServerForMoves({ central: platform.central, server: platform.server });
    expect(report.pitr).toMatchObject({
      stanza: null,
      archiver: { archiveMode: "off" },
      archiveFailure: null,
    });
    expect(report.advice.join("\n")).not.toMatch(/archiv/);
  });

  it("gives the reason instead of failing when the recorded repository cannot be read here", async () => {
    const server = {
      ...platform.server,
      pitrStanza: "elsewhere",
      pitrConfigPath: "/nonexistent/pgbackrest.conf",
    };
    const status = await findPitrStatus({ server });
    expect(status.window).toBeNull();
    expect(status.windowProblem).toMatch(
      /pgbackrest (info \(stanza elsewhere\) failed|is not installed on this machine)/,
    );
    // Recorded but archive_mode off: the window cannot grow, and that is said loudly.
    expect(status.archiveFailure).toMatch(/set up \(stanza elsewhere\) but archive_mode is off/);
    expect(summariseServerPitr(status, new Date()).badge).toEqual({
      tone: "danger",
      label: "Archiving failing",
    });
  });
});

const working: ArchiverReading = {
  archiveMode: "on",
  commandSet: true,
  commandPushesToStanza: true,
  archivedCount: 40,
  lastArchivedWal: "000000010000000000000028",
  lastArchivedAt: new Date("2026-11-30T10:00:00Z"),
  failedCount: 2,
  lastFailedWal: "000000010000000000000020",
  lastFailedAt: new Date("2026-11-30T09:00:00Z"),
};
const config = { stanza: "main", configPath: "/var/lib/pgbackrest/pgbackrest.conf" };

describe("an archive that is failing", () => {
  it("is no failure when a segment was archived after the last failed attempt", () => {
    expect(describeArchiveFailure(working, config)).toBeNull();
  });

  it("says when the newest attempt failed, since when nothing was archived, and what to run", () => {
    const failing = { ...working, lastFailedAt: new Date("2026-11-30T11:00:00Z"), failedCount: 7 };
    expect(describeArchiveFailure(failing, config)).toBe(
      "archive_command is failing: nothing has been archived since 2026-11-30 10:00:00 UTC, so the recoverable window stopped growing there and WAL piles up in pg_wal. Last failed attempt 2026-11-30 11:00:00 UTC (WAL 000000010000000000000020; 7 failures in all). To see why, run pgbackrest --config=/var/lib/pgbackrest/pgbackrest.conf --stanza=main check as the PostgreSQL user on the server's machine (pgBackRest's log: log-path in that file).",
    );
  });

  it("catches archive_mode on with no command, and a command that is not pitr:setup's", () => {
    expect(describeArchiveFailure({ ...working, commandSet: false }, null)).toMatch(
      /^archive_mode is on but archive_command is empty: .* until the disk is full/,
    );
    expect(describeArchiveFailure({ ...working, commandPushesToStanza: false }, config)).toMatch(
      /^archive_command is not the one pitr:setup set for stanza main/,
    );
  });
});

describe("a moment on the clinic's clock", () => {
  it("is read in the clinic's time zone, to the second, and shown back the same", () => {
    const at = momentToInstant("2026-11-30T14:05:30", "Europe/Berlin");
    expect(at.toISOString()).toBe("2026-11-30T13:05:30.000Z");
    expect(instantToMoment(at, "Europe/Berlin")).toBe("2026-11-30T14:05:30");
    expect(momentToInstant("2026-07-01T09:00", "America/New_York").toISOString()).toBe(
      "2026-07-01T13:00:00.000Z",
    );
  });

  it("takes the first of a repeated hour and moves a skipped one forward, as appointments do", () => {
    expect(momentToInstant("2026-10-25T02:30:00", "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(momentToInstant("2026-03-29T02:30:00", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });
});
