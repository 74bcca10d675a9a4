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

type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): pg.PoolClient | pg.Pool;
  onError(error: unknown): never;
};

/**
 * PrismaPg's executeScript splits a script on every ";" (breaking function bodies and string
 * literals) and runs the pieces one by one. Sending it as one simple query keeps it whole, so the
 * engine can apply this repository's migrations (the compatibility test compares its rows with ours).
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const scriptAdapter = adapter as unknown as ScriptAdapter;
    scriptAdapter.executeScript = async (script) => {
      try {
        await scriptAdapter.underlyingDriver().query(script);
      } catch (error) {
        scriptAdapter.onError(error);
      }
    };
    return adapter;
  }
}

/**
 * Runs `work` with a schema engine connected to `connectionString`, and frees the engine after.
 * `datamodel` is the schema file the engine reads its datasource provider from. Only
 * `db:migration:create` (a schema-to-schema diff) and the test that checks our migration rows
 * against the engine's use it; migrations are applied by `migration-applier.ts`.
 */
export async function withSchemaEngine<T>(
  options: { connectionString: string; datamodel: { path: string; content: string } },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // Our own pool, so it can be ended: the engine frees itself but leaves the adapter's pool open.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [[options.datamodel.path, options.datamodel.content]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool)),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}
