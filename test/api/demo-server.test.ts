/// <reference lib="dom" />
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "../../bench/load/free-port.js";
import { projectRoot } from "../../src/config.js";
import { RUNNING_DATABASE_FILE } from "../../src/db/command-database.js";
import { EXAMPLES, operationNameOf } from "../../web/explorer/examples.js";
import { CHROMIUM, launchBrowser, requestsLeavingLocalhost, type TestBrowser } from "../browser/helpers/browser.js";

/**
 * `npm start` as a new user runs it: the server's own entry file (src/index.ts, run from its
 * sources) in a process of its own, with an embedded Neo4j in a data folder of this file's own,
 * loading the demo graph into it. Then, against that running server:
 * - every GraphQL snippet of README.md and every example of the explorer answers with something
 *   (each root field of the answer holds at least one value: no null, no empty list, no zeros only);
 * - `npm run keys -- create` works beside it, on the database it holds, without rebuilding
 *   anything (dist/web, which the server serves, is left as it was);
 * - in Chromium, every example of the explorer runs by "Load and run", under its own operation name;
 * - once stopped, the server leaves no file saying where its database was.
 * Loading the demo takes a few minutes on a busy machine.
 */
const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  pathToFileURL(path.join(projectRoot, "test", "helpers", "ts-hooks.mjs")).href,
)});`;

let dataDir: string;
let neo4jDir: string;
let server: ChildProcess | undefined;
let origin: string;
let token: string;
const log: string[] = [];

/** Whether the server's process is still running. */
const running = () => server !== undefined && server.exitCode === null && server.signalCode === null;

async function stopServer(): Promise<void> {
  if (!running()) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server!.kill("SIGTERM");
  await exited;
}

/** The environment of a user's shell: no database, token or origin settings of the test run. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NEO4J_|AUTH_|CORS_|PUBLIC_|PSEUDONYM_|AUDIT_|REDIS_|VITEST|npm_)/.test(name) || ["PORT", "HOST", "NODE_ENV", "SEED_DEMO"].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

async function post(query: string, variables: Record<string, unknown> = {}, credential = token, operationName?: string) {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] }) };
}

/**
 * Whether a value holds nothing: null, an empty list, a zero, or an object whose values (its
 * strings aside: names, states, dates) all hold nothing. `{ state: "NEVER_COMPUTED", rings: [] }`
 * and `{ totals: { seizureCount: 0 }, links: [] }` are empty.
 */
function holdsNothing(value: unknown): boolean {
  if (value === null || value === undefined || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every((inner) => typeof inner === "string" || holdsNothing(inner));
  return false;
}

/** The root fields of an answer that hold nothing. */
function emptyFields(data: Record<string, unknown> | null | undefined): string[] {
  return Object.entries(data ?? {})
    .filter(([, value]) => holdsNothing(value))
    .map(([field]) => field);
}

/** The GraphQL blocks of README.md. */
async function readmeSnippets(): Promise<string[]> {
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** The newest modification time and the number of the files under a folder. */
async function treeState(folder: string): Promise<{ files: number; newest: number }> {
  let files = 0;
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return { files, newest };
}

function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm start on an empty data folder", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    // The commands run from dist/: compiled now if a source changed since the last build, so that
    // the command below shows whether it compiles anything itself.
    const compiled = spawnSync(process.execPath, [path.join(projectRoot, "scripts", "server-built.mjs")], { cwd: projectRoot, encoding: "utf8" });
    expect(compiled.status, compiled.stderr).toBe(0);

    dataDir = await mkdtemp(path.join(tmpdir(), "demo-server-"));
    neo4jDir = path.join(dataDir, "neo4j");
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", REGISTER, path.join(projectRoot, "src", "index.ts")], {
      cwd: projectRoot,
      env: userEnvironment({
        PORT: String(port),
        NEO4J_DATA_DIR: neo4jDir,
        AUDIT_LOG_PATH: path.join(dataDir, "audit", "audit.jsonl"),
        // The test machine is shared and often busy: what is tested is what the answers hold, not
        // how fast they come (the defaults are 15 s a query and 30 s a request).
        NEO4J_QUERY_TIMEOUT_MS: "300000",
        REQUEST_MAX_DATABASE_MS: "600000",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffered = "";
    const exited = new Promise<never>((_, reject) => server!.once("exit", (code) => reject(new Error(`the server stopped (${code}):\n${log.slice(-20).join("\n")}`))));
    exited.catch(() => {});
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      log.push(...lines);
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);

    // Ready once the demo is loaded, its tallies counted and its rings computed.
    const deadline = Date.now() + 900_000;
    for (;;) {
      const ready = await fetch(`${origin}/ready`).then((response) => response.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`not ready in 15 minutes:\n${log.slice(-20).join("\n")}`);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 2_000)), exited]);
    }
    // The token `npm start` prints for the explorer, as a user copies it from the log.
    const line = log.find((entry) => entry.includes("development token"));
    token = /: (eyJ[\w.-]+)"/.exec(line ?? "")?.[1] ?? "";
    expect(token, "a development token in the log").not.toBe("");
  }, 960_000);

  afterAll(async () => {
    await stopServer();
    // What the server logged above info (start-up work retried, ...), to read when a test failed.
    const warnings = log.filter((line) => /"level":(40|50|60)/.test(line));
    if (warnings.length > 0) console.log(`the server's warnings:\n${warnings.map((line) => line.slice(0, 600)).join("\n")}`);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it("answers every GraphQL snippet of README.md with something", async () => {
    const snippets = await readmeSnippets();
    expect(snippets.length).toBeGreaterThanOrEqual(6);
    for (const snippet of snippets) {
      const answer = await post(snippet);
      expect(answer.errors, snippet).toBeUndefined();
      expect(Object.keys(answer.data ?? {}).length, snippet).toBeGreaterThan(0);
      expect(emptyFields(answer.data), snippet).toEqual([]);
    }
  });

  it("answers every example of the explorer with something, under the example's own operation name", async () => {
    for (const example of EXAMPLES) {
      const answer = await post(example.query, example.variables, token, operationNameOf(example.query));
      expect(answer.errors, example.title).toBeUndefined();
      expect(emptyFields(answer.data), example.title).toEqual([]);
    }
    // The rings were computed at start: no `npm run analyze` was run.
    const rings = await post("{ rings(first: 3) { state ringCount rings { size } } }");
    expect(rings.data?.rings).toMatchObject({ state: "READY" });
    expect((rings.data?.rings as { ringCount: number }).ringCount).toBeGreaterThan(0);
  });

  it("says where its Neo4j listens in a file of the data folder that only its owner may read", async () => {
    const file = path.join(neo4jDir, RUNNING_DATABASE_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const record = JSON.parse(await readFile(file, "utf8"));
    expect(record).toMatchObject({ user: "neo4j", database: "neo4j", pid: server!.pid });
    expect(record.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    // The password stays in its own file, never in this one.
    expect(JSON.stringify(record)).not.toContain((await readFile(path.join(neo4jDir, "neo4j-password"), "utf8")).trim());
  });

  it("lets `npm run keys -- create` make a key on the database it holds, without rebuilding anything", async () => {
    const web = path.join(projectRoot, "dist", "web");
    const before = existsSync(web) ? await treeState(web) : null;
    const siteOrigin = "https://dashboard.example.org";
    const env = userEnvironment({ NEO4J_DATA_DIR: neo4jDir });
    // dist/ up to date, as after `npm start` (several people may be changing sources meanwhile).
    expect(spawnSync(process.execPath, [path.join(projectRoot, "scripts", "server-built.mjs")], { cwd: projectRoot }).status).toBe(0);
    const created = await runCommand("npm", ["run", "keys", "--silent", "--", "create", "--role", "PUBLIC", "--name", "demo server test", "--origin", siteOrigin], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(`using the Neo4j of the running server (process ${server!.pid})`);
    expect(created.stderr).not.toContain("compiling");
    expect(created.stderr).not.toContain("starting Neo4j");
    const key = created.stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^mtk_/);
    // The server knows the key at once: it was written where the server reads.
    const answer = await post("{ countries(first: 1) { totalCount } }", {}, key);
    expect(answer.status).toBe(200);
    expect((answer.data?.countries as { totalCount: number }).totalCount).toBeGreaterThan(0);
    const listed = await runCommand("npm", ["run", "keys", "--silent", "--", "list"], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("demo server test");
    expect(listed.stdout).toContain(siteOrigin);
    // Nothing under dist/web, which the server serves, was written.
    if (before) expect(await treeState(web)).toEqual(before);
  });

  const noChromium = !existsSync(CHROMIUM);
  if (noChromium) console.warn(`demo server: the explorer checks in Chromium are skipped, ${CHROMIUM} is missing (.ci/run installs it)`);
  describe.skipIf(noChromium)("in Chromium, the explorer", () => {
    let browser: TestBrowser;

    beforeAll(async () => {
      browser = await launchBrowser();
    });

    afterAll(async () => {
      if (browser) {
        expect(requestsLeavingLocalhost(browser.requests)).toEqual([]);
        expect(browser.policyViolations).toEqual([]);
        await browser.close();
      }
    });

    it("opens with the first example and its variables, loads the schema once a token is saved, and runs every example", async () => {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      const editor = (selector: string) => page.evaluate((s) => (document.querySelector(s) as any)?.CodeMirror?.getValue() as string | undefined, selector);
      try {
        await page.goto(`${origin}/graphql`, { waitUntil: "load" });
        // With no token stored, the token panel comes first.
        await page.locator("input[name=token]").waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => (document.querySelector(".graphiql-query-editor .CodeMirror") as any)?.CodeMirror !== undefined, null, {
          timeout: 30_000,
        });
        const first = EXAMPLES[0];
        expect(await editor(".graphiql-query-editor .CodeMirror")).toBe(first.query);
        expect(JSON.parse((await editor(".graphiql-editor-tool .CodeMirror")) ?? "null")).toEqual(first.variables);

        await page.locator("input[name=token]").fill(token);
        await page.getByRole("button", { name: "Save" }).click();
        // The schema is fetched again with the token: the documentation lists the root fields.
        await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
        await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor({ timeout: 30_000 });
        expect(await page.getByText("Error fetching schema").count()).toBe(0);

        await page.getByRole("button", { name: "Show Examples" }).click();
        for (const example of EXAMPLES) {
          const heading = example.query.split("\n")[0];
          const sent = page.waitForRequest((request) => request.method() === "POST" && (request.postData() ?? "").includes(heading));
          await page.locator(`[data-example-run="${example.title}"]`).click();
          const request = await sent;
          expect(JSON.parse(request.postData()!).operationName, example.title).toBe(operationNameOf(example.query));
          const body = (await (await request.response())!.json()) as { data?: Record<string, unknown> };
          const field = Object.keys(body.data ?? {})[0] ?? "errors";
          await page.waitForFunction(
            (name) => ((document.querySelector(".result-window .CodeMirror") as any)?.CodeMirror?.getValue() ?? "").includes(`"${name}"`),
            field,
            { timeout: 30_000 },
          );
          const shown = JSON.parse((await editor(".result-window .CodeMirror"))!);
          expect(shown.errors, example.title).toBeUndefined();
          expect(emptyFields(shown.data), example.title).toEqual([]);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  it("stops cleanly on SIGTERM, leaving no running-database file", async () => {
    expect(running()).toBe(true);
    await stopServer();
    expect(server!.exitCode).toBe(0);
    expect(existsSync(path.join(neo4jDir, RUNNING_DATABASE_FILE))).toBe(false);
    // Beside no running server, a command starts the database itself again.
    const listed = await runCommand("npm", ["run", "keys", "--silent", "--", "list"], userEnvironment({ NEO4J_DATA_DIR: neo4jDir }));
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stderr).not.toContain("running server");
    expect(listed.stdout).toContain("demo server test");
  }, 300_000);
});
