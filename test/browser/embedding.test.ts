/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runKeysCommand } from "../../src/auth/keys-command.js";
import { projectRoot } from "../../src/config.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, launchBrowser, requestsLeavingLocalhost, type TestBrowser } from "./helpers/browser.js";

/**
 * A third-party site embeds both components as README.md shows (its HTML snippets, with the API's
 * address and a key put in), from another origin (another port of this machine), in Chromium:
 * - from the origin the PUBLIC key was made for, both draw, with classic scripts and with
 *   `<script type="module">` (the scripts carry CORS headers for that origin);
 * - from any other origin, each component says that the API does not accept this page's origin
 *   (ORIGIN_NOT_ALLOWED), not that the API could not be reached.
 */
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`embedding: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

/** The README's placeholders: the API's address and a key. */
const README_API = "https://graph.example.org";
const README_KEY = "mtk_...";

let api: TestApi;
let browser: TestBrowser;
let key: string;
let snippets: string;
const sites: { server: http.Server; origin: string; page: string }[] = [];

/** A site of its own origin whose one page is whatever `page` holds when it is asked for. */
async function startSite(): Promise<(typeof sites)[number]> {
  const site = { server: http.createServer(), origin: "", page: "" };
  site.server.on("request", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><meta charset="utf-8"><title>An NGO's dashboard</title></head><body>${site.page}</body></html>`);
  });
  await new Promise<void>((resolve) => site.server.listen(0, "127.0.0.1", resolve));
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  sites.push(site);
  return site;
}

/** The README's snippets that put a component on a page (without the iframe alternative). */
async function readmeEmbeds(): Promise<string> {
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]);
  const network = blocks.find((block) => block.includes("<trafficking-network"));
  const routes = blocks.find((block) => block.includes("<trafficking-routes"));
  expect(network, "README shows <trafficking-network>").toBeDefined();
  expect(routes, "README shows <trafficking-routes>").toBeDefined();
  return [network!, routes!].map((block) => block.replace(/<!--[\s\S]*$/, "").replace(/<iframe[\s\S]*?<\/iframe>/g, "")).join("\n");
}

describe.skipIf(missing)("a third-party site embedding the components", { timeout: 120_000 }, () => {
  let allowedSite: (typeof sites)[number];
  let otherSite: (typeof sites)[number];

  beforeAll(async () => {
    [api, browser, allowedSite, otherSite] = await Promise.all([startTestApi(), launchBrowser(), startSite(), startSite()]);
    // The site's key, made as its operator would make it, for the site's origin only.
    const created = await runKeysCommand(
      ["create", "--role", "PUBLIC", "--name", "embedding site", "--origin", allowedSite.origin],
      new ApiKeyRepository(api.executor, await CypherRegistry.load()),
      api.config.auth,
    );
    key = created.at(-1)!;
    const apiOrigin = new URL(api.url).origin;
    snippets = (await readmeEmbeds()).replaceAll(README_API, apiOrigin).replaceAll(README_KEY, key);
    expect(snippets).toContain(`${apiOrigin}/embed/network.js`);
    expect(snippets).toContain(`${apiOrigin}/embed/routes.js`);
  }, 180_000);

  afterAll(async () => {
    if (browser) {
      expect(requestsLeavingLocalhost(browser.requests)).toEqual([]);
      await browser.close();
    }
    await api?.close();
    await Promise.all(sites.map((site) => new Promise((resolve) => site.server.close(resolve))));
  });

  /** Opens the site's page and waits until both components have settled; their states and texts. */
  async function open(site: (typeof sites)[number], page: string) {
    site.page = page;
    const tab = await browser.context.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(`${site.origin}/`, { waitUntil: "load" });
    const settled = (tag: string) =>
      tab.waitForFunction((t) => ["ready", "error"].includes(document.querySelector(t)?.getAttribute("state") ?? ""), tag, { timeout: 60_000 });
    await Promise.all([settled("trafficking-network"), settled("trafficking-routes")]);
    const read = (tag: string) =>
      tab.evaluate((t) => {
        const element = document.querySelector(t)!;
        return { state: element.getAttribute("state"), text: element.shadowRoot?.textContent ?? "" };
      }, tag);
    return { tab, errors, network: await read("trafficking-network"), routes: await read("trafficking-routes") };
  }

  async function drawnNodes(tab: Page): Promise<number> {
    return tab.evaluate(() => (document.querySelector("trafficking-network") as any).cy?.nodes().length ?? 0);
  }

  it("draws both from the origin its key was made for, with classic scripts", async () => {
    const { tab, errors, network, routes } = await open(allowedSite, snippets);
    try {
      expect(network.state, network.text).toBe("ready");
      expect(routes.state, routes.text).toBe("ready");
      expect(await drawnNodes(tab)).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it("draws both from that origin with <script type=\"module\">", async () => {
    const modules = snippets.replaceAll("<script src=", '<script type="module" src=');
    expect(modules).toContain('<script type="module"');
    const { tab, errors, network, routes } = await open(allowedSite, modules);
    try {
      expect(network.state, network.text).toBe("ready");
      expect(routes.state, routes.text).toBe("ready");
      expect(await drawnNodes(tab)).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it("says, in each component, that the API does not accept the page's origin when the key is not for it", async () => {
    const { tab, network, routes } = await open(otherSite, snippets);
    try {
      for (const view of [network, routes]) {
        expect(view.state).toBe("error");
        expect(view.text).toContain("ORIGIN_NOT_ALLOWED");
        expect(view.text).toContain(`does not accept requests from this page's origin (${otherSite.origin})`);
        expect(view.text).not.toContain("NETWORK_ERROR");
        // The key itself is never shown.
        expect(view.text).not.toContain(key);
      }
    } finally {
      await tab.close();
    }
  });

  it("treats a key made without --origin as the keys command says: for servers and the API's own pages, refused on any site", async () => {
    const created = await runKeysCommand(
      ["create", "--role", "PUBLIC", "--name", "no origin"],
      new ApiKeyRepository(api.executor, await CypherRegistry.load()),
      api.config.auth,
    );
    expect(created[1]).toMatch(/^origins: none: usable without a browser .* a page of any other origin is refused/);
    const bare = created.at(-1)!;
    // A server or a script sends no Origin: the key works.
    const fromServer = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bare}` },
      body: JSON.stringify({ query: "{ countries(first: 1) { totalCount } }" }),
    });
    expect(fromServer.status).toBe(200);
    expect(((await fromServer.json()) as any).data.countries.totalCount).toBeGreaterThan(0);
    // A site's page, even the one another key was made for: refused, and said so.
    const { tab, network, routes } = await open(allowedSite, snippets.replaceAll(key, bare));
    try {
      for (const view of [network, routes]) {
        expect(view.state).toBe("error");
        expect(view.text).toContain("UNAUTHENTICATED");
        expect(view.text).toContain("not valid for this origin");
      }
    } finally {
      await tab.close();
    }
  });

  it("says the API could not be reached when nothing answers there", async () => {
    const page = snippets.replaceAll(`api="${new URL(api.url).origin}/graphql"`, 'api="http://127.0.0.1:9/graphql"');
    expect(page).toContain("127.0.0.1:9/graphql");
    const { tab, network } = await open(otherSite, page);
    try {
      expect(network.state).toBe("error");
      expect(network.text).toContain("NETWORK_ERROR");
      expect(network.text).not.toContain("ORIGIN_NOT_ALLOWED");
    } finally {
      await tab.close();
    }
  });
});
