// Prisma's schema engine compiled to WebAssembly, loaded with a driver adapter so that migrations
// work where the native engine cannot be downloaded. See docs/decisions/002-wasm-migration-runner.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type { SchemaEngine };

/** How the engine gets a scratch database to replay migrations into when it diffs. */
export type ShadowDatabase =
  /** CREATE DATABASE beside the target on the same PostgreSQL server, dropped afterwards. */
  | { kind: "sibling" }
  /** A throw-away in-memory PGlite: PGlite serves one database, so no sibling can be created. */
  | { kind: "pglite-memory" };

const CHAR_OID = 18;
const TEXT_OID = 25;
/** ColumnTypeEnum.Character in @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN = 6;

/** Result rows whose columns at these indexes were `"char"` before relabelling. */
const charColumnsOf = new WeakMap<object, number[]>();

/**
 * PostgreSQL's one-byte `"char"` type (OID 18) appears in the catalogue columns the engine reads
 * when it describes a database (e.g. pg_constraint.contype), and adapter-pg has no mapping for it
 * ("Column type 'char' could not be deserialized"). This pg client relabels such fields as text so
 * adapter-pg accepts them and remembers them, so `reportCharColumns` can then tell the engine they
 * are Character columns, which is what it decodes them as.
 */
export class CharAsTextClient extends pg.Client {
  // pg's query() is heavily overloaded; this override only post-processes results, whether they
  // come back through a promise or (as pg.Pool#query uses it) a trailing callback.
  // @ts-expect-error -- a variadic override of an overloaded method
  override query(...args: unknown[]): unknown {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, result: unknown) =>
        (last as (e: unknown, r: unknown) => void)(err, relabelCharColumns(result));
    }
    const result: unknown = Reflect.apply(pg.Client.prototype.query, this, args);
    if (result instanceof Promise) return result.then(relabelCharColumns);
    return result;
  }
}

export function relabelCharColumns<T>(result: T): T {
  const r = result as { fields?: { dataTypeID: number }[]; rows?: object } | null;
  const indexes: number[] = [];
  r?.fields?.forEach((field, i) => {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      indexes.push(i);
    }
  });
  if (indexes.length && r?.rows) charColumnsOf.set(r.rows, indexes);
  return result;
}

type Queryable = Pick<PgAdapter, "queryRaw">;

function reportCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  return queryable;
}

/** Discrete pg fields: pg lets a `connectionString` override `database`, which breaks shadow DBs. */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    max: 2,
    // Structurally a pg.Client; its query() override is variadic, which pg's typings cannot express.
    Client: CharAsTextClient as unknown as typeof pg.Client,
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Adapts adapter-pg to what the engine needs: `"char"` columns reported as Character (above), and
 * whole scripts. adapter-pg's executeScript splits a script on every ";", which breaks function
 * bodies in hand-written migration SQL; PostgreSQL's simple-query protocol takes the whole script
 * at once and runs it as one implicit transaction, as the native engine does.
 */
function adaptForEngine(adapter: PgAdapter): PgAdapter {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      // Shaped like adapter-pg's own errors so the engine reports PostgreSQL's message.
      const e = error as pg.DatabaseError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "N/A",
        severity: e.severity ?? "N/A",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    reportCharColumns(await startTransaction(isolationLevel));
  return reportCharColumns(adapter);
}

class EngineAdapterFactory extends PrismaPg {
  constructor(
    private readonly poolConfig: pg.PoolConfig,
    private readonly shadow: ShadowDatabase,
  ) {
    super(poolConfig);
  }

  /** Connections the engine opened; it never closes them itself (its advisory lock lives there). */
  readonly opened: PgAdapter[] = [];

  override async connect() {
    const adapter = adaptForEngine(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  override async connectToShadowDb() {
    if (this.shadow.kind === "pglite-memory") return adaptForEngine(await connectPgliteShadow());
    // adapter-pg's own version drops the database while its pool is still connected; here the
    // shadow pool is closed first, then the database is dropped from the admin connection.
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ ...this.poolConfig });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadow = adaptForEngine(await new PrismaPg({ ...this.poolConfig, database: name }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  }
}

async function connectPgliteShadow() {
  const { startEmbeddedPostgres } = await import("./embedded");
  const embedded = await startEmbeddedPostgres({ dataDir: null });
  const shadow = await new PrismaPg(poolConfigFromUrl(embedded.url)).connect();
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await embedded.stop();
  };
  return shadow;
}

interface WasmGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  version(): string;
  SchemaEngine: typeof SchemaEngine;
}

let gluePromise: Promise<WasmGlue> | undefined;

/** The package's main entry imports a `.wasm` file, which Node cannot load; instantiate it by hand. */
function loadGlue(): Promise<WasmGlue> {
  gluePromise ??= (async () => {
    // Without a panic registry a Rust panic surfaces as an unrelated TypeError.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (m) => console.error("[schema-engine panic]", m),
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(/* webpackIgnore: true */ pathToFileURL(gluePath).href)) as WasmGlue;
    const wasmModule = await WebAssembly.compile(await readFile(join(dirname(gluePath), "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasmModule, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return gluePromise;
}

export interface EngineOptions {
  url: string;
  schemaPath: string;
  schemaText: string;
  shadow: ShadowDatabase;
  log?: (message: string) => void;
}

export interface OpenEngine {
  engine: SchemaEngine;
  version: string;
  /** Frees the engine and closes its connections, releasing its migration advisory lock. */
  close(): Promise<void>;
}

export async function openSchemaEngine(options: EngineOptions): Promise<OpenEngine> {
  const glue = await loadGlue();
  const factory = new EngineAdapterFactory(poolConfigFromUrl(options.url), options.shadow);
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[options.schemaPath, options.schemaText]] },
    options.log ?? (() => {}),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    version: glue.version(),
    async close() {
      engine.free();
      await Promise.all(factory.opened.map((adapter) => adapter.dispose()));
    },
  };
}
