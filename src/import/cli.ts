// The import command: `npm run import -- --mapping <file> <csv...> [--dry-run] [--batch-size N]`.
import { adoptRunningDatabase } from "../db/command-database.js";
import { runImportCli } from "./import-command.js";

// Beside a running `npm start`, its database (an embedded one has one user at a time).
const running = await adoptRunningDatabase();
if (running) console.error(running);
process.exitCode = await runImportCli(process.argv.slice(2));
