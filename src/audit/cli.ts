// The audit command: `npm run audit -- verify [--file <trail.jsonl>]`, `npm run audit -- hash`.
import { loadConfig, type Config } from "../config.js";
import { adoptRunningDatabase, withCommandDatabase } from "../db/command-database.js";
import { runAuditCli } from "./audit-command.js";
import { keyedHasher } from "./audit-key.js";
import type { AuditTrail } from "./audit-trail.js";
import { Neo4jAuditTrail } from "./neo4j-audit-trail.js";

/** The shared chain, read from the configured database (beside a running `npm start`, its database); never pruned from here. */
async function withSharedTrail<T>(config: Config, work: (trail: AuditTrail) => Promise<T>): Promise<T> {
  const running = await adoptRunningDatabase();
  if (running) console.error(running);
  const { shared, hmacKey, retentionDays } = config.audit;
  if (!shared || !hmacKey) throw new Error("AUDIT_STORE=neo4j and AUDIT_HMAC_KEY are needed to read the shared trail");
  // Read again: adopting a running database sets NEO4J_URI and its credentials.
  return withCommandDatabase(loadConfig().neo4j, {}, (executor) =>
    work(new Neo4jAuditTrail(shared.chain, retentionDays, keyedHasher(hmacKey), executor, () => new Date())),
  );
}

process.exitCode = await runAuditCli(process.argv.slice(2), undefined, withSharedTrail);
