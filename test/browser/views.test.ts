/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runKeysCommand } from "../../src/auth/keys-command.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { Role } from "../../src/auth/role.js";
import { fixturePersonNames } from "../helpers/fixture-names.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { CHROMIUM, closeAfterChecks, launchBrowser, pngSize, SCREENSHOTS, type TestBrowser } from "./helpers/browser.js";

/**
 * The explorer and the network view in Debian's Chromium, against the API over the
 * test run's Neo4j and its fixture graph (the route map has its own file: route-map.test.ts). What each view draws is compared with what the API
 * answers for the same question, asked here over HTTP; the fixture's person names are read from
 * cypher/seed/fixture.cypher. Every request the browser makes is recorded: none may leave this machine.
 */
const missing = !existsSync(CHROMIUM);
if (missing) console.log(`browser views: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let api: TestApi;
let browser: TestBrowser;
let origin: string;

const SEED = "fixture-person-1";

const NETWORK = `query ($ids: [ID!]!, $depth: Int!) {
  network(ids: $ids, depth: $depth) { nodes { id kind label neighbourCount } edges { id source target } }
}`;

describe.skipIf(missing)("the browser views", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
    origin = new URL(api.url).origin;
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await closeAfterChecks(browser);
    await api?.close();
  });

  async function network(ids: string[], depth: number, role = Role.INVESTIGATOR) {
    const response = await api.post(NETWORK, { ids, depth }, role);
    expect(response.errors).toBeUndefined();
    return response.data!.network as { nodes: { id: string; kind: string; label: string; neighbourCount: number | null }[]; edges: { id: string }[] };
  }

  /** The ids of the nodes and edges the component has drawn. */
  function drawn(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
    return page.evaluate(() => {
      const cy = (document.querySelector("trafficking-network") as any).cy;
      return { nodes: cy.nodes().map((node: any) => node.id()).sort(), edges: cy.edges().map((edge: any) => edge.id()).sort() };
    });
  }

  async function waitForState(page: Page, tag: string, state: string) {
    await page.waitForFunction(([t, s]) => document.querySelector(t)?.getAttribute("state") === s, [tag, state], { timeout: 30_000 });
  }

  describe("the explorer", () => {
    it("opens at /graphql, keeps the token, and runs an example query with it", async () => {
      const page = await browser.context.newPage();
      const token = await api.token(Role.INVESTIGATOR);
      // Its Content-Security-Policy allows this origin only: anything refused would be logged here.
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      try {
        await page.goto(api.url, { waitUntil: "load" });

        // With no credential kept, the token panel is open at first. The token field keeps the
        // credential in localStorage; from then on every request sends it.
        await page.locator("input[name=token]").waitFor({ timeout: 30_000 });
        await page.locator("input[name=token]").fill(token);
        await page.getByRole("button", { name: "Save" }).click();
        await page.reload({ waitUntil: "load" });
        await page.getByText("Load and run").first().waitFor({ timeout: 30_000 });

        const sent = page.waitForRequest((request) => request.method() === "POST" && (request.postData() ?? "").includes("query Search"));
        await page.locator('[data-example-run="1. Search for a name"]').click();
        const request = await sent;
        expect(request.headers().authorization).toBe(`Bearer ${token}`);
        expect(new URL(request.url()).pathname).toBe("/graphql");

        await page.waitForFunction(() => ((document.querySelector(".result-window .CodeMirror") as any)?.CodeMirror?.getValue() ?? "").includes('"search"'), null, {
          timeout: 30_000,
        });
        const shown = JSON.parse(await page.evaluate(() => (document.querySelector(".result-window .CodeMirror") as any).CodeMirror.getValue()));
        const variables = JSON.parse(await page.evaluate(() => (document.querySelector(".graphiql-editor-tool .CodeMirror") as any).CodeMirror.getValue()));
        const query = await page.evaluate(() => (document.querySelector(".graphiql-query-editor .CodeMirror") as any).CodeMirror.getValue());
        const expected = await api.post(query, variables, Role.INVESTIGATOR);
        expect(shown.data.search.edges.map((edge: any) => edge.node.id)).toEqual(expected.data!.search.edges.map((edge: any) => edge.node.id));
        expect(shown.data.search.edges.map((edge: any) => edge.node.id)).toContain(SEED);

        await page.screenshot({ path: path.join(SCREENSHOTS, "explorer.png") });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe("the network view", () => {
    it("draws every node and edge the API returns for the entity, then adds a clicked node's neighbours", async () => {
      const page = await browser.context.newPage();
      const token = await api.token(Role.INVESTIGATOR);
      try {
        await page.goto(`${origin}/embed/network.html?entity=${SEED}&depth=2&token=${encodeURIComponent(token)}`);
        await waitForState(page, "trafficking-network", "ready");
        const expected = await network([SEED], 2);
        const before = await drawn(page);
        expect(expected.nodes.length).toBeGreaterThan(10);
        expect(before.nodes.length).toBe(expected.nodes.length);
        expect(before.nodes).toEqual(expected.nodes.map((node) => node.id).sort());
        expect(before.edges).toEqual(expected.edges.map((edge) => edge.id).sort());
        // The legend names each kind drawn, with its count.
        const legend = await page.locator("trafficking-network .legend span").allTextContents();
        const kinds = new Map<string, number>();
        for (const node of expected.nodes) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
        expect(legend.sort()).toEqual([...kinds].map(([kind, count]) => `${kind} ${count}`).sort());
        await page.screenshot({ path: path.join(SCREENSHOTS, "network.png") });

        // A node at the edge of the drawing whose neighbourhood reaches nodes not drawn yet, well apart
        // from the others so that a click lands on it alone.
        const positions: Record<string, { x: number; y: number }> = await page.evaluate(() => {
          const element = document.querySelector("trafficking-network") as any;
          const box = element.shadowRoot.querySelector(".canvas").getBoundingClientRect();
          return Object.fromEntries(
            element.cy.nodes().map((node: any) => [node.id(), { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y }]),
          );
        });
        const apart = (id: string) =>
          Object.entries(positions).every(([other, at]) => other === id || Math.hypot(at.x - positions[id].x, at.y - positions[id].y) > 30);
        let target: string | undefined;
        let grown: Awaited<ReturnType<typeof network>> | undefined;
        for (const node of expected.nodes.filter((node) => node.id !== SEED && node.neighbourCount === null && apart(node.id))) {
          const around = await network([node.id], 1);
          if (around.nodes.some((other) => !before.nodes.includes(other.id))) {
            [target, grown] = [node.id, around];
            break;
          }
        }
        expect(target, "a node with neighbours not drawn yet").toBeDefined();
        // Hovering shows the node's details.
        await page.mouse.move(positions[target!].x, positions[target!].y);
        const tooltip = page.locator("trafficking-network .tooltip");
        await tooltip.waitFor({ state: "visible" });
        const label = expected.nodes.find((node) => node.id === target)!.label;
        expect(await tooltip.textContent()).toContain(label);
        expect(await tooltip.textContent()).toContain("Click to add its neighbours");
        const expanded = page.evaluate(
          () => new Promise((resolve) => document.querySelector("trafficking-network")!.addEventListener("network-expand", resolve, { once: true })),
        );
        await page.mouse.click(positions[target!].x, positions[target!].y);
        await expanded;
        await waitForState(page, "trafficking-network", "ready");
        const after = await drawn(page);
        expect(after.nodes).toEqual([...new Set([...before.nodes, ...grown!.nodes.map((node) => node.id)])].sort());
        expect(after.edges).toEqual([...new Set([...before.edges, ...grown!.edges.map((edge) => edge.id)])].sort());
        expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
        await page.screenshot({ path: path.join(SCREENSHOTS, "network-expanded.png") });

        // Zoom and fit.
        const zoom = () => page.evaluate(() => (document.querySelector("trafficking-network") as any).cy.zoom() as number);
        const fitted = await zoom();
        await page.locator('trafficking-network button[data-action="zoom-in"]').click();
        expect(await zoom()).toBeCloseTo(fitted * 1.25, 6);
        await page.locator('trafficking-network button[data-action="zoom-out"]').click();
        await page.locator('trafficking-network button[data-action="zoom-out"]').click();
        expect(await zoom()).toBeCloseTo(fitted * 1.25 * 0.8 * 0.8, 6);
        await page.locator('trafficking-network button[data-action="fit"]').click();
        const inView = await page.evaluate(() => {
          const cy = (document.querySelector("trafficking-network") as any).cy;
          return cy.nodes().every((node: any) => {
            const { x, y } = node.renderedPosition();
            return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
          });
        });
        expect(inView).toBe(true);

        // The PNG button saves the whole drawing as an image.
        const download = page.waitForEvent("download");
        await page.locator('trafficking-network button[data-action="png"]').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`network-${SEED}.png`);
        const size = pngSize(await readFile((await file.path())!));
        expect(size).not.toBeNull();
        expect(size!.width).toBeGreaterThan(100);
        expect(size!.height).toBeGreaterThan(100);
      } finally {
        await page.close();
      }
    });

    it("shows no person's name to a PUBLIC API key", async () => {
      const names = await fixturePersonNames();
      expect(names.length).toBeGreaterThanOrEqual(6);
      const page = await browser.context.newPage();
      try {
        // An embedding app's key, made as its operator would make it, limited to the app's origin.
        const created = await runKeysCommand(
          ["create", "--role", "PUBLIC", "--name", "embed test", "--origin", "https://dashboard.example.org"],
          new ApiKeyRepository(api.executor, await CypherRegistry.load()),
          api.config.auth,
        );
        const key = created.at(-1)!;
        // From a seizure, which PUBLIC sees in clear (a hidden company's real id is unknown to PUBLIC).
        await page.goto(`${origin}/embed/network.html?entity=fixture-seizure-1&depth=2&api-key=${encodeURIComponent(key)}`);
        await waitForState(page, "trafficking-network", "ready");
        const shown: { kind: string; text: string }[] = await page.evaluate(() =>
          (document.querySelector("trafficking-network") as any).cy
            .nodes()
            .map((node: any) => ({ kind: node.data("kind"), text: `${node.data("label")} ${JSON.stringify(node.data("properties"))}` })),
        );
        expect(shown.filter((node) => node.kind === "Person").length).toBeGreaterThan(0);
        expect((await network(["fixture-seizure-1"], 2, Role.PUBLIC)).nodes.length).toBe(shown.length);
        for (const node of shown) for (const name of names) expect(node.text).not.toContain(name);
        const visible = await page.locator("trafficking-network").evaluate((element) => element.shadowRoot!.textContent ?? "");
        for (const name of names) expect(visible).not.toContain(name);
      } finally {
        await page.close();
      }
    });

    it("shows the API's error for an unknown entity", async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${origin}/embed/network.html?entity=no-such-entity&token=${encodeURIComponent(await api.token(Role.INVESTIGATOR))}`);
        await waitForState(page, "trafficking-network", "error");
        expect(await page.locator("trafficking-network .status").textContent()).toContain("NOT_FOUND");
      } finally {
        await page.close();
      }
    });
  });
});
