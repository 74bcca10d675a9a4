import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,scripts,app,components}/**/*.test.{ts,tsx}", "middleware.test.ts"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    // The messages the server and the browser install (instrumentation*.ts), in every test file.
    setupFiles: ["./lib/testing/error-messages-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Tests wait on PostgreSQL far more than they compute: more files than cores run at once (the
    // default is one fewer than the cores, a single worker on a 2-core machine).
    maxWorkers: 3,
    // next-auth's ESM build imports "next/server" without an extension, which only Next's bundler
    // resolves; inlined, Vite resolves it too.
    server: { deps: { inline: ["next-auth"] } },
    // Fixed keys, so tests never write .data/tenant-secrets.key and sign what they can verify.
    env: {
      TENANT_SECRETS_KEY: "dGVzdC1vbmx5LWtleS0tLS0tLS0tLS0tLS0tLS0tLS0=",
      AUTH_SECRET: "test-only-auth-secret-0123456789abcdef",
      // Deleting a clinic backs it up first: a test key, and files outside the repository.
      BACKUP_KEY: "test:dGVzdC1vbmx5LWJhY2t1cC1rZXktLS0tLS0tLS0tLS0=",
      BACKUP_DIR: path.join(tmpdir(), "clinic-platform-test-backups"),
    },
  },
});
