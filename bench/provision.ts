// npm run bench:provision [-- --clinics 20]: provisioning time per clinic, template copy vs migrate-from-empty.
import { parseArgs } from "node:util";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({ options: { clinics: { type: "string", default: "20" } } });
const count = Number(values.clinics);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

const server = await startBenchServer();
console.log(`provisioning ${count} clinics per path on ${server.kind}; ${machineLine()}`);
const results: Record<string, number[]> = {};
try {
  for (const [label, useTemplate] of [
    ["template copy", true],
    ["migrate from empty", false],
  ] as const) {
    const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
    try {
      const service = new ClinicDatabaseService({
        central: platform.central,
        env: platform.env,
        useTemplate,
      });
      // The first template clinic also builds the template; it is timed apart as the warm-up.
      const warmStart = performance.now();
      await service.provisionClinic({ name: "Warm-up", subdomain: "warm-up", ownerId: platform.owner.id });
      console.log(
        `  ${label}: warm-up (builds the template when used) ${Math.round(performance.now() - warmStart)} ms`,
      );
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await service.provisionClinic({
          name: `Bench ${i}`,
          subdomain: `bench-${i}`,
          ownerId: platform.owner.id,
        });
        times.push(performance.now() - started);
        process.stdout.write(`\r  ${label}: ${i + 1}/${count}`);
      }
      results[label] = times;
      console.log(
        `\r  ${label}: median ${median(times).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`,
      );
    } finally {
      await platform.cleanup();
    }
  }
  const ratio = median(results["migrate from empty"] ?? []) / median(results["template copy"] ?? []);
  console.log(`template copy is ${ratio.toFixed(2)}× faster at the median (target: median ≤ 300 ms)`);
} finally {
  await server.stop();
}
