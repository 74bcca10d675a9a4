// npm run bench:front-desk [-- --patients 50000 --runs 30]: patient search and the week calendar
// on a clinic with a practice's worth of data (the demo generator's), medians and p95.
import { parseArgs } from "node:util";
import { generateDemoData } from "../lib/clinic/demo-data";
import { findPatients } from "../lib/clinic/patients";
import { addDays, localDateOf, zonedTimeToUtc } from "../lib/clinic/time";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { TenantRegistry } from "../lib/tenancy/registry";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({
  options: { patients: { type: "string", default: "50000" }, runs: { type: "string", default: "30" } },
});
const patients = Number(values.patients);
const runs = Number(values.runs);
const TZ = "Europe/London";
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

async function time(label: string, work: () => Promise<unknown>) {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  console.log(
    `  ${label.padEnd(42)} p50 ${median(samples).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`,
  );
}

const server = await startBenchServer();
console.log(`front desk with ${patients} patients on ${server.kind}; ${machineLine()}`);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
const registry = new TenantRegistry({
  central: platform.central,
  centralUrl: platform.centralUrl,
  budget: 2,
  poolMax: 2,
});
try {
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Bench Clinic",
    subdomain: "bench",
    ownerId: platform.owner.id,
    timezone: TZ,
  });
  await registry.withTenantDb("bench", async (db) => {
    const started = performance.now();
    const summary = await generateDemoData({
      db,
      timeZone: TZ,
      patients,
      staffPasswordHash: "!",
      emailDomain: "bench.test",
      onProgress: (line) => console.log(`  ${line}`),
    });
    console.log(
      `  generated ${summary.patients} patients, ${summary.appointments} appointments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await db.$executeRaw`ANALYZE`;
    const sample = await db.patient.findFirstOrThrow({
      skip: Math.floor(patients / 2),
      orderBy: { mrn: "asc" },
    });

    console.log("patient search (25 a page):");
    await time("by a name fragment ('ross')", () => findPatients({ db, query: "ross", page: 1 }));
    await time(`by first and last name ('${sample.firstName} ${sample.lastName}')`, () =>
      findPatients({ db, query: `${sample.firstName} ${sample.lastName}`, page: 1 }),
    );
    await time(`by MRN (${sample.mrn})`, () => findPatients({ db, query: sample.mrn, page: 1 }));
    await time("by phone digits", () =>
      findPatients({ db, query: (sample.phone ?? "").replace(/\D/g, "").slice(-7), page: 1 }),
    );
    await time("by date of birth", () =>
      findPatients({ db, query: sample.dateOfBirth.toISOString().slice(0, 10), page: 1 }),
    );
    await time("all patients, page 100", () => findPatients({ db, query: "", page: 100 }));

    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const monday = addDays(localDateOf(new Date(), TZ), -((new Date().getUTCDay() + 6) % 7));
    console.log("week calendar of one location:");
    await time("appointments with patient and doctor", () =>
      db.appointment.findMany({
        where: {
          locationId: location.id,
          startsAt: { gte: zonedTimeToUtc(monday, 0, TZ), lt: zonedTimeToUtc(addDays(monday, 7), 0, TZ) },
        },
        orderBy: { startsAt: "asc" },
        include: {
          patient: { select: { firstName: true, lastName: true, mrn: true } },
          doctor: { select: { name: true } },
        },
      }),
    );
  });
} finally {
  await registry.close();
  await platform.cleanup();
  await server.stop();
}
