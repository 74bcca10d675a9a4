// npm run fault:db-restart [-- --rate N --before 10 --down 10 --after 15]: PostgreSQL (central and
// clinic databases) restarts under load; every request must answer within the stated timeout and
// all must succeed again 5 s after it is back, with no app restart. Writes bench/RELIABILITY.md.
import { runFaultScenario } from "./lib/fault-run";

await runFaultScenario({
  script: "fault:db-restart",
  title: "PostgreSQL restart under load",
  describe: (down) =>
    `the embedded PostgreSQL is stopped (fast shutdown: every session is ended, as in a restart) and started again ${down} s later on the same data; meanwhile its port refuses connections.`,
  inject: (context, downMs, whileDown) => context.restartPostgres(downMs, whileDown),
});
