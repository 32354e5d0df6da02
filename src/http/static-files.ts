import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { projectRoot } from "../config.js";

/**
 * The browser assets built by `npm run build:web` (web/build.mjs) into dist/web/:
 * - GET /graphql from a browser (Accept names text/html): the GraphQL explorer's page;
 * - /explorer/...: its scripts and styles (hashed names under /explorer/assets/, cached for a year);
 * - /embed/network.js, /embed/routes.js: the web components; /embed/network.html, /embed/routes.html:
 *   their iframe pages.
 * These files hold no data, so they are served to anyone: nothing here reads a credential. The data
 * they show comes from GraphQL requests, which carry the viewer's own.
 */
export const WEB_ROOT = path.join(projectRoot, "dist", "web");

const GRAPHQL_PATH = "/graphql";
const PREFIXES = ["/explorer/", "/embed/"];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The explorer may talk to this origin only: a script, style, font or request to any other host is
 * refused by the browser. CodeMirror and GraphiQL set inline styles, hence 'unsafe-inline' there.
 */
const EXPLORER_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * Serves the explorer and the embeds; says whether it answered. Requests it does not recognise
 * (GraphQL POSTs and JSON GETs, /health, ...) are left to the caller.
 */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, url: URL, root = WEB_ROOT): Promise<boolean> {
  const method = request.method?.toUpperCase() ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;

  if (url.pathname === GRAPHQL_PATH) {
    if (!wantsHtml(request)) return false;
    await sendFile(request, response, path.join(root, "explorer", "index.html"), { cache: "no-cache", policy: EXPLORER_POLICY });
    return true;
  }

  if (!PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return false;
  const file = resolveInside(root, url.pathname);
  if (file === null) {
    sendText(response, 404, "not found");
    return true;
  }
  const hashed = url.pathname.startsWith("/explorer/assets/");
  const explorerPage = url.pathname.startsWith("/explorer/") && file.endsWith(".html");
  await sendFile(request, response, file, {
    cache: hashed ? "public, max-age=31536000, immutable" : "public, max-age=300, must-revalidate",
    policy: explorerPage ? EXPLORER_POLICY : undefined,
  });
  return true;
}

/**
 * A browser navigating to /graphql asks for text/html; GraphQL clients ask for JSON (GraphQL GETs
 * with `?query=` included). A request that ranks JSON first is left to GraphQL.
 */
function wantsHtml(request: IncomingMessage): boolean {
  const accept = (request.headers.accept ?? "").toLowerCase();
  if (!accept.includes("text/html")) return false;
  const html = accept.indexOf("text/html");
  const json = accept.search(/application\/(graphql-response\+)?json/);
  return json === -1 || html < json;
}

/**
 * The file a URL path names under root, or null when the path is malformed or would leave root
 * (`..`, encoded slashes or backslashes, NUL bytes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === "." || segment === ".." || segment.startsWith("."))) return null;
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  options: { cache: string; policy?: string },
): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (file.endsWith(`${path.sep}explorer${path.sep}index.html`)) {
      sendText(response, 404, "The explorer is not built: run `npm run build:web` (or `npm run build`).");
    } else sendText(response, 404, "not found");
    return;
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": options.cache,
    etag,
    "last-modified": info.mtime.toUTCString(),
    "x-content-type-options": "nosniff",
    // The same URL answers HTML or GraphQL JSON depending on Accept.
    vary: "Accept",
  };
  if (options.policy) headers["content-security-policy"] = options.policy;
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  headers["content-length"] = String(info.size);
  response.writeHead(200, headers);
  if (request.method?.toUpperCase() === "HEAD") {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on("error", reject);
    response.on("close", resolve);
    stream.pipe(response);
  });
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
  response.end(text);
}
