// `npm run generate -- --shipments N --seed S [--out DIR]`: see run-cli.ts and README.md.
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2));
