import "reflect-metadata";

import { readFile } from "node:fs/promises";

import { expect, test } from "vitest";

import { printedSchema, SCHEMA_FILE } from "../../src/graphql/emit-schema.js";

test("the schema built from the code equals the committed schema/schema.graphql", async () => {
  const committed = await readFile(SCHEMA_FILE, "utf8");
  expect(
    await printedSchema(),
    "schema/schema.graphql differs from the schema the code builds: run `npm run schema:emit` and commit the result",
  ).toBe(committed);
});

test("the committed schema is the emitted one, header included", async () => {
  const committed = await readFile(SCHEMA_FILE, "utf8");
  expect(committed.startsWith("# Emitted from the code by `npm run schema:emit`. Do not edit by hand.\n\n")).toBe(true);
  expect(committed).toContain("type Query {");
});
