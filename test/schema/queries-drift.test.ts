import { readFile } from "node:fs/promises";

import { expect, test } from "vitest";

import { emittedQueries, QUERIES_MODULE } from "../../src/db/emit-queries.js";

test("the typed queries generated from cypher/queries equal the committed src/db/queries.generated.ts", async () => {
  const committed = await readFile(QUERIES_MODULE, "utf8");
  expect(
    await emittedQueries(),
    "src/db/queries.generated.ts differs from what the query files give: run `npm run queries:emit` and commit the result",
  ).toBe(committed);
});

test("the committed module is the emitted one, header included, with every query", async () => {
  const committed = await readFile(QUERIES_MODULE, "utf8");
  expect(committed.startsWith("// Emitted from cypher/queries/**/*.cypher by `npm run queries:emit`")).toBe(true);
  expect(committed).toContain("export const nodesByIds: CypherQuery<NodesByIdsParameters, NodesByIdsRow, NodesByIdsSlots, \"read\">");
  expect(committed).toContain("export type QueryName = keyof typeof queries;");
});
