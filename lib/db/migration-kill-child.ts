// The process migration-kill.test.ts kills: applies the migrations of a folder to one database.
// Usage: tsx lib/db/migration-kill-child.ts <migrations dir> <connection string>
import { applyMigrations } from "./migrations";

const [migrationsDir, connectionString] = process.argv.slice(2);
if (!migrationsDir || !connectionString) throw new Error("usage: <migrations dir> <connection string>");
const applied = await applyMigrations({ migrationsDir, connectionString });
process.stdout.write(`applied: ${applied.join(", ")}\n`);
