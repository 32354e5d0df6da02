import { EventEmitter } from "node:events";

import { Redis } from "ioredis";

import { isAlertEvent, type AlertEvent } from "./alert-event.js";

/** The Redis channel alerts travel on, one JSON message per alert. */
export const ALERTS_CHANNEL = "mekong:alerts";

/** How long connecting and each publish wait for Redis. */
const REDIS_TIMEOUT_MS = 2_000;

/**
 * Carries new alerts from the import that made them to every API process. With a Redis URL, a
 * publish goes on the Redis channel and each process that listens gets it from there, itself
 * included; without one (or when Redis refuses the publish) it reaches this process's listeners
 * only. Nothing is kept: an alert missed here is still read back from Neo4j (`alerts(after:)`).
 */
export interface AlertBus {
  publish(events: readonly AlertEvent[]): Promise<void>;
  /** Calls `listener` for every alert published from now on; the function returned stops it. */
  listen(listener: (event: AlertEvent) => void): () => void;
  close(): Promise<void>;
}

export interface AlertBusOptions {
  /** Told of Redis failures (a publish that fell back to this process, a lost subscriber connection). */
  onRedisError?: (error: unknown) => void;
  /** Whether this process listens (an API process) or only publishes (an import). */
  listening?: boolean;
}

export function createAlertBus(redisUrl: string | undefined, options: AlertBusOptions = {}): AlertBus {
  const local = new EventEmitter();
  // Each subscription is a listener: many sockets of one process must not warn as a leak.
  local.setMaxListeners(0);
  const deliver = (event: AlertEvent) => local.emit("alert", event);
  const listen = (listener: (event: AlertEvent) => void) => {
    local.on("alert", listener);
    return () => void local.off("alert", listener);
  };
  if (redisUrl === undefined) {
    return {
      publish: async (events) => events.forEach(deliver),
      listen,
      close: async () => void local.removeAllListeners(),
    };
  }

  const redisOptions = {
    connectTimeout: REDIS_TIMEOUT_MS,
    commandTimeout: REDIS_TIMEOUT_MS,
    // A publish fails at once while disconnected, and falls back to this process, instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  };
  const publisher = new Redis(redisUrl, { ...redisOptions, lazyConnect: true });
  // Failures are answered per publish; without a listener ioredis would print each reconnect attempt.
  publisher.on("error", () => {});
  let subscriber: Redis | undefined;
  if (options.listening ?? true) {
    // A connection in subscriber mode can do nothing else; ioredis subscribes again after a reconnect.
    subscriber = new Redis(redisUrl, { connectTimeout: REDIS_TIMEOUT_MS });
    let failing = false;
    subscriber.on("error", (error) => {
      if (!failing) options.onRedisError?.(error);
      failing = true;
    });
    subscriber.on("ready", () => {
      failing = false;
    });
    subscriber.on("message", (_channel: string, message: string) => {
      const event = parsed(message);
      if (event) deliver(event);
    });
    subscriber.subscribe(ALERTS_CHANNEL).catch((error: unknown) => options.onRedisError?.(error));
  }
  return {
    publish: async (events) => {
      for (const event of events) {
        try {
          if (publisher.status === "wait") await publisher.connect();
          await publisher.publish(ALERTS_CHANNEL, JSON.stringify(event));
        } catch (error) {
          options.onRedisError?.(error);
          deliver(event);
        }
      }
    },
    listen,
    close: async () => {
      local.removeAllListeners();
      await Promise.all(
        [publisher, subscriber].map(async (redis) => {
          if (!redis || redis.status === "wait" || redis.status === "end") return redis?.disconnect();
          await redis.quit().catch(() => redis.disconnect());
        }),
      );
    },
  };
}

function parsed(message: string): AlertEvent | null {
  try {
    const value: unknown = JSON.parse(message);
    return isAlertEvent(value) ? value : null;
  } catch {
    return null;
  }
}
