import { readFile } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../config.js";
import type { CypherExecutor } from "./cypher-executor.js";
import { listCypherFiles } from "./cypher-files.js";

export const CONSTRAINTS_DIR = path.join(projectRoot, "cypher", "constraints");

/**
 * Applies every constraint and index under `cypher/constraints/`. Each statement says
 * `IF NOT EXISTS`, so this runs at every start. Returns the names of the files applied.
 */
export async function applyConstraints(executor: CypherExecutor): Promise<string[]> {
  const names = await listCypherFiles(CONSTRAINTS_DIR);
  for (const name of names) {
    // Schema statements cannot share a transaction with each other's data, so one per round trip.
    await executor.write(await readFile(path.join(CONSTRAINTS_DIR, `${name}.cypher`), "utf8"));
  }
  await executor.write("CALL db.awaitIndexes(60)");
  return names;
}
