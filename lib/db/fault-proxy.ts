import net from "node:net";

/**
 * What the proxy does with traffic: `pass` forwards it; `refuse` closes every open connection and
 * refuses new ones (as a restarting server does); `blackhole` accepts new connections and never
 * answers, and stops forwarding on open ones (a host that went silent: a dead route, a hung VM).
 */
export type FaultMode = "pass" | "refuse" | "blackhole";

export type FaultProxy = {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  mode: FaultMode;
  setMode(mode: FaultMode): Promise<void>;
  /** Where `pass` forwards to; the next connections go there. */
  setTarget(target: { host: string; port: number }): void;
  close(): Promise<void>;
};

type Pair = { client: net.Socket; upstream?: net.Socket };

/**
 * A TCP proxy in front of a PostgreSQL server, for fault tests and the fault scripts: it stands
 * between the app and the database and can refuse or blackhole it on demand.
 */
export async function startFaultProxy(options: {
  target: { host: string; port: number };
  port?: number;
}): Promise<FaultProxy> {
  let target = options.target;
  let mode: FaultMode = "pass";
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => accept(client));

  const accept = (client: net.Socket) => {
    const pair: Pair = { client };
    pairs.add(pair);
    client.on("error", () => {});
    client.once("close", () => {
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    // Blackholed: accepted, then nothing; the connection is made only if traffic passes again.
    if (mode === "blackhole") client.pause();
    else connectUpstream(pair);
  };

  const connectUpstream = (pair: Pair) => {
    const upstream = net.connect(target);
    pair.upstream = upstream;
    upstream.on("error", () => {});
    upstream.once("close", () => pair.client.destroy());
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
  };

  // A stalled connection holds its bytes (TCP's window fills up), as packets to a silent host go unanswered.
  const stall = (pair: Pair) => {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  };

  const resume = (pair: Pair) => {
    if (!pair.upstream) return connectUpstream(pair);
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: "127.0.0.1", port }, () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const port = await listen(options.port ?? 0);
  const proxy: FaultProxy = {
    port,
    get mode() {
      return mode;
    },
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === "refuse") {
        for (const pair of pairs) pair.client.resetAndDestroy();
        await stopListening();
        return;
      }
      if (previous === "refuse") await listen(port);
      for (const pair of pairs) {
        if (next === "blackhole") stall(pair);
        else resume(pair);
      }
    },
    setTarget(next) {
      target = next;
    },
    async close() {
      for (const pair of pairs) pair.client.destroy();
      if (mode !== "refuse") await stopListening();
    },
  };
  return proxy;
}
