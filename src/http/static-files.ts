import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { projectRoot } from "../config.js";
import { HOME_PAGE } from "./home-page.js";

/**
 * The browser assets built by `npm run build:web` (web/build.mjs) into dist/web/:
 * - GET /: a page leading to the others (src/http/home-page.ts, not built);
 * - GET /graphql from a browser (Accept names text/html): the GraphQL explorer's page;
 * - /explorer/...: its scripts and styles (hashed names under /explorer/assets/, cached for a year);
 * - /embed/network.js, /embed/routes.js: the web components; /embed/network.html, /embed/routes.html:
 *   their iframe pages;
 * - /workbench/: the investigator's workbench page (index.html), its scripts and styles (hashed
 *   names under /workbench/assets/).
 * These files hold no data, so they are served to anyone: nothing here reads a credential. The data
 * they show comes from GraphQL requests, which carry the viewer's own. The components' scripts
 * (/embed/*.js) carry CORS headers for the origins browsers may call the API from, as /graphql
 * does, so that those sites may load them with <script type="module"> too.
 */
export const WEB_ROOT = path.join(projectRoot, "dist", "web");

const GRAPHQL_PATH = "/graphql";
const PREFIXES = ["/explorer/", "/embed/", "/workbench/"];
const HASHED = ["/explorer/assets/", "/workbench/assets/"];

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
 * Every page the server serves runs its own scripts only: no inline script, no eval, no plugin, no
 * <base>, no form posting elsewhere, and it talks to this origin only (a script, style, font or
 * request to any other host is refused by the browser). The explorer keeps a credential in this
 * origin's localStorage, so a script injected into any page of the origin could read it: hence
 * one strict policy for them all. The components and GraphiQL (CodeMirror) set inline styles and
 * fill shadow roots with <style> elements, hence 'unsafe-inline' for styles only; with images and
 * connections limited to this origin, a style cannot send anything away.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The explorer holds the stored credential: no other page may frame it (clickjacking). */
export const EXPLORER_POLICY = [...PAGE_POLICY, "frame-ancestors 'none'"].join("; ");

/**
 * The embeds' iframe pages are meant to be framed by the sites that embed them: this origin and the
 * origins browsers may call from (CORS_ORIGINS and those of API keys), no other.
 */
export function embedPolicy(frameAncestors: Iterable<string>): string {
  return [...PAGE_POLICY, `frame-ancestors ${["'self'", ...frameAncestors].join(" ")}`].join("; ");
}

/**
 * What every response of the server carries, GraphQL's JSON and refusals included: nothing it
 * sends is to be sniffed as another type, run as a page or framed. Pages override the policy.
 */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

export interface StaticOptions {
  /**
   * The origins browsers may call from (CORS_ORIGINS and those of API keys): they may frame the
   * embeds' pages and load the components' scripts across origins, besides this origin.
   */
  frameAncestors: () => Promise<Iterable<string>>;
  root?: string;
}

/**
 * Serves the explorer and the embeds; says whether it answered. Requests it does not recognise
 * (GraphQL POSTs and JSON GETs, /health, ...) are left to the caller.
 */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, url: URL, options: StaticOptions): Promise<boolean> {
  const root = options.root ?? WEB_ROOT;
  const method = request.method?.toUpperCase() ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;

  if (url.pathname === "/") {
    sendPage(request, response, HOME_PAGE);
    return true;
  }

  if (url.pathname === GRAPHQL_PATH) {
    if (!wantsHtml(request)) return false;
    await sendFile(request, response, path.join(root, "explorer", "index.html"), { cache: "no-cache", policy: EXPLORER_POLICY });
    return true;
  }

  if (!PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return false;
  // A folder's page is its index.html (GET /workbench/).
  const file = resolveInside(root, url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);
  if (file === null) {
    sendText(response, 404, "not found");
    return true;
  }
  const hashed = HASHED.some((prefix) => url.pathname.startsWith(prefix));
  const page = file.endsWith(".html");
  const policy = !page ? undefined : url.pathname.startsWith("/embed/") ? embedPolicy(await options.frameAncestors()) : EXPLORER_POLICY;
  const component = url.pathname.startsWith("/embed/") && file.endsWith(".js");
  await sendFile(request, response, file, {
    cache: hashed ? "public, max-age=31536000, immutable" : "public, max-age=300, must-revalidate",
    policy,
    allowOrigin: component ? await allowedOrigin(request, options) : undefined,
    varyOrigin: component,
  });
  return true;
}

/**
 * The request's Origin when browsers may call the API from it, for the components' scripts: a
 * module script (and a classic one with `crossorigin`) is fetched in CORS mode, and runs only if
 * the answer names its page's origin. A classic `<script src>` needs no CORS and loads anywhere.
 */
async function allowedOrigin(request: IncomingMessage, options: StaticOptions): Promise<string | undefined> {
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  for (const allowed of await options.frameAncestors()) if (allowed === origin) return origin;
  return undefined;
}

/** A page held in memory (GET /), under the explorer's policy; it has no script. */
function sendPage(request: IncomingMessage, response: ServerResponse, html: string): void {
  const body = Buffer.from(html, "utf8");
  response.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-length": String(body.length),
    ...BASELINE_HEADERS,
    "content-security-policy": EXPLORER_POLICY,
  });
  response.end(request.method?.toUpperCase() === "HEAD" ? undefined : body);
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
  options: { cache: string; policy?: string; allowOrigin?: string; varyOrigin?: boolean },
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
    ...BASELINE_HEADERS,
    // The same URL answers HTML or GraphQL JSON depending on Accept; a component's script names
    // the origin that asked when browsers may call from it.
    vary: options.varyOrigin ? "Accept, Origin" : "Accept",
  };
  if (options.allowOrigin) headers["access-control-allow-origin"] = options.allowOrigin;
  // Scripts and styles keep the baseline policy: it does not apply to them where they are used.
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
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...BASELINE_HEADERS });
  response.end(text);
}
