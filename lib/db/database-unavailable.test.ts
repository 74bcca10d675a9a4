import pg from "pg";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import {
  clinicDatabaseUnavailableError,
  isDatabaseUnavailable,
  isUnavailableDigest,
  unavailableResponse,
} from "./database-unavailable";
import { startFaultProxy } from "./fault-proxy";

const pgError = (code: string) => Object.assign(new Error("refused"), { severity: "FATAL", code });

describe("isDatabaseUnavailable", () => {
  it("recognises pg's timeouts, dropped sockets and a server shutting down", () => {
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated due to connection timeout"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("3D000"))).toBe(true);
  });

  it("recognises Prisma's driver-adapter errors by their kind, through causes", () => {
    const prisma = Object.assign(new Error("Raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
    });
    expect(isDatabaseUnavailable(prisma)).toBe(true);
    expect(isDatabaseUnavailable(new Error("sign-in failed", { cause: prisma }))).toBe(true);
  });

  it("leaves query errors and AppErrors alone", () => {
    expect(isDatabaseUnavailable(pgError("23505"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("CONFLICT", "taken"))).toBe(false);
    expect(isDatabaseUnavailable("Query read timeout")).toBe(false);
  });

  it("recognises what a real pg client reports while a server does not answer", async () => {
    const proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: 1 } });
    try {
      await proxy.setMode("blackhole");
      const client = new pg.Client({ host: "127.0.0.1", port: proxy.port, connectionTimeoutMillis: 300 });
      client.on("error", () => {});
      const error = await client.connect().then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});

describe("outage answers", () => {
  it("carry a digest the error pages recognise, and route handlers answer 503 with Retry-After", async () => {
    const error = clinicDatabaseUnavailableError();
    expect(isUnavailableDigest((error as { digest?: string }).digest)).toBe(true);
    expect(isUnavailableDigest("2347449059")).toBe(false);
    const response = unavailableResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: error.message } });
  });
});
