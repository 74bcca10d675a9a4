import { describe, expect, it } from "vitest";
import { DatabaseError } from "./db/database-error";
import { describeRequestError } from "./request-error-line";

const request = { path: "/maple/patients?q=Ada%20Lovelace%201985-12-10", method: "GET" };
const context = { routePath: "/[tenant]/(workspace)/patients", routeType: "render" };

describe("describeRequestError", () => {
  it("logs one line: digest, method, route pattern, error name and codes", () => {
    const error = Object.assign(new DatabaseError("P2010", "22008"), { digest: "2417836593" });
    const line = describeRequestError(error, request, context);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      level: "error",
      msg: "request failed",
      digest: "2417836593",
      method: "GET",
      route: "/[tenant]/(workspace)/patients",
      routeType: "render",
      error: "DatabaseError",
      code: "P2010",
      sqlState: "22008",
    });
  });

  it("leaves out the message, the stack, the query string and any code that could be text", () => {
    const error = Object.assign(new Error('date/time field value out of range: "1985-02-30"'), {
      code: "Ada Lovelace 1985-02-30",
      digest: "x\ny",
    });
    const line = describeRequestError(error, request, context);
    for (const leak of ["Lovelace", "1985", "out of range", "at ", "q="]) expect(line).not.toContain(leak);
    const fields = JSON.parse(line);
    expect(fields).toMatchObject({ error: "Error", route: context.routePath });
    expect(fields).not.toHaveProperty("code");
    expect(fields).not.toHaveProperty("digest");
  });

  it("names what was thrown when it is no Error", () => {
    expect(JSON.parse(describeRequestError("Ada Lovelace", request, context))).toMatchObject({
      error: "string",
    });
  });
});
