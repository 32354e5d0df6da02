// The trade tallies command: `npm run aggregates -- refresh | rebuild`.
import { runAggregatesCli } from "./aggregates-command.js";

process.exitCode = await runAggregatesCli(process.argv.slice(2));
