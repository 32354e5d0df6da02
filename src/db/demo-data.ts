import { readFile } from "node:fs/promises";
import path from "node:path";

import { touchFactsOfSource } from "../aggregates/membership.js";
import { projectRoot } from "../config.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { CypherRegistry } from "./cypher-registry.js";
import { splitStatements } from "./cypher-registry.js";
import { adminDatabaseIsEmpty } from "./queries.generated.js";

/** The hand-made fixture graph: a small, invented Mekong network, every node labelled Synthetic. */
export const FIXTURE_FILE = path.join(projectRoot, "cypher", "seed", "fixture.cypher");
/** The Source node the fixture makes. */
const FIXTURE_SOURCE_ID = "fixture";

export async function loadFixture(executor: CypherExecutor): Promise<void> {
  const statements = splitStatements(await readFile(FIXTURE_FILE, "utf8"));
  await executor.writeAll(statements.map((query) => ({ query })));
  // The fixture is written by hand, not through the import: its shipments and seizures join the
  // trade tallies' entities here (marked, so the analyst fields count them from their members until a recount).
  await touchFactsOfSource(executor, FIXTURE_SOURCE_ID);
}

/**
 * Loads the demo graph when the database holds no entity yet; says whether it did. The hand-made
 * fixture goes first (a second or two), so a first query has data at once; then `loadData` (the
 * reference data, ROUTES and a generated network: `loadDemoData` of src/import/demo.ts, passed in
 * by src/index.ts since db/ does not know the import). `force` loads it whatever the database holds:
 * for a start whose earlier attempt began loading it and failed; `onStart` is told when loading begins.
 */
export async function loadDemoIfEmpty(
  executor: CypherExecutor,
  _registry: CypherRegistry,
  loadData?: () => Promise<void>,
  options: { force?: boolean; onStart?: () => void } = {},
): Promise<boolean> {
  if (!options.force) {
    const [{ empty }] = await executor.readQuery(adminDatabaseIsEmpty, {});
    if (!empty) return false;
  }
  // Every step merges on keys, so a load stopped half-way (`force`) is finished by loading again.
  options.onStart?.();
  await loadFixture(executor);
  await loadData?.();
  return true;
}
