import { randomBytes } from "node:crypto";

import { openAuditTrail, type AuditTrail } from "./audit/audit-trail.js";
import { openNeo4jAuditTrail } from "./audit/neo4j-audit-trail.js";
import { ApiKeyVerifier } from "./auth/api-keys.js";
import { Authenticator } from "./auth/authenticate.js";
import { listenForRevocations } from "./auth/key-revocations.js";
import { Pseudonyms } from "./auth/pseudonyms.js";
import type { AuditSettings, Config } from "./config.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { createRateLimiter } from "./http/rate-limit.js";
import { ApiKeyRepository } from "./repositories/api-key.repository.js";
import type { Security } from "./server.js";

/** How long the list of origins allowed by API keys is kept before it is read again. */
const KEY_ORIGINS_CACHE_MS = 30_000;

/**
 * The server's security from its configuration. Without PSEUDONYM_SECRET (allowed outside
 * production only) pseudonyms use a random key: stable until the process stops. With REDIS_URL,
 * a key revoked by `npm run keys -- revoke` is forgotten at once (key-revocations.ts); `warn` hears
 * when that listening breaks (standard error when not given).
 */
export async function createSecurity(
  config: Pick<Config, "auth" | "limits" | "audit">,
  executor: CypherExecutor,
  registry: CypherRegistry,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<Security & { close(): Promise<void> }> {
  const keys = new ApiKeyRepository(executor, registry);
  const apiKeys = new ApiKeyVerifier(keys, Date.now, config.auth.apiKeyCacheMs);
  const audit = await openAudit(config.audit, executor);
  const rateLimiter = await createRateLimiter(config.limits);
  let keyOrigins: { origins: Set<string>; until: number } | undefined;
  const revocations =
    config.limits.redisUrl === undefined
      ? undefined
      : listenForRevocations(
          config.limits.redisUrl,
          {
            revoked: (id) => {
              apiKeys.forget(id);
              keyOrigins = undefined;
            },
            resumed: () => {
              apiKeys.forgetAll();
              keyOrigins = undefined;
            },
          },
          warn,
          config.auth.apiKeyCacheMs,
        );
  return {
    authenticator: new Authenticator(config.auth, apiKeys),
    pseudonyms: new Pseudonyms(config.auth.pseudonymSecret ?? randomBytes(32).toString("hex")),
    audit,
    limits: config.limits,
    rateLimiter,
    corsOrigins: async () => {
      if (!keyOrigins || keyOrigins.until < Date.now()) {
        // While the database is away, only the configured origins.
        const listed = await keys.list().catch(() => null);
        if (listed === null) return new Set(config.auth.corsOrigins);
        const active = listed.filter((key) => key.revokedAt === null);
        const origins = new Set([...config.auth.corsOrigins, ...active.flatMap((key) => key.origins)]);
        keyOrigins = { origins, until: Date.now() + KEY_ORIGINS_CACHE_MS };
      }
      return keyOrigins.origins;
    },
    close: async () => {
      await revocations?.close();
      await rateLimiter.close();
      await audit.close();
    },
  };
}

/** The trail file of this process, or the chain in Neo4j that every replica shares (AUDIT_STORE=neo4j). */
async function openAudit(settings: AuditSettings, executor: CypherExecutor): Promise<AuditTrail> {
  if (settings.shared === undefined) return openAuditTrail(settings);
  if (settings.hmacKey === undefined) throw new Error("AUDIT_STORE=neo4j needs AUDIT_HMAC_KEY");
  return openNeo4jAuditTrail({ shared: settings.shared, retentionDays: settings.retentionDays, hmacKey: settings.hmacKey }, executor);
}
