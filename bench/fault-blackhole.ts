// npm run fault:blackhole [-- --rate N --before 10 --down 10 --after 15]: PostgreSQL stops answering
// (the proxy accepts connections and stalls open ones) under load; every request must answer within
// the stated timeout and all must succeed again 5 s after it answers. Writes bench/RELIABILITY.md.
import { runFaultScenario } from "./lib/fault-run";

await runFaultScenario({
  script: "fault:blackhole",
  title: "PostgreSQL blackholed under load",
  describe: (down) =>
    `for ${down} s the fault proxy accepts new connections and never answers, and stalls every open one (no bytes either way, nothing closed), as a host that went silent; then traffic passes again and stalled connections resume.`,
  inject: async (context, downMs, whileDown) => {
    await context.proxy.setMode("blackhole");
    await Promise.all([new Promise((resolve) => setTimeout(resolve, downMs)), whileDown?.()]);
    await context.proxy.setMode("pass");
  },
});
