import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { resolveInside, WEB_ROOT } from "../../src/http/static-files.js";
import { EXAMPLES } from "../../web/explorer/examples.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { pngSize, requestsLeavingLocalhost } from "./helpers/browser.js";

/**
 * The explorer and embed assets over real HTTP: served without credentials, with their content
 * types and cache headers, never outside dist/web. `npm test` builds them first (`npm run build:web`).
 */
let api: TestApi;
let origin: string;

beforeAll(async () => {
  api = await startTestApi();
  origin = new URL(api.url).origin;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(origin + pathname, { headers, redirect: "manual" });

describe("the explorer at /graphql", () => {
  it("answers a browser's GET with the explorer's page, with no credential and a strict same-origin policy", async () => {
    const response = await get("/graphql", { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toContain('<div id="explorer"></div>');
    // Every script and style the page names is on this server, under /explorer/.
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((url) => url !== "data:,");
    expect(references.length).toBeGreaterThan(1);
    for (const reference of references) {
      expect(reference.startsWith("/explorer/assets/"), reference).toBe(true);
      const asset = await get(reference);
      expect(asset.status, reference).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asset.headers.get("content-type")).toMatch(reference.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
    }
  });

  it("leaves GraphQL GETs and POSTs to GraphQL", async () => {
    const json = await get("/graphql?query=%7B__typename%7D", { accept: "application/graphql-response+json, application/json, text/html" });
    expect(json.headers.get("content-type")).not.toMatch(/text\/html/);
    const token = await api.token(Role.INVESTIGATOR);
    const post = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/html, application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await post.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a conditional request for an unchanged page with 304", async () => {
    const first = await get("/embed/network.js");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = await get("/embed/network.js", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });
});

describe("the home page at /", () => {
  it("leads to the explorer, the workbench and the embeds, with no script, under the explorer's policy", async () => {
    for (const method of ["GET", "HEAD"]) {
      const response = await fetch(`${origin}/`, { method, redirect: "manual" });
      expect(response.status, method).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("frame-ancestors 'none'");
      if (method === "HEAD") continue;
      const html = await response.text();
      expect(html).not.toMatch(/<script/i);
      const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replaceAll("&amp;", "&")).filter((href) => href !== "data:,");
      for (const page of ["/graphql", "/workbench/", "/embed/network.html", "/embed/routes.html"]) {
        expect(links.some((href) => href.split("?")[0] === page), page).toBe(true);
      }
      // Every link stays on this server; the explorer and the embeds' pages answer (the workbench is
      // built with the other pages by \`npm run build:web\`).
      for (const href of links) {
        expect(href.startsWith("/"), href).toBe(true);
        if (href.startsWith("/workbench/")) continue;
        const page = await get(href, { accept: "text/html" });
        expect(page.status, href).toBe(200);
      }
    }
  });
});

describe("the components' scripts across origins", () => {
  let allowing: TestApi;
  const site = "https://dashboard.example.org";

  beforeAll(async () => {
    allowing = await startTestApi({ env: { CORS_ORIGINS: site } });
  });

  afterAll(async () => {
    await allowing?.close();
  });

  it("name an origin browsers may call from, so that <script type=module> may load them there, and no other", async () => {
    const at = new URL(allowing.url).origin;
    for (const file of ["/embed/network.js", "/embed/routes.js"]) {
      const allowed = await fetch(at + file, { headers: { origin: site } });
      expect(allowed.status, file).toBe(200);
      expect(allowed.headers.get("access-control-allow-origin"), file).toBe(site);
      expect(allowed.headers.get("vary"), file).toMatch(/\bOrigin\b/);
      const other = await fetch(at + file, { headers: { origin: "https://elsewhere.example.org" } });
      expect(other.status, file).toBe(200);
      expect(other.headers.get("access-control-allow-origin"), file).toBeNull();
      expect(other.headers.get("vary"), file).toMatch(/\bOrigin\b/);
      const plain = await fetch(at + file);
      expect(plain.headers.get("access-control-allow-origin"), file).toBeNull();
    }
    // The pages are not scripts: framing rules, not CORS, govern them.
    const page = await fetch(`${at}/embed/network.html`, { headers: { origin: site } });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the embeds", () => {
  it("serves each component as one script, and its iframe page, with no credential", async () => {
    for (const [file, type] of [
      ["/embed/network.js", "text/javascript; charset=utf-8"],
      ["/embed/routes.js", "text/javascript; charset=utf-8"],
      ["/embed/network.html", "text/html; charset=utf-8"],
      ["/embed/routes.html", "text/html; charset=utf-8"],
    ]) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toBe(type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(Number(response.headers.get("content-length")));
      const text = bytes.toString("utf8");
      // A component script loads nothing more: no imports, no other script.
      if (file.endsWith(".js")) expect(text).not.toMatch(/\bimport\s*\(|^import\s/m);
    }
    expect(await (await get("/embed/network.js")).text()).toContain("trafficking-network");
    expect(await (await get("/embed/routes.js")).text()).toContain("trafficking-routes");
  });

  it("refuses paths that would leave the asset folder, and unknown files, with 404", async () => {
    for (const pathname of [
      "/embed/../../package.json",
      "/embed/%2e%2e/%2e%2e/package.json",
      "/embed/..%2f..%2fpackage.json",
      "/embed/%2e%2e%5c%2e%2e%5cpackage.json",
      "/explorer/%00index.html",
      "/embed/.hidden",
      "/embed/missing.js",
      "/explorer/assets/%E0%A4%A",
    ]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(await response.text()).not.toContain("mekong-trafficking-graph");
    }
  });

  it("resolves only paths inside the root", () => {
    const root = path.join(projectRoot, "dist", "web");
    expect(resolveInside(root, "/embed/network.js")).toBe(path.join(root, "embed", "network.js"));
    expect(resolveInside(root, "/embed/../../x")).toBeNull();
    expect(resolveInside(root, "/embed/%2e%2e/x")).toBeNull();
    expect(resolveInside(root, "/")).toBeNull();
  });

  it("bundles everything: no built file names another host to load from", async () => {
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.(html|css)$/.test(entry.name)) files.push(full);
      }
    };
    await walk(WEB_ROOT);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(/(src|href)="https?:\/\//);
      expect(text, file).not.toMatch(/@import\s+url\(\s*["']?https?:/);
      expect(text, file).not.toMatch(/url\(\s*["']?https?:\/\//);
    }
  });
});

describe("the explorer's example operations", () => {
  it("come in the order of an inquiry: search, network, connections, timeline; then routes NG to CN, hubs, flows, rings", () => {
    const roots = EXAMPLES.map((example) => (parse(example.query).definitions[0] as any).selectionSet.selections[0].name.value);
    expect(roots).toEqual(["search", "network", "connections", "timeline", "routes", "transitHubs", "flows", "rings"]);
    expect(EXAMPLES.find((example) => example.title.includes("Nigeria"))!.variables).toMatchObject({ from: "NG", to: "CN" });
  });

  it("are each valid against the schema the API serves", async () => {
    const schema = await buildGraphQLSchema();
    for (const example of EXAMPLES) {
      expect(validate(schema, parse(example.query)).map((error) => error.message), example.title).toEqual([]);
    }
  });

  it("run on the fixture graph without errors, the investigators' ones finding its records", async () => {
    const answers = new Map<string, Record<string, any>>();
    for (const example of EXAMPLES) {
      const response = await api.post(example.query, example.variables, Role.INVESTIGATOR);
      expect(response.errors, example.title).toBeUndefined();
      answers.set(example.title, response.data!);
    }
    const [search, network, connections, timeline] = EXAMPLES.slice(0, 4).map((example) => answers.get(example.title)!);
    expect(search.search.edges.map((edge: any) => edge.node.id)).toContain("fixture-person-1");
    expect(network.network.nodeCount).toBeGreaterThan(10);
    expect(connections.connections.length).toBeGreaterThan(0);
    expect(timeline.timeline.length).toBeGreaterThan(0);
  }, 180_000);
});

describe("the browser tests' own checks", () => {
  it("tell requests to this machine from requests to any other host", () => {
    const requests = [
      "http://127.0.0.1:4000/graphql",
      "http://localhost:4000/embed/network.js",
      "data:image/png;base64,AAAA",
      "blob:http://127.0.0.1:4000/1234",
      "https://fonts.googleapis.com/css?family=Roboto",
      "http://127.0.0.1.example.org/x",
    ].map((url) => ({ url: () => url })) as never[];
    expect(requestsLeavingLocalhost(requests)).toEqual(["https://fonts.googleapis.com/css?family=Roboto", "http://127.0.0.1.example.org/x"]);
  });

  it("read a PNG's size and refuse other bytes", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d494844520000012c000000c80806000000", "hex");
    expect(pngSize(png)).toEqual({ width: 300, height: 200 });
    expect(pngSize(Buffer.from("GIF89a........................"))).toBeNull();
  });
});
