import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { Config } from "../../src/config.js";
import type { GroundTruth } from "../../src/generate/ground-truth.js";
import { GROUND_TRUTH_FILE } from "../../src/generate/layout.js";
import { cacheDirectory, loadedNetwork, type LoadRecord } from "../investigator/dataset.js";

/**
 * The load harness's network: generated and loaded by the import engine once (as the investigator
 * benchmark does, trade tallies included), kept under `.bench/`, then left stopped. The harness
 * starts its own Neo4j on that folder, because it stops and starts it under load.
 */
export interface LoadNetwork {
  /** The Neo4j home holding the loaded database. */
  home: string;
  /** The generator's CSV files, where the requests' variables are drawn from. */
  filesDir: string;
  truth: GroundTruth;
  load: LoadRecord;
}

export async function prepareNetwork(
  config: Config,
  options: { seed: string; shipments: number; log: (line: string) => void },
): Promise<LoadNetwork> {
  const dir = cacheDirectory(options.seed, options.shipments);
  if (!existsSync(path.join(dir, "loaded.json"))) {
    const loaded = await loadedNetwork(config, options);
    await loaded.database.stop();
  }
  const filesDir = path.join(dir, "files");
  return {
    home: path.join(dir, "neo4j"),
    filesDir,
    truth: JSON.parse(await readFile(path.join(filesDir, GROUND_TRUTH_FILE), "utf8")) as GroundTruth,
    load: JSON.parse(await readFile(path.join(dir, "loaded.json"), "utf8")) as LoadRecord,
  };
}
