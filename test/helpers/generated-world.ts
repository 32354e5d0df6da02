import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { generateNetwork } from "../../src/generate/generate-network.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import { readNetwork, type NetworkFiles } from "../generate/network-files.js";
import { deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "../import/helpers/import-context.js";

/**
 * A generated network imported into a world of a test file's own: every id (countries, places and
 * species included) carries the world's prefix, so other test files neither see nor lock its nodes.
 * The generator's files, read back with csv-parse, and its ground truth are the expected values.
 */
export interface GeneratedWorld extends ImportTestContext {
  readonly prefix: string;
  readonly network: NetworkFiles;
  /** The id a generated record has in the graph. */
  id(generatedId: string): string;
  /** The generated id of a graph id of this world. */
  generatedId(graphId: string): string;
  remove(): Promise<void>;
}

/** `duplicates`: the generator's share of duplicate records (0, none, when left out). */
export async function importGeneratedWorld(name: string, options: { seed: string; shipments: number; duplicates?: number }): Promise<GeneratedWorld> {
  const prefix = uniquePrefix(name);
  const context = await importTestContext();
  const dir = await mkdtemp(path.join(tmpdir(), `world-${name}-`));
  try {
    await generateNetwork({ seed: options.seed, shipments: options.shipments, duplicates: options.duplicates, outDir: dir });
    const network = await readNetwork(dir);
    await importCountries(context, prefix, path.join(dir, "reports"));
    await importGeneratedNetwork(context.executor, dir, { registry: context.registry, idPrefix: prefix, reference: "all" });
    return {
      ...context,
      prefix,
      network,
      id: (generatedId) => prefix + generatedId,
      generatedId: (graphId) => {
        if (!graphId.startsWith(prefix)) throw new Error(`${graphId} is not in world ${prefix}`);
        return graphId.slice(prefix.length);
      },
      async remove() {
        await deleteWorld(context.executor, prefix);
        await context.driver.close();
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
