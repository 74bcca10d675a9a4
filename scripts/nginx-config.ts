// npm run nginx:config -- --processes N --base-port P --server-name clinics.example.com [--listen "443 ssl"]
//   [--certificate file --certificate-key file] [--out file]: the nginx site for N app processes
//   (npm start -- --workers N --base-port P), on stdout or into --out.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { renderNginxSite } from "./lib/nginx-config";
import { runScript, UsageError } from "./lib/run-script";

runScript(async () => {
  const { values } = parseArgs({
    options: {
      processes: { type: "string", default: "1" },
      "base-port": { type: "string", default: process.env.PORT ?? "3000" },
      "server-name": { type: "string" },
      listen: { type: "string" },
      certificate: { type: "string" },
      "certificate-key": { type: "string" },
      out: { type: "string" },
    },
  });
  const processes = Number(values.processes);
  const basePort = Number(values["base-port"]);
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
    throw new UsageError("--processes takes a whole number from 1 to 64 (npm start's --workers).");
  }
  if (!Number.isInteger(basePort) || basePort < 1 || basePort + processes - 1 > 65_535) {
    throw new UsageError("--base-port takes the first app process's port, e.g. 3000.");
  }
  const serverName = values["server-name"] ?? process.env.ROOT_DOMAIN?.replace(/:\d+$/, "");
  if (!serverName || !/^[a-z0-9.-]+$/i.test(serverName)) {
    throw new UsageError(
      "--server-name takes the root domain clinics are subdomains of, e.g. clinics.example.com.",
    );
  }
  const site = renderNginxSite({
    processes,
    basePort,
    serverName,
    listen: values.listen,
    certificate: values.certificate,
    certificateKey: values["certificate-key"],
  });
  if (!values.out) {
    process.stdout.write(site);
    return 0;
  }
  await writeFile(values.out, site);
  console.error(`wrote ${values.out}; check it with nginx -t, then reload nginx (nginx -s reload)`);
  return 0;
});
