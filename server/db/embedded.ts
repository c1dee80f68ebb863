// The embedded default: PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port, so
// the app talks to it through the same pg / adapter-pg path as to a real PostgreSQL server.
// See docs/decisions/001-embedded-pglite.md.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** postgresql:// URL of the loopback server. */
  url: string;
  /** Stops accepting connections, then closes PGlite so everything written is flushed to disk. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory for the data files; null keeps the database in memory (tests, shadow databases). */
  dataDir: string | null;
  /** 0 (default) picks a free port. */
  port?: number;
  maxConnections?: number;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm },
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        await db.close();
      })();
      return stopped;
    },
  };
}
