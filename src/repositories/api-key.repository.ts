import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { apiKeysCreate, apiKeysFind, apiKeysList, apiKeysRevoke } from "../db/queries.generated.js";
import { isRole, type Role } from "../auth/role.js";

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
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  async create(key: { id: string; hash: string; role: Role; origins: string[]; name: string }): Promise<void> {
    await this.executor.writeQuery(apiKeysCreate, { ...key, createdAt: new Date().toISOString() });
  }

  /** Whether a key had that id. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.executor.writeQuery(apiKeysRevoke, { id, revokedAt: new Date().toISOString() });
    return rows.length > 0;
  }

  async find(id: string): Promise<StoredApiKey | null> {
    const [row] = await this.executor.readQuery(apiKeysFind, { id });
    return row ? { ...row, role: knownRole(row.id, row.role) } : null;
  }

  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.executor.readQuery(apiKeysList, {});
    return rows.map((row) => ({ ...row, role: knownRole(row.id, row.role) }));
  }
}

/** A stored role this version does not know grants nothing: the key fails loudly rather than passing as some role. */
function knownRole(id: string, role: string): Role {
  if (!isRole(role)) throw new Error(`API key ${id} has a role this version does not know`);
  return role;
}
