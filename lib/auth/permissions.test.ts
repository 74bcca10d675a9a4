import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { CLINIC_PERMISSIONS, PLATFORM_PERMISSIONS } from "./permissions";

/** A markdown table's rows as trimmed cells, whatever padding the formatter added. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

it("documents in the README exactly the permission matrix the server enforces", async () => {
  const readme = await readFile(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const clinicRoles = ["OWNER", "MANAGER", "DOCTOR", "NURSE", "RECEPTIONIST", "BILLING"];
  const platformRoles = ["SUPER_ADMIN", "CLINIC_ADMIN"];
  const expected = [
    ...Object.entries(CLINIC_PERMISSIONS).map(([permission, roles]) => [
      `\`${permission}\``,
      ...clinicRoles.map((role) => ((roles as readonly string[]).includes(role) ? "✓" : "")),
    ]),
    ...Object.entries(PLATFORM_PERMISSIONS).map(([permission, roles]) => [
      `\`${permission}\``,
      ...platformRoles.map((role) => ((roles as readonly string[]).includes(role) ? "✓" : "")),
    ]),
  ];
  const documented = tableRows(readme).filter((row) => row[0] && expected.some((e) => e[0] === row[0]));

  expect(documented).toEqual(expected);
});
