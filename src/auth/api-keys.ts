import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { ApiKeyRepository, StoredApiKey } from "../repositories/api-key.repository.js";
import { ExpiringCache } from "./expiring-cache.js";
import type { Role } from "./role.js";

/** Every API key starts so, which tells it from a JWT: `mtk_<id>_<secret>`. */
export const API_KEY_PREFIX = "mtk_";
const KEY_SHAPE = /^mtk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * How long a key's record is trusted from memory by default (API_KEY_CACHE_MS sets another): a
 * revoked key stops working within this time (within a second where the revocation is announced
 * through Redis, key-revocations.ts).
 */
export const API_KEY_CACHE_MS = 30_000;

/** The cache time as operators are told it: 30000 → "30 s", 1500 → "1.5 s". */
export function cacheTimeText(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Records of existing keys kept in memory (the keys in use: a few per embedding site). */
const MAX_CACHED_KEYS = 10_000;

/**
 * Ids that name no key are remembered as long as a key's record, so that a made-up key sent again
 * and again costs one database lookup, not one each time. Each id came from a request, so their
 * number is bounded too: past it, the oldest are forgotten first. Ids are random (60 bits), so a
 * key created while its id is remembered as unknown does not happen outside tests.
 */
export const MAX_UNKNOWN_KEY_IDS = 10_000;

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

/** Checks presented keys against the stored hashes, keeping records (and unknown ids) briefly in memory. */
export class ApiKeyVerifier {
  private readonly known = new ExpiringCache<StoredApiKey>(MAX_CACHED_KEYS);
  private readonly unknown = new ExpiringCache<true>(MAX_UNKNOWN_KEY_IDS);

  /** `cacheMs`: how long a record (or an id that names no key) is remembered. */
  constructor(
    private readonly keys: Pick<ApiKeyRepository, "find">,
    private readonly now: () => number = Date.now,
    private readonly cacheMs: number = API_KEY_CACHE_MS,
  ) {}

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

  /** Drops what is remembered of the key `id` (revoked elsewhere): its next use reads the database. */
  forget(id: string): void {
    this.known.delete(id);
    this.unknown.delete(id);
  }

  /** Drops every remembered key (revocations may have been missed). */
  forgetAll(): void {
    this.known.clear();
    this.unknown.clear();
  }

  private async record(id: string): Promise<StoredApiKey | null> {
    const at = this.now();
    const known = this.known.get(id, at);
    if (known) return known;
    if (this.unknown.get(id, at)) return null;
    const record = await this.keys.find(id);
    if (record) this.known.set(id, record, at + this.cacheMs);
    else this.unknown.set(id, true, at + this.cacheMs);
    return record;
  }
}
