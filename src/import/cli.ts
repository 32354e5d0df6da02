// The import command: `npm run import -- --mapping <file> <csv...> [--dry-run] [--batch-size N]`.
import { runImportCli } from "./import-command.js";

process.exitCode = await runImportCli(process.argv.slice(2));
