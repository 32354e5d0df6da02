/// <reference lib="dom" />
import { existsSync } from "node:fs";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, closeAfterChecks, launchBrowser, type TestBrowser } from "./helpers/browser.js";
import { openWorkbench, waitReady } from "./helpers/workbench-page.js";

/**
 * The network view stays readable, in Debian's Chromium over a generated network of the test's own:
 * at depth 3 from a ring member the ports their shipments stop at are drawn but not expanded into
 * other parties' shipments (unless reference-kinds="none" asks for it), and the legend covers no
 * node, in the embed and in the workbench. What may be reached is read from the database with a
 * Cypher path query of its own, not through the API.
 */
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`network readability: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let api: TestApi;
let world: GeneratedWorld;
let browser: TestBrowser;
let origin: string;

/** The API's default limit, which the component passes on unless its limit attribute is set. */
const DEFAULT_LIMIT = 500;

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return problems;
}

function ringMember(): string {
  const ring = world.network.truth.rings[0];
  return world.id((ring.members.find((member) => member.role === "ORGANISER") ?? ring.members[0]).id);
}

/** Nodes within `hops` of the seed along paths that pass through no place, country or source. */
async function reachableAvoidingReference(seed: string, hops: number): Promise<Set<string>> {
  const { records } = await world.driver.executeQuery(
    `MATCH path = (seed:Person {id: $seed})-[*1..${hops}]-(node)
     WHERE NOT node:Source
       AND none(rel IN relationships(path) WHERE type(rel) = 'SOURCED_FROM')
       AND none(inner IN nodes(path)[1..-1] WHERE inner:Place OR inner:Country)
     RETURN DISTINCT node.id AS id`,
    { seed },
  );
  return new Set([seed, ...records.map((record) => record.get("id") as string)]);
}

interface Drawing {
  nodes: { id: string; kind: string }[];
  edges: { source: string; target: string }[];
  /** Each node's box on the page (CSS pixels). */
  boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[];
  legend: { x1: number; y1: number; x2: number; y2: number };
}

function drawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const element = document.querySelector("trafficking-network") as any;
    const cy = element.cy;
    const canvas = element.shadowRoot.querySelector(".canvas").getBoundingClientRect();
    const legend = element.shadowRoot.querySelector(".legend").getBoundingClientRect();
    return {
      nodes: cy.nodes().map((node: any) => ({ id: node.id(), kind: node.data("kind") })),
      edges: cy.edges().map((edge: any) => ({ source: edge.data("source"), target: edge.data("target") })),
      boxes: cy.nodes(":visible").map((node: any) => {
        const box = node.renderedBoundingBox({ includeLabels: true });
        return { id: node.id(), x1: canvas.left + box.x1, y1: canvas.top + box.y1, x2: canvas.left + box.x2, y2: canvas.top + box.y2 };
      }),
      legend: { x1: legend.left, y1: legend.top, x2: legend.right, y2: legend.bottom },
    };
  });
}

const overlaps = (a: Drawing["legend"], b: Drawing["legend"]) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The nodes a place or country of the drawing is joined to that lie beyond depth 2 from the seed without it. */
function expandedThroughReference(draw: Drawing, within2: Set<string>): string[] {
  const kind = new Map(draw.nodes.map((node) => [node.id, node.kind]));
  const reference = (id: string) => kind.get(id) === "Place" || kind.get(id) === "Country";
  return draw.edges.flatMap(({ source, target }) =>
    [
      [source, target],
      [target, source],
    ]
      .filter(([end, other]) => reference(end) && !within2.has(other))
      .map(([, other]) => other),
  );
}

describe.skipIf(missing)("the network view stays readable", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    [api, world, browser] = await Promise.all([
      startTestApi(),
      importGeneratedWorld("readable", { seed: "network-readable", shipments: 300 }),
      launchBrowser(),
    ]);
    origin = new URL(api.url).origin;
  }, 240_000);

  afterAll(async () => {
    await closeAfterChecks(browser);
    await world?.remove();
    await api?.close();
  });

  async function embed(page: Page, extra = ""): Promise<Drawing> {
    const token = await api.token(Role.INVESTIGATOR);
    await page.goto(`${origin}/embed/network.html?entity=${ringMember()}&depth=3&token=${encodeURIComponent(token)}${extra}`);
    await waitReady(page);
    return drawing(page);
  }

  it("at depth 3 from a ring member draws the ports without expanding them, unless asked", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      const seed = ringMember();
      const [within2, within3] = await Promise.all([reachableAvoidingReference(seed, 2), reachableAvoidingReference(seed, 3)]);
      const draw = await embed(page);
      const drawnIds = draw.nodes.map((node) => node.id);
      expect(drawnIds.length).toBeGreaterThan(10);
      expect(drawnIds.length).toBeLessThanOrEqual(DEFAULT_LIMIT);
      // Every node drawn is reached without passing through a place or a country.
      expect(drawnIds.filter((id) => !within3.has(id))).toEqual([]);
      // The ports the seed's shipments stop at are drawn, and none is expanded into its shipments.
      expect(draw.nodes.some((node) => node.kind === "Place")).toBe(true);
      expect(expandedThroughReference(draw, within2)).toEqual([]);
      const note = await page.locator("trafficking-network .note").textContent();
      expect(note).toContain(`${drawnIds.length} nodes`);

      // reference-kinds="none" asks for the old behaviour: the ports' other shipments come in.
      const through = await embed(page, "&reference-kinds=none");
      expect(through.nodes.length).toBeGreaterThan(drawnIds.length);
      expect(expandedThroughReference(through, within2).length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      console.log(`network readability: depth 3 from a ring member draws ${drawnIds.length} nodes (${through.nodes.length} when places and countries are expanded)`);
    } finally {
      await page.close();
    }
  });

  it("keeps the legend clear of every node in the embed, at two sizes", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 640, height: 480 },
      ]) {
        await page.setViewportSize(viewport);
        const draw = await embed(page);
        expect(draw.boxes.length).toBe(draw.nodes.length);
        expect(draw.legend.y2 - draw.legend.y1).toBeGreaterThan(0);
        expect(draw.boxes.filter((box) => overlaps(box, draw.legend)).map((box) => box.id)).toEqual([]);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("keeps the legend clear of every node in the workbench", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await openWorkbench(page, origin, await api.token(Role.INVESTIGATOR));
      const added: string[] = await page.evaluate((id) => (document.querySelector("trafficking-network") as any).add([id], { depth: 2, limit: 200 }), ringMember());
      expect(added.length).toBeGreaterThan(10);
      await waitReady(page);
      const draw = await drawing(page);
      expect(draw.boxes.length).toBeGreaterThan(10);
      expect(draw.boxes.filter((box) => overlaps(box, draw.legend)).map((box) => box.id)).toEqual([]);
      // The legend is on the page, below the drawing, not scrolled out of it.
      expect(draw.legend.y2).toBeLessThanOrEqual(page.viewportSize()!.height);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
