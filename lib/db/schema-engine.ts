import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { projectRoot } from "./project-root";

type EngineModule = typeof import("@prisma/schema-engine-wasm");

let engineModule: Promise<EngineModule> | undefined;

// The package's default entry imports the .wasm file bundler-style, which Node cannot do, so the
// module is instantiated by hand once per process (see ARCHITECTURE.md section 5).
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const { instance } = await WebAssembly.instantiate(
      await readFile(/* turbopackIgnore: true */ engineWasmPath()),
      {
        "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
      },
    );
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

/**
 * The .wasm file is not in the package's exports, so it is found next to the exported glue module.
 * Inside Next's server bundle require.resolve answers a module id, not a path; there the file is
 * read from the project's node_modules.
 */
function engineWasmPath(): string {
  const gluePath: unknown = createRequire(import.meta.url).resolve(
    "@prisma/schema-engine-wasm/schema_engine_bg",
  );
  if (typeof gluePath === "string") return gluePath.replace(/\.js$/, ".wasm");
  return path.join(projectRoot, "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
}

export type EngineLogLine = { level?: string; fields?: { message?: string }; message?: string };

/** What the engine saw while it ran: its log lines and the last error PostgreSQL itself raised. */
export type EngineDiagnostics = { logs: EngineLogLine[]; lastDatabaseError?: pg.DatabaseError };

type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): pg.PoolClient | pg.Pool;
  onError(error: unknown): never;
};

/**
 * PrismaPg's executeScript splits a migration on every ";" (breaking function bodies and string
 * literals) and runs the pieces one by one (a failure leaves half a migration applied). Sending
 * the script as one simple query fixes both: PostgreSQL runs a multi-statement query as a
 * single implicit transaction, so a migration applies completely or not at all.
 */
class WholeScriptPg extends PrismaPg {
  constructor(
    pool: pg.Pool,
    private readonly diagnostics: EngineDiagnostics,
  ) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    const scriptAdapter = adapter as unknown as ScriptAdapter;
    scriptAdapter.executeScript = async (script) => {
      try {
        await scriptAdapter.underlyingDriver().query(script);
      } catch (error) {
        if (error instanceof pg.DatabaseError) this.diagnostics.lastDatabaseError = error;
        scriptAdapter.onError(error);
      }
    };
    return adapter;
  }
}

/**
 * Runs `work` with a schema engine connected to `connectionString`, and frees the engine after.
 * `datamodel` is the schema file the engine reads its datasource provider from.
 */
export async function withSchemaEngine<T>(
  options: { connectionString: string; datamodel: { path: string; content: string } },
  work: (engine: SchemaEngine, diagnostics: EngineDiagnostics) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const diagnostics: EngineDiagnostics = { logs: [] };
  // Our own pool, so it can be ended: the engine frees itself but leaves the adapter's pool open.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [[options.datamodel.path, options.datamodel.content]] },
      (line: string) => diagnostics.logs.push(parseLogLine(line)),
      bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool, diagnostics)),
    );
    try {
      return await work(engine, diagnostics);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

function parseLogLine(line: string): EngineLogLine {
  try {
    return JSON.parse(line) as EngineLogLine;
  } catch {
    return { message: String(line) };
  }
}
