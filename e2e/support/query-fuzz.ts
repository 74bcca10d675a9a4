/**
 * Query-string values for the no-500 fuzz: boundary values every parameter gets, and random ones
 * from a seeded generator, so a failing run repeats exactly with the same E2E_FUZZ_SEED.
 */

/** Text that stands for what a person types into a search: none of it may reach the server log. */
export const TYPED_TEXT = ["Lovelace-1985-12-10", "2023-02-31", "1985-02-30"] as const;

export const BOUNDARY_VALUES: readonly string[] = [
  ...TYPED_TEXT,
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e309",
  "99999999999999999999",
  "2147483648",
  "NaN",
  "Infinity",
  "0x10",
  "9999-99-99",
  "0000-00-00",
  "2023-13-01",
  "2024-02-29",
  "1970-01-01",
  "2099-12-31",
  "2100-01-01",
  "-001-01-01",
  "2023-01-01T25:61:00Z",
  "x".repeat(10_000),
  "é漢字🙂\u202e\u200b",
  "\u0000",
  "' OR 1=1 --",
  "1); DROP TABLE patients; --",
  "%",
  "_",
  "\\",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "null",
  "true",
  "all",
  "P-000001",
  "P-99999999999999999999",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "0b7e6c1e-4f3a-4c5e-9d7a-2f1e3d4c5b6a",
  "0b7e6c1e-4f3a-4c5e-9d7a-2f1e3d4c5b6",
  "day",
  "week",
  "desc",
];

const CHARACTERS = "abcXYZ019 -_.:'\"%&=+?#/\\;<>()[]{}*!@$^|~`éß漢🙂\u0000\t\n";

/** `count` random values: numbers of every size and sign, date-like text, and random characters. */
export function randomValues(random: () => number, count: number): string[] {
  const int = (max: number) => Math.floor(random() * max);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  const makers = [
    () => String(int(2 ** 31) * (random() < 0.5 ? -1 : 1) * 10 ** int(12)),
    () => `${pad(int(10_000), 4)}-${pad(int(100), 2)}-${pad(int(100), 2)}`,
    () => Array.from({ length: 1 + int(40) }, () => CHARACTERS[int(CHARACTERS.length)]).join(""),
    () => "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => int(16).toString(16)),
  ];
  return Array.from({ length: count }, () => (makers[int(makers.length)] as () => string)());
}

/** `path?name=value`, encoded; an array value repeats the parameter. */
export function withQuery(path: string, query: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
