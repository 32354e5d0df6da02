/// <reference lib="dom" />
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, isPolicyViolation, launchBrowser, type TestBrowser } from "./helpers/browser.js";

/**
 * The embeds' iframe pages in Debian's Chromium, framed by a page of another origin (another port
 * of this machine): drawn when that origin is one browsers may call from (CORS_ORIGINS here; the
 * origins of API keys count too), refused by the page's frame-ancestors otherwise. The explorer,
 * which holds the stored credential, may be framed by nobody.
 */
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`framing: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let host: http.Server;
let hostOrigin: string;
let frameSrc = "";
let allowed: TestApi;
let refused: TestApi;
let browser: TestBrowser;

describe.skipIf(missing)("framing the pages", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    // The embedding site: one page holding one iframe, whose address each test sets.
    host = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><title>Embedding site</title><iframe id="view" src="${frameSrc}" width="900" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    [allowed, refused, browser] = await Promise.all([
      startTestApi({ env: { CORS_ORIGINS: hostOrigin } }),
      startTestApi({ env: { CORS_ORIGINS: "https://someone-else.example.org" } }),
      launchBrowser(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await allowed?.close();
    await refused?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  /** Opens the embedding page with `src` in its iframe; answers the frame's state attribute once it has one, or null. */
  async function framed(src: string, tag: string): Promise<{ state: string | null; status: string; violations: string[] }> {
    frameSrc = src;
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => void (isPolicyViolation(message.text()) && violations.push(message.text())));
    try {
      await page.goto(`${hostOrigin}/`, { waitUntil: "load" });
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      // Until the component settles, or the browser reports that it refused to frame the page.
      let state: string | null = null;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !violations.some((violation) => violation.includes("frame-ancestors"))) {
        state = (await frame?.evaluate((t) => document.querySelector(t)?.getAttribute("state") ?? null, tag).catch(() => null)) ?? null;
        if (state === "ready" || state === "error") break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      if (state !== "ready" && state !== "error") state = null;
      // What the component says (the API's message and code when it is in error).
      const status = (await frame?.evaluate((t) => document.querySelector(t)?.shadowRoot?.querySelector(".status")?.textContent ?? "", tag).catch(() => "")) ?? "";
      return { state, status, violations };
    } finally {
      await page.close();
    }
  }

  it("an allowed origin frames the network view, which draws", async () => {
    const origin = new URL(allowed.url).origin;
    const token = await allowed.token(Role.PUBLIC);
    const { state, status, violations } = await framed(`${origin}/embed/network.html?entity=fixture-seizure-1&depth=1&token=${token}`, "trafficking-network");
    expect(violations).toEqual([]);
    expect(state, status).toBe("ready");
  });

  it("another origin cannot frame it: the browser refuses by the page's frame-ancestors", async () => {
    const origin = new URL(refused.url).origin;
    const token = await refused.token(Role.PUBLIC);
    const { state, violations } = await framed(`${origin}/embed/network.html?entity=fixture-seizure-1&depth=1&token=${token}`, "trafficking-network");
    expect(state).toBeNull();
    expect(violations.join("\n")).toMatch(/frame-ancestors/);
  });

  it("nobody may frame the explorer", async () => {
    const { violations } = await framed(`${new URL(allowed.url).origin}/graphql`, "#explorer");
    expect(violations.join("\n")).toMatch(/frame-ancestors 'none'/);
  });
});
