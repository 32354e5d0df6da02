// The trade tallies command: `npm run aggregates -- refresh | rebuild`.
import { adoptRunningDatabase } from "../db/command-database.js";
import { runAggregatesCli } from "./aggregates-command.js";

// Beside a running `npm start`, its database (an embedded one has one user at a time).
const running = await adoptRunningDatabase();
if (running) console.error(running);
process.exitCode = await runAggregatesCli(process.argv.slice(2));
