import { parseArgs } from "node:util";

import { ConfigError, loadConfig, type Config } from "../config.js";
import { keyedHasher, keyPathOf, readKey } from "./audit-key.js";
import type { AuditTrail } from "./audit-trail.js";
import { verifyFile, type ChainReport } from "./verify.js";

const USAGE = `usage: npm run audit -- <command> [--file <trail.jsonl>]

  verify   checks the trail's hash chain; prints the first line that does not verify, or the
           head (seq and hash) to note elsewhere, so that a later check can tell the file was
           not cut short or rewritten since
  hash     reads one value from standard input and prints the hmac:<hex> that stands for it in
           recorded variables (a String or ID value), to look for it in the trail

  --file <path>   the trail file (default: AUDIT_LOG_PATH, or .audit/audit-log.jsonl); with
                  AUDIT_STORE=neo4j and no --file, the chain AUDIT_CHAIN in Neo4j

Exit code: 0 the chain verifies (or the hash was printed), 1 it does not, 2 the command could not run.`;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
  /** Standard input, whole. */
  input(): Promise<string>;
}

const consoleOutput: CommandOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  input: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** Runs `work` on the shared trail of the configuration (AUDIT_STORE=neo4j), in its database. */
export type SharedTrailRunner = <T>(config: Config, work: (trail: AuditTrail) => Promise<T>) => Promise<T>;

/** Runs the audit command; resolves to the process exit code. */
export async function runAuditCli(
  argv: readonly string[],
  io: CommandOutput = consoleOutput,
  withSharedTrail?: SharedTrailRunner,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { file: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = args.positionals;
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  if ((command !== "verify" && command !== "hash") || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const file = args.values.file ?? config.audit.path;
  const shared = args.values.file === undefined ? config.audit.shared : undefined;
  const where = shared ? `the audit chain ${shared.chain} in Neo4j` : file;
  try {
    if (command === "hash") {
      const value = (await io.input()).replace(/\r?\n$/, "");
      io.out(keyedHasher(config.audit.hmacKey ?? (await readKey(keyPathOf(file))))(value));
      return 0;
    }
    let report: ChainReport;
    if (shared) {
      if (withSharedTrail === undefined) throw new Error("no database to read the shared trail from");
      report = await withSharedTrail(config, (trail) => trail.verify());
    } else {
      report = await verifyFile(file);
    }
    if (report.valid) {
      io.out(`valid: ${report.records} records; head seq ${report.head?.seq} hash ${report.head?.hash}`);
      return 0;
    }
    io.out(`broken at line ${(report.firstBadIndex ?? 0) + 1} (index ${report.firstBadIndex}): ${report.reason}`);
    io.out(`${report.records} records verified before it`);
    return 1;
  } catch (error) {
    io.err(`cannot read ${where}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
}
