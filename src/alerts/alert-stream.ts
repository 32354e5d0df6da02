import type { AlertBus } from "./alert-bus.js";
import type { AlertEvent } from "./alert-event.js";
import type { AlertStore, StoredAlert } from "./alert-store.js";

/** Alerts read per page while a subscription replays what was missed. */
const REPLAY_PAGE = 100;

/**
 * Live alerts kept for a subscriber that reads more slowly than they come; beyond this the oldest
 * are dropped (the subscriber reads them back with the `alerts` query from its last cursor).
 */
const MAX_QUEUED = 1_000;

/** One alert for a subscription to deliver: read already (replayed), or to read (told by the bus). */
export type AlertDelivery = { alert: StoredAlert } | { event: AlertEvent };

export interface AlertStreamOptions {
  owner: string;
  /** The seq of the last alert the subscriber saw: those after it are replayed first. Null: only new ones. */
  after: number | null;
  /** Called before each delivery (a fresh response context). */
  beforeEach?: () => void;
}

/**
 * The alerts of one owner: first those after `after`, read from Neo4j in order, then each new one
 * the bus carries. It listens before it replays, so that an alert published meanwhile is not lost;
 * one already replayed is not delivered twice.
 */
export async function* alertStream(bus: AlertBus, store: AlertStore, options: AlertStreamOptions): AsyncGenerator<AlertDelivery> {
  const queued: AlertEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = bus.listen((event) => {
    if (event.owner !== options.owner) return;
    queued.push(event);
    if (queued.length > MAX_QUEUED) queued.shift();
    wake?.();
  });
  try {
    let last = options.after;
    if (last !== null) {
      for (;;) {
        const page = await store.alertsAfter(options.owner, last, REPLAY_PAGE);
        for (const alert of page) {
          options.beforeEach?.();
          yield { alert };
          last = alert.seq;
        }
        if (page.length < REPLAY_PAGE) break;
      }
    }
    for (;;) {
      const event = queued.shift();
      if (event === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (last !== null && event.seq <= last) continue;
      options.beforeEach?.();
      yield { event };
    }
  } finally {
    stop();
  }
}
