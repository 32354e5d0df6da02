import { createHash } from "node:crypto";

import { Redis } from "ioredis";

import type { LimitSettings } from "../config.js";

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until the identity's window starts again. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one request of the identity and says whether it is within the limit. */
  consume(identity: string): Promise<RateDecision>;
  /**
   * Whether a client address may try to authenticate: refused once it has failed
   * `authFailuresPerMinute` times in the current minute. Counts nothing.
   */
  mayAuthenticate(address: string): Promise<RateDecision>;
  /** Counts one failed authentication of the address. */
  failedAuthentication(address: string): Promise<void>;
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
 * A rate limit per identity: at most `rateLimitPerMinute` requests in each minute of the clock; and
 * a limit on failed authentications per client address (`authFailuresPerMinute`), so that guessing
 * credentials, or sending made-up API keys that each cost a database lookup, soon stops.
 * With REDIS_URL the counts live in Redis, shared by every instance of the API (one atomic
 * INCR per request, the key expiring with its window); start-up fails when that Redis cannot be
 * reached, and a count that fails later falls back to this process's memory rather than letting
 * every request through. Identities and addresses are stored hashed: they may name people.
 */
export async function createRateLimiter(settings: LimitSettings, options: RateLimiterOptions = {}): Promise<RateLimiter> {
  const now = options.now ?? Date.now;
  const counts = await openCounts(settings.redisUrl, options.onRedisError);
  const refusal = (msLeft: number): RateDecision => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) });
  const allowed: RateDecision = { allowed: true, retryAfterSeconds: 0 };
  return {
    consume: async (identity) => {
      const { count, msLeft } = await counts.increment(`rate:${hashed(identity)}`, now());
      return count <= settings.rateLimitPerMinute ? allowed : refusal(msLeft);
    },
    mayAuthenticate: async (address) => {
      const { count, msLeft } = await counts.peek(`authfail:${hashed(address)}`, now());
      return count < settings.authFailuresPerMinute ? allowed : refusal(msLeft);
    },
    failedAuthentication: async (address) => {
      await counts.increment(`authfail:${hashed(address)}`, now());
    },
    close: () => counts.close(),
  };
}

/** Counts per key in fixed windows of RATE_WINDOW_MS, and the ms left in the window. */
interface WindowCounts {
  increment(key: string, at: number): Promise<{ count: number; msLeft: number }>;
  peek(key: string, at: number): Promise<{ count: number; msLeft: number }>;
  close(): Promise<void>;
}

async function openCounts(redisUrl: string | undefined, onRedisError: ((error: unknown) => void) | undefined): Promise<WindowCounts> {
  const memory = new MemoryCounter();
  const inMemory = (key: string, at: number, add: number) => {
    const window = Math.floor(at / RATE_WINDOW_MS);
    return { count: memory.add(key, window, add), msLeft: (window + 1) * RATE_WINDOW_MS - at };
  };
  if (redisUrl === undefined) {
    return {
      increment: async (key, at) => inMemory(key, at, 1),
      peek: async (key, at) => inMemory(key, at, 0),
      close: async () => {},
    };
  }

  const redis = new Redis(redisUrl, {
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
  const inRedis = async (key: string, at: number, add: number) => {
    const window = Math.floor(at / RATE_WINDOW_MS);
    try {
      const script = add === 0 ? READ_IN_WINDOW : INCREMENT_IN_WINDOW;
      const [count, msLeft] = (await redis.eval(script, 1, `${key}:${window}`, RATE_WINDOW_MS)) as [number, number];
      return { count, msLeft };
    } catch (error) {
      onRedisError?.(error);
      return inMemory(key, at, add);
    }
  };
  return {
    increment: (key, at) => inRedis(key, at, 1),
    peek: (key, at) => inRedis(key, at, 0),
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

/** The window's count without counting (0 and the whole window when the key is not there). */
const READ_IN_WINDOW = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local left = redis.call('PTTL', KEYS[1])
if left < 0 then left = tonumber(ARGV[1]) end
return {count, left}
`;

function hashed(identity: string): string {
  return createHash("sha256").update(identity).digest("base64url").slice(0, 32);
}

/** Counts of the current window only: the first count of a new window forgets the old one. */
class MemoryCounter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  /** Adds `add` (0 to read) to the key's count in the window and answers the count. */
  add(key: string, window: number, add: number): number {
    if (window !== this.window) {
      if (window < this.window) return add;
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + add;
    if (add !== 0) this.counts.set(key, count);
    return count;
  }
}
