import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { ApiKeyRepository, StoredApiKey } from "../repositories/api-key.repository.js";
import type { Role } from "./role.js";

/** Every API key starts so, which tells it from a JWT: `mtk_<id>_<secret>`. */
export const API_KEY_PREFIX = "mtk_";
const KEY_SHAPE = /^mtk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** How long a key's record is trusted from memory; a revoked key stops working within this time. */
export const API_KEY_CACHE_MS = 30_000;

const MAX_CACHED_KEYS = 10_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new key: the key itself (shown once) and what is stored of it. */
export function newApiKey(): { key: string; id: string; hash: string } {
  const id = randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 12).padEnd(12, "0");
  const key = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString("base64url")}`;
  return { key, id, hash: hashApiKey(key) };
}

export interface KeyGrant {
  id: string;
  role: Role;
  origins: string[];
}

/** Checks presented keys against the stored hashes, keeping records briefly in memory. */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, { record: StoredApiKey | null; until: number }>();

  constructor(private readonly keys: Pick<ApiKeyRepository, "find">) {}

  /** The key's grant, or null when the key is malformed, unknown, revoked or does not match. */
  async verify(key: string): Promise<KeyGrant | null> {
    const shape = KEY_SHAPE.exec(key);
    if (!shape) return null;
    const record = await this.record(shape[1]);
    if (!record || record.revoked) return null;
    const presented = Buffer.from(hashApiKey(key), "hex");
    const stored = Buffer.from(record.hash, "hex");
    if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
    return { id: record.id, role: record.role, origins: record.origins };
  }

  private async record(id: string): Promise<StoredApiKey | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.record;
    const record = await this.keys.find(id);
    // Made-up ids must not grow the cache without bound.
    if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
    this.cache.set(id, { record, until: Date.now() + API_KEY_CACHE_MS });
    return record;
  }
}
