// pglite-server.mjs - starts the pinned pglite-server CLI
// (@electric-sql/pglite-socket, tests/package.json) on any Node from 18 on.
//
//     node tests/lib/pglite-server.mjs [pglite-server options...]
//
// pglite-socket dispatches `new CustomEvent(...)` on its server and its
// connection handlers, and Node has that global only from 19 on: on Debian
// 12's Node 18.20.4 the server died at its first "listening" event with
// "ReferenceError: CustomEvent is not defined". customevent.mjs provides it
// where it is missing (and leaves Node's own alone), so the server runs the
// same on 18, 20 and 22. Then the CLI runs in this process: process.argv is
// passed through untouched, so the options are the CLI's own, and the node
// process is the server (its PID is the server's PID).
//
// It must not change anything else in the environment of the CLI.
import "./customevent.mjs";
import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bin = fileURLToPath(new URL("../node_modules/.bin/pglite-server", import.meta.url));
let cli;
try {
    cli = realpathSync(bin);
} catch (e) {
    console.error(`pglite-server.mjs: ${bin} not found (run npm ci in tests/): ${e.message}`);
    process.exit(1);
}
await import(pathToFileURL(cli).href);
