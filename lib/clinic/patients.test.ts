import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistryClinic, type RegistryClinic } from "../testing/registry-clinic";
import { patientSchema } from "../validations/patients";
import { createPatient, findPatients } from "./patients";

let clinic: RegistryClinic;

beforeAll(async () => {
  clinic = await createRegistryClinic();
});

afterAll(async () => {
  await clinic?.cleanup();
});

const register = (input: Record<string, unknown>) =>
  clinic.inClinic((db) => createPatient({ db, input: patientSchema.parse(input) }));
const search = (query: string, page = 1) => clinic.inClinic((db) => findPatients({ db, query, page }));

describe("patients", () => {
  it("gives each new patient the next medical record number", async () => {
    const first = await register({
      firstName: "Ada",
      lastName: "Lovelace",
      dateOfBirth: "1985-12-10",
      phone: "+44 20 7946 0001",
    });
    const second = await register({ firstName: "Alan", lastName: "Turing", dateOfBirth: "1982-06-23" });
    expect(first.mrn).toMatch(/^P-\d{6}$/);
    expect(Number(second.mrn.slice(2))).toBe(Number(first.mrn.slice(2)) + 1);
  });

  it("warns about a near-duplicate (same name and birth date, or same phone) until confirmed", async () => {
    await expect(
      register({ firstName: "ADA", lastName: "lovelace", dateOfBirth: "1985-12-10" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^This may be a patient already registered: P-\d{6} Ada Lovelace\./),
    });
    await expect(
      register({
        firstName: "Augusta",
        lastName: "King",
        dateOfBirth: "1990-01-01",
        phone: "+44 (20) 7946-0001",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const confirmed = await register({
      firstName: "Augusta",
      lastName: "King",
      dateOfBirth: "1990-01-01",
      phone: "+44 (20) 7946-0001",
      confirmNotDuplicate: true,
    });
    expect(confirmed.lastName).toBe("King");
  });

  it("finds patients by name words, MRN, phone digits and date of birth", async () => {
    await register({
      firstName: "Grace",
      lastName: "Hopper",
      dateOfBirth: "1906-12-09",
      phone: "+1 555 010 4242",
    });
    const grace = (await search("hopper")).patients[0];
    expect(grace).toMatchObject({ firstName: "Grace", lastName: "Hopper" });
    expect((await search("grace hop")).patients.map((p) => p.lastName)).toEqual(["Hopper"]);
    expect((await search(grace?.mrn.toLowerCase() ?? "")).patients.map((p) => p.lastName)).toEqual([
      "Hopper",
    ]);
    expect((await search("0104242")).patients.map((p) => p.lastName)).toEqual(["Hopper"]);
    expect((await search("1906-12-09")).patients.map((p) => p.lastName)).toEqual(["Hopper"]);
    expect((await search("nobody at all")).total).toBe(0);
  });

  it("reads a searched date of birth in the clinic's date order", async () => {
    await register({ firstName: "Mary", lastName: "Kenneth", dateOfBirth: "1913-01-02" });
    const lastNames = async (query: string) => (await search(query)).patients.map((p) => p.lastName);
    expect(await lastNames("2/1/1913")).toEqual(["Kenneth"]);
    expect(await lastNames("02.01.1913")).toEqual(["Kenneth"]);
    await clinic.inClinic((db) => db.clinicSetting.update({ where: { id: 1 }, data: { dateOrder: "MDY" } }));
    try {
      expect(await lastNames("1/2/1913")).toEqual(["Kenneth"]);
      expect(await lastNames("2/1/1913")).toEqual([]);
    } finally {
      await clinic.inClinic((db) =>
        db.clinicSetting.update({ where: { id: 1 }, data: { dateOrder: "DMY" } }),
      );
    }
  });

  it("pages through many patients", async () => {
    await clinic.inClinic((db) =>
      db.patient.createMany({
        data: Array.from({ length: 60 }, (_, i) => ({
          firstName: `Test${i}`,
          lastName: "Paging",
          dateOfBirth: new Date("2000-01-01"),
        })),
      }),
    );
    const first = await search("paging");
    const third = await search("paging", 3);
    expect(first).toMatchObject({ total: 60, pages: 3 });
    expect(first.patients).toHaveLength(25);
    expect(third.patients).toHaveLength(10);
  });

  it("finds nobody for an impossible date of birth, a NUL byte or a huge page, instead of failing", async () => {
    for (const query of ["2023-02-31", "9999-99-99", "0000-00-00", "2023-13-01", "Qx\u0000yz"]) {
      await expect(search(query)).resolves.toMatchObject({ total: 0, patients: [] });
    }
    // A NUL byte alone is an empty search: everyone.
    await expect(search("\u0000")).resolves.toMatchObject({ total: (await search("")).total });
    await expect(search("ada", 1e9)).resolves.toMatchObject({ patients: [] });
  });

  it("lets no query text out in a failed query's error: not in its message, stack or properties", async () => {
    const typed = "Ada Lovelace 1985-12-10";
    const failure = await clinic
      .inClinic((db) => db.$queryRaw`SELECT ${typed}::date`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ name: "DatabaseError", code: "P2010", sqlState: "22007" });
    expect(inspect(failure, { depth: 10 })).not.toContain("Lovelace");
    expect(JSON.stringify(failure)).not.toContain("Lovelace");
  });

  it("refuses bad input with a message per field", () => {
    const result = patientSchema.safeParse({
      firstName: "",
      lastName: "X",
      dateOfBirth: "2999-01-01",
      email: "nope",
      phone: "abc",
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(
      result.error?.issues.map((issue) => [issue.path[0], issue.message]) ?? [],
    );
    expect(fields).toMatchObject({
      firstName: "Enter the first name.",
      dateOfBirth: "The date of birth must be in the past.",
      email: "Enter a valid email address.",
      phone: "Enter a phone number, e.g. +1 555 010 2000.",
    });
  });
});
