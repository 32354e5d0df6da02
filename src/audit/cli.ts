// The audit command: `npm run audit -- verify [--file <trail.jsonl>]`, `npm run audit -- hash`.
import { runAuditCli } from "./audit-command.js";

process.exitCode = await runAuditCli(process.argv.slice(2));
