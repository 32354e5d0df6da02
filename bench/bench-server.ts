import { mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

import { createApp } from "../src/app.js";
import { Role } from "../src/auth/role.js";
import { signToken } from "../src/auth/tokens.js";
import { loadConfig } from "../src/config.js";
import type { Viewer } from "../src/auth/viewer.js";
import type { ApiServer, RunningServer, Security, ServerDependencies } from "../src/server.js";
import { useCredentials } from "./measure.js";

/** The benchmark's API: listening, and also callable in-process through the same Apollo and context. */
export type BenchServer = RunningServer & { security: Security } & Pick<ApiServer, "apollo" | "context">;

/**
 * The API for a benchmark, with its full security (tokens, audit trail, limits) as in production,
 * an audit file in a temporary folder, and requests sent with a token of `role`, so the API's
 * figures include what every real request costs. The rate limit is lifted: a benchmark sends its
 * requests one after the other as fast as they are answered.
 */
export async function startBenchServer(deps: Omit<ServerDependencies, "security">, role: Role = Role.ADMIN): Promise<BenchServer> {
  const auditDir = await mkdtemp(path.join(tmpdir(), "bench-audit-"));
  const config = loadConfig({
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    PSEUDONYM_SECRET: randomBytes(32).toString("hex"),
    AUDIT_LOG_PATH: path.join(auditDir, "audit-log.jsonl"),
    RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const app = await createApp({ ...deps, config: { ...config, production: deps.production } });
  const { url } = await app.listen("127.0.0.1", 0);
  useCredentials(`Bearer ${await signToken(config.auth, { subject: "benchmark", role })}`);
  return {
    url,
    security: app.security,
    apollo: app.apollo,
    context: app.context,
    close: async () => {
      await app.close();
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}

/** The viewer of the benchmark's token, for contexts made outside HTTP. */
export const BENCH_VIEWER: Viewer = { subject: "token:benchmark", role: Role.ADMIN, method: "token" };
