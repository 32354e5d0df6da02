import { readFile } from "node:fs/promises";

import { FIXTURE_FILE } from "../../src/db/demo-data.js";

/**
 * Every name and alias of the hand-made fixture's persons, read from its Cypher file (not through
 * the API), for tests that a role below INVESTIGATOR sees none of them.
 */
export async function fixturePersonNames(): Promise<string[]> {
  const fixture = await readFile(FIXTURE_FILE, "utf8");
  return [...fixture.matchAll(/\{id: "fixture-person-\d+", name: "([^"]+)", aliases: \[([^\]]*)\]/g)].flatMap((match) => [
    match[1],
    ...[...match[2].matchAll(/"([^"]+)"/g)].map((alias) => alias[1]),
  ]);
}
