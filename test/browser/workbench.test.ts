/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { Download, Page } from "playwright-core";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runKeysCommand } from "../../src/auth/keys-command.js";
import { Role } from "../../src/auth/role.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { fixturePersonNames } from "../helpers/fixture-names.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, closeAfterChecks, launchBrowser, pngSize, SCREENSHOTS, type TestBrowser } from "./helpers/browser.js";
import { addHit, drawn, nodePosition, openWorkbench, searchFor, selectNodes, snapshot, stableSnapshot, waitReady } from "./helpers/workbench-page.js";

/**
 * The investigator's workbench (GET /workbench/) in Debian's Chromium, against the API over the
 * test run's Neo4j and its fixture graph. What the page draws and lists is compared with what the
 * API answers to the same questions asked here over HTTP, and with facts of the fixture file
 * (cypher/seed/fixture.cypher). Every request and every console message is recorded: nothing may
 * leave this machine, nothing may be refused by the page's Content-Security-Policy, and no error
 * may reach the console.
 */
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`workbench: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let api: TestApi;
let browser: TestBrowser;
let origin: string;

const PERSON_1 = "fixture-person-1";
const PERSON_3 = "fixture-person-3";

/** Console errors and uncaught exceptions of a page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function read(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

// Generous: on a shared, loaded machine one flow has taken three minutes.
describe.skipIf(missing)("the investigator's workbench", { timeout: 600_000 }, () => {
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
    origin = new URL(api.url).origin;
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await closeAfterChecks(browser);
    await api?.close();
  });

  async function ask(query: string, variables: Record<string, unknown>, role = Role.INVESTIGATOR) {
    const response = await api.post(query, variables, role);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  it("takes an investigator from a name to a network, a path, a period and an export", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await openWorkbench(page, origin, await api.token(Role.INVESTIGATOR));
      expect(await page.locator("#role").textContent()).toBe("INVESTIGATOR or above");

      // A name typed without its diacritics finds the person; the hit goes onto the canvas alone.
      expect(await searchFor(page, "Nguyen Van An")).toContain(PERSON_1);
      await addHit(page, PERSON_1);
      expect((await drawn(page)).nodes).toEqual([PERSON_1]);

      // Expanding by PARTY_TO adds exactly the shipments the API gives one step out by PARTY_TO.
      const partyTo = await ask(`query ($id: ID!) { network(ids: [$id], depth: 1, types: [PARTY_TO]) { nodes { id } edges { id } } }`, { id: PERSON_1 });
      await selectNodes(page, [PERSON_1]);
      await page.locator("#expand-type").selectOption("PARTY_TO");
      await page.locator('[data-act="expand"]').click();
      await page.waitForFunction((count) => (document.querySelector("trafficking-network") as any).cy.nodes().length === count, partyTo.network.nodes.length);
      await waitReady(page);
      const expanded = await drawn(page);
      expect(expanded.nodes).toEqual(partyTo.network.nodes.map((node: { id: string }) => node.id).sort());
      expect(expanded.edges).toEqual(partyTo.network.edges.map((edge: { id: string }) => edge.id).sort());
      // Labels a reader can use: the fixture's shipment of cashew nuts from Apapa to Hai Phong.
      await page.waitForFunction(
        () => (document.querySelector("trafficking-network") as any).cy.getElementById("fixture-shipment-1").data("caption") === "Shipment 2019-03-02 · Apapa → Hai Phong · cashew nuts",
      );
      // The detail panel shows the selected person's properties and the sources of the edges drawn.
      const detail = await page.locator("#detail").textContent();
      expect(detail).toContain("Nguyễn Văn An");
      expect(detail).toContain("Hand-made demonstration network");
      await page.screenshot({ path: path.join(SCREENSHOTS, "workbench-expanded.png") });

      // A second person, found by a name in Chinese characters.
      expect(await searchFor(page, "李伟")).toContain(PERSON_3);
      await addHit(page, PERSON_3);

      // The shortest paths between the two, as the API gives them, each hop with its citation.
      const expectedPaths = (
        await ask(
          `query ($from: ID!, $to: ID!) { connections(from: $from, to: $to, first: 3, maxHops: 6) { nodes { id } hops { from to citations { row source { title } } } } }`,
          { from: PERSON_1, to: PERSON_3 },
        )
      ).connections as { nodes: { id: string }[]; hops: { citations: { row: number; source: { title: string } }[] }[] }[];
      expect(expectedPaths.length).toBeGreaterThan(0);
      await selectNodes(page, [PERSON_1, PERSON_3]);
      await page.locator('[data-act="path"]').click();
      await page.locator("#paths .path-block").first().waitFor({ timeout: 30_000 });
      await waitReady(page);
      expect(await page.locator("#paths .path-block").count()).toBe(expectedPaths.length);
      const hopCounts = await page.locator("#paths .path-block").evaluateAll((blocks) => blocks.map((block) => block.querySelectorAll(".hops li").length));
      expect(hopCounts).toEqual(expectedPaths.map((found) => found.hops.length));
      const pathsText = (await page.locator("#paths").textContent())!;
      for (const found of expectedPaths) for (const hop of found.hops) for (const citation of hop.citations) expect(pathsText).toContain(`${citation.source.title}, row ${citation.row}`);
      const onPath: string[] = await page.evaluate(() => (document.querySelector("trafficking-network") as any).cy.nodes(".path").map((node: any) => node.id()).sort());
      expect(onPath).toEqual([...new Set(expectedPaths.flatMap((found) => found.nodes.map((node) => node.id)))].sort());
      await page.screenshot({ path: path.join(SCREENSHOTS, "workbench-path.png") });

      // The timeline lists every dated seizure and shipment drawn.
      const beforePeriod = await drawn(page);
      const dates = new Map<string, string>();
      for (const id of beforePeriod.nodes) {
        const answer = await ask(`query ($id: ID!) { shipment(id: $id) { departedOn } seizure(id: $id) { date } }`, { id });
        const date = answer.shipment?.departedOn ?? answer.seizure?.date;
        if (date) dates.set(id, date);
      }
      expect(dates.size).toBeGreaterThan(2);
      await page.locator('[data-act="timeline"]').click();
      await page.waitForFunction((count) => document.querySelectorAll("#timeline-events li[data-node]:not([data-node=''])").length >= count, dates.size);
      const listed = await page.locator("#timeline-events li").allTextContents();
      for (const date of dates.values()) expect(listed.some((line) => line.startsWith(date))).toBe(true);

      // Brushing a period hides what is dated outside it, and only that.
      const [from, to] = ["2018-10-01", "2019-12-31"];
      const axis = page.locator("#timeline-axis");
      const { start, end, margin, width } = await axis.evaluate((svg) => ({
        start: (svg as SVGElement).dataset.axisStart!,
        end: (svg as SVGElement).dataset.axisEnd!,
        margin: Number((svg as SVGElement).dataset.margin),
        width: Number((svg as SVGElement).dataset.width),
      }));
      const box = (await axis.boundingBox())!;
      const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
      const x = (date: string) => {
        const share = Math.min(1, Math.max(0, (days(date) - days(start)) / (days(end) - days(start))));
        return box.x + ((margin + share * (width - 2 * margin)) / width) * box.width;
      };
      await page.mouse.move(x(from) + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move((x(from) + x(to)) / 2, box.y + box.height / 2, { steps: 4 });
      await page.mouse.move(Math.min(x(to), box.x + box.width - 2), box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      const period = await page.locator("#period").evaluate((element) => ({ from: (element as HTMLElement).dataset.from!, to: (element as HTMLElement).dataset.to! }));
      expect(period.from >= "2018-09-01" && period.from <= "2018-10-31").toBe(true);
      const outside = [...dates].filter(([, date]) => date < period.from || date > period.to).map(([id]) => id);
      expect(outside.length).toBeGreaterThan(0);
      expect(outside.length).toBeLessThan(dates.size);
      // The canvas shows the period once it has drawn again: waited for, then asserted.
      const inPeriod = beforePeriod.nodes.filter((id) => !outside.includes(id));
      await page
        .waitForFunction(
          (expected) => JSON.stringify((document.querySelector("trafficking-network") as any).cy.nodes().filter((node: any) => node.visible()).map((node: any) => node.id()).sort()) === JSON.stringify(expected),
          inPeriod,
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      const afterPeriod = await drawn(page);
      expect(afterPeriod.nodes).toEqual(beforePeriod.nodes);
      expect(afterPeriod.visible).toEqual(inPeriod);
      await page.screenshot({ path: path.join(SCREENSHOTS, "workbench-timeline.png") });

      // PNG and SVG exports carry the legend, the filter, the date and the sources.
      const png = page.waitForEvent("download");
      await page.locator('[data-act="png"]').click();
      const pngFile = await png;
      expect(pngFile.suggestedFilename()).toMatch(/^workbench-.*\.png$/);
      const pngBytes = await read(pngFile);
      const size = pngSize(pngBytes)!;
      expect(size.width).toBeGreaterThanOrEqual(1200);
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path.join(SCREENSHOTS, "workbench-export.png"), pngBytes);

      const svg = page.waitForEvent("download");
      await page.locator('[data-act="svg"]').click();
      const svgText = (await read(await svg)).toString("utf8");
      expect(svgText).toContain("<svg");
      expect(svgText).toContain(`Period: ${period.from} to ${period.to}`);
      expect(svgText).toMatch(/exported \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(svgText).toContain("Sources: Hand-made demonstration network");
      expect(svgText).toMatch(/Person \d+/);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(svgText);
      expect(parsed.svg).toBeDefined();
      for (const id of outside) {
        const caption: string = await page.evaluate((node) => (document.querySelector("trafficking-network") as any).cy.getElementById(node).data("caption"), id);
        expect(svgText).not.toContain(`>${caption.replace(/&/g, "&#38;")}<`);
      }

      // GraphML and CSV come from the API, kept to what is shown.
      const visible = afterPeriod.visible;
      const graphml = page.waitForEvent("download");
      await page.locator('[data-act="graphml"]').click();
      const graphmlText = (await read(await graphml)).toString("utf8");
      const graph = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(graphmlText);
      const graphNodes = [graph.graphml.graph.node].flat().map((node: { id: string }) => String(node.id)).sort();
      expect(graphNodes).toEqual(visible);
      const graphEdges = [graph.graphml.graph.edge].flat().filter(Boolean);
      expect(graphEdges.length).toBeGreaterThan(0);
      for (const edge of graphEdges) expect(visible).toContain(String(edge.source));

      const csvFiles: Download[] = [];
      page.on("download", (download) => void csvFiles.push(download));
      await page.locator('[data-act="csv"]').click();
      await page.waitForFunction(() => /CSV saved/.test(document.querySelector("#status")?.textContent ?? ""));
      await expect.poll(() => csvFiles.length).toBe(2);
      const nodesCsv = (await read(csvFiles.find((file) => file.suggestedFilename().endsWith("-nodes.csv"))!)).toString("utf8");
      const rows = nodesCsv.trim().split("\n");
      expect(rows[0].startsWith("Id,")).toBe(true);
      expect(rows.length - 1).toBe(visible.length);

      // A workspace saved in this browser opens again with the same nodes.
      await page.locator("#workspace-name").fill("two persons");
      await page.locator("#workspace-form button[type=submit]").click();
      await page.reload({ waitUntil: "load" });
      await page.locator("trafficking-network[state=ready]").waitFor();
      await page.waitForFunction(() => !["not signed in", "checking…"].includes(document.querySelector("#role")?.textContent ?? ""));
      await page.locator("#workspaces").selectOption("two persons");
      await page.locator("#workspace-open").click();
      await page.waitForFunction(() => /Opened/.test(document.querySelector("#status")?.textContent ?? ""), null, { timeout: 30_000 });
      const reopened = await drawn(page);
      expect(reopened.nodes).toEqual(afterPeriod.nodes);
      expect(reopened.visible).toEqual(afterPeriod.visible);

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("undoes a hub's expansion, restoring the canvas as it was, and redoes it", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await openWorkbench(page, origin, await api.token(Role.INVESTIGATOR));
      await page.locator("#hub-threshold").fill("3");
      await searchFor(page, PERSON_1);
      await addHit(page, PERSON_1);
      await selectNodes(page, [PERSON_1]);
      await page.locator("#expand-type").selectOption("");
      await page.locator('[data-act="expand"]').click();
      await page.waitForFunction(() => (document.querySelector("trafficking-network") as any).cy.nodes().length > 1);
      await waitReady(page);
      const around = await ask(`query ($id: ID!) { network(ids: [$id], depth: 1, hubThreshold: 3) { nodes { id neighbourCount } } }`, { id: PERSON_1 });
      const hubs = around.network.nodes.filter((node: { id: string; neighbourCount: number | null }) => node.id !== PERSON_1 && node.neighbourCount !== null);
      expect(hubs.length).toBeGreaterThan(0);
      const hub = hubs.sort((a: { neighbourCount: number }, b: { neighbourCount: number }) => b.neighbourCount - a.neighbourCount)[0];

      const before = await stableSnapshot(page);
      const grown = await ask(`query ($id: ID!) { network(ids: [$id], depth: 1, hubThreshold: 3) { nodes { id } } }`, { id: hub.id });
      await page.evaluate((id) => {
        const cy = (document.querySelector("trafficking-network") as any).cy;
        cy.elements().unselect();
        cy.getElementById(id).select();
      }, hub.id);
      await page.locator('[data-act="expand"]').click();
      await page.waitForFunction((id) => (document.querySelector("trafficking-network") as any).cy.getElementById(id).data("expanded") === true, hub.id);
      await waitReady(page);
      const after = await drawn(page);
      const beforeIds = Object.keys(before.nodes as object).sort();
      expect(after.nodes).toEqual([...new Set([...beforeIds, ...grown.network.nodes.map((node: { id: string }) => node.id)])].sort());
      expect(after.nodes.length).toBeGreaterThan(beforeIds.length);
      const expandedSnapshot = await stableSnapshot(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, "workbench-hub.png") });

      await page.locator('[data-act="undo"]').click();
      expect(await snapshot(page)).toEqual(before);
      await page.locator('[data-act="redo"]').click();
      expect(await snapshot(page)).toEqual(expandedSnapshot);

      // Hiding and removing are undone the same way.
      const [some] = after.nodes.filter((id) => id !== PERSON_1 && id !== hub.id);
      await page.evaluate((id) => {
        const cy = (document.querySelector("trafficking-network") as any).cy;
        cy.elements().unselect();
        cy.getElementById(id).select();
      }, some);
      await page.locator('[data-act="remove"]').click();
      expect((await drawn(page)).nodes).not.toContain(some);
      await page.keyboard.press("Control+z");
      expect(await snapshot(page)).toEqual(expandedSnapshot);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows no person's name on any panel to a PUBLIC API key", async () => {
    const names = await fixturePersonNames();
    expect(names.length).toBeGreaterThanOrEqual(6);
    const created = await runKeysCommand(
      ["create", "--role", "PUBLIC", "--name", "workbench test", "--origin", "https://dashboard.example.org"],
      new ApiKeyRepository(api.executor, await CypherRegistry.load()),
      api.config.auth,
    );
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await openWorkbench(page, origin, created.at(-1)!);
      expect(await page.locator("#role").textContent()).toBe("PUBLIC");
      // Persons cannot be searched for by name.
      const hits = await searchFor(page, "Nguyen Van An");
      expect(hits).not.toContain(PERSON_1);
      // From a seizure, which PUBLIC sees in clear, to the persons around it, under pseudonyms.
      await searchFor(page, "fixture-seizure-1");
      await addHit(page, "fixture-seizure-1");
      await selectNodes(page, ["fixture-seizure-1"]);
      await page.locator("#expand-type").selectOption("");
      await page.locator('[data-act="expand"]').click();
      await page.waitForFunction(() => (document.querySelector("trafficking-network") as any).cy.nodes('[kind = "Person"]').length > 0);
      await waitReady(page);
      const persons: string[] = await page.evaluate(() => (document.querySelector("trafficking-network") as any).cy.nodes('[kind = "Person"]').map((node: any) => node.id()));
      await page.evaluate((id) => {
        const cy = (document.querySelector("trafficking-network") as any).cy;
        cy.elements().unselect();
        cy.getElementById(id).select();
      }, persons[0]);
      await page.locator('[data-act="expand"]').click();
      await waitReady(page);
      // Paths and timelines are for ANALYST and above: the page says so instead of naming anyone.
      await page.evaluate(() => {
        const cy = (document.querySelector("trafficking-network") as any).cy;
        cy.elements().unselect();
        cy.nodes().slice(0, 2).select();
      });
      await page.locator('[data-act="path"]').click();
      await page.waitForFunction(() => /FORBIDDEN/.test(document.querySelector("#paths")?.textContent ?? ""));
      await page.locator('[data-act="timeline"]').click();
      await page.locator("#timeline-events li").first().waitFor();
      await page.evaluate((id) => {
        const cy = (document.querySelector("trafficking-network") as any).cy;
        cy.elements().unselect();
        cy.getElementById(id).select();
      }, persons[0]);
      await page.locator("#size-by").selectOption("seizureCount");
      await page.locator("#colour-by").selectOption("ring");
      const at = await nodePosition(page, persons[0]);
      await page.mouse.move(at.x, at.y);
      await page.screenshot({ path: path.join(SCREENSHOTS, "workbench-public.png") });

      const shown: string = await page.evaluate(() => {
        const element = document.querySelector("trafficking-network") as any;
        const data = element.cy.elements().map((item: any) => JSON.stringify(item.data()));
        return [document.body.innerText, element.shadowRoot.textContent, ...data, JSON.stringify(localStorage)].join("\n");
      });
      const svg = page.waitForEvent("download");
      await page.locator('[data-act="svg"]').click();
      const svgText = (await read(await svg)).toString("utf8");
      expect(shown).toContain("Person ");
      for (const name of names) {
        expect(shown).not.toContain(name);
        expect(svgText).not.toContain(name);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
