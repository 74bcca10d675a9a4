// npm run bench:sign-in [-- --rounds 15]: how long a wrong sign-in takes for an email with an account
// and for one without (they must not differ: that would tell an attacker which emails exist).
// Interleaved rounds after a warm-up; medians of wall time and of this process's CPU time.
import { parseArgs } from "node:util";
import { platformAccountStore } from "../lib/auth/account-store";
import { signInWithPassword } from "../lib/auth/sign-in";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "15" } } });
if (!/^\d+$/.test(values.rounds) || Number(values.rounds) === 0)
  throw new Error("--rounds takes a positive whole number.");
const rounds = Number(values.rounds);
const warmup = 3;

type Run = { wall: number; cpu: number };

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
try {
  const store = platformAccountStore(platform.central);
  const start = Date.now();
  const attempt = async (email: string, round: number): Promise<Run> => {
    const cpu = process.cpuUsage();
    const began = performance.now();
    const result = await signInWithPassword({
      store,
      central: platform.central,
      email,
      password: "not-the-password",
      ip: "203.0.113.7",
      userAgent: "bench",
      // An hour apart: every try starts a fresh throttle window, so none is refused before hashing.
      now: new Date(start + round * 60 * 60_000),
    });
    const wall = performance.now() - began;
    const used = process.cpuUsage(cpu);
    if (result.ok) throw new Error("a wrong password signed in");
    return { wall, cpu: (used.user + used.system) / 1000 };
  };
  const known: Run[] = [];
  const unknown: Run[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const pair: [Run[], string][] = [
      [known, platform.owner.email],
      [unknown, `nobody.${round}@clinics.test`],
    ];
    // Alternate who goes first, so neither always follows the other's cache effects.
    if (round % 2) pair.reverse();
    for (const [runs, email] of pair) {
      const run = await attempt(email, round);
      if (round >= warmup) runs.push(run);
    }
  }
  // The 25th percentile too: on a busy machine it is less disturbed by other processes than the median.
  const line = (label: string, runs: Run[]) =>
    `${label.padEnd(15)} median ${median(runs.map((r) => r.wall)).toFixed(1)} ms wall (p25 ${percentile(
      runs.map((r) => r.wall),
      25,
    ).toFixed(1)}), ${median(runs.map((r) => r.cpu)).toFixed(1)} ms CPU`;
  const ratio = (pick: (r: Run) => number) => median(unknown.map(pick)) / median(known.map(pick));
  console.log(`${machineLine()}; ${server.kind}; ${rounds} interleaved rounds after ${warmup} warm-up`);
  console.log(line("known email", known));
  console.log(line("unknown email", unknown));
  console.log(
    `unknown / known: wall ${ratio((r) => r.wall).toFixed(2)}, CPU ${ratio((r) => r.cpu).toFixed(2)} (target 0.90–1.10)`,
  );
} finally {
  await platform.cleanup();
  await server.stop();
}
