import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium, type BrowserContext, type Request } from "playwright-core";
import { expect } from "vitest";

import { projectRoot } from "../../../src/config.js";

/** Debian's Chromium; CI installs it (.ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Screenshots land where the README shows them. */
export const SCREENSHOTS = path.join(projectRoot, "docs", "screenshots");

/** Flags that keep the browser from calling home: every request it makes is one a page asked for. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  context: BrowserContext;
  /** Every request made by any page or worker of the context, in order. */
  requests: Request[];
  /** What the Content-Security-Policy of any page refused (Chromium reports it on the console). */
  policyViolations: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own user-data-dir) that records every request. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), "chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const requests: Request[] = [];
  context.on("request", (request) => void requests.push(request));
  const policyViolations: string[] = [];
  context.on("console", (message) => {
    if (isPolicyViolation(message.text())) policyViolations.push(`${message.location().url}: ${message.text()}`);
  });
  return {
    context,
    requests,
    policyViolations,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium's console message for something a Content-Security-Policy refused. */
export function isPolicyViolation(text: string): boolean {
  return /Content.Security.Policy|Refused to (load|execute|apply|connect|frame|create|evaluate)/i.test(text);
}

/** The URLs among `requests` that go anywhere but this machine (data: and blob: URLs stay local). */
export function requestsLeavingLocalhost(requests: Request[]): string[] {
  return requests
    .map((request) => request.url())
    .filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return false;
      return !["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
    });
}

/**
 * Closes the browser of a test file after checking what every page did: it asked something, nothing
 * of any other host, and no Content-Security-Policy refused anything.
 */
export async function closeAfterChecks(browser: TestBrowser | undefined): Promise<void> {
  if (!browser) return;
  expect(browser.requests.length).toBeGreaterThan(0);
  expect(requestsLeavingLocalhost(browser.requests)).toEqual([]);
  expect(browser.policyViolations).toEqual([]);
  await browser.close();
}

/** The width and height a PNG's IHDR chunk declares, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
