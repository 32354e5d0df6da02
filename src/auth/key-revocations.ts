import { Redis } from "ioredis";

import { API_KEY_CACHE_MS, cacheTimeText } from "./api-keys.js";

/** The Redis channel on which the keys command announces the id of each key it revokes. */
export const REVOKED_KEYS_CHANNEL = "api-keys:revoked";

/** The public id of a key (`mtk_<id>_<secret>`): anything else on the channel is ignored. */
const KEY_ID = /^[a-z0-9]{12}$/;

/** How long the keys command waits for Redis. */
const REDIS_TIMEOUT_MS = 2_000;

/**
 * Announces that the key `id` was revoked (once the database says so), to every API process
 * listening on the same Redis. Resolves to how many processes heard it. Only the public id travels.
 */
export async function announceRevocation(redisUrl: string, id: string): Promise<number> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The failure is the rejection of connect or publish; without a listener ioredis would print it too.
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.publish(REVOKED_KEYS_CHANNEL, id);
  } finally {
    redis.disconnect();
  }
}

export interface RevocationHandlers {
  /** A key was revoked: forget what is remembered of it. */
  revoked(id: string): void;
  /** Listening again after a break, in which announcements may have been missed. */
  resumed(): void;
}

export interface RevocationListener {
  close(): Promise<void>;
}

/**
 * Listens for revoked key ids on REVOKED_KEYS_CHANNEL, on a connection of its own (a subscribed
 * Redis connection can do nothing else). While Redis is away, announcements are missed and a
 * revoked key keeps working until its record expires from memory (after `cacheMs`, the verifier's
 * API_KEY_CACHE_MS): `warn` is told once per break, and every key is forgotten when listening
 * resumes. ioredis reconnects and subscribes again by itself.
 */
export function listenForRevocations(
  redisUrl: string,
  handlers: RevocationHandlers,
  warn: (message: string) => void,
  cacheMs: number = API_KEY_CACHE_MS,
): RevocationListener {
  const redis = new Redis(redisUrl, {
    connectTimeout: REDIS_TIMEOUT_MS,
    // Reconnect every second at most, without end: revocations matter as long as the process runs.
    retryStrategy: (attempt) => Math.min(attempt * 200, 1_000),
    maxRetriesPerRequest: null,
  });
  let listening = false;
  let broken = false;
  const lost = () => {
    if (broken) return;
    broken = true;
    listening = false;
    warn(
      "API key revocations are not heard from Redis: a key revoked meanwhile keeps working in this process until its record " +
        `expires (${cacheTimeText(cacheMs)}); listening again as soon as Redis answers`,
    );
  };
  redis.on("error", lost);
  redis.on("close", () => {
    if (listening) lost();
  });
  redis.on("ready", () => {
    listening = true;
    if (!broken) return;
    broken = false;
    handlers.resumed();
    warn("API key revocations are heard from Redis again; keys remembered meanwhile are read again");
  });
  redis.on("message", (channel: string, message: string) => {
    if (channel === REVOKED_KEYS_CHANNEL && KEY_ID.test(message)) handlers.revoked(message);
  });
  // Rejected only while Redis is away; ioredis subscribes again when it reconnects.
  redis.subscribe(REVOKED_KEYS_CHANNEL).catch(() => {});
  return {
    close: async () => {
      listening = false;
      redis.removeAllListeners();
      redis.on("error", () => {});
      // Not `quit`: while Redis is away it would wait in the offline queue.
      redis.disconnect();
    },
  };
}
