import { readdir } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../config.js";

/** The folder of the application's query files (one query per file; see cypher/README.md). */
export const QUERIES_DIR = path.join(projectRoot, "cypher", "queries");

/** Lists the `.cypher` files under a folder, as names relative to it without the extension. */
export async function listCypherFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".cypher"))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/").replace(/\.cypher$/, ""))
    .sort();
}
