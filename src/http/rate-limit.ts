import { createHash } from "node:crypto";

import { Redis } from "ioredis";

import type { LimitSettings } from "../config.js";

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until the identity's window starts again. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  consume(identity: string): Promise<RateDecision>;
  close(): Promise<void>;
}

/** The rate limit counts requests per identity in fixed windows of one minute. */
export const RATE_WINDOW_MS = 60_000;

/** How long start-up waits for Redis, and each count waits for its answer. */
const REDIS_TIMEOUT_MS = 2_000;

export interface RateLimiterOptions {
  /** Told when Redis fails and a count falls back to this process's memory. */
  onRedisError?: (error: unknown) => void;
  /** The clock (tests move it). */
  now?: () => number;
}

/**
 * A rate limit per identity: at most `rateLimitPerMinute` requests in each minute of the clock.
 * With REDIS_URL the counts live in Redis, shared by every instance of the API (one atomic
 * INCR per request, the key expiring with its window); start-up fails when that Redis cannot be
 * reached, and a count that fails later falls back to this process's memory rather than letting
 * every request through. Identities are stored hashed: they may name people.
 */
export async function createRateLimiter(settings: LimitSettings, options: RateLimiterOptions = {}): Promise<RateLimiter> {
  const now = options.now ?? Date.now;
  const memory = new MemoryCounter();
  const limit = settings.rateLimitPerMinute;
  const decide = (count: number, msLeft: number): RateDecision =>
    count <= limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  const inMemory = (identity: string, at: number): RateDecision => {
    const window = Math.floor(at / RATE_WINDOW_MS);
    return decide(memory.increment(identity, window), (window + 1) * RATE_WINDOW_MS - at);
  };

  if (settings.redisUrl === undefined) {
    return { consume: async (identity) => inMemory(identity, now()), close: async () => {} };
  }

  const redis = new Redis(settings.redisUrl, {
    lazyConnect: true,
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    // Fail at once while disconnected (and fall back to memory) instead of queueing requests.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  // Errors are answered per count; without a listener ioredis would print each reconnect attempt.
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error("REDIS_URL is set but Redis cannot be reached", { cause: error });
  }
  return {
    consume: async (identity) => {
      const at = now();
      const window = Math.floor(at / RATE_WINDOW_MS);
      try {
        const [count, msLeft] = (await redis.eval(INCREMENT_IN_WINDOW, 1, `rate:${hashed(identity)}:${window}`, RATE_WINDOW_MS)) as [number, number];
        return decide(count, msLeft);
      } catch (error) {
        options.onRedisError?.(error);
        return inMemory(identity, at);
      }
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** INCR the window's key; its first request sets the expiry. Answers the count and the ms left. */
const INCREMENT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

function hashed(identity: string): string {
  return createHash("sha256").update(identity).digest("base64url").slice(0, 32);
}

/** Counts of the current window only: the first count of a new window forgets the old one. */
class MemoryCounter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  increment(identity: string, window: number): number {
    if (window !== this.window) {
      if (window < this.window) return 1;
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(identity) ?? 0) + 1;
    this.counts.set(identity, count);
    return count;
  }
}
