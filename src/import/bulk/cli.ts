// The bulk-load command: `npm run bulk-load -- --into <folder> --generated <folder>` (see bulk-command.ts).
import { runBulkLoadCli } from "./bulk-command.js";

process.exitCode = await runBulkLoadCli(process.argv.slice(2));
