// The analysis command: `npm run analyze -- [rings] [--scope <id prefix>] [--min-size N] ...`.
import { adoptRunningDatabase } from "../db/command-database.js";
import { runAnalyzeCli } from "./analyze-command.js";

// Beside a running `npm start`, its database (an embedded one has one user at a time).
const running = await adoptRunningDatabase();
if (running) console.error(running);
process.exitCode = await runAnalyzeCli(process.argv.slice(2));
