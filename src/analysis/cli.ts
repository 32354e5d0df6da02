// The analysis command: `npm run analyze -- [rings] [--scope <id prefix>] [--min-size N] ...`.
import { runAnalyzeCli } from "./analyze-command.js";

process.exitCode = await runAnalyzeCli(process.argv.slice(2));
