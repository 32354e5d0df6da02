import type http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

import type { ShutdownSettings } from "../config.js";

/** How often connections left idle by a finished response are closed while a server drains. */
const IDLE_SWEEP_MS = 50;

/**
 * Stops a replica without failing a request it accepted. `/ready` already answers 503 when this
 * is called (src/index.ts), and for `delayMs` the replica goes on serving while a balancer's checks
 * see that; then `close` (App.close: no new connections, the requests in flight answered, WebSockets
 * closed with 1001 "going away", Apollo stopped) has `graceMs` to end. Says whether it ended in time;
 * if not, the caller exits all the same, which ends whatever is left.
 */
export async function drain(close: () => Promise<void>, settings: ShutdownSettings): Promise<boolean> {
  await sleep(settings.delayMs);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), settings.graceMs)));
  try {
    return await Promise.race([close().then(() => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops an HTTP server from accepting connections and resolves once the open ones have ended:
 * idle keep-alive connections at once, busy ones as soon as their response is sent. Node's own
 * `close` ends only the connections idle at that moment; one whose response ends later would stay
 * open for `keepAliveTimeout` (5 s), taking more requests from a balancer meanwhile.
 */
export function closeGracefully(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
}
