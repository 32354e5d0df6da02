import type { ServerResponse } from "node:http";

/**
 * A request refused before any GraphQL work (no credentials, too many requests or failed
 * authentications, too large a body, too deep variables),
 * answered in the GraphQL-over-HTTP error shape so that clients read its code like any other.
 */
export function sendRefusal(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}
