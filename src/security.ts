import { randomBytes } from "node:crypto";

import { openAuditTrail } from "./audit/audit-trail.js";
import { ApiKeyVerifier } from "./auth/api-keys.js";
import { Authenticator } from "./auth/authenticate.js";
import { Pseudonyms } from "./auth/pseudonyms.js";
import type { Config } from "./config.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { createRateLimiter } from "./http/rate-limit.js";
import { ApiKeyRepository } from "./repositories/api-key.repository.js";
import type { Security } from "./server.js";

/** How long the list of origins allowed by API keys is kept before it is read again. */
const KEY_ORIGINS_CACHE_MS = 30_000;

/**
 * The server's security from its configuration. Without PSEUDONYM_SECRET (allowed outside
 * production only) pseudonyms use a random key: stable until the process stops.
 */
export async function createSecurity(
  config: Pick<Config, "auth" | "limits" | "audit">,
  executor: CypherExecutor,
  registry: CypherRegistry,
): Promise<Security & { close(): Promise<void> }> {
  const keys = new ApiKeyRepository(executor, registry);
  const audit = await openAuditTrail(config.audit);
  const rateLimiter = await createRateLimiter(config.limits);
  let keyOrigins: { origins: Set<string>; until: number } | undefined;
  return {
    authenticator: new Authenticator(config.auth, new ApiKeyVerifier(keys)),
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
      await rateLimiter.close();
      await audit.close();
    },
  };
}
