import { EventEmitter } from "node:events";

import { Redis } from "ioredis";

import { isAlertEvent, type AlertEvent } from "./alert-event.js";

/** The Redis channel alerts travel on, one JSON message per alert. */
export const ALERTS_CHANNEL = "mekong:alerts";

/** How long connecting and each publish wait for Redis. */
const REDIS_TIMEOUT_MS = 2_000;

/** How often a process with subscriptions polls Neo4j for alerts no message brought. */
export const ALERT_POLL_MS = 1_000;

/** Alerts read per poll. */
const POLL_PAGE = 500;

/** Ids of alerts delivered lately, so that one brought both by Redis and by a poll is delivered once. */
const REMEMBERED = 10_000;

/** Where a listening process polls for alerts (src/alerts/alert-store.ts). */
export interface AlertSource {
  latestSeq(): Promise<number>;
  alertsSince(after: number, first: number): Promise<AlertEvent[]>;
}

/**
 * Carries new alerts from the import that made them to every API process. With a Redis URL, a
 * publish goes on the Redis channel and each process that listens gets it from there, itself
 * included; without one (or when Redis refuses the publish) it reaches this process's listeners
 * only. A listening process given a `source` also polls Neo4j, while it has listeners, for alerts
 * numbered after the last it saw: an import that published nothing (another process without
 * Redis), or Redis away, delays an alert by a poll, and loses none. Each alert reaches the
 * listeners once, whichever way it came.
 */
export interface AlertBus {
  publish(events: readonly AlertEvent[]): Promise<void>;
  /** Calls `listener` for every alert published from now on; the function returned stops it. */
  listen(listener: (event: AlertEvent) => void): () => void;
  close(): Promise<void>;
}

export interface AlertBusOptions {
  /** Told of Redis and polling failures (a publish that fell back to this process, a lost connection, a failed poll). */
  onError?: (error: unknown) => void;
  /** Whether this process listens (an API process) or only publishes (an import). */
  listening?: boolean;
  /** Where to poll for alerts while there are listeners; without it, only messages deliver. */
  source?: AlertSource;
  pollMs?: number;
}

export function createAlertBus(redisUrl: string | undefined, options: AlertBusOptions = {}): AlertBus {
  const local = new EventEmitter();
  // Each subscription is a listener: many sockets of one process must not warn as a leak.
  local.setMaxListeners(0);
  const delivered = new Set<string>();
  const deliver = (event: AlertEvent) => {
    if (delivered.has(event.id)) return;
    delivered.add(event.id);
    if (delivered.size > REMEMBERED) delivered.delete(delivered.values().next().value!);
    local.emit("alert", event);
  };
  const poller = options.source && (options.listening ?? true) ? startPolling(options.source, local, deliver, options) : undefined;
  const listen = (listener: (event: AlertEvent) => void) => {
    local.on("alert", listener);
    // The first listener starts polling now, from the last alert committed now.
    if (local.listenerCount("alert") === 1) poller?.poll();
    return () => void local.off("alert", listener);
  };
  if (redisUrl === undefined) {
    return {
      publish: async (events) => events.forEach(deliver),
      listen,
      close: async () => {
        poller?.stop();
        local.removeAllListeners();
      },
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
      if (!failing) options.onError?.(error);
      failing = true;
    });
    subscriber.on("ready", () => {
      failing = false;
    });
    subscriber.on("message", (_channel: string, message: string) => {
      const event = parsed(message);
      if (event) deliver(event);
    });
    subscriber.subscribe(ALERTS_CHANNEL).catch((error: unknown) => options.onError?.(error));
  }
  return {
    publish: async (events) => {
      for (const event of events) {
        try {
          if (publisher.status === "wait") await publisher.connect();
          await publisher.publish(ALERTS_CHANNEL, JSON.stringify(event));
        } catch (error) {
          options.onError?.(error);
          deliver(event);
        }
      }
    },
    listen,
    close: async () => {
      poller?.stop();
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

/**
 * Polls `source` every `pollMs` while `local` has listeners, for alerts numbered after the last it
 * saw; when the first listener comes, from the last alert committed then, read at once (earlier
 * ones are the subscriptions' replay, read by cursor). No listener, no query. A failed poll is told
 * once, and tried again at the next tick from where it was.
 */
function startPolling(source: AlertSource, local: EventEmitter, deliver: (event: AlertEvent) => void, options: AlertBusOptions): { poll(): void; stop(): void } {
  let after: number | null = null;
  let failing = false;
  let running = false;
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      if (local.listenerCount("alert") === 0) {
        after = null;
        return;
      }
      after ??= await source.latestSeq();
      for (;;) {
        const events = await source.alertsSince(after, POLL_PAGE);
        for (const event of events) {
          deliver(event);
          after = event.seq;
        }
        if (events.length < POLL_PAGE) break;
      }
      failing = false;
    } catch (error) {
      if (!failing) options.onError?.(error);
      failing = true;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void poll(), options.pollMs ?? ALERT_POLL_MS);
  timer.unref();
  return { poll: () => void poll(), stop: () => clearInterval(timer) };
}

function parsed(message: string): AlertEvent | null {
  try {
    const value: unknown = JSON.parse(message);
    return isAlertEvent(value) ? value : null;
  } catch {
    return null;
  }
}
