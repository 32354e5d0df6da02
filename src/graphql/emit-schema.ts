import { writeFile } from "node:fs/promises";
import path from "node:path";

import { lexicographicSortSchema, printSchema } from "graphql";

import { projectRoot } from "../config.js";
import { buildGraphQLSchema } from "./build-schema.js";

/** The schema file committed at `schema/schema.graphql`; a test fails when code and file differ. */
export const SCHEMA_FILE = path.join(projectRoot, "schema", "schema.graphql");

export async function printedSchema(): Promise<string> {
  const header = "# Emitted from the code by `npm run schema:emit`. Do not edit by hand.\n\n";
  return header + printSchema(lexicographicSortSchema(await buildGraphQLSchema())) + "\n";
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await writeFile(SCHEMA_FILE, await printedSchema());
  console.log(`wrote ${path.relative(projectRoot, SCHEMA_FILE)}`);
}
