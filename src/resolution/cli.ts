// The resolution command: `npm run resolve -- candidates [--min-score S] [--scope <id prefix>]`.
import { adoptRunningDatabase } from "../db/command-database.js";
import { runResolveCli } from "./resolve-command.js";

// Beside a running `npm start`, its database (an embedded one has one user at a time).
const running = await adoptRunningDatabase();
if (running) console.error(running);
process.exitCode = await runResolveCli(process.argv.slice(2));
