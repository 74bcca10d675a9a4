import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
}
const baseURL = `http://localhost:${PORT}`;

// Specs that write to the demo clinic maple (every clinical-* and billing-* spec does): one reads maple's newest audit row, so they take turns.
const mapleSpecs =
  /\/(audit-log|billing-[a-z-]+|calendar-busy-week|clinic-staff|clinical-[a-z-]+|form-messages|front-desk-appointments|front-desk-patients|staff-password-reset|today-on-a-phone)\.spec\.ts$/;
// Specs that create, suspend, move or delete clinics (the attack run too): the fleet rollout among them must not meet a clinic
// being deleted, so they take turns too.
const clinicLifecycleSpecs =
  /\/(accounts-flow|admin-console|app-processes|attack-run|backups-console|client-address|clinic-move|clinic-status|clinic-recovery|delegated-access|super-dashboard)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Half the cores: on the 2-core dev machine two workers were no faster than one (one Node server
  // answers every test); the lanes above keep more workers safe where there are more cores.
  workers: "50%",
  // On the busy shared machine the longest journeys can pass Playwright's default 30 s.
  timeout: 60_000,
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    // DOM snapshots are enough to debug a failure; screenshots of every step cost a fifth of the run.
    trace: { mode: "retain-on-failure", screenshots: false },
    // Playwright cannot download its own browsers on this machine: drive Debian's Chromium instead.
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs each demo role in once and saves its state in e2e/.auth for the specs.
    { name: "sign-in", testMatch: /\.setup\.ts$/, fullyParallel: true },
    { name: "maple", testMatch: mapleSpecs, dependencies: ["sign-in"], workers: 1 },
    { name: "clinic-lifecycle", testMatch: clinicLifecycleSpecs, dependencies: ["sign-in"], workers: 1 },
    { name: "others", testIgnore: [mapleSpecs, clinicLifecycleSpecs], dependencies: ["sign-in"] },
  ],
  webServer: {
    // Run by node itself (not npx) so the graceful-shutdown signal reaches the script.
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT) },
    // SIGTERM lets the server drop its throwaway database and stop its embedded PostgreSQL.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
