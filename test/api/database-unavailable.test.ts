import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../src/db/embedded-neo4j.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * A Neo4j of this file's own, stopped and started again under the same server: while it is down
 * queries fail fast with DATABASE_UNAVAILABLE; once it is back the same server answers again.
 */
let home: string;
let neo4j: EmbeddedNeo4j | undefined;
let api: TestApi;
let port: number;

async function startNeo4j(): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j({ home, port });
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "neo4j-unavailable-"));
  neo4j = await startNeo4j();
  port = Number(new URL(neo4j.uri.replace("bolt:", "http:")).port);
  api = await startTestApi({ connection: neo4j, loadFixture: true });
}, 240_000);

afterAll(async () => {
  await api?.close();
  await neo4j?.stop();
  await rm(home, { recursive: true, force: true });
});

const QUERY = `{ seizure(id: "fixture-seizure-1") { id country { code } } }`;

it("answers DATABASE_UNAVAILABLE within 5 s while Neo4j is down, then recovers by itself", async () => {
  expect((await api.post(QUERY)).data).toEqual({ seizure: { id: "fixture-seizure-1", country: { code: "VN" } } });

  await neo4j!.stop();
  neo4j = undefined;
  const began = performance.now();
  const response = await api.post(QUERY);
  const elapsed = performance.now() - began;
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
  expect(response.errors?.[0].message).toBe("The graph database cannot be reached; try again shortly");
  expect(elapsed).toBeLessThan(5_000);

  const ready = await fetch(api.url.replace(/\/graphql$/, "/ready"));
  expect(ready.status).toBe(503);

  neo4j = await startNeo4j();
  let recovered: unknown;
  for (let attempt = 0; attempt < 20 && recovered === undefined; attempt += 1) {
    const again = await api.post(QUERY);
    if (!again.errors) recovered = again.data;
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(recovered).toEqual({ seizure: { id: "fixture-seizure-1", country: { code: "VN" } } });
}, 240_000);
