/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { importFiles } from "../../src/import/import-files.js";
import { COUNTRIES_FILE, COUNTRIES_MAPPING, ROUTES_DIR, ROUTES_MAPPING } from "../import/helpers/import-context.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, launchBrowser, requestsLeavingLocalhost, SCREENSHOTS, type TestBrowser } from "./helpers/browser.js";

/**
 * The route map in Debian's Chromium, over a database of this file's own holding the ROUTES records
 * with their real country codes (flows are aggregates over the whole graph, so the shared database,
 * where other files add worlds while this one runs, would not give stable figures) and the fixture
 * graph (for a species filter with known flows). Each map is compared with the `flows` the API
 * answers for the same filter, asked here over HTTP.
 */
const external = process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "";
const missing = !existsSync(CHROMIUM);
if (external) console.log("route map: skipped, NEO4J_URI is set and this file needs a database of its own (it imports ROUTES with real country codes)");
if (missing) console.log(`route map: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const FLOWS = `query ($filter: TradeFilter) {
  flows(level: COUNTRY, filter: $filter, first: 200) { nodes { id latitude longitude } links { source target seizureCount } }
}`;

let database: RunningNeo4j | undefined;
let api: TestApi;
let browser: TestBrowser;
let origin: string;
let reportDir: string;

describe.skipIf(external || missing)("the route map", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const launching = launchBrowser();
    database = await provideNeo4j(loadConfig().neo4j);
    const connection = { uri: database.uri, user: database.user, password: database.password, database: database.database };
    const driver = createDriver({ ...connection, connectionTimeoutMs: 10_000 });
    try {
      const executor = new CypherExecutor(driver, { database: connection.database, timeoutMs: 120_000 });
      await applyConstraints(executor);
      const registry = await CypherRegistry.load();
      reportDir = await mkdtemp(path.join(tmpdir(), "route-map-"));
      await importFiles(executor, COUNTRIES_MAPPING, [COUNTRIES_FILE], { registry, reportDir });
      await importFiles(executor, ROUTES_MAPPING, [path.join(ROUTES_DIR, "tot.csv"), path.join(ROUTES_DIR, "transittots.csv")], { registry, reportDir });
      await loadFixture(executor);
    } finally {
      await driver.close();
    }
    api = await startTestApi({ connection });
    origin = new URL(api.url).origin;
    browser = await launching;
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    if (browser) {
      // Whatever the test did, the browser asked nothing of any other host.
      expect(browser.requests.length).toBeGreaterThan(0);
      expect(requestsLeavingLocalhost(browser.requests)).toEqual([]);
      // The page ran under its Content-Security-Policy without anything refused.
      expect(browser.policyViolations).toEqual([]);
      await browser.close();
    }
    await api?.close();
    await database?.stop();
    if (reportDir) await rm(reportDir, { recursive: true, force: true });
  }, 300_000);

  /** The flows the API answers for a filter that have both ends located: the lines a map can draw. */
  async function expectedLines(filter: Record<string, string>) {
    const response = await api.post(FLOWS, { filter }, Role.ANALYST);
    expect(response.errors).toBeUndefined();
    const { nodes, links } = response.data!.flows as { nodes: any[]; links: { source: string; target: string; seizureCount: number }[] };
    const located = new Set(nodes.filter((node) => node.latitude !== null && node.longitude !== null).map((node) => node.id));
    return links
      .filter((link) => located.has(link.source) && located.has(link.target))
      .map((link) => ({ key: `${link.source}>${link.target}`, seizures: link.seizureCount }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async function linesOnMap(page: Page) {
    const lines = await page.locator("trafficking-routes path.flow-line").evaluateAll((paths) =>
      paths.map((line) => ({
        key: `${line.getAttribute("data-source")}>${line.getAttribute("data-target")}`,
        seizures: Number(line.getAttribute("data-seizures")),
        width: Number(line.getAttribute("stroke-width")),
        length: (line as SVGPathElement).getTotalLength(),
      })),
    );
    return lines.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async function ready(page: Page) {
    await page.waitForFunction(() => document.querySelector("trafficking-routes")?.getAttribute("state") === "ready", null, { timeout: 30_000 });
  }

  async function applyFilter(page: Page, filter: { species: string; from: string; to: string }) {
    for (const [name, value] of Object.entries(filter)) await page.locator(`trafficking-routes input[name=${name}]`).fill(value);
    await page.locator('trafficking-routes button[type="submit"]').click();
    await page.waitForFunction(
      (wanted) => {
        const element = document.querySelector("trafficking-routes")!;
        return (["species", "from", "to"] as const).every((name) => (element.getAttribute(name) ?? "") === wanted[name]);
      },
      filter,
    );
    await ready(page);
  }

  it("draws one line per flow, wider for more seizures, and redraws for a species and for a period", async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/embed/routes.html?token=${encodeURIComponent(await api.token(Role.ANALYST))}`);
      await ready(page);
      // The world outline, from the bundled shapes.
      expect(await page.locator("trafficking-routes path.country").count()).toBeGreaterThan(150);
      const all = await expectedLines({});
      expect(all.length).toBeGreaterThan(20);
      const lines = await linesOnMap(page);
      expect(lines.map(({ key, seizures }) => ({ key, seizures }))).toEqual(all);
      for (const line of lines) expect(line.length, line.key).toBeGreaterThan(1);
      expect(new Set(lines.map((line) => line.seizures)).size).toBeGreaterThan(2);
      for (const a of lines) for (const b of lines) if (a.seizures > b.seizures) expect(a.width, `${a.key} vs ${b.key}`).toBeGreaterThan(b.width);
      await page.screenshot({ path: path.join(SCREENSHOTS, "route-map.png") });

      // A species: the fixture's pangolin scales.
      await applyFilter(page, { species: "manis-tricuspis", from: "", to: "" });
      const pangolin = await expectedLines({ species: "manis-tricuspis" });
      expect(pangolin.length).toBeGreaterThan(1);
      expect((await linesOnMap(page)).map(({ key, seizures }) => ({ key, seizures }))).toEqual(pangolin);

      // A period: the seizures of 2012.
      await applyFilter(page, { species: "", from: "2012-01-01", to: "2012-12-31" });
      const year = await expectedLines({ dateFrom: "2012-01-01", dateTo: "2012-12-31" });
      expect(year.length).toBeGreaterThan(3);
      expect(year.length).toBeLessThan(all.length);
      expect((await linesOnMap(page)).map(({ key, seizures }) => ({ key, seizures }))).toEqual(year);
    } finally {
      await page.close();
    }
  });
});
