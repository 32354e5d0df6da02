import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import type { Role } from "../auth/role.js";

export interface StoredApiKey {
  id: string;
  /** SHA-256 of the whole key, hex. */
  hash: string;
  role: Role;
  origins: string[];
  revoked: boolean;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  role: Role;
  origins: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** API keys of embedding apps, kept as `ApiKey` nodes beside the graph (never drawn in it). */
export class ApiKeyRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  async create(key: { id: string; hash: string; role: Role; origins: string[]; name: string }): Promise<void> {
    await this.executor.write(this.registry.text("apiKeyCreate"), { ...key, createdAt: new Date().toISOString() });
  }

  /** Whether a key had that id. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.executor.write(this.registry.text("apiKeyRevoke"), { id, revokedAt: new Date().toISOString() });
    return rows.length > 0;
  }

  async find(id: string): Promise<StoredApiKey | null> {
    const [row] = await this.executor.read(this.registry.text("apiKeyFind"), { id });
    return row ? (row as unknown as StoredApiKey) : null;
  }

  async list(): Promise<ApiKeySummary[]> {
    return (await this.executor.read(this.registry.text("apiKeyList"))) as unknown as ApiKeySummary[];
  }
}
