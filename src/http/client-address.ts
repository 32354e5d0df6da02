import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";

/**
 * The caller's address, for the limits that count per address (failed authentications, demo
 * visitors). Behind `trustedHops` proxies, each appending the address it saw to X-Forwarded-For,
 * the client's is that many entries from the end: entries before it were written by the client
 * and are not believed. Without the header, or with an entry that is no address, the connection's.
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const connection = request.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return connection;
  const header = request.headers["x-forwarded-for"];
  const entries = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((entry) => entry.trim());
  const forwarded = entries.length >= trustedHops ? entries[entries.length - trustedHops] : undefined;
  return forwarded !== undefined && isIP(forwarded) !== 0 ? forwarded : connection;
}
