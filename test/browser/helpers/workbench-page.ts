/// <reference lib="dom" />
import type { Page } from "playwright-core";

/**
 * Steps of the workbench page (web/workbench/) for the browser tests: signing in through its
 * credential field, searching, and reading what the canvas (<trafficking-network>) holds.
 */
export async function openWorkbench(page: Page, origin: string, credential: string): Promise<void> {
  await page.goto(`${origin}/workbench/`, { waitUntil: "load" });
  await page.locator("trafficking-network[state=ready]").waitFor({ timeout: 30_000 });
  await page.locator("#credential").fill(credential);
  await page.locator("#credential-form button[type=submit]").click();
  await page.waitForFunction(() => !["not signed in", "checking…"].includes(document.querySelector("#role")?.textContent ?? ""), null, { timeout: 30_000 });
  // The canvas starts again for the new credential.
  await page.locator("trafficking-network[state=ready]").waitFor({ timeout: 30_000 });
}

export async function searchFor(page: Page, text: string): Promise<string[]> {
  await page.locator("#search").fill(text);
  await page.locator("#search-form button[type=submit]").click();
  await page.waitForFunction((query) => (document.querySelector("#hits") as HTMLElement).dataset.searched === query, text, { timeout: 30_000 });
  return page.locator("#hits button[data-add]").evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.add!));
}

/** Clicks a hit's Add button and waits until its node is drawn. */
export async function addHit(page: Page, id: string): Promise<void> {
  await page.locator(`#hits button[data-add="${id}"]`).first().click();
  await page.waitForFunction((node) => (document.querySelector("trafficking-network") as any).cy?.getElementById(node).nonempty(), id, { timeout: 30_000 });
  await waitReady(page);
}

/** Waits until the canvas is drawn and no caption is being looked up. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const element = document.querySelector("trafficking-network");
      return element?.getAttribute("state") === "ready" && !element.hasAttribute("captioning");
    },
    null,
    { timeout: 30_000 },
  );
}

export interface Drawn {
  nodes: string[];
  edges: string[];
  visible: string[];
}

export function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const cy = (document.querySelector("trafficking-network") as any).cy;
    return {
      nodes: cy.nodes().map((node: any) => node.id()).sort(),
      edges: cy.edges().map((edge: any) => edge.id()).sort(),
      visible: cy.nodes().filter((node: any) => node.visible()).map((node: any) => node.id()).sort(),
    };
  });
}

/** Every node's id, position and data flags: equal before a change and after it is undone. */
export function snapshot(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const cy = (document.querySelector("trafficking-network") as any).cy;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      nodes: Object.fromEntries(
        cy.nodes().map((node: any) => [
          node.id(),
          { x: round(node.position("x")), y: round(node.position("y")), hub: node.data("hub") ?? null, expanded: node.data("expanded") ?? null, caption: node.data("caption") },
        ]),
      ),
      edges: cy.edges().map((edge: any) => edge.id()).sort(),
    };
  });
}

/** The snapshot once the captions looked up after the last change have arrived. */
export async function stableSnapshot(page: Page): Promise<Record<string, unknown>> {
  await waitReady(page);
  return snapshot(page);
}

/** Where a drawn node is on the page. */
export function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((node) => {
    const element = document.querySelector("trafficking-network") as any;
    const box = element.shadowRoot.querySelector(".canvas").getBoundingClientRect();
    const at = element.cy.getElementById(node).renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }, id);
}

/** Selects drawn nodes as a user does: a click on the first, Shift+click on the others. */
export async function selectNodes(page: Page, ids: string[]): Promise<void> {
  await page.evaluate(() => (document.querySelector("trafficking-network") as any).cy.elements().unselect());
  for (const [index, id] of ids.entries()) {
    const at = await nodePosition(page, id);
    if (index > 0) await page.keyboard.down("Shift");
    await page.mouse.click(at.x, at.y);
    if (index > 0) await page.keyboard.up("Shift");
  }
  const selected = await page.evaluate(() => (document.querySelector("trafficking-network") as any).cy.nodes(":selected").map((node: any) => node.id()).sort());
  if (JSON.stringify(selected) !== JSON.stringify([...ids].sort())) throw new Error(`selected ${selected.join(", ")} instead of ${ids.join(", ")}`);
}
