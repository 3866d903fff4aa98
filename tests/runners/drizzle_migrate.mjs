// drizzle_migrate.mjs FOLDER DATABASE — applies a drizzle-kit migrations
// folder (NNNN_tag.sql + meta/_journal.json) with drizzle-orm's own
// migrator, exactly as an application would:
//
//     migrate(db, { migrationsFolder })   from drizzle-orm/node-postgres/migrator
//
// over node-postgres. The server is the one the PG* environment names
// (PGHOST is the Unix socket directory of the test's PostgreSQL 15, PGPORT,
// PGUSER); DATABASE is the database. Prints "drizzle: migrated FOLDER" and
// exits 0, or prints the error (and the server's error under it, with its
// SQLSTATE) and exits 1. It does not create or drop anything itself.
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

const [migrationsFolder, database] = process.argv.slice(2);
if (!migrationsFolder || !database) {
  console.error("usage: node drizzle_migrate.mjs FOLDER DATABASE");
  process.exit(2);
}
if (!process.env.PGHOST || !process.env.PGPORT) {
  console.error("drizzle_migrate: PGHOST and PGPORT must name the test server");
  process.exit(2);
}

const pool = new pg.Pool({
  host: process.env.PGHOST, // a directory: node-postgres connects to its Unix socket
  port: Number(process.env.PGPORT),
  user: process.env.PGUSER || "postgres",
  database,
  max: 1,
});
const db = drizzle(pool);

try {
  await migrate(db, { migrationsFolder });
  console.log(`drizzle: migrated ${migrationsFolder}`);
} catch (err) {
  // drizzle wraps the driver's error ("Failed query: ...") with it as cause
  console.error(`drizzle: ${err.message}`);
  for (let e = err.cause; e; e = e.cause) {
    console.error(`  cause: ${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ""}`);
  }
  if (err.code) console.error(`  SQLSTATE ${err.code}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
